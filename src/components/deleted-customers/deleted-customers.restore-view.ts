/**
 * The restore's own views, loaded with `import()` when the confirmation first opens (not with the
 * widget): the confirmation (whole customers with what comes back, a merge leftover's fields and
 * related records to choose), the last restore's outcome, and the words for what came back and
 * what did not. It is handed what it formats with (`RestoreViewHelpers`) and carries its own
 * English and Spanish text, so nothing of it is in the first load.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { CustomerNote, CustomerVehicle, DeletedRecord, RelatedKind, RestoreDetail, RestoreSkip, VehicleWant } from '../../data/model.js';
import type { isRestorableField, relatedEntries } from '../../data/logic/deleted.js';
import type { isolate, isolateIn } from '../shared/bidi.js';
import type { defineMessages } from '../shared/messages.js';
import type { live } from 'lit/directives/live.js';
import type { t as widgetMessages } from './deleted-customers.messages.js';
import type { Confirming, DialogHandlers, fieldLabel, fieldValue, Formats } from './deleted-customers.view.js';

/** What the views format with, handed in by the element. */
export interface RestoreViewHelpers {
  t: typeof widgetMessages;
  defineMessages: typeof defineMessages;
  isolate: typeof isolate;
  isolateIn: typeof isolateIn;
  live: typeof live;
  formatCount: (n: number) => string;
  fieldLabel: typeof fieldLabel;
  fieldValue: typeof fieldValue;
  isRestorableField: typeof isRestorableField;
  relatedEntries: typeof relatedEntries;
}

/** One line of a restore's outcome: what came back for a record, and what did not. */
export interface OutcomeLine {
  id: string;
  /** "Restored Mary Ann Smith: 9 fields, 2 vehicles, 3 notes", names in `<bdi>`. */
  text: TemplateResult;
  /** The same as a string, names isolated by characters (for the live region). */
  plain: string;
  /** "Not restored: …", '' when everything came back. */
  skipped: string;
}

const en = {
  nFields: (n: number, s: string) => (n === 1 ? '1 field' : `${s} fields`),
  nVehicles: (n: number, s: string) => (n === 1 ? '1 vehicle' : `${s} vehicles`),
  nNotes: (n: number, s: string) => (n === 1 ? '1 note' : `${s} notes`),
  nWants: (n: number, s: string) => (n === 1 ? '1 open want' : `${s} open wants`),
  nothingBack: 'nothing',
  vehicleLabel: (text: string) => `Vehicle: ${text}`,
  noteLabel: (by: string, when: string, text: string) => `Note by ${by}, ${when}: ${text}`,
  wantLabel: (years: string, car: string) => `Wants a ${years} ${car}`,
  relatedBack: 'Comes back with:',
  outcomeTitle: 'Last restore',
  outcomeRestored: (name: string, what: string) => `Restored ${name}: ${what}`,
  outcomeOnto: (name: string, into: string, what: string) => `Restored ${name} onto ${into}: ${what}`,
  notRestored: (list: string) => `Not restored: ${list}`,
  skipNotChosen: 'not chosen',
  skipDuplicate: 'already there',
  skipItem: (what: string, why: string) => `${what} (${why})`,
  dismiss: 'Dismiss',
};

/**
 * Builds the views on the helpers.
 * @param h The helpers.
 * @returns The confirmation, the outcome, and the words of a restore's details.
 */
export function createRestoreViews(h: RestoreViewHelpers) {
  const { t, isolateIn, formatCount, fieldLabel, fieldValue, isRestorableField, relatedEntries, live } = h;
  const m = h.defineMessages(en, {
  nFields: (n: number, s: string) => (n === 1 ? '1 campo' : `${s} campos`),
  nVehicles: (n: number, s: string) => (n === 1 ? '1 vehículo' : `${s} vehículos`),
  nNotes: (n: number, s: string) => (n === 1 ? '1 nota' : `${s} notas`),
  nWants: (n: number, s: string) => (n === 1 ? '1 búsqueda abierta' : `${s} búsquedas abiertas`),
  nothingBack: 'nada',
  vehicleLabel: (text) => `Vehículo: ${text}`,
  noteLabel: (by, when, text) => `Nota de ${by}, ${when}: ${text}`,
  wantLabel: (years, car) => `Busca un ${car} ${years}`,
  relatedBack: 'Vuelve con:',
  outcomeTitle: 'Última restauración',
  outcomeRestored: (name, what) => `Restaurado ${name}: ${what}`,
  outcomeOnto: (name, into, what) => `Restaurado ${name} en ${into}: ${what}`,
  notRestored: (list) => `No restaurado: ${list}`,
  skipNotChosen: 'no elegido',
  skipDuplicate: 'ya estaba',
  skipItem: (what, why) => `${what} (${why})`,
  dismiss: 'Cerrar',
  });

  type RelatedItem = CustomerVehicle | CustomerNote | VehicleWant;

  /** A related record in words: "Vehicle: 2016 Honda Civic", "Note by Dana Ruiz, Jan 2, 2026: …", "Wants a 2018–2020 Toyota RAV4". */
  function relatedText(kind: RelatedKind, item: RelatedItem, f: Formats): string {
    if (kind === 'vehicles') {
      const v = item as CustomerVehicle;
      return m('vehicleLabel', [v.year, v.make, v.model].filter((x) => x !== null && x !== '').join(' ') + (v.vin ? ` · VIN ${v.vin}` : ''));
    }
    if (kind === 'notes') {
      const n = item as CustomerNote;
      const ms = Date.parse(n.at);
      return m('noteLabel', n.by, Number.isNaN(ms) ? n.at : f.date.format(ms), n.text);
    }
    const w = item as VehicleWant;
    return m('wantLabel', w.yearFrom === w.yearTo ? String(w.yearFrom) : `${w.yearFrom}–${w.yearTo}`, `${w.make} ${w.model}`);
  }

  /** {@link relatedText} on the page: each value the adapter gave in its own `<bdi>`, so an override in one stops at its end. */
  function relatedView(kind: RelatedKind, item: RelatedItem, f: Formats): unknown {
    if (kind === 'vehicles') {
      const v = item as CustomerVehicle;
      const car = [v.year === null ? '' : String(v.year), v.make, v.model].filter((x) => x !== null && x !== '') as string[];
      const vin = v.vin ? [v.vin] : [];
      return isolateIn((...held) => m('vehicleLabel', held.slice(0, car.length).join(' ') + (vin.length ? ` · VIN ${held[car.length]}` : '')), ...car, ...vin);
    }
    if (kind === 'notes') {
      const n = item as CustomerNote;
      const ms = Date.parse(n.at);
      return isolateIn((by, text) => m('noteLabel', by!, Number.isNaN(ms) ? n.at : f.date.format(ms), text!), n.by, n.text);
    }
    const w = item as VehicleWant;
    const years = w.yearFrom === w.yearTo ? String(w.yearFrom) : `${w.yearFrom}–${w.yearTo}`;
    return isolateIn((make, model) => m('wantLabel', years, `${make} ${model}`), w.make, w.model);
  }

  /** A record's related records, each with its kind, in kind order. */
  function relatedItems(r: DeletedRecord): { kind: RelatedKind; item: RelatedItem }[] {
    return relatedEntries(r).map(([kind, id]) => ({ kind, item: (r.related![kind] as RelatedItem[]).find((x) => x.id === id)! }));
  }

  /** "9 fields, 2 vehicles, 3 notes" (the kinds with none left out; "nothing" when all are). */
  function countsText(fields: number, related: Partial<Record<RelatedKind, number>>): string {
    const parts: string[] = [];
    if (fields) parts.push(m('nFields', fields, formatCount(fields)));
    const keys = { vehicles: 'nVehicles', notes: 'nNotes', wants: 'nWants' } as const;
    for (const kind of ['vehicles', 'notes', 'wants'] as const) {
      const n = related[kind] ?? 0;
      if (n) parts.push(m(keys[kind], n, formatCount(n)));
    }
    return parts.length ? parts.join(', ') : m('nothingBack');
  }

  /** What a whole customer's snapshot brings back, counted. */
  function snapshotCounts(r: DeletedRecord): string {
    const fields = Object.keys(r.fields).filter(isRestorableField).length;
    return countsText(fields, { vehicles: r.related?.vehicles?.length, notes: r.related?.notes?.length, wants: r.related?.wants?.length });
  }

  /** What a restore put back for a record, counted ("9 fields, 2 vehicles, 3 notes"). */
  function detailCounts(d: RestoreDetail): string {
    return countsText(d.fields.length, { vehicles: d.related.vehicles.length, notes: d.related.notes.length, wants: d.related.wants.length });
  }

  /** What a restore did not put back, in words ("Phone (not chosen), Vehicle: 2019 Ford F-150 (already there)"); '' when nothing. */
  function skippedText(skipped: readonly RestoreSkip[], record: DeletedRecord | undefined, f: Formats): string {
    return skipped
      .map((s) => {
        let what = s.kind === 'field' ? fieldLabel(s.name) : s.name;
        const item = s.kind !== 'field' ? (record?.related?.[s.kind] as RelatedItem[] | undefined)?.find((x) => x.id === s.name) : undefined;
        if (item) what = relatedText(s.kind as RelatedKind, item, f);
        const why = s.code === 'not-chosen' ? m('skipNotChosen') : s.code === 'duplicate' ? m('skipDuplicate') : s.reason;
        return m('skipItem', what, why);
      })
      .join('; ');
  }

  /**
   * The restore confirmation: the whole customers (the first `names`, then "and N more"), and per
   * merge leftover one checkbox per field with the survivor's current value.
   */
  function confirmDialog(c: Confirming, names: number, on: DialogHandlers, f: Formats): TemplateResult {
    const whole = c.records.filter((r) => r.kind === 'customer');
    const leftovers = c.records.filter((r) => r.kind === 'merge-leftover');
    const n = c.records.length;
    const shown = whole.slice(0, names);
    return html`<dialog part="dialog" aria-labelledby="confirm-title" @cancel=${on.cancel}>
      <form @submit=${on.submit}>
        <h2 id="confirm-title">${n === 1 ? t('dialogTitleOne') : t('dialogTitle', formatCount(n))}</h2>
        ${whole.length
          ? html`<p>${whole.length === 1 ? t('dialogWholeOne') : t('dialogWhole', formatCount(whole.length))}</p>
              <ul class="names">
                ${shown.map((r) => wholeItem(r, f))}
                ${whole.length > shown.length ? html`<li>${t('dialogMore', formatCount(whole.length - shown.length))}</li>` : nothing}
              </ul>`
          : nothing}
        ${leftovers.length ? html`<p>${t('dialogLeftovers')}</p>${leftovers.map((r) => leftoverChoice(r, c, on, f))}` : nothing}
        <p class="nothing" role="alert">${c.nothing ? t('dialogNothing') : ''}</p>
        <div class="actions">
          <button type="submit" class="fc-button fc-button--primary">${t('confirm')}</button>
          <button type="button" class="fc-button" @click=${on.close}>${t('cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }

  /** A whole customer in the confirmation: the name, what comes back counted, and its related records. */
  function wholeItem(r: DeletedRecord, f: Formats): TemplateResult {
    const items = relatedItems(r);
    return html`<li>
      <span class="name">${r.customerName}</span> <span class="muted">(${snapshotCounts(r)})</span>
      ${items.length
        ? html`<ul class="related" aria-label=${`${r.customerName}. ${m('relatedBack')}`}>
            ${items.map(({ kind, item }) => html`<li>${relatedView(kind, item, f)}</li>`)}
          </ul>`
        : nothing}
    </li>`;
  }

  function leftoverChoice(r: DeletedRecord, c: Confirming, on: DialogHandlers, f: Formats): TemplateResult {
    const current = r.mergedIntoCurrent;
    const chosen = c.chosen[r.id] ?? new Set<string>();
    return html`<fieldset class="leftover">
      <legend>
        ${r.mergedIntoName
          ? isolateIn((name, into) => t('leftoverLegend', name, into), r.customerName, r.mergedIntoName)
          : isolateIn((name) => t('leftoverLegendNoInto', name), r.customerName)}
      </legend>
      ${current === null ? html`<p class="warn">${t('survivorGone')}</p>` : nothing}
      ${Object.entries(r.fields).map(([field, value]) => {
        const now = current?.[field];
        const replaces = !!now && now !== value;
        return html`<label class="choice">
          <input
            type="checkbox"
            .checked=${live(chosen.has(field))}
            ?disabled=${!isRestorableField(field)}
            @change=${(e: Event) => on.toggle(e, r.id, field)}
          />
          <span>
            ${isolateIn((label, was) => t('fieldChoice', label, was), fieldLabel(field), fieldValue(value))}
            ${current
              ? html`<span class="muted">(${isolateIn((value) => t('nowOnSurvivor', value), fieldValue(now))}${replaces ? html`; <strong>${t('replaces')}</strong>` : nothing})</span>`
              : nothing}
          </span>
        </label>`;
      })}
      ${relatedItems(r).map(
        ({ kind, item }) => html`<label class="choice">
          <input type="checkbox" .checked=${live(c.related[r.id]?.has(item.id) ?? false)} @change=${(e: Event) => on.toggleRelated(e, r.id, item.id)} />
          <span>${relatedView(kind, item, f)}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  /** What the last restore brought back per record ("Restored Mary Ann Smith: 9 fields, 2 vehicles, 3 notes") and what it did not; nothing when there is none to tell. */
  function outcomeView(lines: readonly { id: string; text: TemplateResult; skipped: string }[], dismiss: () => void): TemplateResult | typeof nothing {
    if (!lines.length) return nothing;
    return html`<section class="outcome" part="outcome" aria-labelledby="outcome-title">
      <h2 id="outcome-title">${m('outcomeTitle')}</h2>
      <ul>
        ${lines.map(
          (l) => html`<li>
            <span class="icon" aria-hidden="true">✓</span> ${l.text}${l.skipped
              ? html`<br /><span class="skipped"><span class="icon" aria-hidden="true">✕</span> ${l.skipped}</span>`
              : nothing}
          </li>`,
        )}
      </ul>
      <button type="button" class="fc-button" @click=${dismiss}>${m('dismiss')}</button>
    </section>`;
  }

  /** What a restore did not put back, as "Not restored: …"; '' when nothing. */
  function notRestoredText(skipped: readonly RestoreSkip[], record: DeletedRecord | undefined, f: Formats): string {
    const list = skippedText(skipped, record, f);
    return list ? m('notRestored', list) : '';
  }

  /** The outcome line of one restored record. */
  function outcomeLine(detail: RestoreDetail, record: DeletedRecord | undefined, f: Formats): OutcomeLine {
    const what = detailCounts(detail);
    const leftover = detail.kind === 'merge-leftover';
    const build = (name: string, into: string) => (leftover ? m('outcomeOnto', name, into, what) : m('outcomeRestored', name, what));
    const names = [leftover ? detail.fromName : detail.customerName || detail.fromName, detail.customerName] as const;
    return { id: detail.id, text: isolateIn(build, ...names), plain: build(h.isolate(names[0]), h.isolate(names[1])), skipped: notRestoredText(detail.skipped, record, f) };
  }

  return { confirmDialog, outcomeView, detailCounts, skippedText, notRestoredText, outcomeLine };
}

export type RestoreViews = ReturnType<typeof createRestoreViews>;
