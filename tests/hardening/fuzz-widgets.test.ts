/**
 * Every widget over a REST server whose answers are fuzzed from the contract's schemas (see
 * arbitraries.ts): each run mounts the widget, opens what it shows more of, and checks what a
 * user would see: the data, or an error state with words and Retry; never a blank widget, never
 * "Loading…" once the server has answered, never an uncaught error or unhandled rejection, and a
 * refused answer never shown as if it were data.
 *
 * Runs cycle through three servers: every answer valid, half of them broken, all broken. A run's
 * bodies follow from its seed, printed with any failure; the seeds follow from the run's seed
 * (tests/seed.ts: `FC_SEED` replays the file).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import * as v from 'valibot';
import { msg } from '../../src/components/shared/messages.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { generateDataset, mulberry32 } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { PosSource, SourceCategory } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { payloadOf, toJsonText, validOf } from './arbitraries.js';
import type { Json } from './arbitraries.js';
import { elementsIn, visibleText } from './corpus.js';
import { Tripwire } from './faults/harness.js';
import { SEED } from '../seed.js';
import { routeFor } from './routes.js';
import { WIDGETS, isLoading, mountWidget, settled, widgetTags } from './widgets.js';
import type { FcTag, WidgetInput } from './widgets.js';

const BASE = '/fuzz-widgets-api';
/** Runs per widget. */
const RUNS = 12;
/** Share of the answers that meet the contract, by run (cycled). */
const VALID_SHARES = [1, 0.5, 0] as const;
/** Longest wait for a widget to settle; one still loading after it is stuck. */
const SETTLE_MS = 3_000;

/** One answer of the server: to which method, and whether the body met the contract. */
interface Served {
  label: string;
  valid: boolean;
}

/** How the server answers during one run. */
interface Server {
  /** Seeds the bodies of this run. */
  seed: number;
  /** Share of requests answered with a body the contract accepts (the rest it refuses). */
  validShare: number;
  /** Fixed bodies by method (`sources.list`), for the regression tests. */
  fixed: Partial<Record<string, unknown>>;
  served: Served[];
}
let server: Server = { seed: 0, validShare: 1, fixed: {}, served: [] };

/** Whether `text` is a body the contract accepts for `schema`. */
function accepts(schema: v.GenericSchema, text: string): boolean {
  try {
    return v.safeParse(schema, JSON.parse(text), { abortEarly: true }).success;
  } catch {
    return false;
  }
}

/**
 * The body of the `n`th answer of this run: valid (with lists up to 12 long), or fuzzed so that
 * the contract refuses it. Half the valid list pages agree with their `total`; the others may be
 * shorter than it says.
 */
function bodyFor(label: string, schema: v.GenericSchema, n: number, query: URLSearchParams): string {
  if (label in server.fixed) return JSON.stringify(server.fixed[label]);
  const seed = server.seed + n * 7919;
  const valid = mulberry32(seed)() < server.validShare;
  if (valid) {
    const value = fc.sample(validOf(schema, 12), { seed, numRuns: 1 })[0]!;
    if (seed % 2 === 0 && isPage(value)) value.total = Number(query.get('offset') ?? 0) + value.items.length;
    return toJsonText(value);
  }
  // Some fuzzed bodies still meet the contract (an extra key, a mutation of an optional field): the next seed then.
  for (let next = seed; next < seed + 100; next++) {
    const { text } = fc.sample(payloadOf(schema, 12), { seed: next, numRuns: 1 })[0]!;
    if (!accepts(schema, text)) return text;
  }
  throw new Error(`no refused body for ${label} from seed ${seed}`);
}

const isPage = (body: unknown): body is { items: Json[]; total: number } =>
  typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items) && typeof (body as { total?: unknown }).total === 'number';

const worker = setupWorker(
  http.all(`${BASE}/*`, ({ request }) => {
    const url = new URL(request.url);
    const found = routeFor(request.method, url.pathname, BASE);
    if (!found) return HttpResponse.json({ message: `No route for ${request.method} ${url.pathname}` }, { status: 404 });
    const [label, route] = found;
    const text = bodyFor(label, route.schema, server.served.length + 1, url.searchParams);
    const valid = accepts(route.schema, text);
    server.served.push({ label, valid });
    return new HttpResponse(text, { headers: { 'Content-Type': 'application/json' } });
  }),
);

const sms = generateDataset({ size: 'small' }).sms.slice(0, 20);

function input(): WidgetInput {
  return {
    adapter: createRestAdapter({ baseUrl: BASE, timeoutMs: 10_000 }),
    today: '2026-03-31',
    leadId: 'lead-1',
    vehicle: { make: 'Honda', model: 'CR-V', year: 2019 },
    sms,
    fileName: 'twilio-log.csv',
  };
}

/** Every element under the widget, through shadow roots. */
const all = (el: HTMLElement) => [...elementsIn(el)].map(([e]) => e);
const partOf = (e: Element, name: string) => (e.getAttribute('part') ?? '').split(/\s+/).includes(name);

/** Error states on screen, each with its text. */
function errorStates(el: HTMLElement): string[] {
  return all(el)
    .filter((e) => e.classList.contains('fc-state--error') || (partOf(e, 'state') && partOf(e, 'error')))
    .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** What the runs of one widget met. */
interface Tally {
  runs: number;
  requests: number;
  withBrokenBody: number;
  errorShown: number;
  /** Runs that ended still loading (a known defect). */
  ms: number;
  /** Error texts shown while every body met the contract (the widget's own checks of the data). */
  onValidData: Set<string>;
}
const tallies = new Map<FcTag, Tally>();

describe('widgets over fuzzed REST responses', function () {
  this.timeout(10 * 60_000);
  let uncaught: Tripwire;
  const started = performance.now();

  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    uncaught = new Tripwire();
  });
  after(() => {
    worker.stop();
    uncaught.remove();
    const lines = [...tallies].map(
      ([tag, t]) =>
        `  ${tag}: ${t.runs} runs, ${t.requests} answers, ${t.withBrokenBody} runs with a broken answer, ${t.errorShown} showed an error (${(t.ms / 1000).toFixed(1)} s)` +
        (t.onValidData.size ? `\n    error shown on data the contract accepts: ${[...t.onValidData].join(' | ')}` : ''),
    );
    const failed = widgetTags().length - tallies.size;
    console.log(
      `fuzz-widgets: ${tallies.size} widgets × ${RUNS} runs, ${[...tallies.values()].reduce((n, t) => n + t.requests, 0)} answers; ` +
        `widgets with a violation: ${failed}; ${((performance.now() - started) / 1000).toFixed(0)} s\n${lines.join('\n')}`,
    );
  });

  widgetTags().forEach((tag, i) => {
    const spec = WIDGETS[tag]!;
    it(`<${tag}>: ${RUNS} runs render the data or a clear error with Retry; never blank, stuck or throwing`, async () => {
      const tally: Tally = { runs: 0, requests: 0, withBrokenBody: 0, errorShown: 0, ms: 0, onValidData: new Set() };
      const start = performance.now();
      // The widget's first run; its runs take the seeds after it.
      const firstSeed = SEED + i * RUNS;
      for (let run = 0; run < RUNS; run++) {
        server = { seed: firstSeed + run, validShare: VALID_SHARES[run % VALID_SHARES.length]!, fixed: {}, served: [] };
        uncaught.errors.length = 0;
        const given = input();
        const el = await mountWidget(tag, given, SETTLE_MS);
        // A widget still loading has nothing more to open (and each step would wait the full time).
        if (!isLoading(el)) {
          await spec.explore?.(el, given, () => undefined);
          await settled(el, SETTLE_MS);
        }
        tally.runs += 1;
        tally.requests += server.served.length;
        const broken = server.served.filter((s) => !s.valid);
        const shownErrors = errorStates(el);
        if (broken.length) tally.withBrokenBody += 1;
        if (shownErrors.length) tally.errorShown += 1;
        if (!broken.length) shownErrors.forEach((text) => tally.onValidData.add(text.slice(0, 160)));
        const answers = server.served.map((s) => `${s.label}${s.valid ? '' : ' (broken)'}`).join(', ') || 'nothing';
        const context = `seed ${server.seed}, ${server.validShare * 100}% valid; served ${answers}`;

        uncaught.check(`(${context})`);
        if (isLoading(el)) expect.fail(`still loading once the server answered; ${context}`);
        if (spec.showsData) expect(visibleText(el).trim().length, `a blank widget; ${context}`).to.be.greaterThan(0);
        for (const text of shownErrors) expect(text.length, `an error state without words; ${context}`).to.be.greaterThan(0);
        if (shownErrors.length) {
          const retry = all(el).some((e) => partOf(e, 'retry-button'));
          expect(retry, `an error without Retry: ${shownErrors.join(' | ')}; ${context}`).to.equal(true);
        }
        // A body the contract refuses is never shown as if it were data.
        if (broken.length && !server.served.some((s) => s.valid)) {
          expect(visibleText(el), `a refused answer but no error; ${context}`).to.contain(msg('errorMalformed'));
        }
        el.parentElement!.remove();
      }
      tally.ms = performance.now() - start;
      // The runs exercised the widget: it asked for data, and got broken answers in a fair share of runs.
      if (tag !== 'fc-data-provider') {
        expect(tally.requests, 'answers').to.be.at.least(RUNS);
        expect(tally.withBrokenBody, 'runs with a broken answer').to.be.at.least(Math.floor(RUNS / VALID_SHARES.length));
      }
      tallies.set(tag, tally);
    });
  });

  describe('cases the fuzz found', () => {
    const source: PosSource = {
      id: 'src-goog',
      code: 'GOOG',
      categoryId: null,
      name: 'Google',
      origin: 'pos',
      deleted: false,
      customerCount: 12,
      version: 1,
      updatedAt: '2026-03-01T10:00:00Z',
    };
    const category = (id: string, name: string, order: number): SourceCategory => ({ id, name, order, builtIn: true, version: 1 });

    it('<fc-source-mapping-editor> shows a source the server lists many times once, and Edit opens one editor', async () => {
      server = {
        seed: 0,
        validShare: 1,
        served: [],
        fixed: {
          // 10 000 copies of one source, and a category whose name is 100 000 characters: one editor per copy ran the tab out of memory.
          'sources.list': Array.from({ length: 10_000 }, () => source),
          'sources.categories': [category('internet', 'Internet', 1), category('long', 'L'.repeat(100_000), 2), category('internet', 'Internet again', 3)],
        },
      };
      const el = await mountWidget('fc-source-mapping-editor', input());
      const rows = () => el.shadowRoot!.querySelectorAll('tr[part~="row"]');
      expect(rows().length, 'rows').to.equal(1);
      expect(el.shadowRoot!.querySelectorAll('.categories li').length, 'categories listed').to.equal(2);
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="edit"]')!.click();
      await settled(el);
      expect(el.shadowRoot!.querySelectorAll('tr.row--editing select').length, 'category pickers open').to.equal(1);
      el.parentElement!.remove();
    });

    it('<fc-sms-history> with a page shorter than its total: the rows it has, and the rest as an error with Retry, never "Loading…" for ever', async () => {
      const memory = createMemoryAdapter(generateDataset({ size: 'small' }));
      const five = sms.slice(0, 5);
      const shortPage: ForecourtAdapter = {
        sms: { list: async () => ({ items: five, total: 6, nextCursor: null }), summary: (filter, opts) => memory.sms!.summary(filter, opts) },
      };
      const el = await mountWidget('fc-sms-history', { ...input(), adapter: shortPage });
      await settled(el, 5_000);
      expect(isLoading(el), 'still loading').to.equal(false);
      expect(visibleText(el)).to.contain(five[0]!.body);
      const retry = el.shadowRoot!.querySelector('[part~="error-row"] [part~="retry-button"]');
      expect(retry?.getAttribute('aria-label')).to.equal('Retry loading texts 6 to 6');
      expect(visibleText(el)).to.contain('Texts 6 to 6 could not be loaded.');
    });
  });
});
