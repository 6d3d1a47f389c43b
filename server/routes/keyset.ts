/**
 * Keyset paging: a page's cursor is the sort key of its last row, so the next page starts right
 * after it by index, never by skipping rows with OFFSET. The cursor is opaque to clients
 * (base64url JSON of the key); a cursor this server did not make is a 400.
 */
import { AdapterError } from '../../src/data/errors.js';

const PREFIX = 'k1:';

/** The cursor after a row whose sort key is `key`. */
export function encodeKeyCursor(key: readonly string[]): string {
  return Buffer.from(PREFIX + JSON.stringify(key)).toString('base64url');
}

/** The sort key a cursor stands for, checked to be `size` strings. */
export function decodeKeyCursor(cursor: string, size: number): string[] {
  let key: unknown;
  try {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    key = text.startsWith(PREFIX) ? JSON.parse(text.slice(PREFIX.length)) : null;
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== size || !key.every((part) => typeof part === 'string')) throw invalidCursor(cursor);
  return key as string[];
}

/** The 400 of a cursor this server did not make. */
export function invalidCursor(cursor: string): AdapterError {
  return new AdapterError({ kind: 'rejected', status: 400, message: `Invalid page cursor "${cursor.slice(0, 40)}": start again from the first page.` });
}
