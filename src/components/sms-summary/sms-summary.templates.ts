/**
 * The summary's template-risk panel: templates sent from one number to many customers within a
 * day (`detectTemplateRisk`, computed by the adapter). Part of the charts' lazy module (re-exported
 * by `sms-summary.chart.ts`), not of the widget's first load, and handed what it renders with (lit's `html`, the formats, the warning icon, the
 * advice) so its chunk imports nothing at run time: the summary and the SMS history around it
 * stay inside their first-load budgets.
 */
import type { html as litHtml, TemplateResult } from 'lit';
import type { TemplateRisk } from '../../data/logic/sms-templates.js';
import type { Formats } from './sms-summary.view.js';

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
  more: (n: string) => `And ${n} more templates like these.`,
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
  more: (n) => `Y ${n} plantillas más como estas.`,
};

/** The most templates the panel lists (the widest-reaching first); the rest are counted. */
export const TEMPLATES_SHOWN = 3;

/**
 * The panel: per template (the first `TEMPLATES_SHOWN`, then how many more), the sending number (a heading), the template as text, how many
 * customers it reached within a day, how many failed or were filtered, examples behind a
 * disclosure, and the advice once. Warned in words and an icon, not colour alone.
 * @param risks The summary's `templates` (at least one).
 * @param html lit's `html`.
 * @param f The widget's formats.
 * @param when Instants in the shop's zone, for the busiest window ("Nov 3, 2026, 8:00 – 11:40 AM"): the `time` format of the
 *   widget's formats in that zone, made once, not per render.
 * @param icon The blocking warning's icon (`aria-hidden`).
 * @param advice The deck's advice in the current language (`TEMPLATE_RISK_ADVICE` in English).
 * @returns The panel.
 */
export function templatesView(risks: readonly TemplateRisk[], html: typeof litHtml, f: Formats, when: Intl.DateTimeFormat, icon: TemplateResult, advice: string): TemplateResult {
  const m = f.locale.startsWith('es') ? es : en;
  const n = (v: number) => f.count.format(v);
  return html`<section class="blocking templates" part="templates" aria-labelledby="templates-heading">
    <h3 id="templates-heading">${icon}<span>${m.heading}</span></h3>
    <p>${m.intro}</p>
    <ul>
      ${risks.slice(0, TEMPLATES_SHOWN).map(
        (r) => html`<li part="template">
          <h4>${m.from} <span class="number">${r.from}</span></h4>
          <p class="template-text"><span class="fc-visually-hidden">${m.template}: </span><q>${r.template}</q></p>
          <p>${m.peak(n(r.peakRecipients), when.formatRange(new Date(r.peakStart), new Date(r.peakEnd)))}.
            ${m.sent(n(r.messages), n(r.recipients))};
            ${r.failed ? m.failed(n(r.failed), n(r.filtered)) : m.allDelivered}.</p>
          ${r.examples.length
            ? html`<details>
                <summary>${m.examples(r.examples.length)}</summary>
                <ul>
                  ${r.examples.map((text) => html`<li>${text}</li>`)}
                </ul>
              </details>`
            : ''}
        </li>`,
      )}
    </ul>
    ${risks.length > TEMPLATES_SHOWN ? html`<p>${m.more(n(risks.length - TEMPLATES_SHOWN))}</p>` : ''}
    <p>${advice}</p>
  </section>`;
}
