/** A customer's vehicle want for tests: a Honda CR-V, 2017–2021, nothing else stated; `over` changes any field. */
import type { VehicleWant } from '../../src/data/model.js';

export const want = (id: string, over: Partial<VehicleWant> = {}): VehicleWant => ({
  id,
  customerId: `x-${id}`,
  customerName: `Buyer ${id}`,
  customerStatus: 'need-car-locate',
  yearFrom: 2017,
  yearTo: 2021,
  make: 'Honda',
  model: 'CR-V',
  trim: null,
  color: null,
  maxMileage: null,
  maxPrice: null,
  createdAt: '2026-06-01T12:00:00.000Z',
  salespersonName: null,
  ...over,
});
