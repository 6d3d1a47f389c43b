import { expect } from '@open-wc/testing';
import { AdapterError, excerpt, FULL_MESSAGE_CHARS, isAdapterError, kindForStatus, MAX_RETRY_AFTER_MS, MESSAGE_EXCERPT_CHARS, parseRetryAfter, unsupported } from '../../src/data/errors.js';

describe('AdapterError', () => {
  it('maps HTTP statuses to kinds and retryability', () => {
    const cases: [number, string, boolean][] = [
      [401, 'auth', false],
      [404, 'not-found', false],
      [409, 'conflict', false],
      [422, 'rejected', false],
      [429, 'rate-limited', true],
      [503, 'server', true],
    ];
    for (const [status, kind, retryable] of cases) {
      const error = new AdapterError({ kind: kindForStatus(status), status, message: `HTTP ${status}` });
      expect([error.kind, error.retryable], String(status)).to.deep.equal([kind, retryable]);
    }
  });

  it('names the missing domain', () => {
    const error = unsupported('sms');
    expect(isAdapterError(error)).to.equal(true);
    expect(error.message).to.equal('This host does not provide sms.');
    expect(isAdapterError(new Error('x'))).to.equal(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');

  it('reads a number of seconds', () => {
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter(' 5 ', now)).to.equal(5_000);
    expect(parseRetryAfter('0', now)).to.equal(0);
  });

  it('reads an HTTP date, measured from the time the answer came', () => {
    expect(parseRetryAfter('Mon, 07 Dec 2026 10:02:00 GMT', now)).to.equal(120_000);
    // The obsolete forms RFC 9110 still asks recipients to accept.
    expect(parseRetryAfter('Monday, 07-Dec-26 10:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Mon Dec  7 10:01:00 2026', now)).to.equal(60_000);
  });

  it('asks for no wait when the date is already past', () => {
    expect(parseRetryAfter('Sun, 06 Dec 2026 10:00:00 GMT', now)).to.equal(0);
  });

  it('ignores an absent or unreadable value', () => {
    for (const value of [null, undefined, '', '   ', 'soon', '-5', '1.5', '12abc', '2 minutes later', 'Infinity', '0x10']) {
      expect(parseRetryAfter(value, now), String(value)).to.equal(null);
    }
  });

  it('waits at most a day, however long the server asks for', () => {
    expect(parseRetryAfter('86400', now)).to.equal(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('86401', now)).to.equal(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('99999999999999999999999999', now)).to.equal(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now)).to.equal(MAX_RETRY_AFTER_MS);
    expect(MAX_RETRY_AFTER_MS).to.equal(24 * 60 * 60 * 1000);
  });
});

describe('AdapterError messages', () => {
  it('keeps a short excerpt of a long message, and up to FULL_MESSAGE_CHARS of it in fullMessage', () => {
    const long = 'x'.repeat(1_000_000);
    const error = new AdapterError({ kind: 'rejected', status: 400, message: long });
    expect(error.message).to.have.length(MESSAGE_EXCERPT_CHARS);
    expect(error.message.endsWith('…')).to.equal(true);
    expect(error.fullMessage).to.equal(`${long.slice(0, FULL_MESSAGE_CHARS - 1)}…`);
    const medium = 'y'.repeat(5_000);
    expect(new AdapterError({ kind: 'rejected', status: 400, message: medium }).fullMessage).to.equal(medium);
  });

  it('leaves a short message as it is', () => {
    const error = new AdapterError({ kind: 'rejected', status: 400, message: 'Amount: expected a number.' });
    expect([error.message, error.fullMessage]).to.deep.equal(['Amount: expected a number.', 'Amount: expected a number.']);
  });

  it('does not cut a character in half', () => {
    const text = `${'a'.repeat(8)}😀😀😀`;
    expect(excerpt(text, 10)).to.equal(`${'a'.repeat(8)}…`);
    expect(excerpt(text, 11)).to.equal(`${'a'.repeat(8)}😀…`);
  });

  it('carries the wait the server asked for', () => {
    const error = new AdapterError({ kind: 'rate-limited', status: 429, message: 'Slow down', retryAfterMs: 120_000, retryAt: 1_000_120_000 });
    expect([error.retryAfterMs, error.retryAt]).to.deep.equal([120_000, 1_000_120_000]);
    expect(new AdapterError({ kind: 'server', status: 503, message: 'Down' })).to.include({ retryAfterMs: null, retryAt: null });
  });
});
