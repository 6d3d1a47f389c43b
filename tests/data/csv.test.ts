import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import Papa from 'papaparse';
import '../seed.js';
import { csvFixed, csvText, formatCsv, isE164 } from '../../src/data/logic/csv.js';
import { formatSmsCsv } from '../../src/data/logic/sms-export.js';
import { formatWantsCsv } from '../../src/data/logic/vehicles-export.js';
import type { WantGroup } from '../../src/data/logic/vehicles.js';
import { TRAFFIC_STEPS } from '../../src/data/model.js';
import type { SmsMessage, TrafficHeatmap, TrafficStep } from '../../src/data/model.js';
import { makeFormats } from '../../src/components/shared/formats.js';
import { heatmapCsv, levelCsv } from '../../src/components/store-traffic/store-traffic.csv.js';
import type { LevelModel, ModelRow } from '../../src/components/store-traffic/store-traffic.model.js';

/**
 * Written out here rather than taken from the writer: OWASP's first characters (= + - @ tab CR),
 * their full-width forms, and NUL (ASVS 1.2.10).
 */
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r', '\0', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
const E164 = /^\+[1-9]\d{7,14}$/;

/** A cell a spreadsheet would run: it starts with a dangerous character and is not a phone number. */
const live = (cell: string) => DANGEROUS.some((c) => cell.startsWith(c)) && !E164.test(cell);

/** The cells of a CSV text as a spreadsheet would split them. */
function cells(csv: string): string[][] {
  const text = csv.endsWith('\r\n') ? csv.slice(0, -2) : csv;
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n', quoteChar: '"' });
  expect(parsed.errors, 'the CSV parses cleanly').to.deep.equal([]);
  return parsed.data;
}

const liveCells = (csv: string) => cells(csv).flat().filter(live);

/** Payloads a server or an import could put in a text field. */
const PAYLOADS = ['=1+1', '@SUM(2)', "=cmd|' /C calc'!A0", '+1 512', '-2+3', '\t=1+1', '\r=1+1', '\uFF1D1+1', '\uFF20SUM(1)', '=HYPERLINK("http://x.test","y")'];

describe('csvText', () => {
  it('puts an apostrophe before text that starts like a formula', () => {
    expect(csvText('=1+1')).to.equal("'=1+1");
    expect(csvText('@SUM(2)')).to.equal("'@SUM(2)");
    expect(csvText("=cmd|' /C calc'!A0")).to.equal("'=cmd|' /C calc'!A0");
    expect(csvText('-2+3')).to.equal("'-2+3");
    expect(csvText('\t=1+1')).to.equal("'\t=1+1");
    expect(csvText('\r=1+1')).to.equal("'\r=1+1");
    expect(csvText('\0=1+1')).to.equal("'\0=1+1");
  });

  it('neutralises the full-width forms too', () => {
    expect(csvText('\uFF1D1+1')).to.equal("'\uFF1D1+1");
    expect(csvText('\uFF0B1+1')).to.equal("'\uFF0B1+1");
    expect(csvText('\uFF0D1+1')).to.equal("'\uFF0D1+1");
    expect(csvText('\uFF20SUM(1)')).to.equal("'\uFF20SUM(1)");
  });

  it('keeps a valid E.164 number and neutralises anything else that starts with +', () => {
    expect(csvText('+15125550100')).to.equal('+15125550100');
    expect(csvText('+4930123456')).to.equal('+4930123456');
    expect(csvText('+123456789012345')).to.equal('+123456789012345', '15 digits');
    expect(csvText('+1 512')).to.equal("'+1 512");
    expect(csvText('+1 512 555 0100')).to.equal("'+1 512 555 0100");
    expect(csvText('+abc')).to.equal("'+abc");
    expect(csvText('+1234567')).to.equal("'+1234567", '7 digits is too short');
    expect(csvText('+1234567890123456')).to.equal("'+1234567890123456", '16 digits is too long');
    expect(csvText('+05125550100')).to.equal("'+05125550100", 'no country code starts with 0');
    expect(csvText('+15125550100=1+1')).to.equal("'+15125550100=1+1");
    expect(csvText('\uFF0B15125550100')).to.equal("'\uFF0B15125550100", 'a full-width plus is not E.164');
    expect([isE164('+15125550100'), isE164('+1 512'), isE164('15125550100')]).to.deep.equal([true, false, false]);
  });

  it('leaves other text alone', () => {
    for (const text of ['', 'Ana Ruiz', ' =1+1', "'=1+1", '1+1', 'SM1', '30007', 'José Muñoz']) expect(csvText(text)).to.equal(text);
  });
});

describe('formatCsv', () => {
  it('writes text neutralised and quoted where needed, numbers as numbers, CRLF line ends', () => {
    const csv = formatCsv([
      ['Name', 'Ups', 'Price'],
      ['=1+1', 4, csvFixed(24500.5, 2)],
      ['Dana "D" Ruiz', -3, null],
      ['a;b', Number.NaN, csvFixed(Number.POSITIVE_INFINITY, 2)],
      ['line\nbreak', 0.5, undefined],
    ]);
    expect(csv).to.equal(`Name,Ups,Price\r\n"'=1+1",4,24500.50\r\n"Dana ""D"" Ruiz",-3,\r\n"a;b",,\r\n"line\nbreak",0.5,\r\n`);
    expect(formatCsv([['a'], ['b']], { finalLineBreak: false })).to.equal('a\r\nb');
    expect(formatCsv([])).to.equal('');
  });

  it('writes a value of an unexpected type as neutralised text, never raw', () => {
    const hostile = [{ toString: () => '=1+1' }, { value: '=1+1', decimals: 2 }, true] as never[];
    expect(formatCsv([hostile], { finalLineBreak: false })).to.equal(`"'=1+1",[object Object],true`);
  });

  it('quotes a cell holding another locale\'s separator, so a spreadsheet cannot split a formula out of it', () => {
    const csv = formatCsv([['x;=1+1', 'y\t=1+1', 'z']], { finalLineBreak: false });
    expect(csv).to.equal('"x;=1+1","y\t=1+1",z');
    const bySemicolon = Papa.parse<string[]>(csv, { delimiter: ';' }).data.flat();
    expect(bySemicolon.filter(live)).to.deep.equal([]);
  });

  it('property: no parsed cell starts like a formula unless it is an E.164 number, and text round-trips but for the apostrophe', () => {
    const tail = fc.oneof(
      fc.string({ unit: fc.constantFrom('"', ',', ';', '\n', '\r', '\t', ' ', "'", 'a', '1', '=', '+', '-', '@', '\uFF1D', 'é', '\0') }),
      fc.string({ unit: 'binary' }),
    );
    const text = fc.oneof(
      fc.tuple(fc.constantFrom(...DANGEROUS), tail).map(([first, rest]) => first + rest),
      fc.stringMatching(/^\+[0-9]{0,17}$/),
      tail,
    );
    const cell = fc.oneof({ weight: 4, arbitrary: text }, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
    const rows = fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, (input) => {
        const output = cells(formatCsv(input));
        expect(output.length).to.equal(input.length);
        input.forEach((row, r) => {
          expect(output[r]!.length).to.equal(row.length);
          row.forEach((value, c) => {
            const parsed = output[r]![c]!;
            if (typeof value === 'number') {
              // A number is written as a plain numeric literal, which a spreadsheet reads as a number.
              expect(parsed).to.match(/^-?\d+(\.\d+)?(e[+-]\d+)?$/);
              expect(Number(parsed)).to.equal(value === 0 ? 0 : value);
              return;
            }
            expect(live(parsed), `cell ${JSON.stringify(parsed)} is live`).to.equal(false);
            if (live(value)) expect(parsed).to.equal(`'${value}`);
            else expect(parsed).to.equal(value);
          });
        });
      }),
    );
  });
});

describe('every export through the shared writer', () => {
  it('SMS history: no cell a server or an import fills is live, and real phone numbers stay usable', () => {
    for (const payload of PAYLOADS) {
      const hostile: SmsMessage = {
        id: payload,
        provider: payload as never,
        direction: payload as never,
        from: payload,
        to: payload,
        body: payload,
        status: payload as never,
        errorCode: payload,
        sentAt: payload,
        segments: payload as never,
        employeeId: payload,
        employeeName: payload,
        customerId: payload,
        customerName: payload,
      };
      const csv = formatSmsCsv([hostile, { ...hostile, direction: 'inbound' }], { zone: 'America/Chicago' });
      expect(liveCells(csv), payload).to.deep.equal([]);
      const row = cells(csv)[1]!;
      expect(row.filter((c) => c === `'${payload}`).length, `${payload}: every text field is kept, neutralised`).to.equal(13);
    }
    const real: SmsMessage = {
      id: 'SM1',
      provider: 'twilio',
      direction: 'outbound',
      from: '+13125550100',
      to: '+15125550100',
      body: 'Your car is ready',
      status: 'delivered',
      errorCode: null,
      sentAt: '2026-03-16T14:02:11.000Z',
      segments: 2,
      employeeId: null,
      employeeName: null,
      customerId: null,
      customerName: 'Sam',
    };
    const row = cells(formatSmsCsv([real], { zone: 'UTC', header: false }))[0]!;
    expect([row[3], row[11], row[12], row[9]]).to.deep.equal(['+15125550100', '+13125550100', '+15125550100', '2']);
  });

  it('store traffic: names and series in the bars and heatmap exports are never live', () => {
    const steps = Object.fromEntries(TRAFFIC_STEPS.map((s) => [s, 1])) as Record<TrafficStep, number>;
    for (const payload of PAYLOADS) {
      const row: ModelRow = { key: payload, label: payload, ups: 4, sold: 2, closingRatio: 0.5, beBackShare: null, steps, series: [3, 1], previousUps: 2 };
      const model: LevelModel = {
        dimension: 'source',
        range: { from: '2026-03-01', to: '2026-03-31' },
        rows: [row, { ...row, label: `${payload} 2` }],
        total: { ...row, label: 'Total' },
        seriesNames: [payload, 'Other'],
        compared: true,
        previousRange: { from: '2026-02-01', to: '2026-02-28' },
      };
      const csv = levelCsv(model, makeFormats('en'), formatCsv);
      expect(liveCells(csv), payload).to.deep.equal([]);
      expect(cells(csv)[1]![0]).to.equal(`'${payload}`);
      expect(cells(csv)[1]!.slice(1, 5)).to.deep.equal(['4', '3', '1', '2']);
    }
    for (const payload of PAYLOADS) {
      // A server that sends text where the counts go.
      const heatmap = { cells: [{ weekday: 0, hour: 10, ups: payload, sold: 0 }], max: 1 } as unknown as TrafficHeatmap;
      const csv = heatmapCsv(heatmap, formatCsv);
      expect(liveCells(csv), payload).to.deep.equal([]);
      expect(cells(csv)[1]![11]).to.equal(`'${payload}`);
    }
  });

  it('needed vehicles: every text field of a want is neutralised, prices and counts stay numbers', () => {
    for (const payload of PAYLOADS) {
      const group: WantGroup = {
        key: `${payload}|${payload}`,
        make: payload,
        model: payload,
        buyers: 1,
        wants: [
          {
            id: payload,
            customerId: payload,
            customerName: payload,
            customerStatus: 'need-car-locate' as never,
            yearFrom: 2017,
            yearTo: 2021,
            make: payload,
            model: payload,
            trim: payload,
            color: payload,
            maxMileage: 60_000,
            maxPrice: 2_450_050,
            createdAt: payload,
            salespersonName: payload,
          },
        ],
      };
      const csv = formatWantsCsv([group]);
      expect(liveCells(csv), payload).to.deep.equal([]);
      const row = cells(csv)[1]!;
      expect([row[2], row[4], row[5], row[8], row[9]]).to.deep.equal(['1', '2017', '2021', '60000', '24500.50']);
    }
  });
});
