import { expect } from '@open-wc/testing';
import Papa from 'papaparse';
import {
  detectSmsFormat,
  formatSmsCsv,
  parseBandwidthEvents,
  parseSmsImport,
  parseTwilioMessages,
} from '../../src/data/logic/sms-import.js';
import { decodeText, excerpt } from '../../src/data/logic/file-text.js';
import type { SmsMessage } from '../../src/data/model.js';
import * as data from '../../src/data/index.js';

/** Text as Latin-1 bytes, one byte per character, as an older export writes it. */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Text as UTF-16 bytes with a byte-order mark. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const [lo, hi] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
    bytes.set(order === 'le' ? [lo, hi] : [hi, lo], 2 + i * 2);
  }
  return bytes;
}

/** The header of Twilio's Console export, in its usual order. */
const TWILIO_HEADER = 'From,To,Body,Status,SentDate,ApiVersion,NumSegments,ErrorCode,AccountSid,Sid,Direction,Price,PriceUnit';

describe('parseTwilioMessages: Console CSV export', () => {
  it('reads the usual column order', () => {
    const csv = [
      TWILIO_HEADER,
      '+13125550100,+17735550123,Your car is ready,delivered,2026-03-16T14:02:11Z,2010-04-01,1,,AC1,SM1,outbound-api,-0.0079,USD',
      '+17735550123,+13125550100,Thanks!,received,2026-03-16T14:05:00-05:00,2010-04-01,1,,AC1,SM2,inbound,-0.0079,USD',
    ].join('\n');
    const { messages, errors } = parseTwilioMessages(csv);
    expect(errors).to.deep.equal([]);
    expect(messages).to.deep.equal([
      {
        id: 'SM1',
        provider: 'twilio',
        direction: 'outbound',
        from: '+13125550100',
        to: '+17735550123',
        body: 'Your car is ready',
        status: 'delivered',
        errorCode: null,
        sentAt: '2026-03-16T14:02:11.000Z',
        segments: 1,
        employeeId: null,
        employeeName: null,
        customerId: null,
        customerName: null,
      },
      {
        id: 'SM2',
        provider: 'twilio',
        direction: 'inbound',
        from: '+17735550123',
        to: '+13125550100',
        body: 'Thanks!',
        status: 'received',
        errorCode: null,
        sentAt: '2026-03-16T19:05:00.000Z',
        segments: 1,
        employeeId: null,
        employeeName: null,
        customerId: null,
        customerName: null,
      },
    ]);
  });

  it('finds columns by header name in any order, with quoted commas and line breaks, and reports a bad date with its line', () => {
    const csv = [
      'Direction,Sid,Status,Body,To,From,ErrorCode,NumSegments,SentDate', // line 1
      'outbound-reply,SM10,undelivered,"Hi Sam, your ""F-150"" is ready.\nCall us: 312-555-0100",+17735550123,+13125550100,30007,2,"Mon, 16 Mar 2026 14:02:11 +0000"', // lines 2-3
      '', // line 4: blank
      'outbound-call,SM11,sent,"Line one\r\nline two\r\nline three",+17735550124,+13125550100,,1,2026-03-16 15:00:00', // lines 5-7
      'outbound-api,SM12,failed,"bad, date",+17735550125,+13125550100,30003,1,yesterday', // line 8
      'inbound,SM13,received,"ok",+13125550100,+17735550126,,1,2026-03-17T08:00:00Z', // line 9
    ].join('\r\n');
    const { messages, errors } = parseTwilioMessages(csv);
    expect(errors).to.deep.equal([{ line: 8, message: 'Invalid date "yesterday".' }]);
    expect(messages.map((m) => m.id)).to.deep.equal(['SM10', 'SM11', 'SM13']);
    expect(messages[0]).to.deep.include({
      direction: 'outbound',
      status: 'undelivered',
      errorCode: '30007',
      segments: 2,
      from: '+13125550100',
      to: '+17735550123',
      body: 'Hi Sam, your "F-150" is ready.\nCall us: 312-555-0100',
      sentAt: '2026-03-16T14:02:11.000Z',
    });
    expect(messages[1]!.body).to.equal('Line one\nline two\nline three');
    expect(messages[1]!.sentAt).to.equal('2026-03-16T15:00:00.000Z');
    expect(messages[2]!.direction).to.equal('inbound');
  });

  it('reports every unusable row with the line it starts on, never throwing', () => {
    const csv = [
      'Sid,From,To,Body,Status,SentDate,Direction', // 1
      'SM1,+1312,+1773,"two\nlines",sideways,2026-03-16T14:00:00Z,outbound-api', // 2-3
      'SM2,+1312,+1773,ok,delivered,2026-03-16T14:00:00Z,teleport', // 4
      'SM3,+1312,+1773,too,many,fields,here,!', // 5
      'SM4,+1312,+1773,ok,canceled,2026-03-16T14:00:00Z,outbound-api', // 6
      ',+1312,+1773,ok,delivered,2026-03-16T14:00:00Z,outbound-api', // 7
      'SM6,+1312,+1773,"never closed,delivered,2026-03-16T14:00:00Z,outbound-api', // 8
    ].join('\n');
    const { messages, errors } = parseTwilioMessages(csv);
    expect(messages).to.deep.equal([]);
    expect(errors.map((e) => e.line)).to.deep.equal([2, 4, 5, 6, 7, 8]);
    expect(errors[0]!.message).to.equal('Unknown status "sideways".');
    expect(errors[1]!.message).to.contain('Unknown direction "teleport"');
    expect(errors[2]!.message).to.equal('Expected 7 fields, found 8.');
    expect(errors[3]!.message).to.contain('canceled');
    expect(errors[4]!.message).to.equal('No message SID.');
    expect(errors[5]!.message).to.contain('Unreadable CSV record');
  });

  it('says what is missing from a file that is not a Twilio log', () => {
    expect(parseTwilioMessages('Name,Phone\nSam,+1312')).to.deep.equal({
      messages: [],
      errors: [{ line: -1, message: 'This is not a Twilio message log: the header on line 1 has no Sid, From, To, Status, SentDate, Direction columns.' }],
    });
    expect(parseTwilioMessages('\n\n  \n').errors).to.deep.equal([{ line: -1, message: 'The file is empty.' }]);
    expect(parseTwilioMessages('').errors).to.deep.equal([{ line: -1, message: 'The file is empty.' }]);
    expect(parseTwilioMessages(null as never).errors[0]!.message).to.equal('The file is empty.');
  });
});

describe('parseTwilioMessages: where reading stopped', () => {
  it('says where a quote that is never closed stopped the reading, and how many rows were read before it', () => {
    const row = (i: number) => `SM${i},+13125550100,+17735550123,Text ${i},delivered,2026-03-16T14:00:00Z,outbound-api`;
    const lines = ['Sid,From,To,Body,Status,SentDate,Direction'];
    for (let i = 1; i <= 1000; i++) lines.push(i === 400 ? 'SM400,+13125550100,+17735550123,"Your 5" wheel,delivered,2026-03-16T14:00:00Z,outbound-api' : row(i));
    const { messages, errors, stopped } = parseTwilioMessages(`${lines.join('\r\n')}\r\n`);
    expect(stopped).to.deep.equal({ line: 401, lastLine: 1001, rows: 399 });
    expect(messages).to.have.length(399);
    expect(errors).to.deep.equal([
      {
        line: 401,
        message: 'Unreadable CSV record: a quote opened on line 401 is never closed, so reading stopped there. 399 rows before it were read; lines 401–1001 (601 lines) were not.',
      },
    ]);
    expect(parseSmsImport(lines.join('\n')).stopped).to.deep.equal({ line: 401, lastLine: 1001, rows: 399 });
    expect(parseTwilioMessages(lines.slice(0, 300).join('\n')).stopped, 'a file read to its end').to.equal(undefined);
  });

  it('names the lines a malformed quote merged into one record', () => {
    const csv = [
      'Sid,From,To,Body,Status,SentDate,Direction', // 1
      'SM1,+1312,+1773,"a"b,delivered,2026-03-16T14:00:00Z,outbound-api', // 2: the quote after a closes nothing...
      'SM2,+1312,+1773,"c",delivered,2026-03-16T14:00:00Z,outbound-api', // 3: ...so the field runs on to the quote before c
      'SM3,+1312', // 4
    ].join('\n');
    const { errors, stopped } = parseTwilioMessages(csv);
    expect(errors).to.deep.equal([
      { line: 2, message: 'Unreadable CSV record (lines 2–3 read as one record): Trailing quote on quoted field is malformed.' },
      { line: 4, message: 'Expected 7 fields, found 2.' },
    ]);
    expect(stopped).to.equal(undefined);
  });
});

describe('parseSmsImport: encodings', () => {
  const CSV = 'Sid,From,To,Body,Status,SentDate,Direction\r\nSM1,+13125550100,+17735550123,Hola José Muñoz: su coche está listo,delivered,2026-03-16T14:00:00Z,outbound-api\r\n';

  it('reads a Latin-1 (Windows-1252) file as such and says so, instead of turning letters into U+FFFD', () => {
    const bytes = latin1(CSV);
    expect(bytes.includes(0xe9), 'é is the single byte E9').to.equal(true);
    const result = parseSmsImport(bytes.buffer);
    expect(result.errors).to.deep.equal([]);
    expect(result.messages[0]!.body).to.equal('Hola José Muñoz: su coche está listo');
    expect([result.format, result.encoding, result.lossy]).to.deep.equal(['twilio-csv', 'windows-1252', false]);
    // Windows-1252 has letters where Latin-1 has control codes: the curly quote 0x93, the euro 0x80.
    expect(decodeText(new Uint8Array([0x93, 0x80, 0x94])).text).to.equal('\u201C€\u201D');
  });

  it('reads UTF-16 files by their byte-order mark, and UTF-8 with or without one', () => {
    for (const [bytes, encoding] of [
      [utf16(CSV, 'le'), 'utf-16le'],
      [utf16(CSV, 'be'), 'utf-16be'],
      [utf16(CSV, 'le').subarray(2), 'utf-16le'],
      [new TextEncoder().encode(CSV), 'utf-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]), 'utf-8'],
    ] as const) {
      const result = parseSmsImport(bytes);
      expect(result.errors, encoding).to.deep.equal([]);
      expect(result.messages[0]!.body, encoding).to.equal('Hola José Muñoz: su coche está listo');
      expect([result.encoding, result.lossy]).to.deep.equal([encoding, false]);
    }
    const json = parseSmsImport(utf16('[{"sid":"SM1","from":"+1312","to":"+1773","body":"Muñoz","status":"sent","direction":"outbound-api","date_sent":"Mon, 16 Mar 2026 14:02:11 +0000"}]', 'le'));
    expect([json.format, json.messages[0]?.body]).to.deep.equal(['twilio-json', 'Muñoz']);
    expect(parseSmsImport(CSV).encoding, 'text is not decoded').to.equal(null);
  });

  it('says when bytes of a UTF-16 file are damaged', () => {
    const cut = utf16(CSV, 'le').subarray(0, 41);
    expect(parseSmsImport(cut).lossy).to.equal(true);
  });
});

describe('import messages quote at most an excerpt of the file', () => {
  it('cuts a long value to 200 characters and an ellipsis', () => {
    const long = 'x'.repeat(100_000);
    const csv = `Sid,From,To,Body,Status,SentDate,Direction\nSM1,+1312,+1773,ok,${long},2026-03-16T14:00:00Z,outbound-api\nSM2,+1312,+1773,ok,sent,${long},outbound-api`;
    const { errors } = parseTwilioMessages(csv);
    expect(errors.map((e) => e.message)).to.deep.equal([`Unknown status "${'x'.repeat(200)}…".`, `Invalid date "${'x'.repeat(200)}…".`]);
    const events = parseBandwidthEvents([{ type: long, message: {} }, { type: 'message-delivered', message: { id: 'a', direction: long } }]);
    expect(Math.max(...events.errors.map((e) => e.message.length))).to.be.below(400);
    const broken = parseSmsImport(`{"messages": ["${'<'.repeat(1_000_000)}`);
    expect(broken.errors[0]!.message.length).to.be.below(300);
    expect(excerpt('\uD83D\uDE97'.repeat(150)).endsWith('\uD83D\uDE97…'), 'never half a surrogate pair').to.equal(true);
  });
});

describe('parseTwilioMessages: Message resource JSON', () => {
  const resource = (overrides: Record<string, unknown> = {}) => ({
    account_sid: 'AC1',
    api_version: '2010-04-01',
    body: 'Your oil change is done',
    date_created: 'Mon, 16 Mar 2026 14:02:10 +0000',
    date_sent: 'Mon, 16 Mar 2026 14:02:11 +0000',
    date_updated: 'Mon, 16 Mar 2026 14:02:15 +0000',
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: '+13125550100',
    messaging_service_sid: null,
    num_media: '0',
    num_segments: '1',
    price: '-0.00790',
    price_unit: 'USD',
    sid: 'SM100',
    status: 'delivered',
    to: '+17735550123',
    uri: '/2010-04-01/Accounts/AC1/Messages/SM100.json',
    ...overrides,
  });

  it('reads a list page and an array, normalising direction and status', () => {
    const page = {
      end: 2,
      first_page_uri: '/2010-04-01/Accounts/AC1/Messages.json?PageSize=50&Page=0',
      messages: [
        resource(),
        resource({ sid: 'SM101', direction: 'outbound-reply', status: 'undelivered', error_code: 30007, num_segments: '3' }),
        resource({ sid: 'SM102', direction: 'inbound', status: 'received', from: '+17735550123', to: '+13125550100' }),
      ],
      next_page_uri: null,
      page: 0,
      page_size: 50,
    };
    const fromPage = parseTwilioMessages(JSON.stringify(page));
    expect(fromPage.errors).to.deep.equal([]);
    expect(fromPage.messages.map((m) => [m.id, m.direction, m.status, m.errorCode, m.segments, m.sentAt])).to.deep.equal([
      ['SM100', 'outbound', 'delivered', null, 1, '2026-03-16T14:02:11.000Z'],
      ['SM101', 'outbound', 'undelivered', '30007', 3, '2026-03-16T14:02:11.000Z'],
      ['SM102', 'inbound', 'received', null, 1, '2026-03-16T14:02:11.000Z'],
    ]);
    expect(parseTwilioMessages(JSON.stringify(page.messages))).to.deep.equal(fromPage);
  });

  it('reports bad items by array index and keeps the rest', () => {
    const list = [resource({ date_sent: 'sometime' }), 42, resource({ sid: 'SM7', status: 'queued', date_sent: null }), resource({ direction: 'sideways' })];
    const { messages, errors } = parseTwilioMessages(JSON.stringify(list));
    expect(errors).to.deep.equal([
      { line: 0, message: 'Invalid date "sometime".' },
      { line: 1, message: 'Not a message object.' },
      { line: 3, message: 'Unknown direction "sideways" (expected inbound, outbound-api, outbound-reply or outbound-call).' },
    ]);
    // A queued message has no date_sent yet: its creation time stands in.
    expect(messages.map((m) => [m.id, m.status, m.sentAt])).to.deep.equal([['SM7', 'queued', '2026-03-16T14:02:10.000Z']]);
  });

  it('turns broken or foreign JSON into a clear error', () => {
    expect(parseTwilioMessages('{"messages": [').errors[0]!.message).to.match(/^The file is not valid JSON: /);
    expect(parseTwilioMessages('{"calls": []}').errors).to.deep.equal([
      { line: -1, message: 'This JSON is not a list of Twilio messages: expected an array or a page with "messages".' },
    ]);
  });
});

describe('parseBandwidthEvents', () => {
  const event = (type: string, overrides: Record<string, unknown> = {}, message: Record<string, unknown> = {}) => ({
    type,
    time: '2026-03-16T14:02:12.000Z',
    description: type === 'message-failed' ? 'rejected-unallocated-from-number' : 'ok',
    to: '+17735550123',
    ...overrides,
    message: {
      id: '1589228074636lm4k2je7j7jklbn2',
      owner: '+13125550100',
      applicationId: '93de2206-9669-4e07-948d-329f4b722ee2',
      time: '2026-03-16T14:02:10.000Z',
      segmentCount: 1,
      direction: 'out',
      to: ['+17735550123'],
      from: '+13125550100',
      text: '',
      tag: 'service-reminder',
      ...message,
    },
  });

  it('reads delivered and failed callbacks with the error code', () => {
    const events = [
      event('message-delivered', {}, { id: 'bw-1' }),
      event('message-failed', { errorCode: 4720, description: 'invalid-destination-address' }, { id: 'bw-2', segmentCount: 2 }),
      event('message-received', {}, { id: 'bw-3', direction: 'in', from: '+17735550123', to: ['+13125550100'], text: 'On my way' }),
    ];
    const { messages, errors } = parseBandwidthEvents(JSON.stringify(events));
    expect(errors).to.deep.equal([]);
    expect(messages.map((m) => [m.id, m.provider, m.direction, m.status, m.errorCode, m.segments, m.sentAt, m.body])).to.deep.equal([
      ['bw-1', 'bandwidth', 'outbound', 'delivered', null, 1, '2026-03-16T14:02:10.000Z', ''],
      ['bw-2', 'bandwidth', 'outbound', 'failed', '4720', 2, '2026-03-16T14:02:10.000Z', ''],
      ['bw-3', 'bandwidth', 'inbound', 'received', null, 1, '2026-03-16T14:02:10.000Z', 'On my way'],
    ]);
    expect(parseBandwidthEvents(events)).to.deep.equal({ messages, errors }, 'parsed JSON works too');
    expect(data.classifySmsError('bandwidth', messages[1]!.errorCode).title).to.equal('Invalid destination address');
  });

  it('keeps one message per id, in the state of its latest event', () => {
    const { messages } = parseBandwidthEvents([
      event('message-failed', { time: '2026-03-16T14:05:00Z', errorCode: 4770 }, { id: 'bw-9' }),
      event('message-sending', { time: '2026-03-16T14:02:11Z' }, { id: 'bw-9', text: 'Your car is ready' }),
    ]);
    expect(messages).to.have.length(1);
    expect([messages[0]!.status, messages[0]!.errorCode, messages[0]!.body]).to.deep.equal(['failed', '4770', 'Your car is ready']);
  });

  it('reports bad events by index, and malformed files with a clear error', () => {
    const { messages, errors } = parseBandwidthEvents([
      event('message-delivered', {}, { id: 'ok-1' }),
      event('message-read'),
      { type: 'message-failed', time: '2026-03-16T14:02:12Z' },
      event('message-failed', {}, { time: 'later' }),
      'text',
    ]);
    expect(messages.map((m) => m.id)).to.deep.equal(['ok-1']);
    expect(errors).to.deep.equal([
      { line: 1, message: 'Unknown event type "message-read" (expected message-delivered, message-failed, message-sending or message-received).' },
      { line: 2, message: 'The event has no message.' },
      { line: 3, message: 'Invalid time "later".' },
      { line: 4, message: 'Not an event object.' },
    ]);
    expect(parseBandwidthEvents('not json').errors[0]!.message).to.match(/^The file is not valid JSON: /);
    expect(parseBandwidthEvents('').errors).to.deep.equal([{ line: -1, message: 'The file is empty.' }]);
    expect(parseBandwidthEvents(7).errors).to.deep.equal([{ line: -1, message: 'This JSON is not a list of Bandwidth message events.' }]);
  });
});

describe('detectSmsFormat and parseSmsImport', () => {
  it('tells the formats apart and explains anything else', () => {
    expect(detectSmsFormat(`${TWILIO_HEADER}\n`)).to.equal('twilio-csv');
    expect(detectSmsFormat('\uFEFF"Sid","SentDate"\n')).to.equal('twilio-csv');
    expect(detectSmsFormat('[{"sid":"SM1","date_sent":null}]')).to.equal('twilio-json');
    expect(detectSmsFormat('{"messages":[]}')).to.equal('twilio-json');
    expect(detectSmsFormat('[{"type":"message-failed","message":{"id":"x"}}]')).to.equal('bandwidth-json');
    expect(detectSmsFormat('Name,Phone\n')).to.equal(null);
    expect(detectSmsFormat('[1,2]')).to.equal(null);

    expect(parseSmsImport('').errors).to.deep.equal([{ line: -1, message: 'The file is empty.' }]);
    expect(parseSmsImport('{oops').errors[0]!.message).to.match(/^The file is not valid JSON/);
    const foreign = parseSmsImport('Name,Phone\nSam,+1312');
    expect([foreign.format, foreign.messages.length, foreign.errors.length]).to.deep.equal([null, 0, 1]);
    expect(foreign.errors[0]!.message).to.contain('not a Twilio message log');
    const bandwidth = parseSmsImport('[{"type":"message-delivered","time":"2026-03-16T14:02:12Z","to":"+1773","message":{"id":"b","direction":"out","from":"+1312","time":"2026-03-16T14:02:10Z"}}]');
    expect([bandwidth.format, bandwidth.messages.length]).to.deep.equal(['bandwidth-json', 1]);
  });

  it('is exported from the data entry point', () => {
    expect([typeof data.parseTwilioMessages, typeof data.parseBandwidthEvents, typeof data.formatSmsCsv]).to.deep.equal([
      'function',
      'function',
      'function',
    ]);
  });
});

describe('formatSmsCsv', () => {
  const message: SmsMessage = {
    id: 'SM1',
    provider: 'twilio',
    direction: 'outbound',
    from: '+13125550100',
    to: '+17735550123',
    body: 'Hi Sam, your "F-150" is ready.\nCall us',
    status: 'undelivered',
    errorCode: '30007',
    sentAt: '2026-03-16T14:02:11.000Z',
    segments: 2,
    employeeId: 'e1',
    employeeName: 'Ana Ruiz',
    customerId: 'c1',
    customerName: '=HYPERLINK("http://x")',
  };

  it('writes quoted, zone-local rows that read back as the same values', () => {
    const csv = formatSmsCsv([message], { zone: 'America/Chicago', header: true });
    expect(csv.endsWith('\r\n')).to.equal(true);
    const rows = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data;
    expect(rows[0]).to.deep.equal([
      'Time (America/Chicago)',
      'Direction',
      'Customer',
      'Customer phone',
      'Employee',
      'Body',
      'Status',
      'Error code',
      'Error',
      'Segments',
      'Provider',
      'From',
      'To',
      'Message id',
    ]);
    expect(rows[1]).to.deep.equal([
      '2026-03-16 09:02:11',
      'outbound',
      `'=HYPERLINK("http://x")`,
      '+17735550123',
      'Ana Ruiz',
      message.body,
      'undelivered',
      '30007',
      'Message filtered',
      '2',
      'twilio',
      '+13125550100',
      '+17735550123',
      'SM1',
    ]);
  });

  it('leaves the header out of later chunks so they concatenate', () => {
    const first = formatSmsCsv([message], { zone: 'UTC' });
    const second = formatSmsCsv([{ ...message, id: 'SM2', direction: 'inbound', errorCode: null }], { zone: 'UTC', header: false });
    const rows = Papa.parse<string[]>((first + second).trim(), { newline: '\r\n' }).data;
    expect(rows.map((r) => r[13])).to.deep.equal(['Message id', 'SM1', 'SM2']);
    expect(rows[2]![3]).to.equal('+13125550100', 'the customer phone of an inbound text is its sender');
    expect(formatSmsCsv([], { zone: 'UTC', header: false })).to.equal('');
    expect(formatSmsCsv([], { zone: 'UTC' }).startsWith('Time (UTC),')).to.equal(true);
  });
});
