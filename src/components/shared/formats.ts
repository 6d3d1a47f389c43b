/**
 * The number and date formats of the widgets, for one locale, zone and currency. Building an
 * `Intl` formatter costs far more than using one, so each is built on first use and the sets are
 * kept per locale, zone and currency: a widget asks for its set on every update and gets the same
 * object back until one of them changes.
 */

/** A widget's formats. Calendar days (`date`, `day`, `dayYear`, `month`) are read as UTC midnights: no zone arithmetic. */
export interface Formats {
  /** `locale|zone|currency`: equal keys, equal formats. */
  readonly key: string;
  readonly locale: string;
  /** The IANA zone of `time` and `instant` (UTC when the one asked for is unknown). */
  readonly zone: string;
  /** Whole numbers and counts: `1,234`. */
  readonly count: Intl.NumberFormat;
  /** Shares: `12.5%` (at most one decimal). */
  readonly percent: Intl.NumberFormat;
  /** Shares always with one decimal: `12.0%`. */
  readonly percentFixed: Intl.NumberFormat;
  /** Shares rounded to whole percent: `13%`. */
  readonly percentWhole: Intl.NumberFormat;
  /** Figures with at most one decimal: `4.5`. */
  readonly points: Intl.NumberFormat;
  /** Money in the currency: `$1,234.50` (USD when the currency is unknown). */
  readonly money: Intl.NumberFormat;
  /** An amount as typed into a field: `1,234.50`. */
  readonly amount: Intl.NumberFormat;
  /** The locale's decimal separator, `.` or `,`. */
  readonly decimalSeparator: '.' | ',';
  /** A calendar day: `Mar 1, 2026`. */
  readonly date: Intl.DateTimeFormat;
  /** A calendar day without its year: `Mar 1`. */
  readonly day: Intl.DateTimeFormat;
  /** A calendar day, short month, with its year: `Mar 1, 2026`. */
  readonly dayYear: Intl.DateTimeFormat;
  /** A month: `March 2026`. */
  readonly month: Intl.DateTimeFormat;
  /** An instant in the zone: `Mar 1, 2026, 4:05 PM`. */
  readonly time: Intl.DateTimeFormat;
  /** An instant in the zone with the zone's name: `Nov 3, 2026, 4:05 PM CST`. */
  readonly instant: Intl.DateTimeFormat;
}

const sets = new Map<string, Formats>();
const warned = new Set<string>();

function validZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/**
 * The formats for a locale, zone and currency (the same object for the same three).
 * @param locale A BCP 47 tag, usually `getLocale()`.
 * @param options `zone` (IANA, default UTC) for `time` and `instant`; `currency` (ISO 4217, default USD) for `money`.
 * @returns The formats; each `Intl` formatter is built when it is first read.
 * @example makeFormats('en', { currency: 'USD' }).money.format(12.5) // '$12.50'
 */
export function makeFormats(locale: string, options: { zone?: string; currency?: string } = {}): Formats {
  const zone = options.zone || 'UTC';
  const currency = options.currency || 'USD';
  const key = `${locale}|${zone}|${currency}`;
  const known = sets.get(key);
  if (known) return known;
  const made = new Map<string, unknown>();
  const lazy = <T>(name: string, build: () => T): T => {
    if (!made.has(name)) made.set(name, build());
    return made.get(name) as T;
  };
  const number = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options);
  const dates = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options);
  const set: Formats = {
    key,
    locale,
    get zone() {
      return lazy('zone', () => validZone(zone));
    },
    get count() {
      return lazy('count', () => number({}));
    },
    get percent() {
      return lazy('percent', () => number({ style: 'percent', maximumFractionDigits: 1 }));
    },
    get percentFixed() {
      return lazy('percentFixed', () => number({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }));
    },
    get percentWhole() {
      return lazy('percentWhole', () => number({ style: 'percent', maximumFractionDigits: 0 }));
    },
    get points() {
      return lazy('points', () => number({ maximumFractionDigits: 1 }));
    },
    get money() {
      return lazy('money', () => {
        try {
          return number({ style: 'currency', currency });
        } catch {
          if (!warned.has(currency)) console.warn(`Forecourt: unknown currency "${currency}", showing USD.`);
          warned.add(currency);
          return number({ style: 'currency', currency: 'USD' });
        }
      });
    },
    get amount() {
      return lazy('amount', () => number({ minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    },
    get decimalSeparator() {
      return lazy('decimalSeparator', () => (number({}).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',' ? ',' : '.'));
    },
    get date() {
      return lazy('date', () => dates({ dateStyle: 'medium', timeZone: 'UTC' }));
    },
    get day() {
      return lazy('day', () => dates({ month: 'short', day: 'numeric', timeZone: 'UTC' }));
    },
    get dayYear() {
      return lazy('dayYear', () => dates({ month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }));
    },
    get month() {
      return lazy('month', () => dates({ month: 'long', year: 'numeric', timeZone: 'UTC' }));
    },
    get time() {
      return lazy('time', () => dates({ dateStyle: 'medium', timeStyle: 'short', timeZone: set.zone }));
    },
    get instant() {
      return lazy('instant', () =>
        dates({ year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: set.zone, timeZoneName: 'short' }),
      );
    },
  };
  sets.set(key, set);
  return set;
}

/**
 * Minutes in words, hours and minutes (a lead clock's limits, time left and overdue).
 * @example durationText(125) // "2 h 5 min"
 */
export function durationText(minutes: number): string {
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}
