/**
 * The SMS history's filter as a URL-safe string, so a host can keep it in its address bar and
 * a reload restores the same view: `from=2026-11-01&to=2026-11-30&direction=outbound&text=oil%20change`.
 */
import { SMS_DIRECTIONS, SMS_ERROR_CATEGORIES, SMS_STATUSES } from '../model.js';
import type { DateRange, IsoDate, SmsFilter } from '../model.js';
import { isoDateIn, monthRangeOf, rangeProblem } from './calendar.js';

/** The keys of an encoded filter, in the order they are written. */
export const SMS_FILTER_KEYS = ['from', 'to', 'direction', 'status', 'errorCategory', 'errorCode', 'employeeId', 'customerId', 'text'] as const;
export type SmsFilterKey = (typeof SMS_FILTER_KEYS)[number];

/** Longest free-text search kept; longer text is cut. */
export const SMS_FILTER_TEXT_MAX = 200;
/** Longest id or code kept; a longer one is dropped as invalid. */
const ID_MAX = 100;

const isDate = (value: string) => rangeProblem({ from: value, to: value }) === null;

/** The calendar month containing a day (the system clock's month for an invalid day). */
function monthOf(today: IsoDate): DateRange {
  // Plain calendar arithmetic (no zone): the filter reads without loading a zone library.
  return monthRangeOf(today) ?? monthRangeOf(isoDateIn(Date.now(), 'UTC'))!;
}

/**
 * Writes a filter as a URL-safe query string: stable key order, empty and absent parts left out,
 * values percent-encoded (`encodeURIComponent`).
 * @param filter The filter; `from` and `to` are always written when they are set.
 * @returns The string, without a leading `?`.
 * @example encodeSmsFilter({ from: '2026-11-01', to: '2026-11-30', direction: 'outbound', text: 'oil change' })
 *   // 'from=2026-11-01&to=2026-11-30&direction=outbound&text=oil%20change'
 */
export function encodeSmsFilter(filter: SmsFilter): string {
  const parts: string[] = [];
  const source = (filter ?? {}) as Partial<Record<SmsFilterKey, unknown>>;
  for (const key of SMS_FILTER_KEYS) {
    const value = source[key];
    if (typeof value !== 'string' || value === '') continue;
    parts.push(`${key}=${encodeURIComponent(value)}`);
  }
  return parts.join('&');
}

function decodePart(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Reads a filter written by {@link encodeSmsFilter} (or typed into a URL by hand). Never throws:
 * unknown keys, values outside their lists and malformed escapes are dropped. A missing or invalid
 * date falls back to the month of the other end (or of `today`); a reversed range falls back to
 * `today`'s month.
 * @param text The query string, with or without a leading `?`; empty for the default.
 * @param today The viewer's today (ISO date) for the default range; the UTC date of the system clock without it.
 * @returns The filter, always with a valid `from`/`to`.
 * @example decodeSmsFilter('direction=inbound&status=nope', '2026-11-23')
 *   // { from: '2026-11-01', to: '2026-11-30', direction: 'inbound' }
 */
export function decodeSmsFilter(text: string, today?: IsoDate): SmsFilter {
  const found = new Map<SmsFilterKey, string>();
  const raw = typeof text === 'string' ? text.trim().replace(/^\?/, '') : '';
  for (const pair of raw ? raw.split('&') : []) {
    const at = pair.indexOf('=');
    const key = decodePart(at < 0 ? pair : pair.slice(0, at));
    const value = at < 0 ? '' : decodePart(pair.slice(at + 1));
    if (key === null || value === null || found.has(key as SmsFilterKey)) continue;
    if ((SMS_FILTER_KEYS as readonly string[]).includes(key)) found.set(key as SmsFilterKey, value);
  }

  const fallback = monthOf(today && isDate(today) ? today : isoDateIn(Date.now(), 'UTC'));
  const from = found.get('from');
  const to = found.get('to');
  let range: DateRange;
  if (from && to && isDate(from) && isDate(to)) range = from <= to ? { from, to } : fallback;
  else if (from && isDate(from)) range = { from, to: monthOf(from).to };
  else if (to && isDate(to)) range = { from: monthOf(to).from, to };
  else range = fallback;

  const filter: SmsFilter = { ...range };
  const pick = <T extends string>(key: SmsFilterKey, allowed: readonly T[]): T | undefined => {
    const value = found.get(key);
    return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  };
  const direction = pick('direction', SMS_DIRECTIONS);
  if (direction) filter.direction = direction;
  const status = pick('status', SMS_STATUSES);
  if (status) filter.status = status;
  const errorCategory = pick('errorCategory', SMS_ERROR_CATEGORIES);
  if (errorCategory) filter.errorCategory = errorCategory;
  const id = (key: SmsFilterKey) => {
    const value = found.get(key)?.trim();
    // Control characters never belong in an id; such a value was not written by the widget.
    return value && value.length <= ID_MAX && !/[\u0000-\u001f\u007f]/.test(value) ? value : undefined;
  };
  const errorCode = id('errorCode');
  if (errorCode) filter.errorCode = errorCode;
  const employeeId = id('employeeId');
  if (employeeId) filter.employeeId = employeeId;
  const customerId = id('customerId');
  if (customerId) filter.customerId = customerId;
  const search = found.get('text');
  if (search && search.trim()) filter.text = search.slice(0, SMS_FILTER_TEXT_MAX);
  return filter;
}
