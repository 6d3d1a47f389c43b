import { expect } from '@open-wc/testing';
import { CARRIER_FILTERING_ADVICE } from '../../src/data/logic/sms.js';
import { TEMPLATE_RISK_ADVICE, detectTemplateRisk, smsTemplateOf } from '../../src/data/index.js';
import type { SmsMessage } from '../../src/data/model.js';

const CUSTOMERS = ['Sam Lee', 'Ana Ruiz', 'Bo Park', 'Jo Diaz', 'Mary Ann Smith'];
const START = Date.parse('2026-03-10T14:00:00.000Z');

/** Text i of a mailing: one template, each text with its own name, repair order and amount. */
function text(i: number, overrides: Partial<SmsMessage> = {}): SmsMessage {
  const customer = CUSTOMERS[i % CUSTOMERS.length]!;
  return {
    id: `t${i}`,
    provider: 'twilio',
    direction: 'outbound',
    from: '+13125550100',
    to: `+1773555${String(1000 + i)}`,
    body: `Hi ${customer.split(' ')[0]}, your car (RO ${4400 + i}) is ready. Total $${100 + i}.50. Pay at https://pay.example.com/r/${i}`,
    status: 'delivered',
    errorCode: null,
    sentAt: new Date(START + i * 60_000).toISOString(),
    segments: 1,
    employeeId: 'e1',
    employeeName: 'Ana Ruiz',
    customerId: `c${i}`,
    customerName: customer,
    ...overrides,
  };
}

const TEMPLATE = 'Hi {name}, your car (RO {number}) is ready. Total {amount}. Pay at {link}';

describe('smsTemplateOf', () => {
  it('replaces names, numbers, dates, times, links and amounts', () => {
    expect(smsTemplateOf('Hi Sam, your Civic is ready. Total $412.50, pick up by 6pm: https://dlr.example.com/ro/88123', ['Sam Lee'])).to.equal(
      'Hi {name}, your Civic is ready. Total {amount}, pick up by {time}: {link}',
    );
    expect(smsTemplateOf('Hello Mary Ann! Your appointment is on March 3rd at 10:30 am. Call us at (312) 555-0100.')).to.equal(
      'Hello {name}! Your appointment is on {date} at {time}. Call us at {phone}.',
    );
    expect(smsTemplateOf('Mr. Jones, we will see you Tuesday 3/15. Reply STOP to opt out.')).to.equal('{name}, we will see you {date} {date}. Reply STOP to opt out.');
    expect(smsTemplateOf('Your 2019 Accord (VIN 1HGCM82633A004352) has 45,210 miles, RO#A1234, due 2026-03-15 at 14:00')).to.equal(
      'Your {number} Accord (VIN {number}) has {number} miles, RO#{number}, due {date} at {time}',
    );
    expect(smsTemplateOf('Thanks JOSÉ! Review us at g.co/r/abc12 or write to service@smith.com', ['José Pérez'])).to.equal(
      'Thanks {name}! Review us at {link} or write to {email}',
    );
  });

  it('replaces the message\'s own names only where written as a name, and keeps other words', () => {
    expect(smsTemplateOf('We will text you when it is ready, Will.', ['Will Smith'])).to.equal('We will text you when it is ready, {name}.');
    expect(smsTemplateOf('Hi there, your Honda is ready at Smith Motors')).to.equal('Hi there, your Honda is ready at Smith Motors');
    expect(smsTemplateOf('  Your   car\nis ready ')).to.equal('Your car is ready');
  });
});

describe('detectTemplateRisk', () => {
  it('flags one template sent from one number to 20 customers within a day, with its counts', () => {
    const log = Array.from({ length: 20 }, (_, i) =>
      text(i, i < 3 ? { status: 'undelivered', errorCode: '30007' } : i === 3 ? { status: 'failed', errorCode: '30003' } : {}),
    );
    const [risk, ...rest] = detectTemplateRisk(log);
    expect(rest).to.deep.equal([]);
    expect(risk).to.deep.equal({
      template: TEMPLATE,
      from: '+13125550100',
      messages: 20,
      recipients: 20,
      peakRecipients: 20,
      peakStart: '2026-03-10T14:00:00.000Z',
      peakEnd: '2026-03-10T14:19:00.000Z',
      failed: 4,
      filtered: 3,
      examples: [log[0]!.body, log[1]!.body, log[2]!.body],
    });
    expect(TEMPLATE_RISK_ADVICE).to.equal(CARRIER_FILTERING_ADVICE);
  });

  it('needs the threshold of distinct recipients within the window', () => {
    // 19 customers: not yet.
    expect(detectTemplateRisk(Array.from({ length: 19 }, (_, i) => text(i)))).to.deep.equal([]);
    // 20 texts to 10 customers (each twice): 10 recipients.
    expect(detectTemplateRisk(Array.from({ length: 20 }, (_, i) => text(i, { to: `+1773555${1000 + (i % 10)}` })))).to.deep.equal([]);
    // 20 customers, 12 hours apart: at most 2 texts in any 24 hours (the window ends before the 24th hour).
    const spread = Array.from({ length: 20 }, (_, i) => text(i, { sentAt: new Date(START + i * 12 * 3_600_000).toISOString() }));
    expect(detectTemplateRisk(spread)).to.deep.equal([]);
    // ...which a 10-day window catches, and a lower threshold too.
    expect(detectTemplateRisk(spread, { windowHours: 240 })[0]).to.include({ peakRecipients: 20, recipients: 20 });
    expect(detectTemplateRisk(spread, { minRecipients: 2 })[0]).to.include({ peakRecipients: 2, recipients: 20, messages: 20 });
    expect(detectTemplateRisk(spread, { minRecipients: 3 })).to.deep.equal([]);
  });

  it('takes the window as 24 hours from any text, not a calendar day', () => {
    // 10 texts in the evening and 10 the next morning: two calendar days, one 24-hour window.
    const evening = Array.from({ length: 10 }, (_, i) => text(i, { sentAt: new Date(Date.parse('2026-03-10T22:00:00Z') + i * 60_000).toISOString() }));
    const morning = Array.from({ length: 10 }, (_, i) => text(10 + i, { sentAt: new Date(Date.parse('2026-03-11T09:00:00Z') + i * 60_000).toISOString() }));
    const [risk] = detectTemplateRisk([...evening, ...morning]);
    expect(risk).to.include({ peakRecipients: 20, peakStart: '2026-03-10T22:00:00.000Z', peakEnd: '2026-03-11T09:09:00.000Z' });
    // A text exactly 24 hours after the first one starts a new window.
    const edge = Array.from({ length: 20 }, (_, i) => text(i, { sentAt: new Date(START + (i === 19 ? 24 * 3_600_000 : i * 60_000)).toISOString() }));
    expect(detectTemplateRisk(edge)).to.deep.equal([]);
  });

  it('keeps sending numbers apart and reads only outbound texts', () => {
    const twoNumbers = Array.from({ length: 30 }, (_, i) => text(i, { from: i % 2 ? '+13125550100' : '+13125550101' }));
    expect(detectTemplateRisk(twoNumbers)).to.deep.equal([]);
    const withReplies = [...Array.from({ length: 19 }, (_, i) => text(i)), text(19, { direction: 'inbound', status: 'received' })];
    expect(detectTemplateRisk(withReplies)).to.deep.equal([]);
  });

  it('leaves out short texts and different texts', () => {
    const thanks = Array.from({ length: 25 }, (_, i) => text(i, { body: 'Thanks!' }));
    expect(detectTemplateRisk(thanks)).to.deep.equal([]);
    const personal = Array.from({ length: 25 }, (_, i) => text(i, { body: `Your ${['Civic', 'Accord', 'Pilot', 'CR-V', 'Fit'][i % 5]} needs ${['brakes', 'tires', 'a battery', 'an oil change', 'wipers'][Math.floor(i / 5)]}.` }));
    expect(detectTemplateRisk(personal)).to.deep.equal([]);
  });

  it('gives the same answer for a log out of time order, most recipients first', () => {
    const big = Array.from({ length: 30 }, (_, i) => text(i));
    const small = Array.from({ length: 22 }, (_, i) => text(100 + i, { from: '+13125550199', body: `Reminder: your service is on March ${1 + (i % 28)} at ${8 + (i % 9)}am. Reply C to confirm.` }));
    const inOrder = detectTemplateRisk([...big, ...small]);
    expect(inOrder.map((r) => [r.from, r.peakRecipients])).to.deep.equal([
      ['+13125550100', 30],
      ['+13125550199', 22],
    ]);
    expect(inOrder[1]!.template).to.equal('Reminder: your service is on {date} at {time}. Reply C to confirm.');
    // The same risks; only the examples follow the order given.
    const withoutExamples = (risks: ReturnType<typeof detectTemplateRisk>) => risks.map(({ examples, ...rest }) => ({ ...rest, examples: examples.length }));
    expect(withoutExamples(detectTemplateRisk([...small, ...big].reverse()))).to.deep.equal(withoutExamples(inOrder));
    expect(detectTemplateRisk([])).to.deep.equal([]);
  });
});
