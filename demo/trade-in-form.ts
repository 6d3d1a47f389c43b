/**
 * The host side of the trade-in alert in the demo: the appraisal form a dealer's desk already has.
 * Submitting it hands the vehicle to `<fc-trade-in-alert>`; the host listens to
 * `fc-trade-in-match` and raises its own notice, as an integrator would. A second button fills in
 * a wanted vehicle the way a desk often types it (the trim in the model field), so the alert shows
 * close matches and why they matched beside the exact ones.
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
  // A want with a trim, typed as "CR-V EX-L" in the model field: the model matches loosely, the trim is found in it.
  const trimmed = wants.find((w) => w.model && w.trim && w.customerStatus === 'need-car-locate') ?? null;
  const loose: TradeInVehicle | null = trimmed && { year: trimmed.yearTo, make: trimmed.make, model: `${trimmed.model} ${trimmed.trim}`, mileage: 30_000 };
  const example = document.createElement('button');
  example.type = 'button';
  example.textContent = loose ? `Try one typed loosely: ${loose.make} ${loose.model}` : '';
  example.hidden = !loose;
  const notice = document.createElement('p');
  notice.setAttribute('role', 'status');
  notice.className = 'demo-notice';
  form.append(submit, example, notice);

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
  example.addEventListener('click', () => {
    for (const field of FIELDS) {
      const value = loose?.[field.name];
      form.querySelector<HTMLInputElement>(`[name="${field.name}"]`)!.value = value === null || value === undefined ? '' : String(value);
    }
    form.requestSubmit();
  });
  alert.addEventListener('fc-trade-in-match', (event) => {
    const count = event.detail.matches.length;
    notice.textContent = `Host notice: ${count} waiting ${count === 1 ? 'buyer wants' : 'buyers want'} this vehicle.`;
  });
  alert.vehicle = initial;
  return form;
}
