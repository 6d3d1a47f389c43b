/**
 * SMS template risk: the same text, once names, numbers, dates, links and amounts are taken out,
 * sent from one number to many customers within a day. Carriers filter such bulk-looking texts;
 * the dealership CRM deck's advice is to "update your templates on a regular basis or type out
 * different messages to your customers each time" (slide 9).
 */
import type { IsoDateTime, SmsMessage } from '../model.js';
import { HOUR_MS, parseInstant } from './calendar.js';
import { CARRIER_FILTERING_ADVICE, smsErrorCategoryOf } from './sms-errors.js';

/** What the store should do about a template at risk: the deck's advice. */
export const TEMPLATE_RISK_ADVICE = CARRIER_FILTERING_ADVICE;

/** A template is at risk from this many distinct recipients within one window. */
export const TEMPLATE_RISK_MIN_RECIPIENTS = 20;
/** The window, in hours: "within a day". */
export const TEMPLATE_RISK_WINDOW_HOURS = 24;
/**
 * Templates shorter than this many words are left out: "Thanks!" or "On my way" sent to many
 * customers is conversation, not a bulk template.
 */
export const TEMPLATE_RISK_MIN_WORDS = 3;

/** Thresholds of {@link detectTemplateRisk}; each has a default. */
export interface TemplateRiskOptions {
  /** Distinct recipients within one window that make a template a risk (default {@link TEMPLATE_RISK_MIN_RECIPIENTS}). */
  minRecipients?: number;
  /** The window's length in hours (default {@link TEMPLATE_RISK_WINDOW_HOURS}). */
  windowHours?: number;
  /** Fewest words a template needs to count (default {@link TEMPLATE_RISK_MIN_WORDS}). */
  minWords?: number;
  /** How many example texts to keep per template (default 3). */
  examples?: number;
}

/** One template sent from one number to many customers within a day. */
export interface TemplateRisk {
  /** The text with its variable parts replaced by `{name}`, `{link}`, `{email}`, `{phone}`, `{amount}`, `{date}`, `{time}` and `{number}`. */
  template: string;
  /** The sending number. */
  from: string;
  /** Outbound texts of this template from this number among the messages given. */
  messages: number;
  /** Distinct recipients of those texts. */
  recipients: number;
  /** The most distinct recipients within one window: what crossed the threshold. */
  peakRecipients: number;
  /** When the busiest window's first and last texts were sent. */
  peakStart: IsoDateTime;
  peakEnd: IsoDateTime;
  /** Of `messages`, how many failed or were undelivered. */
  failed: number;
  /** Of `messages`, how many carriers filtered or blocked (error category `carrier-filtered`). */
  filtered: number;
  /** A few of the texts as sent, each different, in the order given. */
  examples: string[];
}

// Each pattern runs only when a cheap test says it can match: the detector reads every text of a
// log, and a pass of a regular expression over a text costs about as much as the text is long.
const URL = /\b(?:https?:\/\/|www\.)\S*[^\s.,!?;:)'"’]/gi;
const TLD = /\.(?:com|net|org|ly|co|us|io|info|biz|me|gl|link|site|app|auto|cars)\b/i;
const DOMAIN = /\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|ly|co|us|io|info|biz|me|gl|link|site|app|auto|cars)\b(?:\/\S*[^\s.,!?;:)'"’])?/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const TITLE_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+\p{Lu}[\p{L}'’-]*/gu;
// A capitalised word or two right after a greeting: "Hi Sam," "Thanks Mary Ann!" (a word after
// "Hi" in lower case, "Hi there", is left alone).
const GREETING_NAME =
  /\b((?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Tt]hanks|[Tt]hank you|[Gg]ood (?:morning|afternoon|evening))[,!]?\s+)(?!\{)\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?/gu;
const DAY_WORD = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight)\b/gi;
const DIGIT = /\d/;
// Everything with a digit, in one pass; at one place the first alternative that matches wins.
const DIGIT_PARTS = new RegExp(
  [
    // phone numbers: (312) 555-0100, 312.555.0100, +1 312 555 0100
    /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b/,
    // amounts: $412.50, 1,200 dollars
    /[$€£]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:usd|dollars?)\b/,
    // dates with a month's name: March 3rd, Dec. 12, 2026
    /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b/,
    // times: 6pm, 10:30 a.m., 14:00
    /\b\d{1,2}(?::\d{2})?\s?(?:[ap]\.m\.|[ap]m\b)|\b\d{1,2}:\d{2}\b/,
    // numeric dates: 3/15, 2026-03-15, 15.03.2026
    /\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b/,
    // any other word with a digit: counts (45,210), repair-order and stock numbers, VINs
    /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\b[\w-]*?\d[\w-]*/,
  ]
    .map((part) => `(${part.source})`)
    .join('|'),
  'gi',
);
const DIGIT_PLACEHOLDERS = ['{phone}', '{amount}', '{date}', '{time}', '{date}', '{number}'];
const SPACES = /\s+/g;
const CAPITALISED = /^\p{Lu}/u;

function digitPart(match: string, ...groups: unknown[]): string {
  for (let i = 0; i < DIGIT_PLACEHOLDERS.length; i++) if (groups[i] !== undefined) return DIGIT_PLACEHOLDERS[i]!;
  return match;
}

/** Regular expressions for one person's name parts, cached: a log names the same customers again and again. */
const namePatterns = new Map<string, RegExp | null>();

/** The parts of a name a text may write: the whole name and each word of two letters or more. */
const nameParts = (name: string) => [name.trim(), ...name.split(/\s+/)].filter((part) => part.length >= 2);

/**
 * Whether the text holds a part of the name in any case: most texts name nobody, and building a
 * pattern costs far more than looking (a log of a million customers names each once).
 */
const mentions = (lowerText: string, name: string) => nameParts(name).some((part) => lowerText.includes(part.toLowerCase()));

function namePattern(name: string): RegExp | null {
  let pattern = namePatterns.get(name);
  if (pattern !== undefined) return pattern;
  const parts = nameParts(name)
    .sort((a, b) => b.length - a.length)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  pattern = parts.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  if (namePatterns.size > 10_000) namePatterns.clear();
  namePatterns.set(name, pattern);
  return pattern;
}

/**
 * The template a text was made from: the customer's and the sender's names (as the message
 * records them, and a capitalised word after a greeting or a title), links, email addresses,
 * phone numbers, amounts, dates, times and any other word with a digit are replaced by
 * placeholders, and runs of spaces become one. Other capitalised words are kept: the heuristics
 * stay conservative, so two different texts never look alike.
 * @param body The text as sent.
 * @param names The names the message records (its `customerName`, `employeeName`), each replaced wherever the text writes it capitalised.
 * @returns The template.
 * @example smsTemplateOf('Hi Sam, your Civic is ready. Total $412.50, pick up by 6pm: https://dlr.example.com/ro/88123', ['Sam Lee'])
 * // 'Hi {name}, your Civic is ready. Total {amount}, pick up by {time}: {link}'
 */
export function smsTemplateOf(body: string, names: readonly (string | null | undefined)[] = []): string {
  const lower = body.toLowerCase();
  const named = names.filter((name): name is string => !!name && mentions(lower, name));
  if (named.length) return templateOf(body, named);
  // A text naming nobody has the template of its words alone: the same texts go out again and again.
  let template = plainTemplates.get(body);
  if (template === undefined) {
    template = templateOf(body, []);
    if (plainTemplates.size > 10_000) plainTemplates.clear();
    plainTemplates.set(body, template);
  }
  return template;
}

/** Templates of texts that name none of their message's names, by text. */
const plainTemplates = new Map<string, string>();

function templateOf(body: string, names: readonly string[]): string {
  let text = body;
  if (text.includes('@')) text = text.replace(EMAIL, '{email}');
  if (text.includes('://') || text.includes('www.') || text.includes('WWW.')) text = text.replace(URL, '{link}');
  if (TLD.test(text)) text = text.replace(DOMAIN, '{link}');
  for (const name of names) {
    const pattern = namePattern(name);
    // Only where the text writes it as a name (capitalised): "Will" is a name, "will" is not.
    if (pattern) text = text.replace(pattern, (match) => (CAPITALISED.test(match) ? '{name}' : match));
  }
  text = text.replace(TITLE_NAME, '{name}').replace(GREETING_NAME, '$1{name}');
  if (DIGIT.test(text)) text = text.replace(DIGIT_PARTS, digitPart);
  return text.replace(DAY_WORD, '{date}').replace(SPACES, ' ').trim();
}

/**
 * The template of a message: {@link smsTemplateOf} its body, with the names it records.
 * @param message The message.
 * @returns The template.
 * @example messageTemplate({ ...message, body: 'Hi Sam, your car is ready', customerName: 'Sam Lee' }) // 'Hi {name}, your car is ready'
 */
export function messageTemplate(message: Pick<SmsMessage, 'body' | 'customerName' | 'employeeName'>): string {
  return smsTemplateOf(message.body, [message.customerName, message.employeeName]);
}

/** Words of a template that are not placeholders. */
function wordCount(template: string): number {
  let count = 0;
  for (const word of template.split(' ')) if (word && !word.startsWith('{')) count++;
  return count;
}

interface Group {
  template: string;
  from: string;
  times: number[];
  to: string[];
  messages: number;
  failed: number;
  filtered: number;
  recipients: Set<string>;
  examples: string[];
}

/** The most distinct recipients of a group within one window: [count, first index, last index]. */
function peakWindow(times: readonly number[], to: readonly string[], windowMs: number): [number, number, number] {
  let order: number[] | null = null;
  for (let i = 1; i < times.length; i++) {
    if (times[i]! < times[i - 1]!) {
      order = times.map((_, j) => j).sort((a, b) => times[a]! - times[b]!);
      break;
    }
  }
  const at = (i: number) => (order ? order[i]! : i);
  const inWindow = new Map<string, number>();
  let best: [number, number, number] = [0, 0, 0];
  let left = 0;
  for (let right = 0; right < times.length; right++) {
    const r = at(right);
    inWindow.set(to[r]!, (inWindow.get(to[r]!) ?? 0) + 1);
    while (times[r]! - times[at(left)]! >= windowMs) {
      const l = at(left++);
      const n = inWindow.get(to[l]!)! - 1;
      if (n) inWindow.set(to[l]!, n);
      else inWindow.delete(to[l]!);
    }
    if (inWindow.size > best[0]) best = [inWindow.size, at(left), r];
  }
  return best;
}

/**
 * Texts carriers may filter as bulk: the same template ({@link smsTemplateOf}) sent from one number
 * to at least `minRecipients` different customers within `windowHours` (a sliding window, not a
 * calendar day). Only outbound texts count. One pass over the messages groups them; each group's
 * busiest window is found with two pointers, so the work grows linearly with the log (a group out
 * of time order is sorted first).
 * @param messages The log, any order (time order is cheapest).
 * @param options Thresholds; each has a default.
 * @param templateOf The template of the i-th message; {@link messageTemplate} unless the caller keeps them.
 * @returns One entry per template and sending number at risk, most recipients first.
 * @example detectTemplateRisk(log)[0] // { template: 'Hi {name}, your car is ready for pickup.', from: '+13125550100', messages: 42, recipients: 40, peakRecipients: 31, failed: 6, filtered: 5, examples: [...], ... }
 */
export function detectTemplateRisk(
  messages: readonly SmsMessage[],
  options: TemplateRiskOptions = {},
  templateOf: (message: SmsMessage, i: number) => string = messageTemplate,
): TemplateRisk[] {
  const minRecipients = Math.max(1, options.minRecipients ?? TEMPLATE_RISK_MIN_RECIPIENTS);
  const hours = options.windowHours ?? TEMPLATE_RISK_WINDOW_HOURS;
  const windowMs = (hours > 0 ? hours : TEMPLATE_RISK_WINDOW_HOURS) * HOUR_MS;
  const minWords = options.minWords ?? TEMPLATE_RISK_MIN_WORDS;
  const maxExamples = options.examples ?? 3;
  const groups = new Map<string, Group>();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.direction !== 'outbound' || !m.body) continue;
    const template = templateOf(m, i);
    const key = `${m.from}\u0000${template.toLowerCase()}`;
    let group = groups.get(key);
    if (!group) {
      if (wordCount(template) < minWords) continue;
      group = { template, from: m.from, times: [], to: [], messages: 0, failed: 0, filtered: 0, recipients: new Set(), examples: [] };
      groups.set(key, group);
    }
    group.messages++;
    group.recipients.add(m.to);
    if (m.status === 'failed' || m.status === 'undelivered') group.failed++;
    if (smsErrorCategoryOf(m) === 'carrier-filtered') group.filtered++;
    if (group.examples.length < maxExamples && !group.examples.includes(m.body)) group.examples.push(m.body);
    const t = parseInstant(m.sentAt);
    if (!Number.isNaN(t)) {
      group.times.push(t);
      group.to.push(m.to);
    }
  }
  const risks: TemplateRisk[] = [];
  for (const group of groups.values()) {
    if (group.recipients.size < minRecipients) continue;
    const [peak, first, last] = peakWindow(group.times, group.to, windowMs);
    if (peak < minRecipients) continue;
    risks.push({
      template: group.template,
      from: group.from,
      messages: group.messages,
      recipients: group.recipients.size,
      peakRecipients: peak,
      peakStart: new Date(group.times[first]!).toISOString(),
      peakEnd: new Date(group.times[last]!).toISOString(),
      failed: group.failed,
      filtered: group.filtered,
      examples: group.examples,
    });
  }
  return risks.sort(
    (a, b) =>
      b.peakRecipients - a.peakRecipients ||
      b.messages - a.messages ||
      a.from.localeCompare(b.from) ||
      a.template.localeCompare(b.template),
  );
}
