import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../src/components/customer-list/fc-customer-list.js';
import '../../src/components/data-provider/fc-data-provider.js';
import '../../src/components/deleted-customers/fc-deleted-customers.js';
import '../../src/components/lead-clock/fc-lead-clock.js';
import '../../src/components/lead-queue/fc-lead-queue.js';
import '../../src/components/lead-response-report/fc-lead-response-report.js';
import '../../src/components/mapping-warning/fc-mapping-warning.js';
import '../../src/components/needed-vehicles/fc-needed-vehicles.js';
import '../../src/components/sms-history/fc-sms-history.js';
import '../../src/components/sms-import/fc-sms-import.js';
import '../../src/components/sms-summary/fc-sms-summary.js';
import '../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import '../../src/components/source-report/fc-source-report.js';
import '../../src/components/store-traffic/fc-store-traffic.js';
import '../../src/components/trade-in-alert/fc-trade-in-alert.js';
import type { FcElement } from '../../src/components/shared/fc-element.js';
import { msg, setLocale } from '../../src/components/shared/messages.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';

const dataset = generateDataset({ size: 'small' });

/** Every widget that renders text of its own (the provider only holds its children). */
const WIDGETS = [
  'fc-customer-list',
  'fc-deleted-customers',
  'fc-lead-clock',
  'fc-lead-queue',
  'fc-lead-response-report',
  'fc-mapping-warning',
  'fc-needed-vehicles',
  'fc-sms-history',
  'fc-sms-import',
  'fc-sms-summary',
  'fc-source-mapping-editor',
  'fc-source-report',
  'fc-store-traffic',
  'fc-trade-in-alert',
];

/** The text a user reads in an element and the shadow roots inside it, digits masked (clocks tick). */
function readText(node: Node): string {
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    if (n instanceof HTMLTemplateElement || n instanceof HTMLStyleElement || n instanceof HTMLScriptElement) return;
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return out.replace(/\d/g, '#').replace(/\s+/g, ' ').trim();
}

/** Waits until the element's text stops changing (its data loaded and drawn). */
async function settled(el: Element): Promise<string> {
  let last = '';
  let same = 0;
  for (let i = 0; i < 100 && same < 3; i++) {
    await aTimeout(60);
    const now = readText(el);
    same = now === last && now !== '' ? same + 1 : 0;
    last = now;
  }
  return last;
}

function configure(el: FcElement & { adapter?: ForecourtAdapter; leadId?: string; lookbackDays?: number }, adapter: ForecourtAdapter): void {
  el.adapter = adapter;
  if (el.localName === 'fc-lead-clock') el.leadId = dataset.leads[0]!.id;
  // Far enough back from the real time now to reach the seeded leads never answered.
  if (el.localName === 'fc-lead-queue') el.lookbackDays = 3650;
}

/** Mounts `tag` with data inside a wrapper with `lang`, with `locale` set on the widget when given. */
async function mount(tag: string, wrapperLang: string, locale?: string): Promise<FcElement> {
  const adapter = createMemoryAdapter(dataset);
  const wrapper = await fixture<HTMLElement>(staticHtml`<div lang=${wrapperLang}><${unsafeStatic(tag)}></${unsafeStatic(tag)}></div>`);
  const el = wrapper.firstElementChild as FcElement;
  if (locale) el.locale = locale;
  configure(el, adapter);
  return el;
}

/** A source report whose host lacks customer sources, in each language. */
const SPANISH = 'Orígenes de clientes Desde Hasta Este sistema no proporciona orígenes de clientes.';
const ENGLISH = 'Customer sources From To This host does not provide customer sources.';

describe('each widget speaks its own language', () => {
  afterEach(() => setLocale(null));

  for (const tag of WIDGETS) {
    it(`<${tag} locale="es"> on an English page reads exactly as it does on a Spanish page`, async () => {
      setLocale('es');
      const reference = await settled(await mount(tag, 'es'));
      setLocale(null);
      const english = await settled(await mount(tag, 'en'));
      const own = await mount(tag, 'en', 'es');
      const spanish = await settled(own);

      expect(english, 'the widget shows the same text in both languages').not.to.equal(reference);
      expect(spanish).to.equal(reference);
      // Marked for assistive technology, inside an English page.
      expect(own.getAttribute('lang')).to.equal('es');
      await expect(own).to.be.accessible();
    });
  }

  it('follows the nearest lang attribute, through a shadow root, and re-renders when it changes', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="es"><div id="host"></div></div>`);
    const inner = host.querySelector('#host')!.attachShadow({ mode: 'open' });
    const el = document.createElement('fc-source-report') as FcElement & { adapter?: ForecourtAdapter };
    el.adapter = {} as ForecourtAdapter;
    inner.append(el);
    expect(await settled(el)).to.equal(SPANISH);

    host.setAttribute('lang', 'en-US');
    expect(await settled(el)).to.equal(ENGLISH);

    el.setAttribute('lang', 'es-MX');
    expect(await settled(el)).to.equal(SPANISH);
  });

  it('puts an English and a Spanish widget side by side, and removing locale goes back to the page', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><fc-source-report locale="es"></fc-source-report><fc-source-report locale="en"></fc-source-report></div>`,
    );
    const [es, en] = [...wrapper.children] as (FcElement & { adapter?: ForecourtAdapter })[];
    for (const el of [es!, en!]) el.adapter = {} as ForecourtAdapter;
    await Promise.all([settled(es!), settled(en!)]);
    expect(readText(es!)).to.equal(SPANISH);
    expect(readText(en!)).to.equal(ENGLISH);
    // Outside any widget, the page's language still rules.
    expect(msg('retry')).to.equal('Retry');

    es!.locale = undefined;
    await settled(es!);
    expect(es!.hasAttribute('lang'), 'the lang it wrote for its locale was left behind').to.equal(false);
    expect(readText(es!)).to.equal(ENGLISH);
  });
});
