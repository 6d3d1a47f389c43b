import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import { AdapterError } from '../../data/errors.js';
import { mappingPrompt } from '../../data/logic/mapping-prompt.js';
import type { MappingPrompt } from '../../data/logic/mapping-prompt.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { adapterContext } from '../shared/adapter-context.js';
import { QueryController } from '../shared/controllers/query.js';
import { FcElement } from '../shared/fc-element.js';
import { preferencesOf } from '../shared/preferences.js';
import { stateStyles, unsupportedView } from '../shared/states.js';
import { FC_REQUEST_MAPPING, FC_WARNING_DISMISS } from './mapping-warning.events.js';
import { t } from './mapping-warning.messages.js';
import { styles } from './mapping-warning.styles.js';
import { checkFailedView, checkingView } from './mapping-warning.view.js';
import { hostHref } from '../shared/safe-href.js';

/** The preference that holds "don't show again". */
export const DISMISSED_PREFERENCE = 'mapping-warning.dismissed';

/** What the check on entry found. */
type Check = { dismissed: true } | { dismissed: false; prompt: MappingPrompt };

/**
 * The prompt on entering the board: when no customer source is mapped yet, or only some are, a
 * modal dialog says how many sources are unmapped and how many customers show as unknown, and
 * offers to open the mapping editor. "Don't show again" is remembered in the adapter's
 * `preferences`, for its signed-in tenant and user (the provider's cached adapter keeps it on the
 * device until `clearCache()`); with an adapter that has none, for this page only. When every
 * source is mapped it shows nothing.
 * @customElement fc-mapping-warning
 * @fires fc-request-mapping - "Map sources now" was chosen. Cancelable: `preventDefault()` stops the
 *   navigation to `editor-href`. detail: {unmapped, total, unknownCustomers}
 * @fires fc-warning-dismiss - The user closed the prompt (any button, or Escape). detail: {remember}
 * @csspart dialog - The modal dialog.
 * @csspart heading - The dialog's heading.
 * @csspart message - The sentence with the counts.
 * @csspart remember - The "Don't show again" label and checkbox.
 * @csspart actions - The row of buttons.
 * @csspart map-button - "Map sources now".
 * @csspart close-button - "Later".
 * @csspart state - The inline note when the check failed or the host has no customer sources.
 * @csspart error - The inline note when the check failed.
 * @csspart unsupported - The inline note when the host has no customer sources.
 * @csspart retry-button - Retry in the failed-check note.
 * @cssproperty --fc-mapping-warning-accent - Top border and icon colour of the dialog. Default `--fc-color-warn`.
 * @cssproperty --fc-mapping-warning-inline-size - Width of the dialog (it never exceeds the viewport). Default 34rem.
 * @cssproperty --fc-mapping-warning-backdrop - Colour behind the dialog. Default translucent black.
 */
export class FcMappingWarning extends FcElement {
  static override styles = [tokens, shared, stateStyles, styles];

  /** The adapter, from the nearest provider or set by the host. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /**
   * Deprecated, accepted and ignored: "don't show again" belongs to the adapter's signed-in tenant
   * and user (`adapter.preferences`); set `tenant` on `<fc-data-provider>` instead.
   * @deprecated Ignored; set `tenant` on `<fc-data-provider>`.
   */
  @property() tenant = '';

  /**
   * Deprecated, accepted and ignored: "don't show again" belongs to the adapter's signed-in tenant
   * and user (`adapter.preferences`); set `user` on `<fc-data-provider>` instead.
   * @deprecated Ignored; set `user` on `<fc-data-provider>`.
   */
  @property() user = '';

  /**
   * Where "Map sources now" goes when no listener cancels `fc-request-mapping`: an http(s) or relative URL on the page's
   * origin, or on one listed in `editor-origins`. Any other address is not followed.
   */
  @property({ attribute: 'editor-href' }) editorHref = '';

  /** Origins besides the page's own that `editor-href` may lead to, space-separated (`https://crm.example.com https://other.example`). */
  @property({ attribute: 'editor-origins' }) editorOrigins = '';

  /** The dialog is showing. */
  @state() private open = false;
  /** "Don't show again" is checked. */
  @state() private remember = false;

  @query('dialog') private dialog?: HTMLDialogElement | null;

  /** Bumped on every connection, so entering the page again checks again. */
  #entry = 0;

  /** The check, once per entry into the page (not on later changes: the prompt is a reminder, not a monitor). */
  readonly #check = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['sources'],
    domains: [],
    args: () => [this.#entry] as const,
    read: async (adapter, _args, { signal }): Promise<Check> => {
      // A host's preferences that fail count as "not dismissed": the prompt is only a reminder.
      if ((await preferencesOf(adapter).get(DISMISSED_PREFERENCE).catch(() => undefined)) === true) return { dismissed: true };
      const status = await adapter.sources.mappingStatus({ signal });
      const prompt = mappingPrompt(status);
      if (!prompt) throw new AdapterError({ kind: 'malformed', message: this.inLocale(() => t('unreadable')) });
      return { dismissed: false, prompt };
    },
    onValue: (check) => {
      this.remember = false;
      this.open = !check.dismissed && check.prompt.kind !== 'none';
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#entry++;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A removed dialog leaves the top layer; closing it here keeps a moved element from coming
    // back as an open non-modal box. The close event that follows is not the user's doing.
    this.open = false;
    this.dialog?.close();
  }

  /**
   * Forgets "don't show again" for the adapter's user, and, when connected, checks the mapping
   * again (so the prompt shows now if sources are still unmapped).
   */
  async reset(): Promise<void> {
    if (this.adapter) await preferencesOf(this.adapter).delete(DISMISSED_PREFERENCE).catch(() => undefined);
    if (this.isConnected) await this.#check.run();
  }

  /**
   * Opens the mapping editor's address; a subclass may route it through the host's router.
   * @param url An http(s) URL on the page's origin or one in `editor-origins`, already checked.
   */
  protected navigate(url: string): void {
    window.location.assign(url);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (!dialog || !this.isConnected) return;
    if (this.open && !dialog.open) {
      try {
        dialog.showModal();
      } catch {
        // Not allowed as a modal here (e.g. inside an inert subtree): still show it, in place.
        dialog.show();
      }
      // `autofocus` covers the first opening; a dialog opened again keeps focus on the primary action too.
      this.renderRoot.querySelector<HTMLButtonElement>('[part~="map-button"]')?.focus();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  protected override render() {
    // Its own states: a check running or failed is a small line, not a block in the page.
    const check = this.#check;
    if (check.missing) return unsupportedView('sources');
    if (check.error !== undefined) return checkFailedView(check.error, () => check.run());
    const value = check.value;
    if (!value) return checkingView();
    return value.dismissed || value.prompt.kind === 'none' ? nothing : this.#dialogView(value.prompt);
  }

  #dialogView(prompt: MappingPrompt) {
    const missing = prompt.kind === 'missing';
    return html`<dialog
      part="dialog"
      aria-labelledby="heading"
      aria-describedby="message"
      @close=${this.#onNativeClose}
    >
      <h2 class="heading" id="heading" part="heading">
        <span class="icon" aria-hidden="true">⚠</span>
        <span>${missing ? t('headingMissing') : t('headingIncomplete')}</span>
      </h2>
      <p class="message" id="message" part="message">
        ${missing
          ? t('textMissing', prompt.total, prompt.unknownCustomers)
          : t('textIncomplete', prompt.unmapped, prompt.total, prompt.unknownCustomers)}
      </p>
      <label class="remember" part="remember">
        <input
          type="checkbox"
          .checked=${this.remember}
          @change=${(e: Event) => (this.remember = (e.target as HTMLInputElement).checked)}
        />
        <span>${t('dontShowAgain')}</span>
      </label>
      <div class="actions" part="actions">
        <button type="button" class="fc-button fc-button--primary" part="map-button" autofocus @click=${() => void this.#mapNow(prompt)}>
          ${t('mapNow')}
        </button>
        <button type="button" class="fc-button" part="close-button" @click=${() => void this.#dismiss()}>${t('later')}</button>
      </div>
    </dialog>`;
  }

  /** Escape (or anything else that closed the dialog natively) counts as "Later". */
  readonly #onNativeClose = () => {
    if (this.open) void this.#dismiss();
  };

  /** Closes the prompt for the user, remembering "don't show again" when checked; resolves once stored. */
  #dismiss(): Promise<void> {
    if (!this.open) return Promise.resolve();
    this.open = false;
    const remember = this.remember;
    if (this.dialog?.open) this.dialog.close();
    this.#returnFocus();
    const stored = remember && this.adapter ? preferencesOf(this.adapter).set(DISMISSED_PREFERENCE, true).catch(() => undefined) : Promise.resolve();
    this.emit(FC_WARNING_DISMISS, { remember });
    return stored;
  }

  /**
   * Closing gives focus back to what had it before the prompt opened (the browser does that), but
   * the prompt opens on entering the board, usually with nothing focused, and focus would fall to
   * the page body: it goes to the first control of what follows the prompt on the page instead (the
   * board, looked for in its shadow root). A host that moved focus itself keeps it where it put it.
   */
  #returnFocus(): void {
    // Lost: on the body, or still in this widget (as `document.activeElement`, the host).
    const lost = () => [null, document.body, this].includes(document.activeElement as HTMLElement | null);
    // A control that cannot take focus (disabled, hidden) ignores focus(), and the search goes on.
    for (let next = this.nextElementSibling; next && lost(); next = next.nextElementSibling) {
      for (const e of (next.shadowRoot ?? next).querySelectorAll<HTMLElement>('a,button,input,select,[tabindex]')) if (lost()) e.focus();
    }
  }

  async #mapNow(prompt: MappingPrompt): Promise<void> {
    const { unmapped, total, unknownCustomers } = prompt;
    const proceed = this.emit(FC_REQUEST_MAPPING, { unmapped, total, unknownCustomers }, { cancelable: true });
    const stored = this.#dismiss();
    if (!proceed) return;
    const url = hostHref(this, 'editor-href', this.editorHref, this.editorOrigins, 'editor-origins');
    if (!url) return;
    // Stored before the page goes away, so "don't show again" survives the navigation.
    await stored;
    this.navigate(url);
  }
}
