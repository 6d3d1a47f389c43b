import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { SmsFilter, SmsMessage } from '../../data/model.js';
import { isolateIn } from '../shared/bidi.js';
import { defineMessages, formatCount } from '../shared/messages.js';
import { errorView, loadingView } from '../shared/states.js';
import type { detailsViewOf } from './sms-history.details.view.js';
import { t } from './sms-history.messages.js';
import { categoryName, customerPhone, directionName, errorDetails, formatSentAt, loadErrorTexts, statusName } from './sms-history.view.js';

/**
 * What the dialog's template formats with, handed to it rather than imported: its chunk then
 * imports nothing of the widget, and the widget's modules stay in one first-load file (a chunk
 * shared with the dialog would be gzipped apart and cost more than the dialog saves).
 */
const HELPERS = { t, defineMessages, isolateIn, formatCount, categoryName, customerPhone, errorInfo: errorDetails, formatSentAt, directionName, statusName };
export type DetailsHelpers = typeof HELPERS;

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface SmsDetailsOptions {
  /** Where focus goes back to when the dialog closes (the cell it was opened from). */
  restoreFocus: () => void;
}

/**
 * The details dialog of one text: opened modal once rendered, with focus on Close; closing it
 * (Close, Escape, an "Only this …" filter) returns focus to the grid. The host renders
 * {@link SmsDetails.render} in its template. The dialog's content (`sms-history.details.view.ts`)
 * (its template, text and styles) is loaded the first time one opens, not with the widget: the grid comes first. Meanwhile the
 * dialog shows a skeleton; if the chunk cannot be loaded, its error and Retry (Close stays).
 * @internal
 */
export class SmsDetails implements ReactiveController {
  readonly #host: Host;
  readonly #options: SmsDetailsOptions;
  #message: SmsMessage | null = null;
  #view: ReturnType<typeof detailsViewOf> | null = null;
  #failure: unknown = null;
  /** The content changed under an open dialog (loaded or failed): focus goes back to Close. */
  #refocus = false;

  constructor(host: Host, options: SmsDetailsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The text shown, or null while the dialog is closed. */
  get message(): SmsMessage | null {
    return this.#message;
  }

  hostUpdated(): void {
    const dialog = this.#host.renderRoot.querySelector('dialog');
    // A widget updated while off the page (the template loaded after it left) opens it when back.
    if (this.#message && dialog?.isConnected && (!dialog.open || this.#refocus)) {
      if (!dialog.open) dialog.showModal();
      dialog.querySelector<HTMLElement>('.close')?.focus();
      this.#refocus = false;
    }
  }

  /** Opens the dialog on a text (once its template is loaded). */
  open(message: SmsMessage): void {
    this.#message = message;
    this.#host.requestUpdate();
    if (!this.#view) this.#load();
  }

  #load(): void {
    this.#failure = null;
    this.#host.requestUpdate();
    // The errors' texts with it: the dialog explains the text's error.
    void Promise.all([import('./sms-history.details.view.js'), loadErrorTexts()]).then(
      ([module]) => {
        const root = this.#host.renderRoot as ShadowRoot;
        const sheet = module.detailsStyles.styleSheet;
        if (sheet && root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        this.#view = module.detailsViewOf(HELPERS);
      },
      // Not loaded (offline, a new deploy): the dialog says so, with Retry.
      (error: unknown) => (this.#failure = error),
    ).finally(() => {
      this.#refocus = true;
      this.#host.requestUpdate();
    });
  }

  /** The dialog while a text is shown, else nothing. */
  render(zone: string, named: boolean, actions: DetailsActions): TemplateResult | typeof nothing {
    if (!this.#message) return nothing;
    const content = this.#view
      ? this.#view(this.#message, zone, named, actions)
      : html`<h2 id="details-title">${t('details')}</h2>
          ${this.#failure ? errorView(this.#failure, () => this.#load()) : loadingView(3)}
          <div class="actions">
            <button type="button" class="fc-button fc-button--primary close" @click=${() => actions.close()}>${t('close')}</button>
          </div>`;
    return html`<dialog part="details" aria-labelledby="details-title" @cancel=${(e: Event) => (e.preventDefault(), actions.close())}>
      ${content}
    </dialog>`;
  }

  /** Closes the dialog and returns focus to the grid. */
  async close(): Promise<void> {
    this.#host.renderRoot.querySelector('dialog')?.close();
    this.#message = null;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#options.restoreFocus();
  }
}

export interface DetailsActions {
  close: () => void;
  /** Filters by one value of the text ("Only this customer" and the like). */
  only: (change: Partial<Record<keyof SmsFilter, string>>) => void;
}
