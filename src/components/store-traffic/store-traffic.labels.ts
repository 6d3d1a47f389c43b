/**
 * A traffic bucket's name in the widget's locale. The adapter names buckets too, in its own
 * language; here dates and times go through `Intl` and the fixed vocabularies (up types,
 * departments, outcomes) through the widget's catalog, source categories by the names of the
 * shop's categories (the events carry their ids), while other names the shop chose (salespeople,
 * sources) stay as the adapter gave them.
 */
import { DEFAULT_CATEGORIES } from '../../data/logic/sources.js';
import type { SourceCategory, TrafficDimension } from '../../data/model.js';
import { getLocale } from '../shared/messages.js';
import type { Locale } from '../shared/messages.js';
import { t } from './store-traffic.messages.js';

type VocabularyKey = Parameters<typeof t>[0];

const VOCABULARY: Partial<Record<TrafficDimension, Record<string, VocabularyKey>>> = {
  upType: {
    'walk-in': 'upWalkIn',
    'phone-up': 'upPhoneUp',
    internet: 'upInternet',
    'be-back': 'upBeBack',
    appointment: 'upAppointment',
    'service-drive': 'upServiceDrive',
  },
  department: { new: 'deptNew', used: 'deptUsed', service: 'deptService' },
  outcome: { sold: 'outcomeSold', 'not-sold': 'outcomeNotSold', pending: 'outcomePending' },
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const HOUR = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):00([+-]\d{2}:\d{2}|Z)$/;

interface DateFormats {
  day: Intl.DateTimeFormat;
  month: Intl.DateTimeFormat;
  weekday: Intl.DateTimeFormat;
}
const formats = new Map<Locale, DateFormats>();

function formatsFor(locale: Locale): DateFormats {
  let f = formats.get(locale);
  if (!f) {
    // Keys are zone-local calendar dates already: formatted as UTC so no zone shifts them.
    const opts = { timeZone: 'UTC' } as const;
    f = {
      day: new Intl.DateTimeFormat(locale, { ...opts, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }),
      month: new Intl.DateTimeFormat(locale, { ...opts, month: 'long', year: 'numeric' }),
      weekday: new Intl.DateTimeFormat(locale, { ...opts, weekday: 'long' }),
    };
    formats.set(locale, f);
  }
  return f;
}

/** The Monday of ISO week `week` of `year`, as a UTC timestamp. */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * 86_400_000 + (week - 1) * 7 * 86_400_000;
}

/** A time bucket's key (`2026-03`, `2026-W10`, `2026-03-08`, `2026-11-01T01:00-05:00`) as text, or null. */
function timeLabel(key: string, given: string, f: DateFormats): string | null {
  let m: RegExpMatchArray | null;
  if ((m = key.match(DAY))) return f.day.format(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  if ((m = key.match(MONTH))) return f.month.format(Date.UTC(+m[1]!, +m[2]! - 1, 1));
  if ((m = key.match(WEEK))) return t('weekOf', f.day.format(isoWeekMonday(+m[1]!, +m[2]!)));
  if ((m = key.match(HOUR))) {
    // The adapter adds the UTC offset when a fall-back day has the same hour twice: keep it.
    const twice = given.match(/ \(UTC[^)]*\)$/)?.[0] ?? '';
    return `${f.day.format(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!))}, ${t('hourName', m[4]!)}${twice}`;
  }
  return null;
}

/** Source category id → its name. */
export type CategoryNames = ReadonlyMap<string, string>;

/** The default categories' names, for an adapter without the shop's categories (or before they are read). */
export const DEFAULT_CATEGORY_NAMES: CategoryNames = categoryNames([]);

/**
 * The names of the source categories, the one lookup of every place a category is named (table,
 * chart, breadcrumb, CSV): the shop's categories as the adapter lists them (`sources.categories()`,
 * renamed or added by the shop), over the default ones.
 * @param categories The shop's categories; entries without a string id and name are skipped.
 */
export function categoryNames(categories: readonly Pick<SourceCategory, 'id' | 'name'>[]): CategoryNames {
  const names = new Map(DEFAULT_CATEGORIES.map((c) => [c.id, c.name]));
  for (const c of categories) if (typeof c?.id === 'string' && typeof c.name === 'string' && c.name.trim()) names.set(c.id, c.name);
  return names;
}

/**
 * The name of bucket `key` of `dimension` in the current locale.
 * @param given The adapter's name for it, used for names the shop chose and for keys not understood.
 * @param categories Source category names by id ({@link categoryNames}); a source category's row
 *   from the adapter carries its id as its name.
 */
export function bucketLabel(dimension: TrafficDimension, key: string, given: string, categories: CategoryNames = DEFAULT_CATEGORY_NAMES): string {
  const f = formatsFor(getLocale());
  switch (dimension) {
    case 'time':
    case 'month':
    case 'day':
      return timeLabel(key, given, f) ?? given;
    case 'hour':
      return /^\d{2}$/.test(key) ? t('hourName', key) : given;
    case 'weekday': {
      const n = Number(key);
      // 2024-01-01 was a Monday, ISO weekday 1.
      return Number.isInteger(n) && n >= 1 && n <= 7 ? f.weekday.format(Date.UTC(2024, 0, n)) : given;
    }
    case 'sourceCategory':
      return categories.get(key) ?? given;
    default: {
      const vocabulary = VOCABULARY[dimension]?.[key];
      return vocabulary ? t(vocabulary) : given;
    }
  }
}
