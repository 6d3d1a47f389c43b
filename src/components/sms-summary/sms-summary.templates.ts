/**
 * The summary's template-risk panel: templates sent from one number to many customers within a
 * day (`detectTemplateRisk`, computed by the adapter). Loaded when a summary has any, not with the
 * widget, and handed what it renders with (lit's `html`, the formats, the warning icon, the
 * advice) so its chunk imports nothing at run time: the summary and the SMS history around it
 * stay inside their first-load budgets.
 */
import type { html as litHtml, TemplateResult } from 'lit';
import type { TemplateRisk } from '../../data/logic/sms-templates.js';
import type { Formats } from './sms-summary.view.js';

/** What the panel renders with. */
export interface TemplateHelpers {
  html: typeof litHtml;
  f: Formats;
  /** The busiest window's first and last texts, in the shop's zone: "Nov 3, 2026, 8:00 – 11:40 AM". */
  when: (start: string, end: string) => string;
  /** The warning icon of the blocking warning (`aria-hidden`). */
  icon: TemplateResult;
  /** The deck's advice in the current language (`TEMPLATE_RISK_ADVICE` in English). */
  advice: string;
}

const en = {
  heading: 'Warning: texts that look like bulk messages',
  intro: 'Carriers may filter the same text sent from one number to many customers in a day. Names, numbers, dates and links are shown as {placeholders}.',
  from: 'From',
  template: 'Template',
  peak: (n: string, when: string) => `${n} customers within a day (${when})`,
  sent: (messages: string, recipients: string) => `${messages} texts to ${recipients} customers in this period`,
  failed: (failed: string, filtered: string) => `${failed} failed, ${filtered} filtered or blocked by carriers`,
  allDelivered: 'none failed',
  examples: (n: number) => (n === 1 ? 'An example as sent' : `${n} examples as sent`),
};

const es: typeof en = {
  heading: 'Aviso: mensajes que parecen envíos masivos',
  intro: 'Los operadores pueden filtrar el mismo texto enviado desde un número a muchos clientes en un día. Los nombres, números, fechas y enlaces aparecen como {marcadores}.',
  from: 'Desde',
  template: 'Plantilla',
  peak: (n, when) => `${n} clientes en un día (${when})`,
  sent: (messages, recipients) => `${messages} mensajes a ${recipients} clientes en este periodo`,
  failed: (failed, filtered) => `${failed} fallidos, ${filtered} filtrados o bloqueados por los operadores`,
  allDelivered: 'ninguno fallido',
  examples: (n) => (n === 1 ? 'Un ejemplo tal como se envió' : `${n} ejemplos tal como se enviaron`),
};

/**
 * The panel: per template, the sending number, the template as text, how many customers it
 * reached in its busiest day, how many failed or were filtered, examples behind a disclosure, and
 * the advice once. Warned in words and an icon, not colour alone.
 * @param risks The summary's `templates` (at least one).
 * @param h What it renders with.
 * @returns The panel.
 */
export function templatesView(risks: readonly TemplateRisk[], h: TemplateHelpers): TemplateResult {
  const { html, f } = h;
  const m = h.f.locale.startsWith('es') ? es : en;
  const n = (v: number) => f.count.format(v);
  return html`<section class="blocking templates" part="templates" aria-labelledby="templates-heading">
    <h3 id="templates-heading">${h.icon}<span>${m.heading}</span></h3>
    <p>${m.intro}</p>
    <ul>
      ${risks.map(
        (r) => html`<li part="template">
          <p>${m.from} <span class="number">${r.from}</span></p>
          <p class="template-text"><span class="fc-visually-hidden">${m.template}: </span><q>${r.template}</q></p>
          <p>${m.peak(n(r.peakRecipients), h.when(r.peakStart, r.peakEnd))}.
            ${m.sent(n(r.messages), n(r.recipients))};
            ${r.failed ? m.failed(n(r.failed), n(r.filtered)) : m.allDelivered}.</p>
          ${r.examples.length
            ? html`<details>
                <summary>${m.examples(r.examples.length)}</summary>
                <ul class="examples">
                  ${r.examples.map((text) => html`<li>${text}</li>`)}
                </ul>
              </details>`
            : ''}
        </li>`,
      )}
    </ul>
    <p>${h.advice}</p>
  </section>`;
}
