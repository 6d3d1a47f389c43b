/**
 * SMS provider errors: the taxonomy the SMS history's error column, its tooltip and the filter
 * classify codes by. Plain tables and lookups (no dates), re-exported by `sms.ts`. The table is in
 * two halves, category and title (`sms-error-titles.ts`) and the texts (`sms-error-texts.ts`), so
 * the history's first load takes only what its error column shows.
 */
import type { SmsErrorCategory, SmsProvider } from '../model.js';
import { SMS_ERROR_TITLES, normalizeCode, smsErrorTitle } from './sms-error-titles.js';
import { CARRIER_FILTERING_ADVICE, SMS_ERROR_TEXTS, smsErrorTexts } from './sms-error-texts.js';

export { CARRIER_FILTERING_ADVICE, normalizeCode };
export { smsErrorCategoryOf } from './sms-error-titles.js';

/** What an error code means, for the error column and its details panel. */
export interface SmsErrorInfo {
  /** The code as the provider sent it, trimmed (kept as-is for unknown codes). */
  code: string;
  provider: SmsProvider;
  category: SmsErrorCategory;
  /** Short title for the error column. */
  title: string;
  /** What happened, in plain language. */
  definition: string;
  /** What the store can do about it. */
  advice: string;
  /** Whether the provider bills the failed message, where the provider documents it. */
  billable?: boolean;
  /** The provider's own definition, quoted word for word from `source` (only where it was checked there). */
  providerDefinition?: string;
  /** The provider's documentation page that `providerDefinition` quotes. */
  source?: string;
}

/** What the table says of one code: an `SmsErrorInfo` without the code and the provider. */
type ErrorRule = Omit<SmsErrorInfo, 'code' | 'provider'> & { category: Exclude<SmsErrorCategory, 'unknown'> };

/**
 * Every provider error code Forecourt explains, by provider: category, title and texts (the two
 * halves joined). Codes not listed here classify as `unknown`.
 */
export const SMS_ERROR_CODES = Object.fromEntries(
  (Object.keys(SMS_ERROR_TITLES) as SmsProvider[]).map((provider) => [
    provider,
    Object.fromEntries(
      Object.entries(SMS_ERROR_TITLES[provider]).map(([code, [category, title]]) => [
        code,
        { category, title, ...(SMS_ERROR_TEXTS[provider] as Record<string, object>)[code] } as ErrorRule,
      ]),
    ),
  ]),
) as Readonly<Record<SmsProvider, Readonly<Record<string, ErrorRule>>>>;

/**
 * What a provider error code means, in the shared taxonomy. Never throws: an unknown code (or an
 * unknown provider) is category `unknown` with the raw code kept.
 * @param provider The provider that reported the code.
 * @param code The code as the provider sent it (`30007`, `'4770'`).
 * @returns Category, short title, plain-language definition and advice.
 * @example classifySmsError('twilio', 30007).category // 'carrier-filtered'
 */
export function classifySmsError(provider: SmsProvider, code: string | number | null | undefined): SmsErrorInfo {
  const head = smsErrorTitle(provider, code);
  return { ...head, ...smsErrorTexts(provider, head.code) };
}
