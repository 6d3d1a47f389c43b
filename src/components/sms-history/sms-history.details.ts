import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { SmsFilter, SmsMessage } from '../../data/model.js';
import { isolateIn } from '../shared/bidi.js';
import { formatCount } from '../shared/messages.js';
import { t } from './sms-history.messages.js';
import { categoryName, customerPhone, directionName, errorInfo, formatSentAt, statusName } from './sms-history.view.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export interface SmsDetailsOptions {
  /** Where focus goes back to when the dialog closes (the cell it was opened from). */
  restoreFocus: () => void;
}

/**
 * The details dialog of one text: opened modal once rendered, with focus on Close; closing it
 * (Close, Escape, an "Only this …" filter) returns focus to the grid. The host renders
 * {@link detailsView} while {@link message} is set.
 * @internal
 */
export class SmsDetails implements ReactiveController {
  readonly #host: Host;
  readonly #options: SmsDetailsOptions;
  #message: SmsMessage | null = null;

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
    if (this.#message && dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('.close')?.focus();
    }
  }

  /** Opens the dialog on a text. */
  open(message: SmsMessage): void {
    this.#message = message;
    this.#host.requestUpdate();
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

/** The details dialog of a text: every field, its error explained, and "Only this …" filters. */
export function detailsView(m: SmsMessage, zone: string, named: boolean, actions: DetailsActions): TemplateResult {
  const time = formatSentAt(m.sentAt, zone, named);
  const who = m.customerName ?? customerPhone(m) ?? t('noCustomer');
  const info = errorInfo(m);
  const item = (label: string, value: string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<dialog part="details" aria-labelledby="details-title" @cancel=${(e: Event) => (e.preventDefault(), actions.close())}>
    <h2 id="details-title">${isolateIn((name) => t('detailsTitle', name, time), who)}</h2>
    <dl>
      ${item(t('colDirection'), directionName(m.direction))} ${item(t('colStatus'), statusName(m.status))}
      ${item(t('colCustomer'), m.customerName ?? t('noCustomer'))} ${item(t('fromNumber'), m.from)} ${item(t('toNumber'), m.to)}
      ${item(t('colEmployee'), m.employeeName ?? t('noEmployee'))} ${item(t('provider'), m.provider)}
      ${item(t('colSegments'), formatCount(m.segments))} ${item(t('colBody'), m.body)}
      ${info
        ? html`${item(t('colError'), `${info.code} · ${info.title} (${categoryName(info.category)})`)}
          ${item(t('definition'), info.definition)} ${item(t('advice'), info.advice)}`
        : item(t('colError'), t('noErrorDetails'))}
    </dl>
    ${info && info.billable !== undefined ? html`<p>${info.billable ? t('billable') : t('notBillable')}</p>` : nothing}
    <div class="actions">
      ${m.customerId ? html`<button type="button" class="fc-button" @click=${() => actions.only({ customerId: m.customerId! })}>${t('onlyCustomer')}</button>` : nothing}
      ${m.employeeId ? html`<button type="button" class="fc-button" @click=${() => actions.only({ employeeId: m.employeeId! })}>${t('onlyEmployee')}</button>` : nothing}
      ${info ? html`<button type="button" class="fc-button" @click=${() => actions.only({ errorCode: info.code })}>${t('onlyCode')}</button>` : nothing}
      <button type="button" class="fc-button fc-button--primary close" @click=${() => actions.close()}>${t('close')}</button>
    </div>
  </dialog>`;
}
