/**
 * 200 `<fc-lead-clock>` on one page, all counting (leads of every OEM of the deck arriving in the
 * last two business hours of a Chicago dealer, seconds random, so each clock crosses its whole
 * counted minute at its own second), ticked once per simulated second for 120 seconds (so every
 * clock re-evaluates at least twice: at its whole counted minutes, and wherever a grade changes).
 *
 * One tick, timed: the shared ticker's callback (`tickLeadClocks()`: subtraction, changed digits
 * written to text nodes and, when it moved a step, the gauge fill's dash offset), the Lit updates
 * it requested (after a boundary), then a forced style and layout (`document.body.offsetHeight`).
 * Paint and compositing are not in the figure (they happen off this measurement, in the next frame,
 * which is awaited untimed before the next tick). Headline: median tick of a run; the table shows
 * the median of the runs. Extra figures: `callback` (JS only, without style and layout), `p95` and
 * `max` (worst tick, the minute re-evaluations), `in view` (clocks in the 1280 × 720 viewport, one
 * column: the others are skipped by `content-visibility: auto`, their text still written every
 * second). Time runs on `setLeadClockTime`, so every run does the same work.
 *
 * Peer: 200 Lit elements, each with its own `setInterval(…, 1000)` whose callback sets the time
 * and re-renders the element fully (`evaluateLead` and every text, through Lit). To time one
 * second of theirs the same way, the 200 interval callbacks are called one after the other inside
 * the timed window (their own timers keep running between ticks, untimed); this spares the peer
 * 200 timer tasks per second. It has no `content-visibility`, so it lays out all 200 clocks every
 * second, which is most of the difference.
 */
import { LitElement, html } from 'lit';
import '../../src/components/lead-clock/fc-lead-clock.js';
import type { FcLeadClock } from '../../src/components/lead-clock/fc-lead-clock.js';
import { setLeadClockTime, tickLeadClocks } from '../../src/components/lead-clock/fc-lead-clock.js';
import { DEFAULT_OEM_RULES, NO_OEM_RULE, evaluateLead, ruleForMake } from '../../src/data/logic/leads.js';
import type { DealerProfile, Lead, OemRule } from '../../src/data/model.js';
import { check } from '../lib/case.js';
import type { BenchCase, SideResult } from '../lib/case.js';
import { painted } from '../lib/render.js';

const CLOCKS = 200;
const TICKS = 120;
/** Tue 2026-03-10 11:00:00 CDT. */
const START = Date.parse('2026-03-10T16:00:00.000Z');

const dealer: DealerProfile = {
  name: 'Prairie Motors',
  zone: 'America/Chicago',
  hours: {
    mon: [['08:00', '19:00']],
    tue: [['08:00', '19:00']],
    wed: [['08:00', '19:00']],
    thu: [['08:00', '19:00']],
    fri: [['08:00', '19:00']],
    sat: [['09:00', '17:00']],
  },
  holidays: [],
};

function leads(): Lead[] {
  let seed = 11;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const makes = DEFAULT_OEM_RULES.map((r) => r.makes[0]!);
  return Array.from({ length: CLOCKS }, (_, i) => ({
    id: `lead-${i}`,
    // Between 9:00 and 10:59:59 CDT, to the second.
    receivedAt: new Date(START - Math.floor(rand() * 2 * 3600) * 1000 - 1000).toISOString(),
    make: makes[i % makes.length]!,
    model: null,
    year: null,
    provider: 'OEM website',
    customerName: `Customer ${i}`,
    email: null,
    phone: null,
    salespersonId: null,
    salespersonName: null,
    activities: i % 3 ? [] : [{ id: `a${i}`, kind: 'auto-response', at: new Date(START - 3600_000).toISOString(), by: null }],
  }));
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(0.95 * values.length) - 1]!;

/** Forces style and layout of whatever the tick changed. */
const layout = () => document.body.offsetHeight;

interface Timing {
  total: number[];
  callback: number[];
}

function result({ total, callback }: Timing): SideResult {
  return { ms: median(total), extra: { callback: median(callback), p95: p95(total), max: Math.max(...total) } };
}

const twoDigits = (n: number) => String(n).padStart(2, '0');
const clockText = (s: number) => `${Math.floor(s / 3600)}:${twoDigits(Math.floor(s / 60) % 60)}:${twoDigits(s % 60)}`;

/** What a clock must show at `now`, from `evaluateLead` directly. */
function expected(lead: Lead, now: number): string {
  const state = evaluateLead(lead, lead.activities, ruleForMake(lead.make) ?? NO_OEM_RULE, dealer, new Date(now).toISOString());
  const ms = Math.round(state.remainingMinutes * 60_000);
  return clockText(ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000));
}

// ───────────────────────────── ours ─────────────────────────────

async function ours(): Promise<SideResult> {
  let now = START;
  setLeadClockTime(() => now);
  const all = leads();
  const box = document.createElement('div');
  const clocks = all.map((lead) => {
    const el = document.createElement('fc-lead-clock') as FcLeadClock;
    el.lead = lead;
    el.rules = DEFAULT_OEM_RULES;
    el.calendar = dealer;
    return el;
  });
  box.append(...clocks);
  document.body.append(box);
  await Promise.all(clocks.map((c) => c.updateComplete));
  await painted();
  const digits = (el: FcLeadClock) => el.shadowRoot!.querySelector('[part~="countdown"]')?.textContent ?? '';
  check(clocks.every((c) => digits(c) !== ''), 'every clock is counting');
  check(clocks.every((c) => c.shadowRoot!.querySelector('[role="meter"] .fill')), 'every clock has drawn its gauge');

  const timing: Timing = { total: [], callback: [] };
  for (let tick = 0; tick < TICKS; tick++) {
    now += 1000;
    const start = performance.now();
    tickLeadClocks();
    const pending: Promise<unknown>[] = [];
    for (const c of clocks) if (c.isUpdatePending) pending.push(c.updateComplete);
    if (pending.length) await Promise.all(pending);
    const called = performance.now();
    layout();
    const end = performance.now();
    timing.total.push(end - start);
    timing.callback.push(called - start);
    await painted();
  }
  for (const i of [0, 57, 133, 199]) {
    check(digits(clocks[i]!) === expected(all[i]!, now), `clock ${i} shows ${digits(clocks[i]!)}, evaluateLead says ${expected(all[i]!, now)}`);
  }
  setLeadClockTime(null);
  const inView = clocks.filter((c) => c.getBoundingClientRect().top < innerHeight).length;
  const r = result(timing);
  r.extra!['in view'] = inView;
  return r;
}

// ───────────────────────────── the peer ─────────────────────────────

const PEER_TAG = 'bench-interval-lead-clock';
let peerNow = START;

/** The obvious clock: its own interval, everything recomputed and re-rendered through Lit each second. */
class IntervalLeadClock extends LitElement {
  static override properties = { now: { state: true } };
  lead!: Lead;
  rules!: readonly OemRule[];
  calendar!: DealerProfile;
  // Declared, not initialised as a field: a field would shadow Lit's reactive accessor.
  declare now: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #due = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: dealer.zone });

  constructor() {
    super();
    this.now = peerNow;
  }

  /** The interval's callback. */
  readonly tick = () => {
    this.now = peerNow;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#timer = setInterval(this.tick, 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  protected override render() {
    const rule = ruleForMake(this.lead.make, this.rules) ?? NO_OEM_RULE;
    const s = evaluateLead(this.lead, this.lead.activities, rule, this.calendar, new Date(this.now).toISOString());
    const ms = Math.round(s.remainingMinutes * 60_000);
    const seconds = ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
    return html`<div class="clock clock--${s.status} clock--${s.grade}">
      <p><span>${rule.name}</span> <span>${this.lead.customerName}</span></p>
      <p><span>${s.status === 'overdue' ? 'Overdue by' : 'Time left'}</span> <span class="countdown" aria-hidden="true">${clockText(seconds)}</span></p>
      <p>Due ${this.#due.format(Date.parse(s.dueAt))}</p>
      <p>Grade so far: ${s.grade}</p>
      ${s.consequences.length ? html`<ul>${s.consequences.map((c) => html`<li>${c}</li>`)}</ul>` : ''}
    </div>`;
  }
}

async function peer(): Promise<SideResult> {
  if (!customElements.get(PEER_TAG)) customElements.define(PEER_TAG, IntervalLeadClock);
  peerNow = START;
  const all = leads();
  const box = document.createElement('div');
  const clocks = all.map((lead) => {
    const el = document.createElement(PEER_TAG) as IntervalLeadClock;
    el.lead = lead;
    el.rules = DEFAULT_OEM_RULES;
    el.calendar = dealer;
    return el;
  });
  box.append(...clocks);
  document.body.append(box);
  await Promise.all(clocks.map((c) => c.updateComplete));
  await painted();

  const timing: Timing = { total: [], callback: [] };
  for (let tick = 0; tick < TICKS; tick++) {
    peerNow += 1000;
    const start = performance.now();
    for (const c of clocks) c.tick();
    await Promise.all(clocks.map((c) => c.updateComplete));
    const called = performance.now();
    layout();
    const end = performance.now();
    timing.total.push(end - start);
    timing.callback.push(called - start);
    await painted();
  }
  const digits = (el: IntervalLeadClock) => el.shadowRoot!.querySelector('.countdown')?.textContent ?? '';
  for (const i of [0, 57, 133, 199]) {
    check(digits(clocks[i]!) === expected(all[i]!, peerNow), `peer clock ${i} shows ${digits(clocks[i]!)}, evaluateLead says ${expected(all[i]!, peerNow)}`);
  }
  box.remove();
  return result(timing);
}

export const leadClockTick: BenchCase = {
  name: 'lead-clock-tick',
  description: `one tick of ${CLOCKS} <fc-lead-clock> (shared ticker callback + Lit updates it asked for + forced style/layout; paint not included), median of ${TICKS} ticks; peer: ${CLOCKS} Lit clocks with their own setInterval, fully re-rendered`,
  ours,
  peers: { [`${CLOCKS} Lit clocks, own setInterval, full re-render`]: peer },
  figures: { callback: {}, p95: {}, max: { over: 'max' }, 'in view': { unit: '' } },
  budgets: [{ figure: 'ms', max: 2 }],
};
