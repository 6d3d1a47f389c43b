/**
 * "Mark followed up", loaded apart from the first load (as the widget is created, so a follow-up
 * an earlier page left in the outbox shows soon after the list): the note form, the writes through
 * the shared pending-writes controller, and each want's follow-up state (saving, failed with Retry,
 * changed by someone else). Nothing typed is lost: a refused follow-up keeps its note beside the
 * want, where Retry, "Edit note" or "Save mine anyway" picks it up again; a closed form keeps its
 * draft, in the user's preferences, through a reload.
 */
import { css, html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import type { ForecourtAdapter, WantFollowUp } from '../../data/adapter.js';
import type { VehicleWant } from '../../data/model.js';
import { isolateIn } from '../shared/bidi.js';
import { PendingWritesController, currentOf } from '../shared/controllers/pending-writes.js';
import type { WriteFailure } from '../shared/controllers/pending-writes.js';
import type { FcElement } from '../shared/fc-element.js';
import type { defineMessages as define } from '../shared/messages.js';
import type { WantFollowUpDetail } from './needed-vehicles.events.js';

/** The widget the follow-ups are made for. */
export type FollowUpHost = FcElement & { adapter?: ForecourtAdapter };

/** What the module shares with the first load, handed over rather than imported (it would split them into a chunk of their own). */
export interface FollowUpHelpers {
  defineMessages: typeof define;
  /** A failure as the suite's error text. */
  failureText: (failure: WriteFailure | null) => string;
  /** A date-time as a medium date in the shop's zone. */
  formatDate: (at: string) => string;
  /** Fires `fc-want-follow-up`. */
  followedUp: (detail: WantFollowUpDetail) => void;
}

/** The preference that holds the notes typed and not sent, by want. */
const DRAFTS = 'needed-vehicles.follow-up-drafts';

const en = {
  mark: 'Mark followed up',
  /** An action's accessible name: its visible text first, then whose want. */
  labelled: (action: string, name: string) => `${action}: ${name}`,
  title: (name: string) => `Follow-up with ${name}`,
  noteLabel: 'Note (what was said, the next step)',
  noteHint: 'Saved with the follow-up and passed to your CRM.',
  save: 'Save follow-up',
  cancel: 'Cancel',
  saving: 'Saving the follow-up…',
  waiting: 'Not sent yet: it is sent when the server can be reached.',
  failed: (message: string) => `The follow-up was not saved. ${message}`,
  conflict: (date: string) => `Someone else followed up with this customer since (last contact ${date}).`,
  conflictUnknown: 'This want was changed by someone else since.',
  yourNote: (note: string) => `Your note: “${note}”`,
  noNote: 'No note.',
  retry: 'Retry',
  edit: 'Edit note',
  anyway: 'Save mine anyway',
  discard: 'Discard',
  saved: (name: string) => `Follow-up with ${name} saved.`,
  lastNote: (note: string) => `Note: “${note}”`,
  draft: (note: string) => `Unsent note: “${note}”`,
};

const es: typeof en = {
  mark: 'Marcar seguimiento hecho',
  labelled: (action, name) => `${action}: ${name}`,
  title: (name) => `Seguimiento con ${name}`,
  noteLabel: 'Nota (qué se habló, el próximo paso)',
  noteHint: 'Se guarda con el seguimiento y se pasa a su CRM.',
  save: 'Guardar seguimiento',
  cancel: 'Cancelar',
  saving: 'Guardando el seguimiento…',
  waiting: 'Aún no enviado: se envía cuando se pueda contactar al servidor.',
  failed: (message) => `El seguimiento no se guardó. ${message}`,
  conflict: (date) => `Otra persona hizo un seguimiento con este cliente desde entonces (último contacto ${date}).`,
  conflictUnknown: 'Otra persona cambió este vehículo buscado desde entonces.',
  yourNote: (note) => `Su nota: “${note}”`,
  noNote: 'Sin nota.',
  retry: 'Reintentar',
  edit: 'Editar nota',
  anyway: 'Guardar el mío igualmente',
  discard: 'Descartar',
  saved: (name) => `Seguimiento con ${name} guardado.`,
  lastNote: (note) => `Nota: “${note}”`,
  draft: (note) => `Nota sin enviar: “${note}”`,
};

const styles = css`
  .follow-up {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-xs);
  }
  .follow-up__note,
  .follow-up__hint {
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
  }
  .follow-up__state {
    margin: 0;
  }
  .follow-up__state--failed {
    color: var(--_fc-color-bad);
    font-weight: var(--_fc-font-weight-strong);
  }
  .fc-button--small {
    min-block-size: 1.75rem;
    padding-inline: var(--_fc-space-s);
    font-size: var(--_fc-font-size-s);
  }
  .follow-up__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs);
  }
  .follow-up-dialog {
    inline-size: min(32rem, calc(100vw - 2 * var(--_fc-space-m)));
  }
  .follow-up-dialog h3 {
    margin-block: 0 var(--_fc-space-s);
  }
  .follow-up-dialog label {
    display: block;
    margin-block-end: var(--_fc-space-xs);
  }
  .follow-up-dialog textarea {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 6rem;
    font: inherit;
    color: inherit;
    background: var(--_fc-color-surface);
    border: var(--_fc-border-width) solid var(--_fc-color-border-control);
    border-radius: var(--_fc-radius-s);
    padding: var(--_fc-space-xs);
  }
  .follow-up-dialog textarea:focus-visible {
    outline: var(--_fc-focus-ring);
  }
`;

/** The follow-ups of one widget. */
export class FollowUps implements ReactiveController {
  readonly #host: FollowUpHost;
  readonly #h: FollowUpHelpers;
  readonly t: ReturnType<typeof define<typeof en>>;
  readonly #writes: PendingWritesController<'vehicles', WantFollowUp, VehicleWant, VehicleWant>;
  /** The server's last word on wants followed up here (or in a conflict), newer than the list read. */
  readonly #fresh = new Map<string, VehicleWant>();
  /** Notes typed and not sent, by want: a form closed without saving keeps its text. */
  readonly #drafts = new Map<string, string>();
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  /** The want whose form is open, and whether saving replaces a refused follow-up. */
  #open: { want: VehicleWant; replace: boolean } | null = null;
  #announcement = '';

  constructor(host: FollowUpHost, helpers: FollowUpHelpers) {
    this.#host = host;
    this.#h = helpers;
    this.t = helpers.defineMessages(en, es);
    host.addController(this);
    // Notes typed and not sent survive a reload: kept in the user's preferences (the adapter's).
    void host.adapter?.preferences
      ?.get<Record<string, unknown>>(DRAFTS)
      .then((saved) => {
        for (const [id, note] of Object.entries(saved ?? {})) if (typeof note === 'string' && note && !this.#drafts.has(id)) this.#drafts.set(id, note);
        host.requestUpdate();
      })
      .catch(() => undefined);
    this.#writes = new PendingWritesController(host, {
      adapter: () => host.adapter,
      domain: 'vehicles',
      match: (entry) => (entry.domain === 'vehicles' && entry.method === 'followUp' ? entry.args : null),
      about: (f) => f.wantId,
      send: (vehicles, f, options) => vehicles.followUp!(f, options),
      theirs: (body) => currentOf<VehicleWant & { version: number }>(body),
      onConfirmed: (f, want) => this.#confirmed(f, want),
      onRefused: (_f, failure) => {
        const theirs = currentOf<VehicleWant & { version: number }>(failure.body);
        if (failure.kind === 'conflict' && theirs) this.#keep(theirs);
      },
    });
    host.requestUpdate();
  }

  /** Keeps (or, with no text, drops) the draft of a want, and stores the drafts a moment later. */
  #draft(wantId: string, note: string | null): void {
    if (note) this.#drafts.set(wantId, note);
    else this.#drafts.delete(wantId);
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => void this.#host.adapter?.preferences?.set(DRAFTS, Object.fromEntries(this.#drafts)).catch(() => undefined), 300);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot as ShadowRoot | undefined;
    if (root?.adoptedStyleSheets && !root.adoptedStyleSheets.includes(styles.styleSheet!)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
  }

  /** What the live region says about the last follow-up. */
  get announcement(): string {
    return this.#announcement;
  }

  /** The want as the server last told this page (a follow-up confirmed here is newer than the list). */
  current(want: VehicleWant): VehicleWant {
    const fresh = this.#fresh.get(want.id);
    return fresh && (fresh.version ?? 0) > (want.version ?? 0) ? fresh : want;
  }

  #keep(want: VehicleWant): void {
    const known = this.#fresh.get(want.id);
    if (!known || (known.version ?? 0) < (want.version ?? 0)) this.#fresh.set(want.id, want);
  }

  #confirmed(f: WantFollowUp, want: VehicleWant): void {
    this.#keep(want);
    this.#draft(f.wantId, null);
    this.#announcement = this.#host.inLocale(() => this.t('saved', want.customerName));
    this.#h.followedUp({
      wantId: want.id,
      customerId: want.customerId,
      customerName: want.customerName,
      note: f.note,
      followedUpAt: want.lastContactAt ?? new Date().toISOString(),
      want,
    });
    this.#host.requestUpdate();
  }

  /** Opens the note form for a want, with the note typed before (a draft, or a refused follow-up's). */
  open(want: VehicleWant, replace = false): void {
    const write = this.#writes.get(want.id);
    if (write && !this.#drafts.has(want.id)) this.#drafts.set(want.id, write.args.note);
    this.#open = { want, replace };
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const dialog = this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.follow-up-dialog');
      if (dialog && !dialog.open) dialog.showModal();
      dialog?.querySelector('textarea')?.focus();
    });
  }

  async #close(wantId: string): Promise<void> {
    this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.follow-up-dialog')?.close();
    this.#open = null;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(`[data-want="${CSS.escape(wantId)}"] .follow-up button`)?.focus();
  }

  #submit(event: Event): void {
    event.preventDefault();
    const open = this.#open;
    if (!open) return;
    const want = this.current(open.want);
    const write = this.#writes.get(want.id);
    // A conflict's "Edit note" sends over the version the server has now.
    const version = write?.theirs?.version ?? want.version ?? 0;
    const followUp: WantFollowUp = { wantId: want.id, note: this.#drafts.get(want.id) ?? '', expectedVersion: version };
    this.#announcement = '';
    void (open.replace && write ? this.#writes.replace(want.id, followUp) : this.#writes.save(followUp));
    void this.#close(want.id);
  }

  /** A want's follow-up cell after its due mark: the last note, a follow-up on its way or refused, and the actions. */
  cell(want: VehicleWant, canWrite: boolean): TemplateResult {
    const { t } = this;
    const name = want.customerName;
    const write = this.#writes.get(want.id);
    const note = want.followUpNote ? html`<span class="follow-up__note">${isolateIn((n) => t('lastNote', n), want.followUpNote)}</span>` : nothing;
    if (!write) {
      const draft = this.#drafts.get(want.id);
      return html`<div class="follow-up">
        ${note} ${draft ? html`<span class="follow-up__note">${isolateIn((n) => t('draft', n), draft)}</span>` : nothing}
        ${canWrite
          ? html`<button type="button" class="fc-button fc-button--small" aria-label=${t('labelled', t('mark'), name)} @click=${() => this.open(want)}>${t('mark')}</button>`
          : nothing}
      </div>`;
    }
    const typed = html`<span class="follow-up__note">${write.args.note ? isolateIn((n) => t('yourNote', n), write.args.note) : t('noNote')}</span>`;
    if (write.status === 'pending' || write.status === 'sending') {
      return html`<div class="follow-up">${note}<p class="follow-up__state">${t('saving')}${write.error ? html` ${t('waiting')}` : nothing}</p>${typed}</div>`;
    }
    const conflict = write.status === 'conflict';
    const theirs = write.theirs;
    const text = conflict
      ? theirs?.lastContactAt
        ? t('conflict', this.#h.formatDate(theirs.lastContactAt))
        : t('conflictUnknown')
      : t('failed', this.#h.failureText(write.error));
    const button = (label: string, aria: string, click: () => void) =>
      html`<button type="button" class="fc-button fc-button--small" aria-label=${aria} @click=${click}>${label}</button>`;
    const again = conflict
      ? button(t('anyway'), t('labelled', t('anyway'), name), () => {
          const version = theirs?.version ?? want.version ?? 0;
          void this.#writes.replace(want.id, { ...write.args, expectedVersion: version });
        })
      : button(t('retry'), t('labelled', t('retry'), name), () => void this.#writes.retry(want.id));
    return html`<div class="follow-up" role="alert">
      ${note}
      <p class="follow-up__state follow-up__state--failed">${text}</p>
      ${typed}
      <div class="follow-up__actions">
        ${again} ${button(t('edit'), t('labelled', t('edit'), name), () => this.open(want, true))}
        ${button(t('discard'), t('labelled', t('discard'), name), () => {
          this.#draft(want.id, null);
          void this.#writes.discard(want.id);
        })}
      </div>
    </div>`;
  }

  /** The note form while open, else nothing. */
  dialog(): TemplateResult | typeof nothing {
    const open = this.#open;
    if (!open) return nothing;
    const { t } = this;
    const want = open.want;
    const close = () => void this.#close(want.id);
    return html`<dialog class="follow-up-dialog" part="follow-up-dialog" aria-labelledby="follow-up-title" @cancel=${(e: Event) => (e.preventDefault(), close())}>
      <form @submit=${(e: Event) => this.#submit(e)}>
        <h3 id="follow-up-title">${isolateIn((n) => t('title', n), want.customerName)}</h3>
        <label for="follow-up-note">${t('noteLabel')}</label>
        <textarea
          id="follow-up-note"
          maxlength="2000"
          aria-describedby="follow-up-hint"
          .value=${this.#drafts.get(want.id) ?? ''}
          @input=${(e: Event) => this.#draft(want.id, (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p id="follow-up-hint" class="follow-up__hint">${t('noteHint')}</p>
        <div class="follow-up__actions">
          <button type="submit" class="fc-button fc-button--primary">${t('save')}</button>
          <button type="button" class="fc-button" @click=${close}>${t('cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
