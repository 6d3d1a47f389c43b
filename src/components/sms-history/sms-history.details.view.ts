import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { SmsMessage } from '../../data/model.js';
import type { DetailsActions, DetailsHelpers } from './sms-history.details.js';

/** The details dialog's content for a text (the dialog is the host's): every field, its error explained, and "Only this …" filters. */
export function detailsView(m: SmsMessage, zone: string, named: boolean, actions: DetailsActions, h: DetailsHelpers): TemplateResult {
  const { t, isolateIn, formatCount, categoryName, customerPhone, errorInfo, formatSentAt, directionName, statusName } = h;
  const time = formatSentAt(m.sentAt, zone, named);
  const who = m.customerName ?? customerPhone(m) ?? t('noCustomer');
  const info = errorInfo(m);
  const item = (label: string, value: string) => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<h2 id="details-title">${isolateIn((name) => t('detailsTitle', name, time), who)}</h2>
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
    </div>`;
}
