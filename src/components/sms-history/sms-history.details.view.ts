/**
 * The details dialog's content, loaded with `import()` the first time a dialog opens (not with
 * the widget): its template, its own English and Spanish text and its styles (adopted into the
 * host's shadow root on load). It is handed what it formats with (`DetailsHelpers`), so it
 * imports nothing of the widget.
 */
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { SmsMessage } from '../../data/model.js';
import type { DetailsActions, DetailsHelpers } from './sms-history.details.js';

const en = {
  detailsTitle: (who: string, time: string) => `Text with ${who}, ${time}`,
  fromNumber: 'From number',
  toNumber: 'To number',
  provider: 'Provider',
  definition: 'What happened',
  advice: 'What to do',
  noErrorDetails: 'No error.',
  billable: 'The provider bills this message.',
  notBillable: 'The provider does not bill this message.',
  onlyCustomer: 'Only this customer',
  onlyEmployee: 'Only this employee',
  onlyCode: 'Only this error code',
};

const es: typeof en = {
  detailsTitle: (who, time) => `Texto con ${who}, ${time}`,
  fromNumber: 'Número de origen',
  toNumber: 'Número de destino',
  provider: 'Proveedor',
  definition: 'Qué pasó',
  advice: 'Qué hacer',
  noErrorDetails: 'Sin error.',
  billable: 'El proveedor cobra este mensaje.',
  notBillable: 'El proveedor no cobra este mensaje.',
  onlyCustomer: 'Solo este cliente',
  onlyEmployee: 'Solo este empleado',
  onlyCode: 'Solo este código de error',
};

/** The fields' layout (the dialog's box, title and actions are in the widget's styles: the loading state has them too). */
export const detailsStyles = css`
  dialog dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_fc-space-xs) var(--_fc-space-m);
    margin: 0 0 var(--_fc-space-m);
  }
  dialog dt {
    color: var(--_fc-color-text-muted);
  }
  dialog dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
`;

/** The content's view over the helpers it is handed. */
export function detailsViewOf(h: DetailsHelpers) {
  const { t, isolateIn, formatCount, categoryName, customerPhone, errorInfo, formatSentAt, directionName, statusName } = h;
  const own = h.defineMessages(en, es);
  /** The content for a text (the dialog is the host's): every field, its error explained, and "Only this …" filters. */
  return (m: SmsMessage, zone: string, named: boolean, actions: DetailsActions): TemplateResult => {
    const time = formatSentAt(m.sentAt, zone, named);
    const who = m.customerName ?? customerPhone(m) ?? t('noCustomer');
    const info = errorInfo(m);
    const item = (label: string, value: string) => html`<dt>${label}</dt><dd>${value}</dd>`;
    return html`<h2 id="details-title">${isolateIn((name) => own('detailsTitle', name, time), who)}</h2>
      <dl>
        ${item(t('colDirection'), directionName(m.direction))} ${item(t('colStatus'), statusName(m.status))}
        ${item(t('colCustomer'), m.customerName ?? t('noCustomer'))} ${item(own('fromNumber'), m.from)} ${item(own('toNumber'), m.to)}
        ${item(t('colEmployee'), m.employeeName ?? t('noEmployee'))} ${item(own('provider'), m.provider)}
        ${item(t('colSegments'), formatCount(m.segments))} ${item(t('colBody'), m.body)}
        ${info
          ? html`${item(t('colError'), `${info.code} · ${info.title} (${categoryName(info.category)})`)}
            ${item(own('definition'), info.definition)} ${item(own('advice'), info.advice)}`
          : item(t('colError'), own('noErrorDetails'))}
      </dl>
      ${info && info.billable !== undefined ? html`<p>${info.billable ? own('billable') : own('notBillable')}</p>` : nothing}
      <div class="actions">
        ${m.customerId ? html`<button type="button" class="fc-button" @click=${() => actions.only({ customerId: m.customerId! })}>${own('onlyCustomer')}</button>` : nothing}
        ${m.employeeId ? html`<button type="button" class="fc-button" @click=${() => actions.only({ employeeId: m.employeeId! })}>${own('onlyEmployee')}</button>` : nothing}
        ${info ? html`<button type="button" class="fc-button" @click=${() => actions.only({ errorCode: info.code })}>${own('onlyCode')}</button>` : nothing}
        <button type="button" class="fc-button fc-button--primary close" @click=${() => actions.close()}>${t('close')}</button>
      </div>`;
  };
}
