/**
 * SMS provider errors, what the tooltip and the details dialog explain: each code's definition,
 * advice, billable flag and the provider's own words. Loaded on demand by the SMS history (its
 * error column needs only `sms-error-titles.ts`); `sms-errors.ts` joins the two.
 *
 * Error definitions: the dealership CRM deck (slide 12) for the five errors it defines, which are
 * Bandwidth's codes; Bandwidth's messaging error table (dev.bandwidth.com, "Messaging Errors")
 * for the other Bandwidth codes and their billable flags; Twilio's error dictionary
 * (twilio.com/docs/api/errors/<code>) for the Twilio codes. `definition` is reworded in plain
 * language for the people reading the SMS history; where an entry has a `providerDefinition`, that
 * is the provider's own sentence, quoted from the page in its `source`.
 */
import type { SmsProvider } from '../model.js';

/** What a code's explanation says: an `SmsErrorInfo` without the code, provider, category and title. */
export interface SmsErrorTexts {
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

/** The deck's advice against carrier filtering (slide 9). */
export const CARRIER_FILTERING_ADVICE =
  'Carriers filter texts that look like bulk spam. Update your templates regularly and type a different message to each customer instead of sending the same text over and over.';

const ADVICE = {
  filtered: CARRIER_FILTERING_ADVICE,
  checkNumber: 'Check the number with the customer and correct it in their record; reach them by phone or email meanwhile.',
  noTexts: 'This number cannot receive texts (often a landline). Call or email the customer, and ask for a mobile number.',
  unreachable: 'The phone was off or out of coverage. Try again later; if it keeps failing, call the customer.',
  optedOut: 'The customer opted out. Do not text this number again unless they text START; call or email instead.',
  slowDown: 'You sent more than the carrier allows. Spread bulk texts over a longer time and try again later.',
  retryOnce: 'A carrier-side problem. Resend once later; if it keeps failing, call or email the customer.',
  registration: 'The sending number is not registered or verified for business texting. Ask your texting provider to complete the registration; until then carriers block its texts.',
  blockedSender: 'Carriers have flagged the sending number. Contact your texting provider, and vary your templates so new texts are not flagged again.',
  shortLinks: 'Do not use public link shorteners (bit.ly and the like); link to the dealership’s own website instead.',
  dailyCap:
    'The business sent as many texts today as the carrier allows. Resend tomorrow (the cap resets at midnight Pacific time), send only what cannot wait, and ask your texting provider about raising the brand’s trust score.',
  congestion: 'The customer’s carrier was too busy to take the text. Resend later, and spread bulk texts over a longer time instead of sending them all at once.',
  // Bandwidth 4720: two of its three causes pass by themselves, one does not.
  retryOrCorrect:
    'Retry later: a prepaid account without funds, or a number moving to another carrier, usually clears within days. Only if the number has been deactivated (it keeps failing) correct the number with the customer. Call or email them meanwhile.',
  unallocated: 'No carrier serves this number, so it cannot receive texts. Ask the customer for the number they use now; call or email them meanwhile.',
} as const;

/**
 * Every provider error code Forecourt explains, its texts (its category and title are in
 * `SMS_ERROR_TITLES`, same codes). `billable` is set only where the provider documents it.
 */
export const SMS_ERROR_TEXTS = {
  bandwidth: {
    // Not `invalid-number`: the deck says the number is valid. No carrier holds it, so nothing can
    // reach it, which is what `landline-or-unreachable` means (texts cannot get to this number).
    '4406': {
      definition:
        'This number is valid, but it is not assigned to a carrier because it is not available for public use in North America.',
      advice: ADVICE.unallocated,
      billable: false,
    },
    '4470': {
      definition: 'The texting provider filtered and blocked this message as spam (volume, content or prohibited topics).',
      advice: ADVICE.filtered,
      billable: true,
    },
    '4481': {
      definition: 'The sending number is on a block list because of repeated spam reports or violations.',
      advice: ADVICE.blockedSender,
      billable: false,
    },
    '4482': {
      definition: 'The customer’s number is on a block list and cannot receive these messages.',
      advice: 'Stop texting this number; call or email the customer instead.',
      billable: false,
    },
    '4700': {
      definition: 'The carrier or the phone does not support text messages.',
      advice: ADVICE.noTexts,
      billable: true,
    },
    '4701': {
      definition: 'The carrier reports the number cannot be reached or has no text service.',
      advice: ADVICE.noTexts,
      billable: true,
    },
    '4702': {
      definition: 'The phone is off, out of coverage, busy or its message storage is full.',
      advice: ADVICE.unreachable,
      billable: true,
    },
    // The deck's three causes: two are temporary (no prepaid funds, mid-port) and leave the number
    // valid, one (deactivated) does not. Most often the number is right but cannot be reached for
    // now, so `landline-or-unreachable`, not `invalid-number`; the advice covers the third cause.
    '4720': {
      definition:
        'The customer has a prepaid account without funds to receive the message, the number has been deactivated, or the number is moving to another carrier and the change is not complete yet.',
      advice: ADVICE.retryOrCorrect,
      billable: true,
    },
    '4721': {
      definition: 'The number is on the deactivation list: it is inactive or no longer with a carrier.',
      advice: ADVICE.checkNumber,
      billable: true,
    },
    '4730': {
      definition: 'The carrier has no route to the number, for example while the phone is roaming on an unreachable network.',
      advice: ADVICE.unreachable,
      billable: true,
    },
    '4750': {
      definition:
        'The carrier rejected the message because the number is invalid or the customer does not have text messaging enabled.',
      advice: ADVICE.noTexts,
      billable: true,
    },
    '4770': {
      definition: 'The customer’s carrier blocked this message as spam, because of its content or because the sending number was flagged.',
      advice: ADVICE.filtered,
      billable: true,
    },
    '4771': {
      definition: 'The carrier blocked the message because of a shortened link in it.',
      advice: ADVICE.shortLinks,
      billable: true,
    },
    '4772': {
      definition: 'A downstream carrier has blocked the sending or the receiving number.',
      advice: ADVICE.blockedSender,
      billable: true,
    },
    '4773': {
      definition: 'The business-texting campaign of the sending number is not active (pending, rejected or suspended), so carriers block it.',
      advice: ADVICE.registration,
      billable: true,
    },
    '4775': {
      definition: 'The customer has opted out of texts from this sender.',
      advice: ADVICE.optedOut,
      billable: true,
    },
    '4780': {
      definition: 'T-Mobile rejected the message because the brand sent over its daily limit.',
      advice: ADVICE.slowDown,
      billable: true,
    },
    '4781': {
      definition: 'AT&T rejected or throttled the message because the campaign sent faster than its limit (or for high spam rates).',
      advice: ADVICE.slowDown,
      billable: true,
    },
    '4785': {
      definition: 'The carrier rejected the message because more messages were sent than allowed.',
      advice: ADVICE.slowDown,
      billable: true,
    },
    '4795': {
      definition: 'The message was blocked because the toll-free sending number is not verified.',
      advice: ADVICE.registration,
      billable: true,
    },
    '5600': {
      definition: 'The carrier could not take the message: network congestion, a full queue or throttling on its side.',
      advice: ADVICE.retryOnce,
      billable: true,
    },
    '5650': {
      definition:
        'General delivery failure. Something got in the way of delivering this message, usually because the customer’s carrier is having issues.',
      advice: ADVICE.retryOnce,
      billable: true,
    },
    '9902': {
      definition:
        'The message was tried and failed; resent several times, it still could not be delivered, so it timed out. This usually happens when the carrier is down or the customer is where messages cannot be received.',
      advice: ADVICE.unreachable,
      billable: true,
    },
    '9999': {
      definition: 'The carrier reported a failure the texting provider does not recognise.',
      advice: ADVICE.retryOnce,
      billable: true,
    },
  },
  twilio: {
    '21211': {
      definition: 'The customer’s number is not a valid phone number or is badly formatted.',
      advice: ADVICE.checkNumber,
    },
    '21610': {
      definition: 'The customer replied STOP (or a similar word) to this number, so texts to them are not sent.',
      advice: ADVICE.optedOut,
      billable: false,
    },
    '21614': {
      definition: 'The number is not a valid mobile number; it is most likely a landline.',
      advice: ADVICE.noTexts,
    },
    '30003': {
      definition: 'The phone is off, has no signal, is roaming or cannot receive texts.',
      advice: ADVICE.unreachable,
    },
    '30004': {
      definition: 'The customer’s number is blocked from receiving this message (a block list, the customer’s own block, or carrier filtering).',
      advice: 'Stop texting this number for now; call or email the customer. If many numbers show this, vary your templates.',
    },
    '30005': {
      definition: 'The number is unknown to the carrier: it does not exist or is no longer in service.',
      advice: ADVICE.checkNumber,
    },
    '30006': {
      definition: 'The number cannot receive this message: it is a landline, or the carrier cannot be reached.',
      advice: ADVICE.noTexts,
    },
    '30007': {
      definition: 'The carrier filtered this message as spam or unwanted, because of its content, its volume or the sender’s history.',
      advice: ADVICE.filtered,
      providerDefinition: 'Your message was filtered (blocked) by Twilio or by the carrier.',
      source: 'https://www.twilio.com/docs/api/errors/30007',
    },
    '30008': {
      definition: 'Delivery failed for a reason the carrier did not give.',
      advice: ADVICE.retryOnce,
    },
    '30017': {
      definition: 'The customer’s carrier was overloaded with picture messages and did not take this one, even when it was tried again.',
      advice: ADVICE.congestion,
      providerDefinition:
        'This error indicates that the downstream carrier is experiencing high MMS traffic and isn\'t accepting the message request.',
      source: 'https://www.twilio.com/docs/api/errors/30017',
    },
    '30022': {
      definition:
        'Carriers rejected the message because the number sent texts faster than its registered business-texting campaign allows (rarely: too many texts to one customer in a short time).',
      advice: ADVICE.slowDown,
      providerDefinition:
        'This error occurs when a downstream carrier rejects your US A2P 10DLC message because your traffic exceeded the rate allowed for your registered campaign.',
      source: 'https://www.twilio.com/docs/api/errors/30022',
    },
    '30023': {
      definition:
        'The carrier refused the message because the business (its registered texting brand) had already sent as many texts today as the carrier allows it per day; the cap depends on the brand’s trust score.',
      advice: ADVICE.dailyCap,
    },
    '30024': {
      definition:
        'The customer’s carrier has not set up the sending number for business texting yet (for example while a new registration is still being provisioned), so it refuses its texts.',
      advice: ADVICE.registration,
      providerDefinition: 'The Numeric Sender ID is not currently provisioned with the carrier.',
      source: 'https://www.twilio.com/docs/api/errors/30024',
    },
    '30027': {
      definition:
        'T-Mobile refused the message because the business had reached its daily limit of texts to T-Mobile (and Sprint, Metro) customers, set by the brand’s trust score and shared by all its numbers and texting services.',
      advice: ADVICE.dailyCap,
    },
    '30032': {
      definition: 'The message was sent from a toll-free number that is not verified; carriers block such texts.',
      advice: ADVICE.registration,
    },
    '30034': {
      definition: 'The message was sent from a number not registered for business texting (A2P 10DLC); carriers block such texts.',
      advice: ADVICE.registration,
    },
    '30450': {
      definition: 'Fraud protection temporarily blocked texts to this number (for about 15-30 minutes).',
      advice: 'Wait and resend later; if it keeps happening to a real customer, ask your texting provider to allow the number.',
    },
  },
} as const satisfies Record<SmsProvider, Record<string, SmsErrorTexts>>;

/**
 * The texts explaining a provider error code. Never throws: an unknown code (or provider) gets
 * the texts of an unknown error.
 * @param provider The provider that reported the code.
 * @param code The code, trimmed (`normalizeCode`).
 * @returns Definition and advice (and, where known, billable and the provider's words).
 * @example smsErrorTexts('twilio', '30007').advice // CARRIER_FILTERING_ADVICE
 */
export function smsErrorTexts(provider: SmsProvider, code: string): SmsErrorTexts {
  const table = SMS_ERROR_TEXTS[provider] as Record<string, SmsErrorTexts> | undefined;
  if (table && Object.hasOwn(table, code)) return table[code]!;
  return {
    definition: code ? `The provider reported error ${code}, which Forecourt does not know yet.` : 'The message failed without an error code.',
    advice: 'Look the code up in your texting provider’s error list; if it keeps happening, contact their support.',
  };
}
