/**
 * The hours of the day a business calendar is open on any weekday, for views laid out by hour
 * (the store-traffic heatmap opens on them).
 */
import type { WeeklyHours } from '../model.js';

const HHMM = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** `'HH:mm'` as minutes of the day (`'24:00'` is 1440), or null when it is not such a time. */
function minutesOf(value: unknown): number | null {
  const m = typeof value === 'string' ? HHMM.exec(value) : null;
  if (!m) return null;
  return m[1] === undefined ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The first and last hour of the day (0–23) that fall in the opening hours of any weekday. An
 * interval that closes before it opens runs past midnight, so the day is open from hour 0 too.
 * Intervals that are not two `'HH:mm'` times are skipped (a view is never refused over them).
 * @param hours Opening hours per weekday, as in a dealer's business calendar.
 * @returns `{ first, last }` hours, or null when no weekday has an opening interval.
 * @example
 * openingHourSpan({ mon: [['08:00', '19:00']], sat: [['09:00', '17:00']] }); // { first: 8, last: 18 }
 * openingHourSpan({ fri: [['20:00', '02:00']] }); // { first: 0, last: 23 }
 */
export function openingHourSpan(hours: WeeklyHours | null | undefined): { first: number; last: number } | null {
  let first = 24;
  let last = -1;
  const cover = (open: number, close: number) => {
    if (close <= open) return;
    first = Math.min(first, Math.floor(open / 60));
    last = Math.max(last, Math.ceil(close / 60) - 1);
  };
  for (const intervals of Object.values(hours ?? {})) {
    if (!Array.isArray(intervals)) continue;
    for (const interval of intervals) {
      if (!Array.isArray(interval) || interval.length !== 2) continue;
      const open = minutesOf(interval[0]);
      const close = minutesOf(interval[1]);
      if (open === null || close === null || open === 1440) continue;
      if (close > open) cover(open, close);
      else {
        cover(open, 1440);
        cover(0, close);
      }
    }
  }
  return last < 0 ? null : { first, last };
}
