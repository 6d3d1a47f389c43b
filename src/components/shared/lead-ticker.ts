/**
 * The one timer behind every `<fc-lead-clock>` and `<fc-lead-queue>` on a page: clocks and queues
 * subscribe while connected and counting, it fires just after each whole second of the real clock,
 * calls every subscriber with the same instant, and stops when none is left. The instant comes from a replaceable source, so
 * tests and hosts can run the clocks on their own time.
 */

/** A subscriber: called once per tick with the tick's instant (epoch milliseconds). */
export type LeadClockTick = (now: number) => void;

const subscribers = new Set<LeadClockTick>();
let source: (() => string | number) | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * The instant the clocks show: the source set with {@link setLeadClockTime}, else `Date.now()`.
 * @returns Epoch milliseconds (NaN when the source gives something that is not an instant).
 */
export function leadClockNow(): number {
  if (!source) return Date.now();
  const value = source();
  return typeof value === 'number' ? value : Date.parse(value);
}

/**
 * Runs every lead clock on another time: a function returning an ISO instant or epoch ms, asked
 * on every tick and whenever a clock (re)computes. `null` goes back to the real time. The real
 * timer keeps firing; call {@link tickLeadClocks} to move the clocks at once after changing time.
 * @example let now = '2026-03-09T15:00:00Z'; setLeadClockTime(() => now); now = '2026-03-09T15:00:01Z'; tickLeadClocks();
 */
export function setLeadClockTime(now: (() => string | number) | null): void {
  source = now;
}

/** Moves every subscribed clock to the current instant now (what the timer does once a second). */
export function tickLeadClocks(): void {
  const now = leadClockNow();
  if (!Number.isFinite(now)) return;
  for (const tick of subscribers) tick(now);
}

/** Whether the shared timer is running (it runs while at least one clock is subscribed). */
export function leadClockTickerRunning(): boolean {
  return timer !== undefined;
}

/** How many clocks are subscribed. */
export function leadClockSubscribers(): number {
  return subscribers.size;
}

function schedule(): void {
  // Just after the next whole second, so every clock on the page changes its seconds together
  // and a timer that fires a little late still lands in the right second.
  timer = setTimeout(fire, 1004 - (Date.now() % 1000));
}

function fire(): void {
  timer = undefined;
  if (!subscribers.size) return;
  tickLeadClocks();
  if (subscribers.size && timer === undefined) schedule();
}

/** @internal A clock starts receiving ticks; the timer starts with the first subscriber. */
export function subscribeLeadClock(tick: LeadClockTick): void {
  subscribers.add(tick);
  if (timer === undefined) schedule();
}

/** @internal A clock stops receiving ticks; the timer stops with the last one. */
export function unsubscribeLeadClock(tick: LeadClockTick): void {
  subscribers.delete(tick);
  if (!subscribers.size && timer !== undefined) {
    clearTimeout(timer);
    timer = undefined;
  }
}
