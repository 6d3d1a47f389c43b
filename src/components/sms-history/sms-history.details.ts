import { nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { SmsFilter, SmsMessage } from '../../data/model.js';
import { isolateIn } from '../shared/bidi.js';
import { formatCount } from '../shared/messages.js';
import type { detailsView } from './sms-history.details.view.js';
import { t } from './sms-history.messages.js';
import { categoryName, customerPhone, directionName, errorInfo, formatSentAt, statusName } from './sms-history.view.js';

/**
 * What the dialog's template formats with, handed to it rather than imported: its chunk then
 * imports nothing of the widget, and the widget's modules stay in one first-load file (a chunk
 * shared with the dialog would be gzipped apart and cost more than the dialog saves).
 */
const HELPERS = { t, isolateIn, formatCount, categoryName, customerPhone, errorInfo, formatSentAt, directionName, statusName };
export type DetailsHelpers = typeof HELPERS;

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface SmsDetailsOptions {
  /** Where focus goes back to when the dialog closes (the cell it was opened from). */
  restoreFocus: () => void;
}

/**
 * The details dialog of one text: opened modal once rendered, with focus on Close; closing it
 * (Close, Escape, an "Only this …" filter) returns focus to the grid. The host renders
 * {@link SmsDetails.render} in its template. The dialog's template (`sms-history.details.view.ts`)
 * is loaded the first time one opens, not with the widget: the grid comes first.
 * @internal
 */
export class SmsDetails implements ReactiveController {
  readonly #host: Host;
  readonly #options: SmsDetailsOptions;
  #message: SmsMessage | null = null;
  #view: typeof detailsView | null = null;

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
    if (this.#message && dialog?.isConnected && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('.close')?.focus();
    }
  }

  /** Opens the dialog on a text (once its template is loaded). */
  open(message: SmsMessage): void {
    this.#message = message;
    if (this.#view) this.#host.requestUpdate();
    else
      void import('./sms-history.details.view.js').then(
        (module) => {
          this.#view = module.detailsView;
          this.#host.requestUpdate();
        },
        // Not loaded (offline, a new deploy): the click does nothing rather than leave a dialog half open.
        () => (this.#message = null),
      );
  }

  /** The dialog while a text is shown, else nothing. */
  render(zone: string, named: boolean, actions: DetailsActions): TemplateResult | typeof nothing {
    return this.#message && this.#view ? this.#view(this.#message, zone, named, actions, HELPERS) : nothing;
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
