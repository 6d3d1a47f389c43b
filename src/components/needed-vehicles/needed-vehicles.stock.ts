/**
 * "Match a stock list", loaded the first time it is opened: a stock or auction list (CSV, chosen
 * or dropped) → the column of each field, guessed from the header and confirmed by the user →
 * "Vehicles we can get for waiting buyers": each vehicle with the customers whose want it meets,
 * why and how close (the trade-in matching, `matchTradeIn`), and the rows that could not be read,
 * with why. At most `STOCK_MAX_ROWS` rows and 10 MB are read.
 */
import { css, html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import type { MatchReason, TradeInVehicle, VehicleWant } from '../../data/model.js';
import { STOCK_FIELDS, STOCK_MAX_ROWS, guessStockMapping, matchStockList, parseStockCsv, readStockRows } from '../../data/logic/vehicles-stock.js';
import type { SkippedStockRow, StockCsv, StockField, StockMapping, StockMatch, StockProblem } from '../../data/logic/vehicles-stock.js';
import type { RankedWantMatch } from '../../data/logic/vehicles.js';
import { isolate } from '../shared/bidi.js';
import type { FcElement } from '../shared/fc-element.js';
import type { defineMessages as define, formatCount as count } from '../shared/messages.js';
import type { formatMoney as money } from './needed-vehicles.view.js';

/** What the panel shares with the first load, handed over rather than imported. */
export interface StockHelpers {
  defineMessages: typeof define;
  formatCount: typeof count;
  formatMoney: typeof money;
}

/** Largest file read, in bytes. */
const MAX_BYTES = 10_000_000;

const en = {
  heading: 'Match a stock or auction list',
  intro: 'Choose a CSV file with one vehicle per row (or drop it here), up to 10 MB; the first 5,000 rows are read. You confirm which column holds what before anything is matched.',
  fileLabel: 'Stock or auction list (CSV)',
  reading: 'Reading the file…',
  notCsv: (name: string) => `“${name}” has no header row: choose a CSV file whose first line names its columns.`,
  tooBig: (name: string) => `“${name}” is larger than 10 MB: split it into smaller files.`,
  unreadable: (name: string) => `“${name}” could not be read. Choose it again.`,
  mapLegend: (name: string, rows: string) => `Which column of “${name}” (${rows} rows) holds what`,
  notInList: '(not in the list)',
  column: (letter: string, header: string) => `${letter}: ${header || '(no name)'}`,
  needMake: 'Choose the column with the make, or the one with the VIN.',
  match: 'Show matches',
  another: 'Choose another file',
  resultsHeading: 'Vehicles we can get for waiting buyers',
  resultsSummary: (matched: string, all: string, buyers: string) => `${matched} of ${all} vehicles suit ${buyers} waiting buyers.`,
  noneMatch: 'No vehicle on this list suits a waiting buyer.',
  notRead: (n: string, max: string) => `Only the first ${max} rows were read; ${n} more were left out.`,
  colCustomer: 'Customer',
  colMatch: 'How close',
  colWhy: 'Why',
  colWanted: 'Wanted',
  closeness: (percent: string, met: string, set: string) => `${percent}% (${met} of ${set} criteria)`,
  skippedHeading: (n: string) => `${n} rows skipped`,
  skippedRow: (line: string, problems: string) => `Row ${line}: ${problems}`,
  unmatchedHeading: (n: string) => `${n} vehicles no waiting buyer wants`,
  stockNo: (no: string) => `stock ${no}`,
  miles: (n: string) => `${n} mi`,
  vinOnly: (vin: string) => `VIN ${vin}`,
  years: (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`),
  upTo: (what: string) => `up to ${what}`,
  field_year: 'Year',
  field_make: 'Make',
  field_model: 'Model',
  field_trim: 'Trim',
  field_color: 'Colour',
  field_mileage: 'Mileage',
  field_price: 'Price',
  field_vin: 'VIN',
  field_stockNumber: 'Stock no.',
  problem_notAYear: (field: string, value: string) => `${field} “${value}” is not a year`,
  problem_notANumber: (field: string, value: string) => `${field} “${value}” is not a number`,
  problem_negative: (field: string, value: string) => `${field} “${value}” is below 0`,
  problem_noMake: 'no make and no VIN',
  how_same: (c: string, given: string) => `${c} ${given}`,
  how_otherName: (c: string, given: string, wanted: string) => `${c} ${given} is ${wanted}`,
  how_vin: (c: string, given: string) => `${c} ${given} from the VIN`,
  how_words: (c: string, given: string, wanted: string) => `${c} ${given} ~ ${wanted}`,
  how_inModel: (c: string, given: string, wanted: string) => `${c} ${wanted} in the model ${given}`,
  yearIn: 'year in range',
  withinMileage: 'mileage within limit',
  withinPrice: 'price within limit',
  colorMet: 'colour matches',
  colorNotMet: 'colour differs',
};

const es: typeof en = {
  heading: 'Cotejar una lista de inventario o de subasta',
  intro: 'Elija un archivo CSV con un vehículo por fila (o suéltelo aquí), de hasta 10 MB; se leen las primeras 5.000 filas. Usted confirma qué columna contiene qué antes de cotejar.',
  fileLabel: 'Lista de inventario o de subasta (CSV)',
  reading: 'Leyendo el archivo…',
  notCsv: (name) => `“${name}” no tiene fila de encabezado: elija un CSV cuya primera línea nombre sus columnas.`,
  tooBig: (name) => `“${name}” supera los 10 MB: divídalo en archivos más pequeños.`,
  unreadable: (name) => `No se pudo leer “${name}”. Elíjalo de nuevo.`,
  mapLegend: (name, rows) => `Qué columna de “${name}” (${rows} filas) contiene qué`,
  notInList: '(no está en la lista)',
  column: (letter, header) => `${letter}: ${header || '(sin nombre)'}`,
  needMake: 'Elija la columna de la marca, o la del VIN.',
  match: 'Mostrar coincidencias',
  another: 'Elegir otro archivo',
  resultsHeading: 'Vehículos que podemos conseguir para compradores en espera',
  resultsSummary: (matched, all, buyers) => `${matched} de ${all} vehículos sirven a ${buyers} compradores en espera.`,
  noneMatch: 'Ningún vehículo de esta lista sirve a un comprador en espera.',
  notRead: (n, max) => `Solo se leyeron las primeras ${max} filas; quedaron fuera ${n}.`,
  colCustomer: 'Cliente',
  colMatch: 'Cercanía',
  colWhy: 'Por qué',
  colWanted: 'Busca',
  closeness: (percent, met, set) => `${percent} % (${met} de ${set} criterios)`,
  skippedHeading: (n) => `${n} filas omitidas`,
  skippedRow: (line, problems) => `Fila ${line}: ${problems}`,
  unmatchedHeading: (n) => `${n} vehículos que ningún comprador en espera busca`,
  stockNo: (no) => `inventario ${no}`,
  miles: (n) => `${n} mi`,
  vinOnly: (vin) => `VIN ${vin}`,
  years: (from, to) => (from === to ? String(from) : `${from}–${to}`),
  upTo: (what) => `hasta ${what}`,
  field_year: 'Año',
  field_make: 'Marca',
  field_model: 'Modelo',
  field_trim: 'Versión',
  field_color: 'Color',
  field_mileage: 'Millaje',
  field_price: 'Precio',
  field_vin: 'VIN',
  field_stockNumber: 'N.º de inventario',
  problem_notAYear: (field, value) => `${field} “${value}” no es un año`,
  problem_notANumber: (field, value) => `${field} “${value}” no es un número`,
  problem_negative: (field, value) => `${field} “${value}” es menor que 0`,
  problem_noMake: 'sin marca ni VIN',
  how_same: (c, given) => `${c} ${given}`,
  how_otherName: (c, given, wanted) => `${c} ${given} es ${wanted}`,
  how_vin: (c, given) => `${c} ${given} según el VIN`,
  how_words: (c, given, wanted) => `${c} ${given} ~ ${wanted}`,
  how_inModel: (c, given, wanted) => `${c} ${wanted} en el modelo ${given}`,
  yearIn: 'año dentro del rango',
  withinMileage: 'millaje dentro del límite',
  withinPrice: 'precio dentro del límite',
  colorMet: 'el color coincide',
  colorNotMet: 'el color no coincide',
};

type Messages = typeof en;
type T = ReturnType<typeof define<Messages>>;

const styles = css`
  .stock {
    margin-block: 0 var(--_fc-space-l);
    padding: var(--_fc-space-m);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-m);
  }
  .stock h3 {
    margin-block: 0 var(--_fc-space-xs);
    font-size: var(--_fc-font-size-m);
  }
  .stock h4 {
    margin-block: var(--_fc-space-m) var(--_fc-space-xs);
    font-size: var(--_fc-font-size-m);
    overflow-wrap: anywhere;
  }
  .stock fieldset {
    border: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
    gap: var(--_fc-space-s) var(--_fc-space-m);
  }
  .stock legend {
    padding: 0;
    margin-block-end: var(--_fc-space-s);
    font-weight: var(--_fc-font-weight-strong);
  }
  .stock label {
    display: grid;
    gap: var(--_fc-space-xs);
    font-size: var(--_fc-font-size-s);
  }
  .stock select,
  .stock input[type='file'] {
    max-inline-size: 100%;
    font: inherit;
    color: inherit;
    background: var(--_fc-color-surface);
    border: var(--_fc-border-width) solid var(--_fc-color-border-control);
    border-radius: var(--_fc-radius-s);
    padding: var(--_fc-space-xs);
  }
  .stock select:focus-visible,
  .stock input:focus-visible,
  .stock summary:focus-visible {
    outline: var(--_fc-focus-ring);
  }
  .stock__drop--over {
    outline: 2px dashed var(--_fc-color-accent);
  }
  .stock__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-s);
    margin-block-start: var(--_fc-space-m);
  }
  .stock__error {
    color: var(--_fc-color-bad);
    font-weight: var(--_fc-font-weight-strong);
  }
  .stock__muted {
    color: var(--_fc-color-text-muted);
  }
  .stock ul {
    margin-block: var(--_fc-space-xs);
    padding-inline-start: var(--_fc-space-l);
  }
  .stock td ul {
    padding-inline-start: var(--_fc-space-m);
  }
`;

/** What the panel shows: the file step, the column step, or the matches. */
type Step =
  | { kind: 'file'; error: string }
  | { kind: 'reading' }
  | { kind: 'map'; name: string; csv: StockCsv; mapping: StockMapping; error: string }
  | { kind: 'results'; name: string; csv: StockCsv; mapping: StockMapping };

/** A list read and matched. */
type Computed = ReturnType<typeof readStockRows> & { matches: StockMatch[] };

const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
const key = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** The stock-list panel of one widget. */
export class StockMatcher implements ReactiveController {
  readonly #host: FcElement;
  readonly #h: StockHelpers;
  readonly t: T;
  #step: Step = { kind: 'file', error: '' };
  #over = false;
  /** The matches of the confirmed list, for the wants they were made against. */
  #memo: { wants: readonly VehicleWant[]; step: Step; result: Computed } | null = null;

  constructor(host: FcElement, helpers: StockHelpers) {
    this.#host = host;
    this.#h = helpers;
    this.t = helpers.defineMessages(en, es);
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot as ShadowRoot | undefined;
    if (root?.adoptedStyleSheets && !root.adoptedStyleSheets.includes(styles.styleSheet!)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
  }

  #set(step: Step): void {
    this.#step = step;
    this.#host.requestUpdate();
  }

  async #read(file: File | undefined): Promise<void> {
    if (!file) return;
    const name = file.name;
    if (file.size > MAX_BYTES) return this.#set({ kind: 'file', error: this.#host.inLocale(() => this.t('tooBig', name)) });
    this.#set({ kind: 'reading' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return this.#set({ kind: 'file', error: this.#host.inLocale(() => this.t('unreadable', name)) });
    }
    const csv = parseStockCsv(text);
    if (!csv) return this.#set({ kind: 'file', error: this.#host.inLocale(() => this.t('notCsv', name)) });
    this.#set({ kind: 'map', name, csv, mapping: guessStockMapping(csv.headers), error: '' });
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('.stock select')?.focus();
  }

  #compute(csv: StockCsv, mapping: StockMapping, wants: readonly VehicleWant[]): Computed {
    const read = readStockRows(csv.rows, mapping);
    return { ...read, matches: matchStockList(read.vehicles, wants) };
  }

  #confirm(event: Event): void {
    event.preventDefault();
    const step = this.#step;
    if (step.kind !== 'map') return;
    if (step.mapping.make === null && step.mapping.vin === null) {
      this.#set({ ...step, error: this.#host.inLocale(() => this.t('needMake')) });
      return;
    }
    this.#set({ kind: 'results', name: step.name, csv: step.csv, mapping: step.mapping });
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('#stock-results')?.focus());
  }

  /** The panel, matching against `wants` (every want read). */
  view(wants: readonly VehicleWant[]): TemplateResult {
    const { t } = this;
    const step = this.#step;
    return html`<section class="stock" part="stock" aria-labelledby="stock-heading">
      <h3 id="stock-heading">${t('heading')}</h3>
      ${step.kind === 'file' || step.kind === 'reading' ? this.#fileView(step) : nothing}
      ${step.kind === 'map' ? this.#mapView(step) : nothing}
      ${step.kind === 'results' ? this.#resultsView(step, wants) : nothing}
    </section>`;
  }

  #fileView(step: Step & { kind: 'file' | 'reading' }): TemplateResult {
    const { t } = this;
    const drop = (e: DragEvent) => {
      e.preventDefault();
      this.#over = false;
      void this.#read(e.dataTransfer?.files[0]);
    };
    const over = (e: DragEvent, on: boolean) => {
      e.preventDefault();
      if (this.#over !== on) {
        this.#over = on;
        this.#host.requestUpdate();
      }
    };
    return html`<div class="stock__drop ${this.#over ? 'stock__drop--over' : ''}" @dragover=${(e: DragEvent) => over(e, true)} @dragleave=${(e: DragEvent) => over(e, false)} @drop=${drop}>
      <p class="stock__muted">${t('intro')}</p>
      <label
        >${t('fileLabel')}
        <input type="file" accept=".csv,text/csv" @change=${(e: Event) => void this.#read((e.target as HTMLInputElement).files?.[0])} />
      </label>
      ${step.kind === 'reading' ? html`<p role="status">${t('reading')}</p>` : nothing}
      ${step.kind === 'file' && step.error ? html`<p class="stock__error" role="alert">${step.error}</p>` : nothing}
    </div>`;
  }

  #mapView(step: Step & { kind: 'map' }): TemplateResult {
    const { t } = this;
    const { headers } = step.csv;
    const change = (field: StockField, value: string) => {
      this.#step = { ...step, mapping: { ...step.mapping, [field]: value === '' ? null : Number(value) }, error: '' };
      this.#host.requestUpdate();
    };
    return html`<form @submit=${(e: Event) => this.#confirm(e)}>
      <fieldset>
        <legend>${t('mapLegend', isolate(step.name), this.#h.formatCount(step.csv.rows.length))}</legend>
        ${STOCK_FIELDS.map(
          (field) => html`<label
            ><span>${t(`field_${field}`)}</span>
            <select name=${field} @change=${(e: Event) => change(field, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${step.mapping[field] === null}>${t('notInList')}</option>
              ${headers.map((h, i) => html`<option value=${String(i)} ?selected=${step.mapping[field] === i}>${t('column', letter(i), isolate(h))}</option>`)}
            </select>
          </label>`,
        )}
      </fieldset>
      ${step.error ? html`<p class="stock__error" role="alert">${step.error}</p>` : nothing}
      <div class="stock__actions">
        <button type="submit" class="fc-button fc-button--primary">${t('match')}</button>
        <button type="button" class="fc-button" @click=${() => this.#set({ kind: 'file', error: '' })}>${t('another')}</button>
      </div>
    </form>`;
  }

  #resultsView(step: Step & { kind: 'results' }, wants: readonly VehicleWant[]): TemplateResult {
    const { t } = this;
    const { formatCount } = this.#h;
    if (!this.#memo || this.#memo.wants !== wants || this.#memo.step !== step) {
      this.#memo = { wants, step, result: this.#compute(step.csv, step.mapping, wants) };
    }
    const { matches, skipped, notRead } = this.#memo.result;
    const matched = matches.filter((m) => m.matches.length);
    const unmatched = matches.filter((m) => !m.matches.length);
    const buyers = new Set(matched.flatMap((m) => m.matches.map((x) => x.want.customerId))).size;
    return html`<div id="stock-results" tabindex="-1">
      <h3>${t('resultsHeading')}</h3>
      <p>${matched.length ? t('resultsSummary', formatCount(matched.length), formatCount(matches.length), formatCount(buyers)) : t('noneMatch')}</p>
      ${notRead ? html`<p class="stock__muted">${t('notRead', formatCount(notRead), formatCount(STOCK_MAX_ROWS))}</p>` : nothing}
      ${matched.map((m, i) => this.#vehicleView(m, i))}
      ${skipped.length ? this.#skippedView(skipped) : nothing}
      ${unmatched.length
        ? html`<details>
            <summary>${t('unmatchedHeading', formatCount(unmatched.length))}</summary>
            <ul>
              ${unmatched.map((m) => html`<li>${this.#title(m.vehicle, m.stockNumber)}</li>`)}
            </ul>
          </details>`
        : nothing}
      <div class="stock__actions">
        <button type="button" class="fc-button" @click=${() => this.#set({ kind: 'file', error: '' })}>${t('another')}</button>
      </div>
    </div>`;
  }

  #title(v: TradeInVehicle, stockNumber: string | null): string {
    const { t } = this;
    const { formatCount, formatMoney } = this.#h;
    const name = [v.year, v.make, v.model, v.trim].filter((x) => x !== null && x !== undefined && x !== '').map((x) => isolate(String(x))).join(' ') || t('vinOnly', isolate(v.vin ?? ''));
    const extra = [
      stockNumber ? t('stockNo', isolate(stockNumber)) : '',
      isolate(v.color ?? ''),
      v.mileage !== null && v.mileage !== undefined ? t('miles', formatCount(v.mileage)) : '',
      v.price !== null && v.price !== undefined ? formatMoney(v.price) : '',
    ].filter(Boolean);
    return extra.length ? `${name} · ${extra.join(' · ')}` : name;
  }

  #vehicleView(m: StockMatch, index: number): TemplateResult {
    const { t } = this;
    const id = `stock-${index}`;
    return html`<h4 id=${id}>${this.#title(m.vehicle, m.stockNumber)}</h4>
      <div class="table-wrap fc-scroll" role="group" aria-labelledby=${id}>
        <table class="fc-table" aria-labelledby=${id}>
          <thead>
            <tr>
              <th scope="col">${t('colCustomer')}</th>
              <th scope="col">${t('colMatch')}</th>
              <th scope="col">${t('colWhy')}</th>
              <th scope="col">${t('colWanted')}</th>
            </tr>
          </thead>
          <tbody>
            ${m.matches.map((x) => this.#matchRow(x))}
          </tbody>
        </table>
      </div>`;
  }

  #reason(r: MatchReason): string {
    const { t } = this;
    const c = t(`field_${r.criterion}`);
    r = { ...r, given: isolate(r.given), wanted: isolate(r.wanted) };
    switch (r.how) {
      case 'same':
        return t('how_same', c, r.given);
      case 'other-name':
        return t('how_otherName', c, r.given, r.wanted);
      case 'vin':
        return t('how_vin', c, r.given);
      case 'words':
        return t('how_words', c, r.given, r.wanted);
      default:
        return t('how_inModel', c, r.given, r.wanted);
    }
  }

  #matchRow(x: RankedWantMatch): TemplateResult {
    const { t } = this;
    const { formatCount, formatMoney } = this.#h;
    const w = x.want;
    const why = x.reasons.map((r) => this.#reason(r));
    if (x.criteria.year === 'met') why.push(t('yearIn'));
    if (x.criteria.mileage === 'met') why.push(t('withinMileage'));
    if (x.criteria.price === 'met') why.push(t('withinPrice'));
    if (x.criteria.color === 'met') why.push(t('colorMet'));
    if (x.criteria.color === 'not-met') why.push(t('colorNotMet'));
    const wanted = [
      `${t('years', w.yearFrom, w.yearTo)} ${isolate(w.make)} ${isolate(w.model)}${w.trim ? ` ${isolate(w.trim)}` : ''}`,
      isolate(w.color ?? ''),
      w.maxMileage !== null ? t('upTo', t('miles', formatCount(w.maxMileage))) : '',
      w.maxPrice !== null ? t('upTo', formatMoney(w.maxPrice)) : '',
    ].filter(Boolean);
    return html`<tr>
      <th scope="row">${w.customerName}</th>
      <td>${t('closeness', formatCount(Math.round(x.score * 100)), formatCount(x.criteriaMet), formatCount(x.criteriaSet))}</td>
      <td>
        <ul>
          ${why.map((s) => html`<li>${s}</li>`)}
        </ul>
      </td>
      <td>${wanted.join(' · ')}</td>
    </tr>`;
  }

  #skippedView(skipped: readonly SkippedStockRow[]): TemplateResult {
    const { t } = this;
    const { formatCount } = this.#h;
    const problem = (p: StockProblem) =>
      p.code === 'no-make' ? t('problem_noMake') : t(`problem_${key(p.code)}` as 'problem_notAYear', t(`field_${p.field}`), isolate(p.value));
    return html`<h4>${t('skippedHeading', formatCount(skipped.length))}</h4>
      <ul>
        ${skipped.map((s) => html`<li>${t('skippedRow', formatCount(s.line), s.problems.map(problem).join('; '))}</li>`)}
      </ul>`;
  }
}
