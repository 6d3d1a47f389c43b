/**
 * The XSS corpus (corpus.ts) in every free-text field of every record (inject.ts), and in the
 * server's error messages: every widget is rendered over it and opened up, and at each step no
 * element, event-handler attribute or script URL from the corpus may be in the DOM (shadow roots
 * walked), no payload may have run (the `window.__xss` tripwire), and nothing may throw.
 */
import { aTimeout, expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { CORPUS, armTripwire, elementsIn, tripped, violationsIn, visibleText } from './corpus.js';
import { Tripwire } from './faults/harness.js';
import { injectCorpus } from './inject.js';
import type { InjectedDataset, Instance } from './inject.js';
import { WIDGETS, expandAll, mountWidget, settled, widgetTags } from './widgets.js';
import type { FcTag, WidgetInput } from './widgets.js';

// Texts dense enough that this month's filtered texts flag the blocked number: the SMS summary then shows a number from the data.
const source = generateDataset({ size: 'small', smsCount: 4_000 });
const injected = injectCorpus(source);
/**
 * The same with the providers' error codes kept: the SMS summary shows a blocked sending number
 * only when the codes still say "filtered by the carrier".
 */
const withCodes = injectCorpus(source, { keep: ['zone', 'errorCode'], start: 1_000_000 });
const DATASET_FOR: Partial<Record<FcTag, InjectedDataset>> = { 'fc-sms-summary': withCodes };

/** Payload instances of the error-message tests start here. */
const ERROR_START = 2_000_000;
/** Where every payload instance went: both datasets, and the error messages served. */
const instances = new Map<number, Instance>([...injected.instances, ...withCodes.instances]);

/** Every payload instance that reached any widget's visible text, to show the corpus was exercised. */
const shown = new Set<number>();
/** Widget renders checked, elements looked at, and what the checks found (the tests fail on any). */
let widgetsChecked = 0;
let elementsChecked = 0;
let violationsFound = 0;

/** The input a widget gets: the poisoned dataset, and inputs of its own built from it. */
function input(tag: FcTag): WidgetInput {
  const { dataset, payloadFor } = DATASET_FOR[tag] ?? injected;
  const want = dataset.wants.find((w) => w.customerStatus === 'need-car-locate') ?? dataset.wants[0]!;
  return {
    adapter: createMemoryAdapter(dataset),
    today: dataset.today,
    leadId: dataset.leads[0]!.id,
    vehicle: { vin: null, year: want.yearFrom, make: want.make, model: want.model, trim: want.trim, color: want.color, mileage: null },
    sms: dataset.sms.slice(0, 40),
    fileName: `${payloadFor(source.dealer.name)}.csv`,
  };
}

/**
 * What the checks must catch: an element that renders its text the unsafe ways (as markup, as a
 * link, pasted into an attribute, evaluated as a template literal).
 */
class UnsafeProbe extends LitElement {
  static override properties = { text: { attribute: false } };
  declare text: string;

  protected override render() {
    return html`<div>${unsafeHTML(this.text)}</div>
      <a href=${this.text}>link</a>`;
  }

  protected override updated(): void {
    const spans = document.createElement('div');
    spans.innerHTML = `<span title="${this.text}">a</span><span title='${this.text}'>b</span>`;
    this.renderRoot.append(spans);
    try {
      new Function(`return \`${this.text}\`;`)();
    } catch {
      // Not valid in a template literal: nothing ran.
    }
  }
}
customElements.define('xss-unsafe-probe', UnsafeProbe);

/** Payloads no unsafe rendering above can run: `<body>` is dropped by the HTML parser inside an element; `{{…}}`, `#{…}` and `<%= %>` need a template engine. */
const INERT_IN_PROBE = ['<body', '{{constructor', '#{'];

/** Payload instances (their `n`) whose text appears in `text`. */
function instancesIn(text: string): number[] {
  return [...text.matchAll(/__xss\((\d+)\)/g)].map((m) => Number(m[1]));
}

/** `#12 <img x-xss src=x onerror=… from customers[4].lastName` for a tripwire hit. */
function describeInstance(n: number): string {
  const at = instances.get(n);
  return at ? `#${n} ${CORPUS[at.payload]!(n).slice(0, 60)} from ${at.path}` : `#${n} (a host attribute)`;
}

/** Elements from a payload anywhere on the page, also outside the widget (a portal, the head). */
function strayPayloadElements(): string[] {
  return [...elementsIn(document.documentElement)].filter(([el]) => el.hasAttribute('x-xss')).map(([, where]) => where);
}

/**
 * Renders `tag` with `given`, opens everything it shows more of, and checks the DOM at every
 * step; returns the widget and the payload instances it showed as text.
 */
async function renderAndCheck(tag: FcTag, given: WidgetInput, uncaught: Tripwire): Promise<{ el: HTMLElement; seen: number[] }> {
  const el = await mountWidget(tag, given);
  const seen: number[] = [];
  const look = () => {
    const found = violationsIn(el.parentElement!).map((v) => `${v.where}: ${v.what}`);
    const stray = strayPayloadElements();
    violationsFound += found.length + stray.length;
    expect(found, 'markup or script URLs from data').to.deep.equal([]);
    expect(stray, 'payload elements elsewhere on the page').to.deep.equal([]);
    expect(tripped.map(describeInstance), 'payloads that ran').to.deep.equal([]);
    uncaught.check(`in <${tag}>`);
    elementsChecked += [...elementsIn(el)].length;
    seen.push(...instancesIn(visibleText(el)));
  };
  look();
  await WIDGETS[tag]!.explore?.(el, given, look);
  await expandAll(el);
  await settled(el);
  look();
  seen.forEach((n) => shown.add(n));
  return { el, seen };
}

describe('XSS corpus in every text field, across every widget', function () {
  this.timeout(120_000);
  let uncaught: Tripwire;
  const started = performance.now();

  before(() => {
    armTripwire();
    uncaught = new Tripwire();
  });
  after(() => {
    uncaught.remove();
    const payloads = new Set([...shown].map((n) => instances.get(n)?.payload));
    console.log(
      `xss: ${CORPUS.length} payloads; ${injected.instances.size} instances in ${injected.fields.size} text fields of the dataset, ` +
        `plus every server error message; ${widgetsChecked} widget renders of ${widgetTags().length} widgets, ${elementsChecked} elements checked; ` +
        `${shown.size} instances (${payloads.size} payloads) shown as text; violations: ${violationsFound}, payloads that ran: ${ran}; ` +
        `${((performance.now() - started) / 1000).toFixed(0)} s\n  fields: ${[...injected.fields].sort().join(', ')}`,
    );
  });
  /** Payloads that ran in the widget tests (the probe's are meant to). */
  let ran = 0;
  beforeEach(() => {
    uncaught.errors.length = 0;
    tripped.length = 0;
  });
  afterEach(function () {
    if (!this.currentTest?.title.startsWith('the checks catch')) ran += tripped.length;
  });

  it('the checks catch every payload when an element renders it unsafely', async () => {
    const missed: string[] = [];
    for (const [i, payload] of CORPUS.entries()) {
      const n = 900_000 + i;
      const probe = await fixture<UnsafeProbe>(testHtml`<xss-unsafe-probe .text=${payload(n)}></xss-unsafe-probe>`);
      await aTimeout(50);
      const caught = violationsIn(probe).length > 0 || tripped.includes(n);
      if (!caught && !INERT_IN_PROBE.some((start) => payload(n).startsWith(start))) missed.push(payload(n));
      probe.remove();
    }
    expect(missed).to.deep.equal([]);
    expect(tripped.length, 'the tripwire fired').to.be.greaterThan(5);
  });

  it('the dataset carries the corpus in every kind of record, and every payload', () => {
    const records = new Set([...injected.fields].map((field) => field.split('.')[0]));
    for (const part of ['dealer', 'categories[]', 'sources[]', 'customers[]', 'invoices[]', 'spend[]', 'board[]', 'sms[]', 'leads[]', 'rules[]', 'traffic[]', 'deleted[]', 'wants[]']) {
      expect(records.has(part), part).to.equal(true);
    }
    expect(new Set([...injected.instances.values()].map((i) => i.payload)).size, 'every payload used').to.equal(CORPUS.length);
  });

  for (const tag of widgetTags()) {
    it(`<${tag}> shows every payload in its data as text`, async () => {
      const { el, seen } = await renderAndCheck(tag, input(tag), uncaught);
      widgetsChecked += 1;
      if (WIDGETS[tag]!.showsData) expect(seen.length, 'payloads shown as text').to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });
  }

  it('every payload of the corpus reached the screen as text in some widget', () => {
    const payloads = new Set([...shown].map((n) => instances.get(n)?.payload));
    const missing = CORPUS.map((p, i) => (payloads.has(i) ? null : p(0))).filter((p) => p !== null);
    expect(missing).to.deep.equal([]);
  });

  describe('in the server’s error messages', () => {
    const BASE = '/xss-errors-api';
    let next = ERROR_START;
    /** Answers alternate: an HTTP 422 whose message is a payload, and a 200 whose body is a payload (not the contract). */
    const worker = setupWorker(
      http.all(`${BASE}/*`, ({ request }) => {
        const n = next++;
        const payload = n % CORPUS.length;
        instances.set(n, { payload, path: `the answer to ${request.method} ${new URL(request.url).pathname}`, original: '' });
        const text = CORPUS[payload]!(n);
        return n % 2 ? HttpResponse.json({ message: text }, { status: 422 }) : HttpResponse.json(text);
      }),
    );
    before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
    after(() => worker.stop());

    for (const tag of widgetTags()) {
      it(`<${tag}> shows them as text`, async () => {
        const first = next;
        const { seen } = await renderAndCheck(tag, { ...input(tag), adapter: createRestAdapter({ baseUrl: BASE }) }, uncaught);
        widgetsChecked += 1;
        // Every widget that asked the server says what went wrong, in the server's words.
        if (next > first) expect(seen.filter((n) => n >= first).length, 'payloads shown as text').to.be.greaterThan(0);
      });
    }
  });
});
