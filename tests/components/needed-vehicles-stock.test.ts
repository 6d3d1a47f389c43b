import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/needed-vehicles/fc-needed-vehicles.js';
import type { FcNeededVehicles } from '../../src/components/needed-vehicles/fc-needed-vehicles.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Dataset } from '../../src/data/model.js';
import { closeClients, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';
import { want } from '../data/want-rig.js';

function dataset(): Dataset {
  return {
    ...generateDataset({ size: 'small' }),
    wants: [
      want('w1', { customerName: 'Ana Ruiz', trim: 'EX', maxPrice: 2_500_000 }),
      want('w2', { customerName: 'Bo Chen', make: 'Chevrolet', model: 'Silverado', yearFrom: 2018, yearTo: 2020 }),
      want('w3', { customerName: 'Cy Diaz', maxMileage: 30_000 }),
    ],
  };
}

const CSV = [
  'Stock #,Year,Make,Model,Trim,Exterior Colour,Odometer,Price,Seller',
  'A1,2019,Honda,CR-V,EX,Silver,"41,200","$23,900",Adesa',
  'A2,2019,Chevy,Silverado 1500,LT,Red,50000,30000,Manheim',
  'A3,20X9,Ford,F-150,,,lots,,Manheim',
  'A4,2015,Toyota,Camry,LE,,90000,9000,Adesa',
].join('\r\n');

/** What a node reads, without the invisible isolates around text from the file. */
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
async function found<T>(find: () => T | null | undefined, message: string): Promise<T> {
  await waitUntil(() => find(), message, { timeout: 8000 });
  return find()!;
}
const button = (scope: ParentNode, name: string) => [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name)!;

async function open(server: DemoServer, width?: number) {
  const wrapper = await fixture<HTMLElement>(
    html`<div style=${width ? `inline-size: ${width}px` : ''}><fc-needed-vehicles .adapter=${server.client()}></fc-needed-vehicles></div>`,
  );
  const el = wrapper.firstElementChild as FcNeededVehicles;
  await found(() => el.shadowRoot!.querySelector('.group'), 'never loaded');
  button(el.shadowRoot!, 'Match a stock list').click();
  const input = await found(() => el.shadowRoot!.querySelector<HTMLInputElement>('.stock input[type="file"]'), 'no file input');
  return { el, input };
}

function choose(input: HTMLInputElement, content: string, name = 'auction.csv') {
  const files = new DataTransfer();
  files.items.add(new File([content], name, { type: 'text/csv' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<fc-needed-vehicles> stock list', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await startDemoServer(dataset());
  });
  afterEach(() => closeClients());

  it('reads a list, lets the user confirm the columns, and shows the vehicles waiting buyers want', async () => {
    const { el, input } = await open(server);
    await expect(el).to.be.accessible();
    choose(input, CSV);
    const form = await found(() => el.shadowRoot!.querySelector('.stock form'), 'no column step');
    expect(text(form.querySelector('legend'))).to.equal('Which column of “auction.csv” (4 rows) holds what');
    const chosen = Object.fromEntries([...form.querySelectorAll('label')].map((l) => [text(l.querySelector('span')), text(l.querySelector('select')!.selectedOptions[0])]));
    expect(chosen).to.deep.equal({
      Year: 'B: Year',
      Make: 'C: Make',
      Model: 'D: Model',
      Trim: 'E: Trim',
      Colour: 'F: Exterior Colour',
      Mileage: 'G: Odometer',
      Price: 'H: Price',
      VIN: '(not in the list)',
      'Stock no.': 'A: Stock #',
    });
    await expect(el).to.be.accessible();

    button(form, 'Show matches').click();
    const results = await found(() => el.shadowRoot!.querySelector('#stock-results'), 'no results');
    expect(text(results.querySelector('h3'))).to.equal('Vehicles we can get for waiting buyers');
    expect(text(results)).to.contain('2 of 3 vehicles suit 2 waiting buyers.');
    const vehicles = [...results.querySelectorAll('h4')].map(text);
    expect(vehicles.slice(0, 2)).to.deep.equal(['2019 Honda CR-V EX · stock A1 · Silver · 41,200 mi · $23,900', '2019 Chevy Silverado 1500 LT · stock A2 · Red · 50,000 mi · $30,000']);
    const cell = (c: Element) => (c.querySelector('li') ? [...c.querySelectorAll('li')].map(text).join('; ') : text(c));
    const rows = [...results.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(cell));
    // CR-V: Ana (model, year, trim, price: 4 of 4); Cy's 30,000-mile limit excludes it. Silverado: "Chevy" is
    // Chevrolet, "Silverado 1500" begins with "Silverado" (closeness 0.75), year met: (0.75 + 1) / 2.
    expect(rows).to.deep.equal([
      ['Ana Ruiz', '100% (4 of 4 criteria)', 'Make Honda; Model CR-V; Trim EX; year in range; price within limit', '2017–2021 Honda CR-V EX · up to $25,000'],
      ['Bo Chen', '88% (2 of 2 criteria)', 'Make Chevy is Chevrolet; Model Silverado 1500 ~ Silverado; year in range', '2018–2020 Chevrolet Silverado'],
    ]);
    expect(text(results)).to.contain('1 rows skipped');
    expect(text(results)).to.contain('Row 4: Year “20X9” is not a year; Mileage “lots” is not a number');
    expect(text(results.querySelector('details summary'))).to.equal('1 vehicles no waiting buyer wants');
    await expect(el).to.be.accessible();
  });

  it('asks for the make column when none is chosen, and says when a file has no header', async () => {
    const { el, input } = await open(server);
    choose(input, 'Lot,Notes\r\n1,clean\r\n');
    const form = await found(() => el.shadowRoot!.querySelector('.stock form'), 'no column step');
    button(form, 'Show matches').click();
    const alert = await found(() => form.querySelector('[role="alert"]'), 'no message');
    expect(text(alert)).to.equal('Choose the column with the make, or the one with the VIN.');
    await expect(el).to.be.accessible();

    button(form, 'Choose another file').click();
    const again = await found(() => el.shadowRoot!.querySelector<HTMLInputElement>('.stock input[type="file"]'), 'no file input');
    choose(again, '', 'empty.csv');
    const error = await found(() => el.shadowRoot!.querySelector('.stock [role="alert"]'), 'no message');
    expect(text(error)).to.equal('“empty.csv” has no header row: choose a CSV file whose first line names its columns.');
  });

  it('fits a 320 px screen: nothing scrolls the page sideways, the tables scroll in their box', async () => {
    const { el, input } = await open(server, 320);
    choose(input, CSV);
    const form = await found(() => el.shadowRoot!.querySelector('.stock form'), 'no column step');
    expect(el.scrollWidth <= el.clientWidth + 1, 'the column step runs wider than the widget').to.equal(true);
    button(form, 'Show matches').click();
    await found(() => el.shadowRoot!.querySelector('#stock-results'), 'no results');
    expect(el.scrollWidth <= el.clientWidth + 1, 'the results run wider than the widget').to.equal(true);
    const box = el.shadowRoot!.querySelector<HTMLElement>('#stock-results .fc-scroll')!;
    expect(box.scrollWidth > box.clientWidth, 'the table does not scroll in its box').to.equal(true);
    await waitUntil(() => box.tabIndex === 0, 'the box takes no focus');
    await expect(el).to.be.accessible();
  });
});
