/**
 * Template risk in plain Node, through the public face of src/data: a log of 100,000 texts in one
 * pass, with hand-counted answers (no timing is asserted).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectTemplateRisk, smsTemplateOf, previousPeriodDetail } from '../../src/data/index.ts';

const START = Date.parse('2026-03-01T00:00:00.000Z');
const NAMES = ['Sam Lee', 'Ana Ruiz', 'Bo Park', 'Jo Diaz'];

/** Text i: one every 30 seconds over ~35 days, from 3 numbers, to 5,000 customers. */
function text(i) {
  const name = NAMES[i % 4];
  const marketing = i % 10 === 0;
  return {
    id: `m${i}`,
    provider: 'twilio',
    direction: 'outbound',
    from: `+1312555010${i % 3}`,
    to: `+1773555${String(i % 5000).padStart(4, '0')}`,
    // One text in ten is the same promotion; the others each say something of their own.
    body: marketing
      ? `Hi ${name.split(' ')[0]}! Oil change special this week only: $${29 + (i % 3)}.99 at https://dealer.example.com/oil?c=${i}`
      : `Your vehicle ${['needs brakes', 'is ready', 'is in the shop', 'passed inspection'][i % 4]}, job ${i}. ${'abcdefghij'.slice(0, (i % 7) + 1)}`,
    status: marketing && i % 20 === 0 ? 'undelivered' : 'delivered',
    errorCode: marketing && i % 20 === 0 ? '30007' : null,
    sentAt: new Date(START + i * 30_000).toISOString(),
    segments: 1,
    employeeId: null,
    employeeName: null,
    customerId: `c${i % 5000}`,
    customerName: name,
  };
}

describe('detectTemplateRisk in Node', () => {
  it('finds the promotion in 100,000 texts, per sending number', () => {
    const log = Array.from({ length: 100_000 }, (_, i) => text(i));
    const risks = detectTemplateRisk(log);
    const promotion = risks.filter((r) => r.template === 'Hi {name}! Oil change special this week only: {amount} at {link}');
    // i % 10 === 0 and i % 3 === n: each number sends every 30th text, one every 15 minutes, 96 a day.
    assert.deepEqual(
      promotion.map((r) => [r.from, r.messages, r.peakRecipients]).sort(),
      [
        ['+13125550100', 3334, 96],
        ['+13125550101', 3333, 96],
        ['+13125550102', 3333, 96],
      ],
    );
    // Half of the promotion texts (i % 20 === 0) were filtered.
    assert.equal(promotion.reduce((n, r) => n + r.filtered, 0), 5000);
    assert.equal(promotion.reduce((n, r) => n + r.failed, 0), 5000);
    assert.ok(promotion.every((r) => r.examples.length === 3));
  });

  it('normalises a text and tells what period it is compared with', () => {
    assert.equal(smsTemplateOf('Hi Jo, RO 4411 is ready: $88.10', ['Jo Diaz']), 'Hi {name}, RO {number} is ready: {amount}');
    assert.deepEqual(previousPeriodDetail({ from: '2026-03-29', to: '2026-03-31' }), { from: '2026-02-28', to: '2026-02-28', basis: 'days', clamped: true });
  });
});
