/**
 * Text from files users bring (provider logs, ADF leads): the bytes decoded in the encoding they
 * were written in, and short excerpts of their content for messages about them.
 */

/** The encodings a file is read in. */
export const FILE_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type FileEncoding = (typeof FILE_ENCODINGS)[number];

/** A file's text and how it was read. */
export interface DecodedText {
  text: string;
  /** The encoding the bytes were read in. */
  encoding: FileEncoding;
  /**
   * True when some bytes were not valid in that encoding (a UTF-16 file cut in the middle of a
   * character) and were read as U+FFFD: characters are missing.
   */
  lossy: boolean;
}

/** Longest excerpt of a file's content quoted in a message. */
export const EXCERPT_MAX = 200;

/**
 * A piece of a file's content short enough to quote in a message: at most `max` characters,
 * with `…` when cut (never in the middle of a surrogate pair).
 * @param value The text to quote.
 * @param max Longest excerpt in characters (default {@link EXCERPT_MAX}).
 * @returns The text, or its first `max` characters and `…`.
 * @example excerpt('<'.repeat(50_000_000)).length // 201
 */
export function excerpt(value: string, max = EXCERPT_MAX): string {
  const text = typeof value === 'string' ? value : String(value);
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** UTF-16 without a byte-order mark: ASCII-heavy text has a zero byte in every other place. */
function utf16WithoutBom(bytes: Uint8Array): FileEncoding | null {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  return null;
}

function decodeAs(bytes: Uint8Array, encoding: FileEncoding): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, lossy: false };
  } catch {
    return { text: new TextDecoder(encoding).decode(bytes), encoding, lossy: true };
  }
}

/**
 * A file's bytes as text. A byte-order mark says UTF-16 (LE or BE) or UTF-8; UTF-16 without one
 * is recognised by its zero bytes; otherwise the bytes are read as UTF-8 when they are valid
 * UTF-8, else as Windows-1252 (the Latin-1 superset that Excel and older systems write in the
 * Americas and Western Europe), in which every byte is a character. So no character is silently
 * turned into U+FFFD, and the caller can say which encoding was used.
 * @param bytes The file's content.
 * @returns The text (without a byte-order mark), its encoding, and whether bytes were lost.
 * @example decodeText(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9])) // { text: 'José', encoding: 'windows-1252', lossy: false }
 */
export function decodeText(bytes: ArrayBuffer | ArrayBufferView): DecodedText {
  const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
  if (view[0] === 0xff && view[1] === 0xfe) return decodeAs(view, 'utf-16le');
  if (view[0] === 0xfe && view[1] === 0xff) return decodeAs(view, 'utf-16be');
  const bomless = view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf ? null : utf16WithoutBom(view);
  if (bomless) return decodeAs(view, bomless);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(view), encoding: 'utf-8', lossy: false };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(view), encoding: 'windows-1252', lossy: false };
  }
}

/**
 * Whether a value is bytes a file can be decoded from: an `ArrayBuffer`, or a view of one such as
 * a `Uint8Array` or Node's `Buffer`.
 * @example isBytes(new Uint8Array(2)) // true
 */
export function isBytes(value: unknown): value is ArrayBuffer | ArrayBufferView {
  // By tag as well as by class: a buffer from another realm (an iframe, a Node vm) is one too.
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value) || Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}
