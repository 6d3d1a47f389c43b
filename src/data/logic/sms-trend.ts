/**
 * The SMS summary's daily trend: each period's days on one time axis, and the days carrier
 * blocking marks. Plain arithmetic on the adapter's summary, without luxon, so the summary's first
 * view does not load it; `sms.ts` re-exports it.
 */
import type { IsoDate, SmsSummary } from '../model.js';
import { dayNumberOf } from './calendar.js';

/** One day of the SMS trend: its figures, and where it stands on the trend's time axis. */
export interface SmsTrendDay {
  date: IsoDate;
  /** The position on the axis: UTC midnight of the day this period's axis shows it on (epoch ms). */
  x: number;
  inbound: number;
  outbound: number;
  delivered: number;
  failed: number;
  filtered: number;
}

/** The summary's days on one time axis, for the daily trend and its table. */
export interface SmsTrend {
  /** Every day of the current period. */
  current: SmsTrendDay[];
  /** The previous period's days, each on the axis at the current day it is compared with; days past the current period's end are left off. */
  previous: SmsTrendDay[];
  /** Days of the current period on which carriers filtered or blocked texts, when the summary flags carrier blocking (none otherwise). */
  blockedDays: IsoDate[];
}

const DAY_MS = 86_400_000;

/**
 * The daily trend of a summary: each period's days on this period's axis, so the previous
 * period can be drawn over it. Day i of the previous period (the same range a month earlier) is
 * compared with day i of this one: for a whole month, or any range within one month, that is the
 * same day of the month. The axis is the calendar days as UTC midnights, so every day is as wide
 * as the next whatever the zone's clock changes.
 * @param summary The adapter's summary (both periods' `perDay`, the blocking flags).
 * @returns The current and previous days on one axis, and the days carrier blocking marks.
 * @example smsTrend(summary).previous[4] // { date: '2026-10-05', x: Date.UTC(2026, 10, 5), inbound: 0, outbound: 19, delivered: 19, failed: 0, filtered: 0 }
 */
export function smsTrend(summary: SmsSummary): SmsTrend {
  const current = summary.current.perDay.map((day) => ({ ...day, x: dayNumberOf(day.date) * DAY_MS }));
  const previous = summary.previous.perDay.slice(0, current.length).map((day, i) => ({ ...day, x: current[i]!.x }));
  const blockedDays = summary.blocking.length ? current.filter((day) => day.filtered > 0).map((day) => day.date) : [];
  return { current, previous, blockedDays };
}
