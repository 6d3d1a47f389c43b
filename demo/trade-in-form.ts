/**
 * The host side of the trade-in alert in the demo: the appraisal form a dealer's desk already has.
 * Submitting it hands the vehicle to `<fc-trade-in-alert>`; the host listens to
 * `fc-trade-in-match` and raises its own notice, as an integrator would.
 */
import type { FcTradeInAlert } from '../src/components/trade-in-alert/trade-in-alert.element.js';
import type { TradeInVehicle, VehicleWant } from '../src/data/model.js';

const FIELDS: { name: keyof TradeInVehicle; label: string; type: 'text' | 'number' }[] = [
  { name: 'vin', label: 'VIN', type: 'text' },
  { name: 'year', label: 'Year', type: 'number' },
  { name: 'make', label: 'Make', type: 'text' },
  { name: 'model', label: 'Model', type: 'text' },
  { name: 'trim', label: 'Trim', type: 'text' },
  { name: 'color', label: 'Colour', type: 'text' },
  { name: 'mileage', label: 'Mileage', type: 'number' },
];

/** A form prefilled with a vehicle some waiting buyer wants, so the demo shows matches at once. */
export function tradeInForm(alert: FcTradeInAlert, wants: readonly VehicleWant[]): HTMLElement {
  const wanted = wants.find((w) => w.model) ?? null;
  const initial: TradeInVehicle = wanted
    ? { year: wanted.yearTo, make: wanted.make, model: wanted.model, trim: wanted.trim, color: wanted.color, mileage: 30_000 }
    : { vin: '1HGCM82633A004352' };

  const form = document.createElement('form');
  form.className = 'demo-form';
  form.setAttribute('aria-label', 'Vehicle taken in on trade');
  for (const field of FIELDS) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.name = field.name;
    input.type = field.type;
    if (field.type === 'number') input.min = '0';
    const value = initial[field.name];
    input.value = value === null || value === undefined ? '' : String(value);
    label.append(`${field.label} `, input);
    form.append(label);
  }
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.textContent = 'Check trade-in';
  const notice = document.createElement('p');
  notice.setAttribute('role', 'status');
  notice.className = 'demo-notice';
  form.append(submit, notice);

  const read = (): TradeInVehicle => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || null;
    const number = (name: string) => {
      const value = text(name);
      return value === null || !Number.isFinite(Number(value)) ? null : Number(value);
    };
    return {
      vin: text('vin'),
      year: number('year'),
      make: text('make'),
      model: text('model'),
      trim: text('trim'),
      color: text('color'),
      mileage: number('mileage'),
    };
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    notice.textContent = '';
    alert.vehicle = read();
  });
  alert.addEventListener('fc-trade-in-match', (event) => {
    const count = event.detail.matches.length;
    notice.textContent = `Host notice: ${count} waiting ${count === 1 ? 'buyer wants' : 'buyers want'} this vehicle.`;
  });
  alert.vehicle = initial;
  return form;
}
