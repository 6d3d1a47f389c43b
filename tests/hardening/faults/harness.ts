/**
 * The fault-injection harness: drives one widget through a scripted, seeded session of user
 * actions while the demo server's chaos spoils requests at random, "reloads" it twice (a fresh
 * element and a fresh cached adapter over the same tenant and user database), then turns the
 * faults off and checks that every write the user made was applied exactly once on the server,
 * that the widget shows data, and that nothing threw uncaught on the way.
 *
 * Time scale: the demo's chaos waits up to 10 s per request; here latency is at most
 * `TEST_CHAOS.latencyMaxMs` (300 ms), about one request in a hundred is held for
 * `TEST_CHAOS.holdMs` (2.5 s), past the clients' `CLIENT_TIMEOUT_MS` (1.5 s), so timeouts happen
 * too, and the outbox backs off from 20 ms to at most 300 ms. (The data-provider session uses the
 * adapter the provider builds: 15 s timeout, backoff from 1 s; the harness flushes it at the end.)
 * The clients refresh every cached answer in the background when it is read, so reads meet the
 * faults even when the cache answers them.
 *
 * Replaying: the seed of a failing session is in its message. The seed fixes the script's choices
 * and the server's sequence of faults; which request meets which fault still depends on timing.
 */
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createChaos, createWriteLedger } from '../../../demo/api/handlers.js';
import type { Chaos, ChaosFault, ChaosOptions, WriteLedger } from '../../../demo/api/handlers.js';
import type { ForecourtAdapter } from '../../../src/data/adapter.js';
import type { OutboxEntry } from '../../../src/data/cache/outbox.js';
import { withCache } from '../../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../../src/data/cache/with-cache.js';
import { generateDataset, mulberry32 } from '../../../src/data/demo-data.js';
import type { Dataset } from '../../../src/data/model.js';
import { createRestAdapter } from '../../../src/data/rest-adapter.js';
import { startDemoServer } from '../../components/rig.js';
import type { DemoServer } from '../../components/rig.js';

/** The chaos of the tests: the demo's kinds of trouble on a shorter time scale (see the file comment). */
export const TEST_CHAOS: Omit<ChaosOptions, 'seed'> = {
  latencyMaxMs: 300,
  holdMs: 2500,
  retryAfterSeconds: 1,
  rates: {
    latency: 0.5,
    hold: 0.01,
    'server-error': 0.05,
    'rate-limited': 0.03,
    network: 0.04,
    'lost-response': 0.04,
    truncated: 0.04,
    'wrong-shape': 0.04,
  },
};
/** The clients' request timeout: shorter than a held request. */
export const CLIENT_TIMEOUT_MS = 1500;
/** The outbox's backoff in the tests. */
export const CLIENT_RETRY = { baseMs: 20, maxMs: 300 };

// ───────────────────────────── tripwire ─────────────────────────────

function describeThrown(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}${value.stack ? `\n${value.stack}` : ''}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Listens for uncaught errors and unhandled rejections on the window while a session runs;
 * `check()` throws if any happened.
 */
export class Tripwire {
  readonly errors: string[] = [];
  readonly #onError = (event: ErrorEvent) => {
    this.errors.push(`uncaught error: ${event.message} (${event.filename}:${event.lineno})${event.error ? `\n${describeThrown(event.error)}` : ''}`);
  };
  readonly #onRejection = (event: PromiseRejectionEvent) => {
    this.errors.push(`unhandled rejection: ${describeThrown(event.reason)}`);
  };

  constructor() {
    window.addEventListener('error', this.#onError);
    window.addEventListener('unhandledrejection', this.#onRejection);
  }

  check(where: string): void {
    if (this.errors.length) throw new Error(`${this.errors.length} uncaught error(s) ${where}:\n${this.errors.join('\n')}`);
  }

  remove(): void {
    window.removeEventListener('error', this.#onError);
    window.removeEventListener('unhandledrejection', this.#onRejection);
  }
}

// ───────────────────────────── randomness ─────────────────────────────

/** A seeded random stream with the picks a script needs. */
export class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A whole number from 0 to `n - 1`. */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length ? items[this.int(items.length)] : undefined;
  }
}

// ───────────────────────────── the DOM as a user sees it ─────────────────────────────

/** Everything under `root`, shadow roots of nested elements included. */
export function deepQueryAll<E extends Element = HTMLElement>(root: ParentNode, selector: string): E[] {
  const found: E[] = [...root.querySelectorAll<E>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepQueryAll<E>(el.shadowRoot, selector));
  return found;
}

/** Rendered and not hidden (a `hidden` ancestor, `display: none`, an inert subtree). */
export function isVisible(el: Element): boolean {
  if (el.closest('[hidden], [inert]')) return false;
  return (el as HTMLElement).checkVisibility?.() ?? el.getClientRects().length > 0;
}

/** Enabled for a user: not disabled, not aria-disabled. */
export function isEnabled(el: Element): boolean {
  return !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true';
}

/** Text of a node, whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Sets a field's value as typing would end: `input`, then `change`. */
export function setValue(field: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Buttons of `root` a user can press now, by their text or accessible name. */
export function buttons(root: ParentNode, name?: string | RegExp): HTMLButtonElement[] {
  return deepQueryAll<HTMLButtonElement>(root, 'button').filter((b) => {
    if (!isVisible(b) || !isEnabled(b)) return false;
    if (name === undefined) return true;
    const label = `${textOf(b)}|${b.getAttribute('aria-label') ?? ''}`;
    return typeof name === 'string' ? textOf(b) === name || b.getAttribute('aria-label') === name : name.test(label);
  });
}

// ───────────────────────────── sessions ─────────────────────────────

/** One kind of thing a user does; `run` answers false when there is nothing to do it to right now. */
export interface Action {
  name: string;
  weight: number;
  run(s: SessionRun): Promise<boolean>;
}

/** A widget's scripted session. */
export interface Session {
  /** The tag it drives. */
  tag: string;
  /** Whether its script writes (else it is a read session). */
  writes: boolean;
  /** The server's data; the small seeded dataset by default. */
  dataset?: () => Dataset;
  /**
   * Puts a fresh widget on the page over `adapter` and returns the element to drive (for the
   * data provider, the widget inside it). Called at the start and on each reload.
   */
  mount(s: SessionRun, adapter: CachedAdapter | null): HTMLElement;
  /**
   * The page builds the adapter itself (`<fc-data-provider api-base tenant user>` around the
   * widget, named after `SessionRun.tenant` and `user`): `mount` gets null and the harness follows
   * the provider's adapter.
   */
  ownAdapter?: boolean;
  /** What the user does. */
  actions: Action[];
  /**
   * After the faults stop: what the user does about what still shows failed (Retry on a failed
   * write, their own value on a conflict). Answers true when it did something.
   */
  settle?(s: SessionRun): Promise<boolean>;
  /** True while the widget shows data (not blank, not stuck loading, no error). */
  showsData(s: SessionRun): boolean;
  /** Checks the server's final state against what the user did. */
  verify?(s: SessionRun): Promise<void>;
}

/** How a write the user made ended, as the client saw it. */
type KeyState = 'queued' | 'parked' | 'confirmed' | 'discarded';

/** Figures of one session, for the report. */
export interface SessionReport {
  tag: string;
  seed: number;
  actions: number;
  byAction: Record<string, number>;
  reloads: number;
  /** Writes the user made (idempotency keys the client queued). */
  writes: number;
  /** Requests the server answered with the write already applied under the same key. */
  replays: number;
  /** Writes dropped on purpose (the user's Discard, a widget starting over under the same key). */
  discarded: number;
  faults: Record<ChaosFault, number>;
  errors: number;
  ms: number;
}

/** A running session: the server, the current element and adapter, and what the user did. */
export class SessionRun {
  readonly server: DemoServer;
  readonly rng: Rng;
  readonly seed: number;
  readonly ledger: WriteLedger;
  readonly chaos: Chaos;
  /** Unique per session (and per sign-in): the widget's database is named by a hash of tenant and user (`cacheDatabaseName`). */
  tenant = '';
  user = '';
  /** Per session, what the user meant the server to end up with (filled in by the scripts). */
  readonly intents = new Map<string, unknown>();
  /**
   * Every write the client queued, in the order it was queued (a key queued again after it was
   * discarded counts again): the user's decisions, the last of which should be on the server.
   */
  readonly enqueued: { key: string; domain: string; method: string; args: unknown }[] = [];
  /** Free scratch space for a script (names it made, counters). */
  readonly notes = new Map<string, unknown>();
  /** What happened to each key on the client (listed, sending, gone), for failure messages. */
  readonly traces = new Map<string, string[]>();
  el!: HTMLElement;
  adapter!: CachedAdapter;
  reloads = 0;
  readonly #session: Session;
  readonly #keys = new Map<string, KeyState>();
  readonly #clients: CachedAdapter[] = [];

  constructor(session: Session, server: DemoServer, seed: number) {
    this.#session = session;
    this.server = server;
    this.seed = seed;
    this.rng = new Rng(seed ^ 0x5eed);
    this.ledger = createWriteLedger();
    this.chaos = createChaos({ seed, ...TEST_CHAOS });
    this.#newIdentity();
  }

  #newIdentity(): void {
    const id = `${this.#session.tag}-${this.seed}-${crypto.randomUUID().slice(0, 6)}`;
    this.tenant = `chaos-${id}`;
    this.user = `user-${id}`;
  }

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  /** What the server and the client did with a key, for failure messages. */
  story(key: string): string {
    const server = this.ledger.records.filter((r) => r.key === key).map((r) => `${r.status} ${r.outcome}`);
    return `${key.slice(0, 8)}: server ${server.join('/') || 'never'}, client ${this.traces.get(key)?.join(' > ') ?? 'never'}`;
  }

  /** Keys the client queued, by how they ended. */
  get keys(): ReadonlyMap<string, KeyState> {
    return this.#keys;
  }

  /**
   * A cached REST client over the session's server and database, followed by the harness. Every
   * cached answer is refreshed in the background when read, so reads meet the faults even when
   * the cache answers them.
   */
  client(): CachedAdapter {
    const rest = createRestAdapter({ baseUrl: this.server.baseUrl, timeoutMs: CLIENT_TIMEOUT_MS });
    return this.follow(withCache(rest, { tenant: this.tenant, user: this.user, retry: CLIENT_RETRY, revalidateAfterMs: 0 }));
  }

  /** Follows a cached adapter's outbox: every key it queues, and whether it was confirmed or discarded. */
  follow(adapter: CachedAdapter): CachedAdapter {
    if (this.#clients.includes(adapter)) return adapter;
    this.#clients.push(adapter);
    const client = this.#clients.length;
    // An entry that leaves the queue while `discard` runs for it was discarded, not confirmed.
    const discarding = new Set<string>();
    let shown = new Set<string>();
    adapter.addEventListener('fc-outbox-change', (event) => {
      const now = new Set<string>();
      for (const entry of event.detail.entries) {
        now.add(entry.key);
        this.#trace(entry.key, `c${client} ${entry.status}`);
        const was = this.#keys.get(entry.key);
        if (was === undefined || was === 'discarded' || was === 'confirmed') {
          this.enqueued.push({ key: entry.key, domain: entry.domain, method: entry.method, args: entry.args });
        }
        this.#keys.set(entry.key, entry.status === 'failed' || entry.status === 'conflict' ? 'parked' : 'queued');
      }
      for (const key of shown) {
        if (now.has(key)) continue;
        this.#trace(key, `c${client} gone${discarding.has(key) ? ' (discarded)' : ''}`);
        this.#keys.set(key, discarding.has(key) ? 'discarded' : 'confirmed');
      }
      shown = now;
    });
    const outbox = adapter.outbox;
    const discard = outbox.discard.bind(outbox);
    outbox.discard = async (key: string) => {
      discarding.add(key);
      try {
        return await discard(key);
      } finally {
        discarding.delete(key);
      }
    };
    return adapter;
  }

  #trace(key: string, what: string): void {
    const list = this.traces.get(key) ?? [];
    if (list[list.length - 1] !== what) list.push(what);
    this.traces.set(key, list);
  }

  /** Puts a fresh widget and adapter on the page (the first mount, and each reload). */
  async mount(): Promise<void> {
    const own = this.#session.ownAdapter;
    const adapter = own ? null : this.client();
    this.el = this.#session.mount(this, adapter);
    if (adapter) this.adapter = adapter;
    else {
      await waitUntil(() => this.#providedAdapter(), 'the provider built no adapter', { timeout: 5000 });
      this.adapter = this.follow(this.#providedAdapter()!);
    }
    await (this.el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  }

  #providedAdapter(): CachedAdapter | undefined {
    const provider = this.el.closest('fc-data-provider') as (HTMLElement & { provided?: ForecourtAdapter }) | null;
    return provider?.provided as CachedAdapter | undefined;
  }

  /** A reload: the widget and its adapter go away (unsent writes stay stored), a fresh pair comes. */
  async reload(): Promise<void> {
    // A user's reload comes a moment after their last click, time enough to store what it queued.
    await pause(150);
    const old = this.adapter;
    const top = this.#top();
    top.remove();
    if (!this.#session.ownAdapter) old.close();
    this.reloads++;
    // The page is gone for a moment, as between two page loads.
    await pause(20 + this.rng.int(80));
    await this.mount();
    // A write the old page confirmed as it closed left the queue unseen (a closed cache tells no one).
    const stored = new Set((await this.outbox()).map((e) => e.key));
    for (const [key, state] of this.#keys) {
      if ((state === 'queued' || state === 'parked') && !stored.has(key)) {
        this.#trace(key, 'gone while its page closed');
        this.#keys.set(key, 'confirmed');
      }
    }
  }

  /**
   * The user leaves the widget's page and comes back (a host's route change): a fresh element over
   * the same adapter, so its reads come from the cache and are revalidated.
   */
  async revisit(): Promise<void> {
    if (this.#session.ownAdapter) {
      // The provider stays; the widget inside it is made again.
      this.el.remove();
      this.el = this.#session.mount(this, null);
    } else {
      this.#top().remove();
      this.el = this.#session.mount(this, this.adapter);
    }
    await this.rendered();
  }

  /**
   * The user signs out and another signs in on the shop computer: the cache is cleared, a new
   * identity gets a new, empty database, so every read goes to the network. Read sessions only
   * (signing out drops unsent writes).
   */
  async signIn(): Promise<void> {
    const old = this.adapter;
    this.#top().remove();
    await old.clearCache();
    old.close();
    this.#newIdentity();
    await this.mount();
  }

  /** The outermost element the session put on the page. */
  #top(): Element {
    let top: Element = this.el;
    while (top.parentElement && top.parentElement !== document.body) top = top.parentElement;
    return top;
  }

  /** Removes the widget and deletes the session's database. */
  async dispose(): Promise<void> {
    const adapter = this.adapter;
    try {
      await adapter?.clearCache();
    } finally {
      this.#top().remove();
      if (!this.#session.ownAdapter) adapter?.close();
    }
  }

  /** Waits for the element's pending render. */
  async rendered(): Promise<void> {
    await (this.el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  }

  /** Unconfirmed writes left in the outbox. */
  outbox(): Promise<OutboxEntry[]> {
    return this.adapter.outbox.list();
  }
}

// ───────────────────────────── generic actions ─────────────────────────────

/** Options of `explore`: what the monkey leaves alone and what it types. */
export interface ExploreOptions {
  /** Controls matching this are left to the script (writes, navigation, print). */
  avoid?: string;
  /** Controls whose text or accessible name matches this are left alone too. */
  avoidNames?: RegExp;
  /** Words typed into search and text fields. */
  words?: readonly string[];
  /** Dates typed into date fields (by default the months around the data's today, see `monthDates`). */
  dates?: (s: SessionRun) => readonly string[];
}

const CONTROLS = 'button, select, input, [role="tab"], [role="gridcell"], summary, [tabindex="0"]';

/** The controls a user could use now: inside an open modal dialog if there is one. */
export function controls(root: ParentNode, options: ExploreOptions = {}): HTMLElement[] {
  const { avoid, avoidNames } = options;
  const dialogs = deepQueryAll<HTMLDialogElement>(root, 'dialog[open]');
  const scope: ParentNode[] = dialogs.length ? dialogs : [root];
  return scope
    .flatMap((s) => deepQueryAll<HTMLElement>(s, CONTROLS))
    .filter((c) => (c as HTMLInputElement).type !== 'file' && (c as HTMLInputElement).type !== 'hidden')
    .filter((c) => isVisible(c) && isEnabled(c) && !(avoid && c.matches(avoid)))
    .filter((c) => !avoidNames || !(avoidNames.test(textOf(c)) || avoidNames.test(c.getAttribute('aria-label') ?? '')));
}

/** Uses one control the way a user would: clicks a button, picks an option, types a word or a date. */
export async function operate(s: SessionRun, control: HTMLElement, options: ExploreOptions = {}): Promise<void> {
  const rng = s.rng;
  if (control instanceof HTMLSelectElement) {
    const values = [...control.options].filter((o) => !o.disabled).map((o) => o.value);
    setValue(control, rng.pick(values) ?? '');
  } else if (control instanceof HTMLInputElement) {
    const type = control.type;
    if (type === 'checkbox' || type === 'radio') control.click();
    else if (type === 'date') setValue(control, rng.pick((options.dates ?? ((r) => monthDates(r.server.dataset.today)))(s)) ?? control.value);
    else if (type === 'time') setValue(control, `${String(7 + rng.int(12)).padStart(2, '0')}:${rng.chance(0.5) ? '00' : '30'}`);
    else setValue(control, rng.chance(0.2) ? '' : (rng.pick(options.words ?? ['a']) ?? ''));
  } else {
    control.click();
  }
}

/**
 * Dates a user types into range fields: the first and last days of the months before `today`
 * (and of its own), `today` itself, and an emptied field.
 */
export function monthDates(today: string, months = 5): string[] {
  const dates: string[] = [];
  const [y, m] = today.split('-').map(Number) as [number, number];
  for (let back = 0; back < months; back++) {
    const first = new Date(Date.UTC(y, m - 1 - back, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    dates.push(first.toISOString().slice(0, 10), last.toISOString().slice(0, 10));
  }
  return [...dates, today, ''];
}

/** The monkey: uses a random control of the widget. */
export function explore(options: ExploreOptions = {}, weight = 10): Action {
  return {
    name: 'explore',
    weight,
    async run(s) {
      const control = s.rng.pick(controls(s.root, options));
      if (!control) return false;
      await operate(s, control, options);
      return true;
    },
  };
}

const KEYS = ['Tab', 'Shift+Tab', 'Enter', ' ', 'Escape', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageDown'];

/** The keyboard: focuses a random control and presses a key through the browser. */
export function keyboard(options: ExploreOptions = {}, weight = 3, keys: readonly string[] = KEYS): Action {
  return {
    name: 'keyboard',
    weight,
    async run(s) {
      const control = s.rng.pick(controls(s.root, options));
      if (!control) return false;
      control.focus();
      const key = s.rng.pick(keys)!;
      if (key === 'Shift+Tab') {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
      } else {
        await sendKeys({ press: key === ' ' ? 'Space' : key });
      }
      return true;
    },
  };
}

/** Leaves the widget's page and comes back (see `SessionRun.revisit`). */
export function revisit(weight = 1): Action {
  return {
    name: 'revisit',
    weight,
    async run(s) {
      await s.revisit();
      return true;
    },
  };
}

/** Another user signs in, with an empty cache (see `SessionRun.signIn`); read sessions only. */
export function signIn(weight = 1): Action {
  return {
    name: 'sign-in',
    weight,
    async run(s) {
      await s.signIn();
      return true;
    },
  };
}

/** Retry in a failed load's error state. */
export function retryLoad(weight = 6): Action {
  return {
    name: 'retry-load',
    weight,
    async run(s) {
      const retry = s.rng.pick(deepQueryAll<HTMLButtonElement>(s.root, '[part~="retry-button"]').filter((b) => isVisible(b) && isEnabled(b)));
      if (!retry) return false;
      retry.click();
      return true;
    },
  };
}

/** Clicks every Retry of a failed load (after the faults stop). */
export function clickLoadRetries(s: SessionRun): boolean {
  const retries = deepQueryAll<HTMLButtonElement>(s.root, '[part~="retry-button"]').filter((b) => isVisible(b) && isEnabled(b));
  for (const retry of retries) retry.click();
  return retries.length > 0;
}

/** True while any error state shows. */
export function showsError(root: ParentNode): boolean {
  return deepQueryAll(root, '[part~="state"][part~="error"], .fc-state--error').some(isVisible);
}

/** True while any loading state shows. */
export function showsLoading(root: ParentNode): boolean {
  return deepQueryAll(root, '[part~="state"][part~="loading"], .fc-state--loading').some(isVisible);
}

// ───────────────────────────── the driver ─────────────────────────────

export interface RunOptions {
  seed: number;
  /** User actions to perform. Default 200. */
  actions?: number;
  /** Reloads along the way. Default 2. */
  reloads?: number;
  /** Longest wait, after the faults stop, for the writes to drain and the widget to show data. */
  settleMs?: number;
}

function pickAction(rng: Rng, actions: readonly Action[]): Action {
  const total = actions.reduce((n, a) => n + a.weight, 0);
  let draw = rng.next() * total;
  for (const action of actions) {
    draw -= action.weight;
    if (draw < 0) return action;
  }
  return actions[actions.length - 1]!;
}

let small: Dataset | undefined;
/**
 * The small seeded dataset, generated once for all the sessions that bring none of their own: it
 * takes about a second to generate, and each server works on a copy (the memory adapter's).
 */
const smallDataset = (): Dataset => (small ??= generateDataset({ size: 'small' }));

/**
 * Runs one widget's session under chaos and checks how it ended. Throws, naming the seed, if a
 * write was lost or applied twice, an error went uncaught, or the widget did not end showing data.
 */
export async function runSession(session: Session, options: RunOptions): Promise<SessionReport> {
  const started = performance.now();
  const { seed, actions = 200, reloads = 2, settleMs = 30_000 } = options;
  const tripwire = new Tripwire();
  const server = await startDemoServer(session.dataset?.() ?? smallDataset());
  const s = new SessionRun(session, server, seed);
  server.faults.ledger = s.ledger;
  const byAction: Record<string, number> = {};
  let done = 0;
  const step = (where: string) => `${where} (replay with seed ${seed}; after ${done} actions: ${JSON.stringify(byAction)})`;
  try {
    await s.mount();
    server.faults.chaos = s.chaos;
    const reloadAt = Array.from({ length: reloads }, (_, i) => Math.floor(((i + 1) * actions) / (reloads + 1)));
    let idle = 0;
    while (done < actions) {
      if (s.reloads < reloads && done >= reloadAt[s.reloads]!) await s.reload();
      const action = pickAction(s.rng, session.actions);
      if (await action.run(s)) {
        done++;
        byAction[action.name] = (byAction[action.name] ?? 0) + 1;
        idle = 0;
      } else if (++idle > 400) {
        throw new Error(step(`no action was possible 400 times in a row; the widget shows: ${textOf(s.root).slice(0, 300)}`));
      } else {
        await pause(25);
      }
      await s.rendered();
      // Mostly at once, sometimes a moment to read: requests overlap and also finish.
      await pause(s.rng.chance(0.1) ? 50 + s.rng.int(250) : s.rng.int(15));
      tripwire.check(step(`during the session`));
    }

    // The faults stop: the user fixes what shows failed, the outbox drains, the widget shows data.
    server.faults.chaos = null;
    const deadline = performance.now() + settleMs;
    let settled = false;
    while (performance.now() < deadline) {
      await s.adapter.outbox.flush();
      const acted = (await session.settle?.(s)) ?? false;
      const retried = clickLoadRetries(s);
      await pause(150);
      await s.rendered();
      const left = await s.outbox();
      if (!acted && !retried && left.length === 0 && session.showsData(s) && !showsError(s.root)) {
        settled = true;
        break;
      }
    }
    tripwire.check(step('while settling'));
    if (!settled) {
      const left = (await s.outbox()).map((e) => `${e.method} ${e.status} ${e.error?.message ?? ''}`);
      throw new Error(step(`the session did not settle in ${settleMs} ms: outbox ${JSON.stringify(left)}; the widget shows: ${textOf(s.root).slice(0, 3000)}`));
    }
    checkWrites(s, step);
    await session.verify?.(s);
    tripwire.check(step('at the end'));
    return {
      tag: session.tag,
      seed,
      actions: done,
      byAction,
      reloads: s.reloads,
      writes: s.keys.size,
      replays: s.ledger.records.filter((r) => r.outcome === 'replayed').length,
      discarded: [...s.keys.values()].filter((k) => k === 'discarded').length,
      faults: { ...s.chaos.injected },
      errors: tripwire.errors.length,
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (error instanceof Error && !error.message.includes(`seed ${seed}`)) error.message = step(error.message);
    throw error;
  } finally {
    server.faults.chaos = null;
    server.faults.ledger = null;
    await s.dispose().catch(() => undefined);
    tripwire.remove();
  }
}

/**
 * Every write the client confirmed was applied exactly once on the server; nothing was applied
 * that the client did not send; nothing is left queued.
 */
function checkWrites(s: SessionRun, step: (where: string) => string): void {
  const problems: string[] = [];
  const about = (key: string) => {
    const write = s.enqueued.find((w) => w.key === key);
    const seen = s.ledger.records.filter((r) => r.key === key).map((r) => `${r.request} ${r.status} ${r.outcome}`);
    return `${key} (${write?.method} ${JSON.stringify(write?.args)}; server: ${seen.join(', ') || 'never'}; client: ${s.traces.get(key)?.join(' > ')})`;
  };
  for (const [key, state] of s.keys) {
    const applied = s.ledger.applied.get(key) ?? 0;
    if (state === 'queued' || state === 'parked') problems.push(`${about(key)} is still ${state}`);
    if (state === 'confirmed' && applied !== 1) problems.push(`${about(key)} was confirmed but applied ${applied} times`);
  }
  for (const key of s.ledger.applied.keys()) if (!s.keys.has(key)) problems.push(`${key} was applied but the client never queued it`);
  if (problems.length) throw new Error(step(`writes: ${problems.join('; ')}`));
}
