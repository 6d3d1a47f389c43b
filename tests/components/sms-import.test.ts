import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/sms-import/fc-sms-import.js';
import type { FcSmsImport } from '../../src/components/sms-import/fc-sms-import.js';
import type { SmsImportCompleteDetail } from '../../src/components/sms-import/sms-import.events.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { closeClients, shadowText, startDemoServer, useHandlers } from './rig.js';
import type { DemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';
const JS = 'javascript:alert(1)';
const DAY = { from: '2026-03-16', to: '2026-03-16' };

/** A Twilio Console export with its columns reordered, quoted commas and line breaks, markup, and a bad date on line 6. */
const TWILIO_CSV = [
  'Direction,Sid,Status,Body,To,From,ErrorCode,NumSegments,SentDate,AccountSid', // 1
  `outbound-api,SMimp1,delivered,"Hi Sam, your truck is ready.\nSee you soon",+17735550123,+13125550100,,1,2026-03-16T14:00:00Z,AC1`, // 2-3
  `inbound,SMimp2,received,"${XSS}",+13125550100,+17735550123,,1,2026-03-16T14:05:00Z,AC1`, // 4
  `outbound-reply,SMimp3,undelivered,${JS},+17735550123,+13125550100,30007,1,"Mon, 16 Mar 2026 14:10:00 +0000",AC1`, // 5
  `outbound-api,SMimp4,failed,"bad ${XSS}",+17735550123,+13125550100,30003,1,${XSS},AC1`, // 6
].join('\n');

function twilioJson(count: number, prefix: string, existing: string[] = []): string {
  const ids = [...existing, ...Array.from({ length: count - existing.length }, (_, i) => `${prefix}${i}`)];
  return JSON.stringify({
    page: 0,
    page_size: count,
    messages: ids.map((sid, i) => ({
      sid,
      from: '+13125550100',
      to: '+17735550123',
      body: `Batch text ${i}`,
      status: 'delivered',
      direction: 'outbound-api',
      num_segments: '1',
      error_code: null,
      date_sent: `Mon, 16 Mar 2026 ${String(10 + (i % 10)).padStart(2, '0')}:00:00 +0000`,
    })),
  });
}

/** What the parser finds on the page, at once (imported when asked: the first test checks that nothing loaded it before). */
async function parsedOnThePage(source: string | Uint8Array) {
  const { parseSmsImport } = await import('../../src/data/logic/sms-import.js');
  return parseSmsImport(source);
}

/**
 * A Twilio Console export of `rows` messages; with `badEvery`, every so many rows has a bad date, and
 * every so many (offset by half) one field too few.
 */
function bigTwilioCsv(rows: number, { badEvery = 0 } = {}): string {
  const lines = ['Sid,From,To,Body,Status,SentDate,Direction,NumSegments,ErrorCode'];
  for (let i = 0; i < rows; i++) {
    const at = new Date(Date.UTC(2026, 2, 16, 8) + i * 1000).toISOString();
    if (badEvery && i % badEvery === badEvery - 1) lines.push(`SMbig${i},+13125550100,+17735550123,"Text ${i}",delivered,not a date,outbound-api,1,`);
    else if (badEvery && i % badEvery === badEvery >> 1) lines.push(`SMbig${i},+13125550100,+17735550123,"Text ${i}",delivered,${at},outbound-api,1`);
    else lines.push(`SMbig${i},+13125550100,+17735550123,"Text ${i}, with a comma",${i % 7 ? 'delivered' : 'undelivered'},${at},outbound-api,1,${i % 7 ? '' : '30007'}`);
  }
  return lines.join('\n');
}

/** Counts the workers the page starts from now on, and the errors they report (the real `Worker`, watched). */
function watchWorkers(): { started: number; errors: string[]; stop(): void } {
  const Real = window.Worker;
  const seen = { started: 0, errors: [] as string[], stop: () => void (window.Worker = Real) };
  window.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      seen.started++;
      this.addEventListener('error', (event) => seen.errors.push(event.message || 'error'));
    }
  };
  return seen;
}

function input(el: FcSmsImport): HTMLInputElement {
  return el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
}

/** Puts a real File on the file input the way the browser does, and tells the widget. */
function chooseFile(el: FcSmsImport, name: string, content: BlobPart, type = 'text/csv'): void {
  const transfer = new DataTransfer();
  transfer.items.add(new File([content], name, { type }));
  const field = input(el);
  field.files = transfer.files;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

function button(el: FcSmsImport, text: string): HTMLButtonElement | undefined {
  return [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(text));
}

async function until(el: FcSmsImport, text: string, message = `"${text}" shown`, timeout = 8000): Promise<void> {
  await waitUntil(() => shadowText(el).includes(text), message, { timeout });
}

async function storedCount(server: DemoServer, text: string): Promise<number> {
  return (await server.backend.sms!.list({ ...DAY, text, limit: 1 })).total;
}

async function storedBodies(server: DemoServer, text: string): Promise<string[]> {
  const page = await server.backend.sms!.list({ ...DAY, text, order: 'asc', limit: 1000 });
  return page.items.map((m) => m.body);
}

describe('fc-sms-import', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await startDemoServer();
  });
  afterEach(() => closeClients());

  it('says so when the host cannot import SMS, with no adapter or a read-only SMS log', async () => {
    const none = await fixture<FcSmsImport>(html`<fc-sms-import></fc-sms-import>`);
    expect(shadowText(none)).to.equal('This host does not provide SMS import.');
    await expect(none).to.be.accessible();

    const rest = server.client().sms!;
    const readOnly: ForecourtAdapter = { sms: { list: (q, o) => rest.list(q, o), summary: (f, o) => rest.summary(f, o) } };
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${readOnly}></fc-sms-import>`);
    expect(shadowText(el)).to.equal('This host does not provide SMS import.');
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  // Before any test that gives a file (or presses "Choose file"): the reader is not loaded in this page yet.
  it('loads the file reader only once a file is given, and offers Retry when it cannot be downloaded', async () => {
    // The parse worker and the reader it imports, and the reader the page falls back to: none can be fetched.
    const reader = /\/src\/(data\/logic\/sms-import|components\/sms-import\/sms-import\.worker)\.[jt]s/;
    const fetched = () => performance.getEntriesByType('resource').some((e) => reader.test(e.name));
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
    expect(fetched()).to.equal(false);

    let offline = true;
    useHandlers(http.get(reader, () => (offline ? HttpResponse.error() : passthrough())));
    chooseFile(el, 'twilio-log.csv', TWILIO_CSV);
    await until(el, 'The server could not be reached. Check the connection and retry.');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(el.shadowRoot!.activeElement === retry).to.equal(true);
    expect(button(el, 'Choose another file')?.getAttribute('part')).to.equal('choose-button');
    await expect(el).to.be.accessible();

    offline = false;
    retry.click();
    await until(el, '3 messages in twilio-log.csv (Twilio CSV export).');
    const times = [...el.shadowRoot!.querySelectorAll('[part="preview"] tbody tr td:first-child')].map((td) => td.textContent);
    expect(times).to.deep.equal(['2026-03-16 14:00', '2026-03-16 14:05', '2026-03-16 14:10']);
  });

  it('reads a 50,000-row export off the page, showing its progress before the result', async () => {
    const workers = watchWorkers();
    try {
      const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
      const csv = bigTwilioCsv(50_000);
      chooseFile(el, 'big.csv', csv);
      await waitUntil(() => /[\d,]+ of 50,000 rows read…/.test(shadowText(el)), 'a progress line while the file is read', { timeout: 20_000 });
      const bar = el.shadowRoot!.querySelector<HTMLProgressElement>('#read-progress')!;
      expect(bar.max).to.equal(50_000);
      await expect(el).to.be.accessible();
      await until(el, '50,000 messages in big.csv (Twilio CSV export).', 'the result', 20_000);
      expect(button(el, 'Import 50,000 messages')).to.not.equal(undefined);
      expect(shadowText(el)).to.not.contain('rows read');
      expect(workers.started, 'parsed in a worker').to.equal(1);
      expect(workers.errors, 'which ran').to.deep.equal([]);
    } finally {
      workers.stop();
    }
  });

  it('finds the same messages and the same bad rows, by line, as the parser on the page', async () => {
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
    const csv = bigTwilioCsv(1_200, { badEvery: 97 });
    const expected = await parsedOnThePage(new TextEncoder().encode(csv));
    expect(expected.errors.length, 'the file has bad rows').to.be.greaterThan(10);
    chooseFile(el, 'some-bad.csv', csv);
    await until(el, `${expected.messages.length.toLocaleString('en-US')} messages in some-bad.csv`, 'the result', 20_000);
    const listed = [...el.shadowRoot!.querySelectorAll('[part="errors"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(listed[0]).to.equal(`Line ${expected.errors[0]!.line.toLocaleString('en-US')} ${expected.errors[0]!.message}`);
    setTimeout(() => button(el, 'Import')!.click());
    const done = (await oneEvent(el, 'fc-sms-import-complete')) as CustomEvent<SmsImportCompleteDetail>;
    expect(done.detail.errors).to.deep.equal(expected.errors);
    expect(done.detail.imported + done.detail.updated).to.equal(expected.messages.length);
  });

  it('parses on the page in slices, with the same progress and result, when no worker can start', async () => {
    const real = window.Worker;
    // What a Content-Security-Policy without worker-src for the file does to `new Worker`.
    window.Worker = class {
      constructor() {
        throw new DOMException('Refused to create a worker', 'SecurityError');
      }
    } as unknown as typeof Worker;
    try {
      const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
      const csv = bigTwilioCsv(20_000, { badEvery: 1_000 });
      const expected = await parsedOnThePage(csv);
      chooseFile(el, 'on-the-page.csv', csv);
      await waitUntil(() => /[\d,]+ of 20,000 rows read…/.test(shadowText(el)), 'a progress line while the file is read', { timeout: 20_000 });
      await until(el, `${expected.messages.length.toLocaleString('en-US')} messages in on-the-page.csv`, 'the result', 20_000);
      const lines = [...el.shadowRoot!.querySelectorAll('[part="errors"] li .where')].map((w) => w.textContent);
      expect(lines).to.deep.equal(expected.errors.slice(0, lines.length).map((e) => `Line ${e.line.toLocaleString('en-US')}`));
    } finally {
      window.Worker = real;
    }
  });

  it('offers a labelled, keyboard-operable file chooser and drop zone', async () => {
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
    const choose = button(el, 'Choose file')!;
    expect(choose.getAttribute('part')).to.equal('choose-button');
    expect(el.shadowRoot!.querySelector('[part="drop-zone"]')!.getAttribute('aria-label')).to.equal('Drop a file to import');
    await expect(el).to.be.accessible();

    let opened = 0;
    input(el).click = () => void opened++;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement === choose).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(opened).to.equal(2);
  });

  it('reads a reordered Twilio CSV, shows markup as text, lists the bad row by line, and imports the rest', async () => {
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
    chooseFile(el, 'twilio-log.csv', TWILIO_CSV);
    await until(el, '3 messages in twilio-log.csv (Twilio CSV export).');

    const preview = el.shadowRoot!.querySelector('[part="preview"]')!;
    const bodies = [...preview.querySelectorAll('tbody td.body')].map((td) => td.textContent);
    expect(bodies).to.deep.equal(['Hi Sam, your truck is ready.\nSee you soon', XSS, JS]);
    const errors = [...el.shadowRoot!.querySelectorAll('[part="errors"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(errors).to.deep.equal([`Line 6 Invalid date "${XSS}".`]);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    expect(el.shadowRoot!.activeElement === button(el, 'Import 3 messages')).to.equal(true);
    await expect(el).to.be.accessible();

    const done = oneEvent(el, 'fc-sms-import-complete');
    const alias = oneEvent(el, 'fc-sms-import-done');
    button(el, 'Import 3 messages')!.click();
    const { detail } = (await done) as CustomEvent<SmsImportCompleteDetail>;
    expect(detail).to.deep.equal({ imported: 3, updated: 0, errors: [{ line: 6, message: `Invalid date "${XSS}".` }] });
    // The deprecated name still fires, with the same detail.
    expect(((await alias) as CustomEvent<SmsImportCompleteDetail>).detail).to.deep.equal(detail);
    await until(el, '3 messages imported, 0 updated.');
    expect(shadowText(el)).to.contain('1 rows could not be read');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();

    const stored = await server.backend.sms!.list({ ...DAY, errorCode: '30007', limit: 1000 });
    expect(stored.items.filter((m) => m.id === 'SMimp3').map((m) => [m.body, m.status, m.direction])).to.deep.equal([[JS, 'undelivered', 'outbound']]);
    expect(await storedBodies(server, 'truck is ready')).to.deep.equal(['Hi Sam, your truck is ready.\nSee you soon']);
    expect(await storedBodies(server, 'bad ')).to.deep.equal([]);

    button(el, 'Import another file')!.click();
    await until(el, 'Choose file');
  });

  it('writes in batches of 500 with a labelled progress bar, counting new and updated messages', async () => {
    server.faults.latencyMs = 150;
    const existing = server.dataset.sms.slice(0, 12).map((m) => m.id);
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
    chooseFile(el, 'messages.json', twilioJson(1234, 'SMbatch', existing), 'application/json');
    await until(el, '1,234 messages in messages.json (Twilio message JSON).');
    const done = oneEvent(el, 'fc-sms-import-complete');
    button(el, 'Import 1,234 messages')!.click();

    const progress = () => el.shadowRoot!.querySelector('progress');
    await waitUntil(() => progress()?.value === 500, 'first batch written', { timeout: 8000 });
    expect(progress()!.max).to.equal(1234);
    expect(el.shadowRoot!.querySelector('label[for="progress"]')!.textContent).to.equal('Import progress');
    expect(shadowText(el)).to.contain('500 of 1,234 messages sent…');
    await expect(el).to.be.accessible();
    await waitUntil(() => progress()?.value === 1000, 'second batch written', { timeout: 8000 });

    const { detail } = (await done) as CustomEvent<SmsImportCompleteDetail>;
    expect([detail.imported, detail.updated, detail.errors]).to.deep.equal([1222, 12, []]);
    await until(el, '1,222 messages imported, 12 updated. Every row was read.');
    expect(await storedCount(server, 'Batch text')).to.equal(1234);
  });

  it('stops on a failed batch with the reason and Retry, and finishes from there without losing rows', async () => {
    server.faults.latencyMs = 300;
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
    chooseFile(el, 'export.json', twilioJson(700, 'SMretry'), 'application/json');
    await until(el, '700 messages in export.json');
    button(el, 'Import 700 messages')!.click();

    await waitUntil(() => el.shadowRoot!.querySelector('progress')?.value === 500, 'first batch written', { timeout: 8000 });
    server.faults.failing = true; // the second batch is on its way: it fails
    await until(el, 'Messages 501–700 of 700 could not be imported.');
    expect(shadowText(el)).to.contain('The server had a problem (HTTP 503).');
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(retry.getAttribute('aria-label')).to.equal('Retry the import from where it stopped');
    expect(el.shadowRoot!.activeElement === retry).to.equal(true);
    await expect(el).to.be.accessible();
    expect(await storedCount(server, 'Batch text')).to.equal(500);

    server.faults.failing = false;
    server.faults.latencyMs = 0;
    const done = oneEvent(el, 'fc-sms-import-complete');
    retry.click();
    const { detail } = (await done) as CustomEvent<SmsImportCompleteDetail>;
    expect([detail.imported, detail.updated]).to.deep.equal([700, 0]);
    await until(el, '700 messages imported, 0 updated.');
    expect(await storedCount(server, 'Batch text')).to.equal(700);
  });

  it('takes a dropped Bandwidth events file', async () => {
    const events = [
      {
        type: 'message-failed',
        time: '2026-03-16T14:02:12Z',
        description: 'invalid-destination-address',
        to: '+17735550123',
        errorCode: 4720,
        message: { id: 'bw-drop-1', time: '2026-03-16T14:02:10Z', direction: 'out', from: '+13125550100', to: ['+17735550123'], text: 'Drop test', segmentCount: 1 },
      },
      { type: 'message-read', message: { id: 'bw-drop-2' } },
    ];
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
    const zone = el.shadowRoot!.querySelector<HTMLElement>('[part="drop-zone"]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify(events)], 'bandwidth.json', { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(zone.classList.contains('drop--active')).to.equal(true);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await until(el, '1 messages in bandwidth.json (Bandwidth message events).');
    expect(shadowText(el)).to.contain('Item 1 Unknown event type "message-read"');
    await expect(el).to.be.accessible();

    button(el, 'Import 1 messages')!.click();
    await until(el, '1 messages imported, 0 updated.');
    const stored = await server.backend.sms!.list({ ...DAY, errorCode: '4720', limit: 1000 });
    expect(stored.items.filter((m) => m.id === 'bw-drop-1').map((m) => [m.provider, m.status, m.body])).to.deep.equal([['bandwidth', 'failed', 'Drop test']]);
  });

  it('says where a quote that is never closed stopped the reading and how many rows were read, and imports those', async () => {
    const rows = Array.from({ length: 8 }, (_, i) =>
      i === 5
        ? `outbound-api,SMstop${i},delivered,"Your 5" wheel,+17735550123,+13125550100,,1,2026-03-16T14:00:00Z`
        : `outbound-api,SMstop${i},delivered,Stop test ${i},+17735550123,+13125550100,,1,2026-03-16T14:00:00Z`,
    );
    const csv = ['Direction,Sid,Status,Body,To,From,ErrorCode,NumSegments,SentDate', ...rows].join('\r\n');
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
    chooseFile(el, 'cut.csv', csv);
    await until(el, '5 messages in cut.csv (Twilio CSV export).');
    const warning = el.shadowRoot!.querySelector('[part="stopped"]')!;
    expect(warning.getAttribute('role')).to.equal('alert');
    expect(warning.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Reading stopped at line 7 of 9: a quote there is never closed. 5 rows before it were read, the rest was not.',
    );
    await expect(el).to.be.accessible();

    button(el, 'Import 5 messages')!.click();
    await until(el, '5 messages imported, 0 updated.');
    expect(shadowText(el)).to.contain('Reading stopped at line 7 of 9');
    expect(await storedCount(server, 'Stop test')).to.equal(5);
  });

  it('reads a Latin-1 or UTF-16 export with its letters intact, and says when it read a file as Windows-1252', async () => {
    const csv = 'Sid,From,To,Body,Status,SentDate,Direction\r\nSMenc1,+13125550100,+17735550123,Hola José Muñoz,delivered,2026-03-16T14:00:00Z,outbound-api\r\n';
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
    chooseFile(el, 'latin1.csv', Uint8Array.from(csv, (c) => c.charCodeAt(0)));
    await until(el, '1 messages in latin1.csv');
    const body = () => el.shadowRoot!.querySelector('[part="preview"] td.body')!.textContent;
    const note = () => el.shadowRoot!.querySelector('[part="encoding"]')?.textContent!.replace(/\s+/g, ' ').trim();
    expect(body()).to.equal('Hola José Muñoz');
    expect(note()).to.equal('Not UTF-8: read as Windows-1252 (Latin-1). If names look wrong, save the file as CSV UTF-8.');
    await expect(el).to.be.accessible();

    button(el, 'Cancel')!.click();
    await until(el, 'Choose file');
    const utf16 = new Uint8Array(2 + csv.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < csv.length; i++) utf16.set([csv.charCodeAt(i) & 0xff, csv.charCodeAt(i) >> 8], 2 + i * 2);
    chooseFile(el, 'utf16.csv', utf16);
    await until(el, '1 messages in utf16.csv');
    expect(body()).to.equal('Hola José Muñoz');
    expect(note(), 'UTF-16 is read by its byte-order mark, with nothing to warn about').to.equal(undefined);

    button(el, 'Cancel')!.click();
    await until(el, 'Choose file');
    chooseFile(el, 'utf8.csv', csv);
    await until(el, '1 messages in utf8.csv');
    expect(body()).to.equal('Hola José Muñoz');
    expect(note(), 'UTF-8 needs no note').to.equal(undefined);
  });

  it('explains a malformed or empty file and offers another, never importing', async () => {
    const el = await fixture<FcSmsImport>(html`<fc-sms-import .adapter=${server.client()}></fc-sms-import>`);
    chooseFile(el, 'broken.json', '{"messages": [', 'application/json');
    await until(el, 'No message in broken.json can be imported.');
    expect(shadowText(el)).to.match(/File The file is not valid JSON: /);
    expect(button(el, 'Import')).to.equal(undefined);
    expect(el.shadowRoot!.activeElement === button(el, 'Choose another file')).to.equal(true);
    await expect(el).to.be.accessible();

    button(el, 'Choose another file')!.click();
    await until(el, 'Choose file');
    chooseFile(el, 'empty.csv', '');
    await until(el, 'No message in empty.csv can be imported.');
    expect(shadowText(el)).to.contain('File The file is empty.');

    chooseFile(el, `${XSS}.csv`, 'Name,Phone\nSam,+1312');
    await until(el, 'is not a Twilio message log');
    expect(shadowText(el)).to.contain(`No message in ${XSS}.csv can be imported.`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
