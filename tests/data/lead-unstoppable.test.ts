import { expect } from '@open-wc/testing';
import { DEFAULT_OEM_RULES, NO_OEM_RULE, unstoppableReason } from '../../src/data/logic/leads.js';
import type { ActivityKind, OemRule } from '../../src/data/model.js';

const rule = (id: string): OemRule => DEFAULT_OEM_RULES.find((r) => r.id === id)!;
const stops = (...kinds: ActivityKind[]) => ({ stopsClock: kinds });
const EMAIL = 'dana.reyes@example.com';
const PHONE = '+1 (312) 555-0100';

describe('unstoppableReason', () => {
  it('flags a Ford lead with no email address: only an email or an e-brochure stops Ford’s clock', () => {
    expect(rule('ford').stopsClock).to.deep.equal(['email-sent', 'ebrochure-sent']);
    expect(unstoppableReason({ email: null, phone: PHONE }, rule('ford'))).to.equal('no-email');
    expect(unstoppableReason({ email: null, phone: null }, rule('ford'))).to.equal('no-email');
    expect(unstoppableReason({ email: EMAIL, phone: null }, rule('ford'))).to.equal(null);
  });

  it('counts blank and placeholder addresses and numbers as none', () => {
    for (const email of ['', '   ', 'n/a', 'none', '@example.com', 'dana@', 'dana @example.com']) {
      expect(unstoppableReason({ email, phone: PHONE }, rule('ford')), JSON.stringify(email)).to.equal('no-email');
    }
    expect(unstoppableReason({ email: ` ${EMAIL} `, phone: null }, rule('ford'))).to.equal(null);
    // Mazda stops on an email, an e-brochure or a completed call.
    expect(unstoppableReason({ email: null, phone: 'n/a' }, rule('mazda'))).to.equal('no-contact');
    expect(unstoppableReason({ email: null, phone: '555-010' }, rule('mazda')), 'six digits').to.equal('no-contact');
    expect(unstoppableReason({ email: null, phone: '555-0100' }, rule('mazda')), 'seven digits').to.equal(null);
  });

  it('lets a call or text stop the clock where the rule allows one', () => {
    // GM: email sent, e-brochure sent, email received, call completed.
    expect(unstoppableReason({ email: null, phone: PHONE }, rule('gm'))).to.equal(null);
    expect(unstoppableReason({ email: EMAIL, phone: null }, rule('gm'))).to.equal(null);
    // The customer's own email could stop GM's clock, but the dealer cannot make it happen.
    expect(unstoppableReason({ email: null, phone: null }, rule('gm'))).to.equal('no-contact');
    expect(unstoppableReason({ email: null, phone: null }, rule('hyundai'))).to.equal('no-contact');
    expect(unstoppableReason({ email: null, phone: null }, NO_OEM_RULE)).to.equal('no-contact');
  });

  it('flags a rule that stops only on calls or texts for a lead with no phone number', () => {
    expect(unstoppableReason({ email: EMAIL, phone: null }, stops('call-completed', 'text-sent', 'email-received'))).to.equal('no-phone');
    expect(unstoppableReason({ email: EMAIL, phone: PHONE }, stops('call-completed'))).to.equal(null);
  });

  it('needs nothing of the lead when only the customer’s own contact stops the clock', () => {
    expect(unstoppableReason({ email: null, phone: null }, stops('email-received', 'call-incoming', 'text-received'))).to.equal(null);
    expect(unstoppableReason({ email: null, phone: null }, stops('auto-response'))).to.equal(null);
  });

  it('flags every default rule for a lead with no contact at all, and none for a lead with both', () => {
    for (const r of DEFAULT_OEM_RULES) {
      expect(unstoppableReason({ email: EMAIL, phone: PHONE }, r), r.id).to.equal(null);
      expect(unstoppableReason({ email: null, phone: null }, r), r.id).to.not.equal(null);
    }
    const noEmail = DEFAULT_OEM_RULES.filter((r) => unstoppableReason({ email: null, phone: PHONE }, r) === 'no-email').map((r) => r.id);
    expect(noEmail).to.deep.equal(['ford']);
  });
});
