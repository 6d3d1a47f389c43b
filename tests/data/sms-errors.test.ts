import { expect } from '@open-wc/testing';
import { SMS_ERROR_TEXTS, smsErrorTexts } from '../../src/data/logic/sms-error-texts.js';
import { SMS_ERROR_TITLES, smsErrorCategoryOf, smsErrorTitle } from '../../src/data/logic/sms-error-titles.js';
import { CARRIER_FILTERING_ADVICE, SMS_ERROR_CODES, classifySmsError } from '../../src/data/logic/sms-errors.js';
import type { SmsProvider } from '../../src/data/model.js';

/** The taxonomy in two halves: what the error column shows (titles) and what the tooltip explains (texts). */
describe('SMS error taxonomy halves', () => {
  it('lists the same codes in both halves, and the full table joins them', () => {
    for (const provider of ['bandwidth', 'twilio'] as SmsProvider[]) {
      const codes = Object.keys(SMS_ERROR_TITLES[provider]).sort();
      expect(Object.keys(SMS_ERROR_TEXTS[provider]).sort(), provider).to.deep.equal(codes);
      expect(Object.keys(SMS_ERROR_CODES[provider]).sort(), provider).to.deep.equal(codes);
    }
    expect(Object.keys(SMS_ERROR_TITLES.bandwidth)).to.have.length(24);
    expect(Object.keys(SMS_ERROR_TITLES.twilio)).to.have.length(17);
  });

  it('gives a known code its category and title, and an unknown one the raw code', () => {
    expect(smsErrorTitle('twilio', 30007)).to.deep.equal({ code: '30007', provider: 'twilio', category: 'carrier-filtered', title: 'Message filtered' });
    expect(smsErrorTitle('bandwidth', ' 4720 ')).to.deep.equal({
      code: '4720',
      provider: 'bandwidth',
      category: 'landline-or-unreachable',
      title: 'Invalid destination address',
    });
    expect(smsErrorTitle('twilio', '99999')).to.deep.equal({ code: '99999', provider: 'twilio', category: 'unknown', title: 'Error 99999' });
    expect(smsErrorTitle('twilio', null)).to.deep.equal({ code: '', provider: 'twilio', category: 'unknown', title: 'Unknown error' });
    // A code of the other provider is not this one's.
    expect(smsErrorTitle('bandwidth', 30007).category).to.equal('unknown');
    expect(smsErrorCategoryOf({ provider: 'twilio', errorCode: '30007' })).to.equal('carrier-filtered');
    expect(smsErrorCategoryOf({ provider: 'twilio', errorCode: '  ' })).to.equal(null);
  });

  it('explains a known code, and an unknown one as unknown', () => {
    expect(smsErrorTexts('twilio', '30007').advice).to.equal(CARRIER_FILTERING_ADVICE);
    expect(smsErrorTexts('bandwidth', '4406')).to.include({ billable: false });
    expect(smsErrorTexts('twilio', '99999').definition).to.equal('The provider reported error 99999, which Forecourt does not know yet.');
    expect(smsErrorTexts('twilio', '').definition).to.equal('The message failed without an error code.');
  });

  it('classifies as the two halves joined', () => {
    for (const [provider, code] of [['twilio', '30007'], ['bandwidth', '4720'], ['twilio', '12'], ['bandwidth', '']] as const) {
      expect(classifySmsError(provider, code), `${provider} ${code}`).to.deep.equal({ ...smsErrorTitle(provider, code), ...smsErrorTexts(provider, code) });
    }
  });
});
