import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { isIsoDate, parseInstant } from '../../data/logic/calendar.js';
import type { PickerGroup } from '../../data/logic/source-picker.js';
import { getLocale } from '../shared/messages.js';
import { t } from './customer-list.messages.js';

const DAY_OPTIONS: Record<'long' | 'medium', Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' },
  medium: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
};

/** One formatter per locale and kind (and zone, for times): building an Intl formatter costs far more than using one. */
const formats = new Map<string, Intl.DateTimeFormat>();
function format(kind: 'long' | 'medium' | 'time' | 'named', zone = ''): Intl.DateTimeFormat {
  const locale = getLocale();
  const key = `${locale}|${kind}|${zone}`;
  let cached = formats.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'long' || kind === 'medium' ? DAY_OPTIONS[kind] : { hour: 'numeric', minute: '2-digit', timeZone: zone, ...(kind === 'named' && { timeZoneName: 'short' }) };
    formats.set(key, (cached = new Intl.DateTimeFormat(locale, options)));
  }
  return cached;
}

/** A calendar date in words (`Monday, November 23, 2026`), or the text as given when it is not a date. */
export function formatDay(date: string, style: 'long' | 'medium' = 'long'): string {
  if (!isIsoDate(date)) return date;
  // The date's own midnight in UTC, written in UTC: the same calendar day in every zone.
  return format(style).format(Date.parse(date));
}

/**
 * A promised time of day in the shop's zone (`4:05 PM`), with the zone's name when it is not the
 * viewer's, `named` (`4:05 PM CST`); null when there is none or it is not a time.
 */
export function formatTime(at: string | null, zone: string, named: boolean): string | null {
  if (!at) return null;
  const ms = parseInstant(at);
  return Number.isNaN(ms) ? null : format(named ? 'named' : 'time', zone).format(ms);
}

/**
 * Whether two renders' rows would render the same: the same entries (by identity), sources and
 * unknown marks, and no write on either (a row with one, its status, wait or reason, always renders again).
 */
export function rowsRenderAlike(
  rows: readonly { entry: object; sourceId: string | null; unknown: boolean; write: object | null }[],
  last: typeof rows,
): boolean {
  return (
    rows.length === last.length &&
    rows.every((r, i) => {
      const was = last[i]!;
      return !r.write && !was.write && r.entry === was.entry && r.sourceId === was.sourceId && r.unknown === was.unknown;
    })
  );
}

/** The mark an unknown source leaves beside the name, blinking or not (colour and motion are never the only sign). */
export function unknownBadge(): TemplateResult {
  return html`<span class="badge" part="badge"><span class="fc-visually-hidden">, </span>${t('sourceUnknownBadge')}</span>`;
}

/** The picker's options as nodes, per groups (one read of the sources) and language. */
const optionNodes = new WeakMap<readonly PickerGroup[], { locale: string; nodes: Node[] }>();

/**
 * The picker's options: a placeholder, then one `<optgroup>` per main category. Built with DOM
 * calls once per read of the sources and language, and moved into each picker that opens: opening
 * it does not make 300 options again. The choice is set by `choosePickerEntry`.
 */
export function pickerOptions(groups: readonly PickerGroup[]): Node[] {
  const locale = getLocale();
  let built = optionNodes.get(groups);
  if (built?.locale !== locale) {
    const nodes: Node[] = [new Option(t('pickerChoose'), '')];
    for (const g of groups) {
      const optgroup = document.createElement('optgroup');
      optgroup.label = g.categoryName;
      for (const s of g.sources) optgroup.append(new Option(s.name, s.id));
      nodes.push(optgroup);
    }
    optionNodes.set(groups, (built = { locale, nodes }));
  }
  return built.nodes;
}

/** The option nodes each select was last given a choice for. */
const chosenFor = new WeakMap<HTMLSelectElement, readonly Node[]>();

/**
 * Chooses the entry holding `selected` (also when it is one of the codes merged into it), else the
 * placeholder, when the select is new or holds other option nodes; the user's own choice in an open
 * picker is left alone.
 */
export function choosePickerEntry(select: HTMLSelectElement, groups: readonly PickerGroup[], selected: string | null): void {
  const nodes = optionNodes.get(groups)?.nodes;
  if (!nodes || chosenFor.get(select) === nodes) return;
  chosenFor.set(select, nodes);
  const entry = selected === null ? undefined : groups.flatMap((g) => g.sources).find((s) => s.ids.includes(selected));
  select.value = entry?.id ?? '';
}

/** The board's column widths (fixed layout) and its header row. */
export function tableHead(): TemplateResult {
  return html`<colgroup>
      <col class="col-customer" />
      <col class="col-vehicle" />
      <col class="col-advisor" />
      <col class="col-promised" />
      <col class="col-source" />
    </colgroup>
    <thead>
      <tr>
        <th scope="col">${t('colCustomer')}</th>
        <th scope="col">${t('colVehicle')}</th>
        <th scope="col">${t('colAdvisor')}</th>
        <th scope="col">${t('colPromised')}</th>
        <th scope="col">${t('colSource')}</th>
      </tr>
    </thead>`;
}
