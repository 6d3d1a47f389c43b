/**
 * The REST adapter under fuzzed server answers: for every method of the contract, bodies derived
 * from the method's schema (valid, broken once or twice, or not JSON at all) are served through
 * MSW, and each call must resolve with the data the contract accepts or reject with a `malformed`
 * AdapterError that names the broken field; never anything else. Error statuses with any body
 * must reject with the status's kind.
 *
 * The answers come from an MSW handler resolved in the page (`getResponse`) and reach the adapter
 * through its `fetch` option: real `Request`s and `Response`s, without the service worker's round
 * trip (about 5 ms a call here, minutes over 30 000 calls). The worker path itself is covered by
 * tests/data/rest-adapter.test.ts and by fuzz-widgets.test.ts.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { getResponse, http, HttpResponse } from 'msw';
import * as v from 'valibot';
import { AdapterError, isAdapterError } from '../../src/data/errors.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import '../seed.js';
import { describePayload, formatPath, payloadOf } from './arbitraries.js';
import type { PathKey, Payload } from './arbitraries.js';
import { allRoutes, routeFor } from './routes.js';
import type { FuzzRoute } from './routes.js';

const BASE = '/fuzz-rest-api';
/** Bodies per adapter method. */
const RUNS = 1000;
/** Requests in flight at once: each property run checks a batch of bodies concurrently. */
const BATCH = 10;
/** Runs of the error-status property (over every method). */
const STATUS_RUNS = 600;

/** What the server answers, by the `X-Fuzz-Run` header of the request: one handler serves every run. */
const answers = new Map<string, { status: number; text: string }>();
/** The request each run made, `PATCH /sources/src-1`. */
const requested = new Map<string, string>();
const server = [
  http.all(`${BASE}/*`, ({ request }) => {
    const run = request.headers.get('X-Fuzz-Run') ?? '';
    requested.set(run, `${request.method} ${new URL(request.url).pathname}`);
    const answer = answers.get(run) ?? { status: 500, text: 'no answer set for this run' };
    return new HttpResponse(answer.text, { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  }),
];

/** `fetch` answered by {@link server}; a request no handler takes fails as a network error would. */
async function serverFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(new URL(String(input), location.href), init);
  const response = await getResponse(server, request);
  if (!response) throw new TypeError(`Failed to fetch: no handler for ${request.method} ${request.url}`);
  return response;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
let runs = 0;

/**
 * Calls the method on an adapter of its own, with `answer` waiting for it at the server.
 * @returns How the call ended, and the request it made (`GET /sources`).
 */
async function exchange(route: FuzzRoute, answer: { status: number; text: string }): Promise<{ outcome: Outcome; request: string }> {
  const run = String(++runs);
  answers.set(run, answer);
  const adapter = createRestAdapter({ baseUrl: BASE, fetch: serverFetch, timeoutMs: 30_000, headers: { 'X-Fuzz-Run': run } });
  let outcome: Outcome;
  try {
    outcome = { ok: true, value: await route.call(adapter) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const request = requested.get(run) ?? '(none)';
  answers.delete(run);
  requested.delete(run);
  return { outcome, request };
}

/** Prints a payload briefly in a counterexample (bodies run to megabytes). */
const printable = (arb: fc.Arbitrary<Payload>) => arb.map((p) => Object.assign(p, { [fc.toStringMethod]: () => describePayload(p) }));

function adapterError(outcome: Outcome, why: string): AdapterError {
  if (outcome.ok) throw new Error(`expected a rejection (${why}), but the call resolved`);
  if (!isAdapterError(outcome.error)) throw new Error(`expected an AdapterError (${why}), got ${String(outcome.error)}`);
  return outcome.error;
}

const startsWith = (path: readonly PathKey[], prefix: readonly PathKey[]) => prefix.every((key, i) => path[i] === key);

/** How the bodies of one method ended. */
interface Tally {
  resolved: number;
  malformed: number;
  notJson: number;
  ms: number;
}
const tallies = new Map<string, Tally>();

/**
 * Checks one answer against the contract: a body the schema accepts resolves with the parsed
 * value; anything else rejects with a malformed AdapterError naming the first field the schema
 * refuses, which must lie where the body was broken.
 */
async function check(label: string, route: FuzzRoute, payload: Payload, tally: Tally): Promise<void> {
  const { outcome, request } = await exchange(route, { status: 200, text: payload.text });
  const [method = '', pathname = ''] = request.split(' ');
  expect(routeFor(method, pathname, BASE)?.[0], `${label} requested ${request}`).to.equal(label);

  let json: unknown;
  try {
    // fetch's text() drops a UTF-8 byte order mark, as it should.
    json = JSON.parse(payload.text.replace(/^\uFEFF/, ''));
  } catch {
    const error = adapterError(outcome, 'not JSON');
    expect([error.kind, error.retryable]).to.deep.equal(['malformed', false]);
    expect(error.message).to.contain(': not JSON (');
    tally.notJson += 1;
    return;
  }
  const parsed = v.safeParse(route.schema, json, { abortEarly: true });
  if (parsed.success) {
    if (!outcome.ok) throw new Error(`a body the contract accepts was refused: ${String(outcome.error)}`);
    expect(JSON.stringify(outcome.value)).to.equal(JSON.stringify(parsed.output));
    tally.resolved += 1;
    return;
  }
  const error = adapterError(outcome, 'the body breaks the contract');
  expect([error.kind, error.status, error.retryable]).to.deep.equal(['malformed', 200, false]);
  const keys = (parsed.issues[0].path ?? []).map((item) => item.key as PathKey);
  const head = `Malformed response from ${method} ${pathname.slice(BASE.length)}: `;
  expect(error.message.startsWith(head), error.message.slice(0, 200)).to.equal(true);
  // The field is named in full (a key too long to repeat is cut short, so only its start is checked).
  const longKey = keys.findIndex((key) => typeof key === 'string' && key.length > 60);
  const where = formatPath(longKey < 0 ? keys : keys.slice(0, longKey)) || '(root)';
  expect(error.message, 'the message names the field').to.contain(longKey < 0 ? `: ${where}: ` : `: ${where}`);
  expect(error.message.length, `the message stays readable: ${error.message.slice(0, 300)}`).to.be.below(400);
  if (payload.broken.kind !== 'none' && payload.broken.kind !== 'raw') {
    const inBroken = payload.broken.paths.some((at) => startsWith(keys, at));
    expect(inBroken, `the reported field ${where} is where the body was broken`).to.equal(true);
  }
  tally.malformed += 1;
}

describe('REST adapter under fuzzed responses', function () {
  this.timeout(10 * 60_000);
  const started = performance.now();
  after(() => {
    const lines = [...tallies].map(
      ([label, t]) => `  ${label}: ${RUNS} bodies: ${t.resolved} resolved, ${t.malformed} malformed, ${t.notJson} not JSON (${(t.ms / 1000).toFixed(1)} s)`,
    );
    const failed = allRoutes().length - tallies.size;
    console.log(
      `fuzz-rest: ${tallies.size} adapter methods × ${RUNS} fuzzed bodies = ${tallies.size * RUNS} calls, ` +
        `plus ${STATUS_RUNS} error statuses; methods with a violation: ${failed}; ${((performance.now() - started) / 1000).toFixed(0)} s\n${lines.join('\n')}`,
    );
  });

  for (const [label, route] of allRoutes()) {
    it(`${label}: ${RUNS} fuzzed bodies resolve to valid data or reject as malformed, naming the field`, async () => {
      const tally: Tally = { resolved: 0, malformed: 0, notJson: 0, ms: 0 };
      const start = performance.now();
      const batch = fc.array(printable(payloadOf(route.schema)), { minLength: BATCH, maxLength: BATCH });
      await fc.assert(
        fc.asyncProperty(batch, async (payloads) => {
          await Promise.all(payloads.map((payload) => check(label, route, payload, tally)));
        }),
        { numRuns: RUNS / BATCH, includeErrorInReport: true },
      );
      tally.ms = performance.now() - start;
      // Every kind of outcome happened, so the oracle was not vacuous.
      expect(tally.resolved, 'valid bodies').to.be.greaterThan(RUNS * 0.05);
      expect(tally.malformed, 'broken bodies').to.be.greaterThan(RUNS * 0.3);
      expect(tally.notJson, 'bodies that are not JSON').to.be.greaterThan(RUNS * 0.01);
      tallies.set(label, tally);
    });
  }

  it('a huge field value is cut short in the message, never half an emoji', async () => {
    const [, categories] = allRoutes().find(([label]) => label === 'sources.categories')!;
    const base = { id: 'internet', name: 'Internet', order: 1, builtIn: true, version: 1 };
    const huge = { ...base, version: 'x'.repeat(100_000) };
    const { outcome } = await exchange(categories, { status: 200, text: JSON.stringify([base, huge]) });
    expect(adapterError(outcome, 'a string version').message).to.equal(
      `Malformed response from GET /sources/categories: [1].version: expected number, received "${'x'.repeat(60)}…"`,
    );
    // 59 letters and an emoji (two UTF-16 units) straddling the cut: the emoji goes whole.
    const emoji = { ...base, builtIn: `${'y'.repeat(59)}👩‍🔧${'z'.repeat(100)}` };
    const second = await exchange(categories, { status: 200, text: JSON.stringify([emoji]) });
    expect(adapterError(second.outcome, 'a string flag').message).to.equal(
      `Malformed response from GET /sources/categories: [0].builtIn: expected boolean, received "${'y'.repeat(59)}…"`,
    );
  });

  it('a page of 100 000 broken rows is refused at its first bad row', async () => {
    const [, list] = allRoutes().find(([label]) => label === 'sms.list')!;
    const text = JSON.stringify({ items: Array.from({ length: 100_000 }, () => ({ id: 1 })), total: 100_000, nextCursor: null });
    const { outcome } = await exchange(list, { status: 200, text });
    expect(adapterError(outcome, 'rows of the wrong shape').message).to.equal(
      'Malformed response from GET /sms: items[0].id: expected string, received 1',
    );
  });

  it(`an error status rejects with its kind whatever the body (${STATUS_RUNS} runs over every method)`, async () => {
    const statuses = [400, 401, 403, 404, 409, 412, 422, 429, 500, 502, 503] as const;
    const kindFor = (status: number) =>
      status === 401 || status === 403
        ? 'auth'
        : status === 404
          ? 'not-found'
          : status === 409 || status === 412
            ? 'conflict'
            : status === 429
              ? 'rate-limited'
              : status >= 500
                ? 'server'
                : 'rejected';
    const body = fc.oneof(payloadOf(v.object({ message: v.string() })), payloadOf(v.unknown()));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allRoutes()), fc.constantFrom(...statuses), printable(body), async ([label, route], status, payload) => {
        const { outcome } = await exchange(route, { status, text: payload.text });
        const error = adapterError(outcome, `HTTP ${status}`);
        expect([error.kind, error.status], label).to.deep.equal([kindFor(status), status]);
        expect(error).to.be.instanceOf(AdapterError);
        expect(error.message.length, 'a message').to.be.greaterThan(0);
      }),
      { numRuns: STATUS_RUNS, includeErrorInReport: true },
    );
  });
});
