/**
 * Vehicles customers are waiting for, and matching a trade-in against them.
 */
import type { TradeInVehicle, VehicleWant, WantMatch } from '../model.js';

/** Only customers with this status are looking for a vehicle. */
export const WANT_STATUS = 'need-car-locate';

/**
 * Make, model and trim compare ignoring case, spaces and hyphens ("CR-V" = "cr v" = "CRV").
 * @param text The text to normalise.
 * @returns The comparison key.
 * @example vehicleKey(' CR-V '); // 'crv'
 */
export function vehicleKey(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKC').toLowerCase().replace(/[\s\-_]+/g, '');
}

/**
 * Customers who want the vehicle being taken in on trade.
 *
 * A want matches when its customer's status is "need-car-locate", make and model match
 * ({@link vehicleKey}), the year is within the want's range, and the vehicle is within the
 * want's limits: mileage ≤ maxMileage and price ≤ maxPrice. A limit the vehicle's data cannot
 * be checked against (no mileage or price given) does not exclude the want but does not count as
 * met. Trim and colour never exclude: they count as met when equal ({@link vehicleKey}).
 * `criteriaSet` counts the optional criteria the want sets (trim, colour, max mileage, max price),
 * `criteriaMet` those the vehicle meets. Ranked by criteria met, then newest want first.
 * @param wants Every want.
 * @param vehicle The trade-in.
 * @returns The matches, best first.
 * @example
 * matchTradeIn(wants, { year: 2019, make: 'Honda', model: 'CR-V', mileage: 42000 });
 * // [{ want: {...}, criteriaMet: 2, criteriaSet: 3 }, ...]
 */
export function matchTradeIn(wants: readonly VehicleWant[], vehicle: TradeInVehicle): WantMatch[] {
  const make = vehicleKey(vehicle.make);
  const model = vehicleKey(vehicle.model);
  const matches: WantMatch[] = [];
  for (const want of wants) {
    if (want.customerStatus !== WANT_STATUS) continue;
    if (vehicleKey(want.make) !== make || vehicleKey(want.model) !== model) continue;
    if (vehicle.year < want.yearFrom || vehicle.year > want.yearTo) continue;
    const mileage = vehicle.mileage ?? null;
    const price = vehicle.price ?? null;
    if (want.maxMileage !== null && mileage !== null && mileage > want.maxMileage) continue;
    if (want.maxPrice !== null && price !== null && price > want.maxPrice) continue;
    const checks: boolean[] = [];
    if (want.trim) checks.push(vehicleKey(want.trim) === vehicleKey(vehicle.trim));
    if (want.color) checks.push(vehicleKey(want.color) === vehicleKey(vehicle.color));
    if (want.maxMileage !== null) checks.push(mileage !== null);
    if (want.maxPrice !== null) checks.push(price !== null);
    matches.push({ want, criteriaMet: checks.filter(Boolean).length, criteriaSet: checks.length });
  }
  return matches.sort(
    (a, b) =>
      b.criteriaMet - a.criteriaMet || b.want.createdAt.localeCompare(a.want.createdAt) || a.want.id.localeCompare(b.want.id),
  );
}
