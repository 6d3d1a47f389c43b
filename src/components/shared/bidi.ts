import { html } from 'lit';
import type { TemplateResult } from 'lit';

/** U+2068 FIRST STRONG ISOLATE: opens an isolate whose direction is that of its first strong character. */
const FSI = '\u2068';
/** U+2069 POP DIRECTIONAL ISOLATE: closes it, and every embedding or override opened inside it. */
const PDI = '\u2069';

/**
 * Text from outside (a name, a vehicle, a phone number) set apart inside a longer string for the
 * bidi algorithm: a right-to-left override or an Arabic or Hebrew name in it neither reorders the
 * words around it nor is reordered by them. For text that can only be a string (an `<option>`, a
 * chart label); in a template use `<bdi>` or {@link isolateIn}, which add no characters.
 * @param text The outside text.
 * @returns It between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE (empty text stays empty).
 * @example isolate('\u202Eevil') // "\u2068\u202Eevil\u2069"
 */
export function isolate(text: string): string {
  return text ? `${FSI}${text}${PDI}` : text;
}

/** Private-use marks around a value's index while a message is built; no message or data carries them. */
const HOLD = /\uE000(\d+)\uE001/;

/**
 * A message with outside text in it, each piece of outside text in its own `<bdi>`: the message
 * reads the same (same text, any word order of any locale) and an override in a name stops at
 * the name's end.
 * @param build Builds the message from stand-ins for `values`, in their order.
 * @param values The outside text.
 * @example isolateIn((name) => t('pickerTitle', name), customer.name) // html`Customer source for <bdi>…</bdi>`
 */
export function isolateIn(build: (...held: string[]) => string, ...values: string[]): TemplateResult {
  const parts = build(...values.map((_, i) => `\uE000${i}\uE001`)).split(HOLD);
  return html`${parts.map((part, i) => (i % 2 ? html`<bdi>${values[Number(part)]}</bdi>` : part))}`;
}

