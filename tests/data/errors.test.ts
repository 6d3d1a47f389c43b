import { expect } from '@open-wc/testing';
import { AdapterError, isAdapterError, unsupported } from '../../src/data/errors.js';

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
      const error = new AdapterError({ kind: AdapterError.kindForStatus(status), status, message: `HTTP ${status}` });
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
