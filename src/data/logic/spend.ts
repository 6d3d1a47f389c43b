/**
 * Marketing spend entry: amounts typed in dollars parsed to exact cents, the months a report
 * range covers, the default "this month" range, range checks for date inputs, and the rows of
 * the spend editor (one per category and per mapped source).
 */
import type { Cents, DateRange, IsoDate, IsoMonth, MarketingSpend, PosSource, SourceCategory } from '../model.js';
import { monthRangeOf, rangeProblem } from './calendar.js';

/** Why a typed amount was not accepted. */
export type MoneyProblem = 'empty' | 'invalid' | 'negative' | 'precision' | 'too-large';

export type MoneyParse = { ok: true; cents: Cents } | { ok: false; problem: MoneyProblem };

export interface ParseMoneyOptions {
  /** The decimal separator of the user's locale; the other of `.` and `,` groups thousands. Default `.`. */
  decimal?: '.' | ',';
}

/**
 * Parses an amount typed in dollars (or any two-decimal currency) to whole cents, exactly (no
 * floating point): currency signs and spaces are ignored, thousands separators must group by
 * three, at most two decimals.
 * @param text What the user typed.
 * @param options The locale's decimal separator.
 * @returns The cents, or the problem with the text.
 * @example
 * parseMoney('1,250.50'); // { ok: true, cents: 125050 }
 * parseMoney('$ 99'); // { ok: true, cents: 9900 }
 * parseMoney('1.250,5', { decimal: ',' }); // { ok: true, cents: 125050 }
 * parseMoney('12.345'); // { ok: false, problem: 'precision' }
 */
export function parseMoney(text: string, options: ParseMoneyOptions = {}): MoneyParse {
  const decimal = options.decimal ?? '.';
  const group = decimal === '.' ? ',' : '.';
  let s = String(text ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(US\$|USD|\$)|(USD|\$)$/i, '');
  if (!s) return { ok: false, problem: 'empty' };
  if (/^[-−(]|[)-]$/.test(s)) return { ok: false, problem: 'negative' };
  s = s.replace(/^\+/, '');
  const [whole = '', fraction, ...rest] = s.split(decimal);
  if (rest.length > 0) return { ok: false, problem: 'invalid' };
  const grouped = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`);
  if (whole !== '' && !/^\d+$/.test(whole) && !grouped.test(whole)) return { ok: false, problem: 'invalid' };
  if (fraction !== undefined && !/^\d*$/.test(fraction)) return { ok: false, problem: 'invalid' };
  if (whole === '' && !fraction) return { ok: false, problem: 'invalid' };
  if (fraction !== undefined && fraction.replace(/0+$/, '').length > 2) return { ok: false, problem: 'precision' };
  const digits = whole.split(group).join('') || '0';
  const cents = BigInt(digits) * 100n + BigInt((fraction ?? '').slice(0, 2).padEnd(2, '0') || '0');
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'too-large' };
  return { ok: true, cents: Number(cents) };
}

/**
 * The calendar month containing a day, as a range: the default range of the source report.
 * @param today An ISO date.
 * @returns First to last day of its month; null for an invalid date.
 * @example monthOf('2026-02-14'); // { from: '2026-02-01', to: '2026-02-28' }
 */
export function monthOf(today: IsoDate): DateRange | null {
  return monthRangeOf(today);
}

/**
 * The months a range touches, in order (the spend editor's columns).
 * @param range An inclusive, valid date range.
 * @returns `YYYY-MM` for each month from `from`'s to `to`'s; empty for an invalid range.
 * @example monthsOfRange({ from: '2026-01-20', to: '2026-03-02' }); // ['2026-01', '2026-02', '2026-03']
 */
export function monthsOfRange(range: DateRange): IsoMonth[] {
  if (rangeProblem(range)) return [];
  const months: IsoMonth[] = [];
  let year = Number(range.from.slice(0, 4));
  let month = Number(range.from.slice(5, 7));
  const last = range.to.slice(0, 7);
  for (let key = range.from.slice(0, 7); key <= last; ) {
    months.push(key);
    if (++month > 12) [year, month] = [year + 1, 1];
    key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/**
 * The key of one spend cell: a month's spend on a category as a whole (`sourceId` null) or on one source.
 * @example spendCellKey('2026-03', 'internet', null); // '2026-03|internet|'
 */
export function spendCellKey(month: IsoMonth, categoryId: string, sourceId: string | null): string {
  return `${month}|${categoryId}|${sourceId ?? ''}`;
}

/**
 * The version a spend row has once a save based on `expectedVersion` is applied (a new row starts
 * at 1), so a second edit made while the first is still unsent is based on the right version.
 * @example spendVersionAfter(undefined); // 1
 */
export function spendVersionAfter(expectedVersion: number | undefined): number {
  return (expectedVersion ?? 0) + 1;
}

/** One row of the spend editor. */
export interface SpendEditorRow {
  categoryId: string;
  categoryName: string;
  /** Null for the category as a whole. */
  sourceId: string | null;
  /** The category's name, or the source's. */
  name: string;
  /**
   * The source's PoS code when another source of the same category has the same name (two codes
   * cleaned to one name, e.g. `FB` and `FACEBOOK`), so the two rows can be told apart; else null.
   */
  code: string | null;
  /** Per month of the range: the saved amount (0 without a row) and the row's version (undefined without one). */
  cells: Record<IsoMonth, { amount: Cents; version: number | undefined }>;
}

/**
 * The rows of the spend editor: each category (in order) as a whole, then its live mapped sources
 * by name, then any other source that has spend saved under it in these months (a source since
 * moved or deleted), so no saved money is hidden.
 * @param categories The shop's categories.
 * @param sources Every source.
 * @param spend Spend rows of the months.
 * @param months The editor's columns.
 * @returns The rows with the saved amount and version per month.
 * @example spendEditorRows([internet], [], [], ['2026-03'])[0].cells['2026-03']; // { amount: 0, version: undefined }
 */
export function spendEditorRows(
  categories: readonly SourceCategory[],
  sources: readonly PosSource[],
  spend: readonly MarketingSpend[],
  months: readonly IsoMonth[],
): SpendEditorRow[] {
  const saved = new Map(spend.filter((s) => months.includes(s.month)).map((s) => [spendCellKey(s.month, s.categoryId, s.sourceId), s]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const row = (category: SourceCategory, sourceId: string | null, name: string, code: string | null = null): SpendEditorRow => ({
    categoryId: category.id,
    categoryName: category.name,
    sourceId,
    name,
    code,
    cells: Object.fromEntries(
      months.map((m) => {
        const s = saved.get(spendCellKey(m, category.id, sourceId));
        return [m, { amount: s?.amount ?? 0, version: s?.version }];
      }),
    ),
  });
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return [...categories]
    .sort((a, b) => a.order - b.order || byName(a, b))
    .flatMap((category) => {
      const live = sources.filter((s) => s.categoryId === category.id && !s.deleted).sort(byName);
      const shown = new Set(live.map((s) => s.id));
      const others = [
        ...new Set(spend.filter((s) => s.categoryId === category.id && s.sourceId && !shown.has(s.sourceId) && months.includes(s.month)).map((s) => s.sourceId!)),
      ]
        .map((id) => ({ id, name: sourceById.get(id)?.name ?? id }))
        .sort(byName);
      const named = new Map<string, number>();
      for (const s of live) named.set(s.name, (named.get(s.name) ?? 0) + 1);
      return [
        row(category, null, category.name),
        ...live.map((s) => row(category, s.id, s.name, (named.get(s.name) ?? 0) > 1 ? s.code || s.id : null)),
        ...others.map((s) => row(category, s.id, s.name)),
      ];
    });
}
