/**
 * Paging of in-memory lists, and the checks every list or report query gets at the boundary
 * (page size, cursor), so a bad query is a specific `AdapterError`, never a crash.
 */
import type { Page, PageQuery } from '../model.js';
import { AdapterError } from '../errors.js';

/** Page size when the query sets none. */
export const DEFAULT_PAGE_LIMIT = 100;
/** Largest page size served; larger requests are capped, not refused. */
export const MAX_PAGE_LIMIT = 1000;

const CURSOR_PREFIX = 'o:';

function rejected(message: string): AdapterError {
  return new AdapterError({ kind: 'rejected', status: 400, message });
}

/**
 * The opaque cursor for a position in a list. Callers must treat it as a token: its form may change.
 * @param offset Zero-based index of the first item of the page.
 * @returns The cursor string.
 * @example encodeCursor(100) // 'bzoxMDA='
 */
export function encodeCursor(offset: number): string {
  return btoa(`${CURSOR_PREFIX}${offset}`);
}

/**
 * The offset a cursor stands for.
 * @param cursor A cursor from a previous page.
 * @returns The zero-based offset.
 * @throws AdapterError kind `rejected` when the cursor was not made by {@link encodeCursor}.
 * @example decodeCursor(encodeCursor(100)) // 100
 */
export function decodeCursor(cursor: string): number {
  let text: string;
  try {
    text = atob(cursor);
  } catch {
    throw rejected(`Invalid page cursor "${cursor.slice(0, 40)}": start again from the first page.`);
  }
  const digits = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (!/^\d{1,15}$/.test(digits)) {
    throw rejected(`Invalid page cursor "${cursor.slice(0, 40)}": start again from the first page.`);
  }
  return Number(digits);
}

/**
 * The page size a query asks for, defaulted and capped.
 * @param limit The requested size, if any.
 * @returns An integer in 1..{@link MAX_PAGE_LIMIT}.
 * @throws AdapterError kind `rejected` for a size that is not a positive integer.
 * @example pageLimit(undefined) // 100
 */
export function pageLimit(limit: number | undefined | null): number {
  if (limit === undefined || limit === null) return DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw rejected(`Invalid page size ${String(limit)}: use a whole number from 1 to ${MAX_PAGE_LIMIT}.`);
  }
  return Math.min(limit, MAX_PAGE_LIMIT);
}

/**
 * A position asked for directly (`offset`), checked.
 * @param offset A 0-based position.
 * @returns The same number.
 * @throws AdapterError kind `rejected` for anything but a whole number from 0.
 */
export function pageOffset(offset: number): number {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw rejected(`Invalid position ${String(offset)}: use a whole number from 0.`);
  }
  return offset;
}

/**
 * One page of a list. A cursor past the end gives an empty last page (the list may have shrunk
 * since the cursor was issued).
 * @param items The whole list, already filtered and sorted.
 * @param query Cursor from the previous page (absent for the first) and page size.
 * @returns The page, the total and the next cursor (null on the last page).
 * @throws AdapterError kind `rejected` for an invalid cursor or page size.
 * @example
 * const first = paginate(['a', 'b', 'c'], { limit: 2 }); // items ['a', 'b'], total 3
 * paginate(['a', 'b', 'c'], { cursor: first.nextCursor, limit: 2 }); // items ['c'], nextCursor null
 */
export function paginate<T>(items: readonly T[], query: PageQuery & { offset?: number | null } = {}): Page<T> {
  return paginateBy(items.length, query, (start, end) => items.slice(start, end));
}

/**
 * One page of a list that is not an array (rows of an index, a list read backwards): as
 * {@link paginate}, with the page's items taken by `take`.
 * @param total The list's length.
 * @param query Cursor or offset, and page size.
 * @param take The items of positions [start, end), end at most `total`.
 * @returns The page, the total and the next cursor (null on the last page).
 * @throws AdapterError kind `rejected` for an invalid cursor or page size.
 * @example paginateBy(rows.length, { limit: 50 }, (start, end) => Array.from(rows.subarray(start, end), (r) => log[r]))
 */
export function paginateBy<T>(total: number, query: PageQuery & { offset?: number | null }, take: (start: number, end: number) => T[]): Page<T> {
  const limit = pageLimit(query.limit);
  const offset = query.offset !== undefined && query.offset !== null ? pageOffset(query.offset) : query.cursor ? decodeCursor(query.cursor) : 0;
  const end = offset + limit;
  return {
    items: offset < total ? take(offset, Math.min(end, total)) : [],
    total,
    nextCursor: end < total ? encodeCursor(end) : null,
  };
}
