/**
 * SMS provider errors, what the error column shows: each code's category and short title. The
 * definitions and advice are in `sms-error-texts.ts`, loaded only where they are read (the error
 * tooltip, the details dialog); `sms-errors.ts` joins the two into the full taxonomy.
 */
import type { SmsErrorCategory, SmsMessage, SmsProvider } from '../model.js';

/** A code's category and title: the part of `SmsErrorInfo` the error column shows. */
export interface SmsErrorTitle {
  /** The code as the provider sent it, trimmed (kept as-is for unknown codes). */
  code: string;
  provider: SmsProvider;
  category: SmsErrorCategory;
  /** Short title for the error column. */
  title: string;
}

/** Category and title of every code Forecourt explains (the codes of `SMS_ERROR_CODES`). */
export const SMS_ERROR_TITLES = {
  bandwidth: {
    '4406': ['landline-or-unreachable', 'Rejected - unallocated number'],
    '4470': ['carrier-filtered', 'Rejected as spam'],
    '4481': ['carrier-filtered', 'Sending number blocked'],
    '4482': ['carrier-filtered', 'Recipient number blocked'],
    '4700': ['landline-or-unreachable', 'Texting not supported'],
    '4701': ['landline-or-unreachable', 'Destination unreachable'],
    '4702': ['landline-or-unreachable', 'Phone unavailable'],
    '4720': ['landline-or-unreachable', 'Invalid destination address'],
    '4721': ['invalid-number', 'Number deactivated'],
    '4730': ['landline-or-unreachable', 'No route to carrier'],
    '4750': ['landline-or-unreachable', 'Destination rejected message'],
    '4770': ['carrier-filtered', 'Carrier rejected as spam'],
    '4771': ['carrier-filtered', 'Rejected for shortened link'],
    '4772': ['carrier-filtered', 'Sender or recipient blocked'],
    '4773': ['carrier-filtered', 'Campaign inactive'],
    '4775': ['opted-out', 'Customer opted out'],
    '4780': ['volume-limited', 'T-Mobile daily limit exceeded'],
    '4781': ['volume-limited', 'AT&T rate limit exceeded'],
    '4785': ['volume-limited', 'Volume limit exceeded'],
    '4795': ['carrier-filtered', 'Toll-free number not verified'],
    '5600': ['carrier-failure', 'Carrier service unavailable'],
    '5650': ['carrier-failure', 'Destination failed'],
    '9902': ['receipt-expired', 'Delivery receipt expired'],
    '9999': ['carrier-failure', 'Unknown carrier error'],
  },
  twilio: {
    '21211': ['invalid-number', 'Invalid “To” number'],
    '21610': ['opted-out', 'Customer unsubscribed'],
    '21614': ['landline-or-unreachable', 'Not a mobile number'],
    '30003': ['landline-or-unreachable', 'Unreachable handset'],
    '30004': ['carrier-filtered', 'Message blocked'],
    '30005': ['invalid-number', 'Unknown handset'],
    '30006': ['landline-or-unreachable', 'Landline or unreachable carrier'],
    '30007': ['carrier-filtered', 'Message filtered'],
    '30008': ['carrier-failure', 'Unknown delivery error'],
    '30017': ['carrier-failure', 'Carrier network congestion'],
    '30022': ['volume-limited', 'Business texting rate limit exceeded'],
    '30023': ['volume-limited', 'Daily business texting cap reached'],
    '30024': ['carrier-filtered', 'Sending number not set up with the carrier'],
    '30027': ['volume-limited', 'T-Mobile daily limit reached'],
    '30032': ['carrier-filtered', 'Toll-free number not verified'],
    '30034': ['carrier-filtered', 'Unregistered sending number'],
    '30450': ['carrier-filtered', 'Delivery temporarily blocked'],
  },
} as const satisfies Record<SmsProvider, Record<string, readonly [Exclude<SmsErrorCategory, 'unknown'>, string]>>;

/**
 * An error code as the tables key it: trimmed text, '' for none.
 * @example normalizeCode(30007) // '30007'
 */
export function normalizeCode(code: string | number | null | undefined): string {
  return code === null || code === undefined ? '' : String(code).trim();
}

function titleRow(provider: SmsProvider, code: string): readonly [Exclude<SmsErrorCategory, 'unknown'>, string] | undefined {
  const table = SMS_ERROR_TITLES[provider] as Record<string, readonly [Exclude<SmsErrorCategory, 'unknown'>, string]> | undefined;
  return table && Object.hasOwn(table, code) ? table[code] : undefined;
}

/**
 * A provider error code's category and short title (`classifySmsError` without the texts). Never
 * throws: an unknown code (or provider) is category `unknown`, titled with the raw code.
 * @param provider The provider that reported the code.
 * @param code The code as the provider sent it.
 * @returns Code, provider, category and title.
 * @example smsErrorTitle('twilio', 30007) // { code: '30007', provider: 'twilio', category: 'carrier-filtered', title: 'Message filtered' }
 */
export function smsErrorTitle(provider: SmsProvider, code: string | number | null | undefined): SmsErrorTitle {
  const raw = normalizeCode(code);
  const row = titleRow(provider, raw);
  if (row) return { code: raw, provider, category: row[0], title: row[1] };
  return { code: raw, provider, category: 'unknown', title: raw ? `Error ${raw}` : 'Unknown error' };
}

/**
 * The category of a message's error, or null when it has none: the hot-loop form of
 * `classifySmsError`, with no object built per message.
 * @param message A message of the log.
 * @returns Its error's category, `unknown` for a code Forecourt does not list, null without a code.
 * @example smsErrorCategoryOf({ ...message, provider: 'twilio', errorCode: '30007' }) // 'carrier-filtered'
 */
export function smsErrorCategoryOf(message: Pick<SmsMessage, 'provider' | 'errorCode'>): SmsErrorCategory | null {
  const code = normalizeCode(message.errorCode);
  if (!code) return null;
  return titleRow(message.provider, code)?.[0] ?? 'unknown';
}
