/**
 * The demo dataset's deletion snapshots: what a CRM held about a customer beyond the model's
 * columns (address, city, postal code) and the records related to it (vehicles, notes, open
 * wants), and the restore log of the records the demo starts out with as restored. Drawn from its
 * own seeded stream, so the rest of the dataset is the same with or without them.
 */
import type { CustomerNote, CustomerVehicle, DeletedRecord, DeletedRelated, RestoreLogEntry, VehicleWant } from './model.js';
import { RELATED_KINDS } from './model.js';
import { SNAPSHOT_META_FIELDS } from './logic/deleted-restore.js';
import { mulberry32 } from './demo-random.js';

const STREETS = ['Elm St', 'Oak Ave', 'Cedar Ln', 'Congress Ave', 'Burnet Rd', 'Lamar Blvd', 'Maple Dr', 'Pecan St'];
const CITIES: [string, string][] = [['Austin', '787'], ['Round Rock', '786'], ['Georgetown', '786'], ['Waco', '767'], ['San Antonio', '782']];
const CARS: [string, string][] = [
  ['Toyota', 'Camry'], ['Honda', 'Civic'], ['Ford', 'F-150'], ['Chevrolet', 'Equinox'], ['Nissan', 'Rogue'], ['Hyundai', 'Tucson'], ['Kia', 'Soul'], ['Subaru', 'Outback'],
];
const NOTES = [
  'Prefers text over calls.',
  'Asked for a quote on brakes; follow up next visit.',
  'Customer waits in the lounge; offer coffee.',
  'Fleet account pending approval.',
  'Wants a loaner for longer jobs.',
  'Referred by a neighbour.',
];
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

/** A small seeded PRNG (mulberry32), separate from the dataset's own. */
export function snapshotRandom(seed: number): () => number {
  return mulberry32((seed * 7919 + 13) >>> 0);
}

/**
 * The fields beyond the model's columns and the related records of one deleted record.
 * @param rng The snapshots' stream.
 * @param key The record's id, for the related records' ids.
 * @param deletedMs When it was deleted (notes are written before).
 * @param owner For open wants: the customer's id and name, and employees who write notes.
 * @param whole A whole customer (addresses and more related records) or a merge leftover.
 * @returns Extra fields, and the related lists (only the non-empty ones).
 */
export function snapshotExtras(
  rng: () => number,
  key: string,
  deletedMs: number,
  owner: { id: string; name: string; employees: readonly string[] },
  whole: boolean,
): { fields: Record<string, string>; related: DeletedRelated | undefined } {
  const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const fields: Record<string, string> = {};
  if (whole || rng() < 0.3) {
    const [city, zip] = pick(CITIES);
    fields.address = `${int(100, 9899)} ${pick(STREETS)}`;
    fields.city = city;
    fields.postalCode = `${zip}${String(int(0, 99)).padStart(2, '0')}`;
  }
  const vehicles: CustomerVehicle[] = [];
  for (let n = whole ? int(0, 2) : rng() < 0.3 ? 1 : 0; n > 0; n--) {
    const [make, model] = pick(CARS);
    vehicles.push({
      id: `veh-${key}-${vehicles.length + 1}`,
      year: int(2008, 2024),
      make,
      model,
      vin: rng() < 0.7 ? Array.from({ length: 17 }, () => pick([...VIN_CHARS])).join('') : null,
    });
  }
  const notes: CustomerNote[] = [];
  for (let n = whole ? int(0, 3) : rng() < 0.3 ? 1 : 0; n > 0; n--) {
    notes.push({
      id: `note-${key}-${notes.length + 1}`,
      at: new Date(deletedMs - int(2, 400) * 86_400_000).toISOString(),
      by: pick(owner.employees),
      text: pick(NOTES),
    });
  }
  notes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const wants: VehicleWant[] = [];
  if (whole && rng() < 0.25) {
    const [make, model] = pick(CARS);
    const yearFrom = int(2016, 2022);
    wants.push({
      id: `want-${key}-1`,
      customerId: owner.id,
      customerName: owner.name,
      customerStatus: 'need-car-locate',
      yearFrom,
      yearTo: yearFrom + int(0, 3),
      make,
      model,
      trim: null,
      color: null,
      maxMileage: rng() < 0.5 ? int(6, 16) * 5000 : null,
      maxPrice: null,
      createdAt: new Date(deletedMs - int(2, 90) * 86_400_000).toISOString(),
      salespersonName: null,
    });
  }
  const related: DeletedRelated = {
    ...(vehicles.length && { vehicles }),
    ...(notes.length && { notes }),
    ...(wants.length && { wants }),
  };
  return { fields, related: Object.keys(related).length ? related : undefined };
}

/**
 * The restore log of records that are restored already: one entry each, as a restore of the
 * whole record would have written it.
 * @param records The deleted records.
 * @returns Entries, oldest first.
 */
export function restoreLogOf(records: readonly DeletedRecord[]): RestoreLogEntry[] {
  return records
    .filter((r) => r.restoredAt)
    .map((r) => {
      const name = r.kind === 'customer' ? `${r.fields.firstName ?? ''} ${r.fields.lastName ?? ''}`.trim() || r.customerName : (r.mergedIntoName ?? r.customerName);
      return {
        id: `${r.id}@${r.restoredAt}`,
        recordId: r.id,
        kind: r.kind,
        fromName: r.customerName,
        fromCustomerId: r.customerId,
        customerId: r.kind === 'customer' ? r.customerId : (r.mergedIntoId ?? r.customerId),
        customerName: name,
        fields: Object.keys(r.fields).filter((f) => !(SNAPSHOT_META_FIELDS as readonly string[]).includes(f)),
        related: Object.fromEntries(RELATED_KINDS.map((k) => [k, (r.related?.[k] ?? []).map((x) => x.id)])) as RestoreLogEntry['related'],
        skipped: [],
        at: r.restoredAt!,
        by: r.restoredBy,
      };
    })
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
