import { expect } from '@open-wc/testing';
import { adfDisplayName, adfLeadToLead, parseAdf } from '../../src/data/logic/adf.js';
import { DEFAULT_OEM_RULES, evaluateLead, ruleForMake, unstoppableMessage } from '../../src/data/logic/leads.js';
import { unstoppableText } from '../../src/components/shared/lead-rule-text.js';
import type { OemRule } from '../../src/data/model.js';

const ONE = `<?xml version="1.0" encoding="UTF-8"?>
<?adf version="1.0"?>
<adf>
  <prospect status="new">
    <id sequence="1" source="Honda.com">HX-000123</id>
    <requestdate>2026-03-02T10:15:00-06:00</requestdate>
    <vehicle interest="buy" status="new">
      <id>v1</id>
      <year>2026</year>
      <make>Honda</make>
      <model>CR-V</model>
      <vin>7FARS6H89TE000123</vin>
      <stock>H01234</stock>
      <trim>EX-L</trim>
      <price type="quote" currency="USD">36500</price>
    </vehicle>
    <vehicle interest="trade-in" status="used">
      <year>2015</year>
      <make>Ford</make>
      <model>Focus</model>
    </vehicle>
    <customer>
      <contact primarycontact="1">
        <name part="first">Ana</name>
        <name part="middle">María</name>
        <name part="last">Ruiz &amp; Ortega</name>
        <email>ana@example.com</email>
        <phone type="voice" time="evening">+1 512 555 0100</phone>
        <phone type="cellphone">512-555-0101</phone>
        <address><street line="1">1 Main St</street><city>Austin</city><regioncode>TX</regioncode><postalcode>07001</postalcode></address>
      </contact>
      <comments>Is it still available?</comments>
    </customer>
    <vendor>
      <id source="dealer">D-77</id>
      <vendorname>Prairie Honda</vendorname>
      <contact primarycontact="1"><name part="full">Fred Jones</name><email>fred@prairie.example</email></contact>
    </vendor>
    <provider>
      <name part="full">Honda.com</name>
      <service>New-vehicle leads</service>
      <url>https://www.honda.example</url>
      <email>leads@honda.example</email>
      <phone>800-555-0199</phone>
    </provider>
  </prospect>
</adf>`;

describe('parseAdf', () => {
  it('reads one prospect: request date, vehicles, customer name parts, email, phones, vendor and provider', () => {
    const { leads, errors } = parseAdf(ONE);
    expect(errors).to.deep.equal([]);
    expect(leads).to.have.length(1);
    const lead = leads[0]!;
    expect(lead.requestDate).to.equal('2026-03-02T16:15:00.000Z');
    expect(lead.ids).to.deep.equal([{ source: 'Honda.com', value: 'HX-000123' }]);
    expect(lead.vehicles).to.deep.equal([
      { interest: 'buy', status: 'new', year: 2026, make: 'Honda', model: 'CR-V', trim: 'EX-L', vin: '7FARS6H89TE000123', stock: 'H01234' },
      { interest: 'trade-in', status: 'used', year: 2015, make: 'Ford', model: 'Focus', trim: null, vin: null, stock: null },
    ]);
    expect(lead.customer).to.deep.equal({
      name: { first: 'Ana', middle: 'María', last: 'Ruiz & Ortega', suffix: null, full: null },
      email: 'ana@example.com',
      phones: [
        { number: '+1 512 555 0100', type: 'voice', time: 'evening' },
        { number: '512-555-0101', type: 'cellphone', time: null },
      ],
      comments: 'Is it still available?',
    });
    expect(lead.vendor).to.deep.equal({
      name: 'Prairie Honda',
      contact: { name: { first: null, middle: null, last: null, suffix: null, full: 'Fred Jones' }, email: 'fred@prairie.example', phones: [] },
    });
    expect(lead.provider).to.deep.equal({
      name: 'Honda.com', service: 'New-vehicle leads', url: 'https://www.honda.example', email: 'leads@honda.example', phone: '800-555-0199',
    });
  });

  it('reads many prospects, with optional parts missing, and reports the ones it cannot read', () => {
    const xml = `<adf>
      <prospect><requestdate>2026-03-02T09:00:00Z</requestdate><customer><contact><name>Bo Li</name></contact></customer></prospect>
      <prospect><requestdate>2026-03-02 08:30:00</requestdate><vehicle><make>Kia</make><year>next</year></vehicle></prospect>
      <prospect><customer><contact><name part="first">No</name></contact></customer></prospect>
      <prospect><requestdate>yesterday</requestdate></prospect>
      <prospect><requestdate>2026-03-03T08:00:00-0500</requestdate></prospect>
    </adf>`;
    const { leads, errors } = parseAdf(xml, { zone: 'America/Chicago' });
    expect(leads.map((l) => l.requestDate)).to.deep.equal(['2026-03-02T09:00:00.000Z', '2026-03-02T14:30:00.000Z', '2026-03-03T13:00:00.000Z']);
    expect(leads[0]!.customer.name.full).to.equal('Bo Li');
    expect([leads[0]!.vehicles, leads[0]!.vendor, leads[0]!.provider, leads[0]!.customer.email]).to.deep.equal([[], null, null, null]);
    // Defaults of the ADF spec: interest buy, status new; a year that is not a number is unknown.
    expect(leads[1]!.vehicles).to.deep.equal([{ interest: 'buy', status: 'new', year: null, make: 'Kia', model: null, trim: null, vin: null, stock: null }]);
    expect(leads[1]!.customer).to.deep.equal({ name: { first: null, middle: null, last: null, suffix: null, full: null }, email: null, phones: [], comments: null });
    expect(errors).to.deep.equal([
      { prospect: 3, message: 'Prospect 3: it has no <requestdate>.' },
      { prospect: 4, message: 'Prospect 4: <requestdate> "yesterday" is not a date and time (expected ISO 8601, e.g. 2026-03-02T10:15:00-06:00).' },
    ]);
  });

  it('names what is wrong with a malformed or foreign document, without throwing', () => {
    const only = (xml: string) => {
      const result = parseAdf(xml);
      expect(result.leads).to.deep.equal([]);
      expect(result.errors).to.have.length(1);
      expect(result.errors[0]!.prospect).to.equal(null);
      return result.errors[0]!.message;
    };
    expect(only('<adf><prospect><requestdate>2026-03-02T09:00:00Z</requestdate></adf>')).to.equal(
      "The ADF document is not well-formed XML (line 1, column 63): Expected closing tag 'prospect' (opened in line 1, col 6) instead of closing tag 'adf'.",
    );
    expect(only('<adf><prospect>')).to.match(/^The ADF document is not well-formed XML \(line 1, column \d+\): /);
    expect(only('just text')).to.match(/^The ADF document is not well-formed XML/);
    expect(only('<lead><name>x</name></lead>')).to.equal('Not an ADF document: the root element is <lead>, expected <adf>.');
    expect(only('<adf></adf>')).to.equal('The ADF document has no <prospect>.');
    expect(only('   ')).to.equal('The ADF document is empty.');
    expect(parseAdf(ONE, { zone: 'Mars/Base' }).errors[0]!.message).to.contain('Mars/Base');
  });

  it('caps every message that quotes the document, however large the content', () => {
    const flood = parseAdf('<'.repeat(5_000_000));
    expect(flood.errors).to.have.length(1);
    expect(flood.errors[0]!.message).to.match(/^The ADF document is not well-formed XML/);
    expect(flood.errors[0]!.message.length).to.be.at.most(400);

    const longDate = 'x'.repeat(100_000);
    const [bad] = parseAdf(`<adf><prospect><requestdate>${longDate}</requestdate></prospect></adf>`).errors;
    expect(bad!.message.startsWith(`Prospect 1: <requestdate> "${'x'.repeat(200)}…" is not a date`)).to.equal(true);
    expect(bad!.message.length).to.be.below(400);

    const root = `r${'o'.repeat(100_000)}`;
    const foreign = parseAdf(`<${root}/>`).errors[0]!.message;
    expect(foreign).to.equal(`Not an ADF document: the root element is <${root.slice(0, 200)}…>, expected <adf>.`);
  });

  it('decodes a document given as bytes instead of calling it empty: UTF-8, Latin-1 and UTF-16 with a byte-order mark', () => {
    const xml = (name: string) => `<?xml version="1.0"?><adf><prospect><requestdate>2026-03-02T09:00:00Z</requestdate>
      <customer><contact><name part="full">${name}</name></contact></customer></prospect></adf>`;
    const nameOf = (bytes: ArrayBuffer | ArrayBufferView) => {
      const result = parseAdf(bytes);
      expect(result.errors).to.deep.equal([]);
      return adfDisplayName(result.leads[0]!.customer.name);
    };
    const utf8 = new TextEncoder().encode(xml('José Muñoz'));
    expect(nameOf(utf8)).to.equal('José Muñoz');
    expect(nameOf(utf8.buffer)).to.equal('José Muñoz', 'an ArrayBuffer');
    const framed = new Uint8Array(utf8.length + 8);
    framed.set(utf8, 4);
    expect(nameOf(framed.subarray(4, 4 + utf8.length))).to.equal('José Muñoz', 'a view into a larger buffer');
    // Latin-1, as an older CRM writes it: é is the single byte E9, ñ is F1.
    const latin1 = Uint8Array.from(xml('José Muñoz'), (c) => c.charCodeAt(0));
    expect([latin1.includes(0xe9), latin1.includes(0xf1)]).to.deep.equal([true, true]);
    expect(nameOf(latin1)).to.equal('José Muñoz');
    // UTF-16LE with its byte-order mark FF FE.
    const text = xml('José Muñoz');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect(nameOf(utf16)).to.equal('José Muñoz');
    expect(parseAdf(new Uint8Array(0)).errors[0]!.message).to.equal('The ADF document is empty.');
    expect(parseAdf(42 as never).errors[0]!.message).to.equal('The ADF document is empty.');
  });

  it('keeps markup in values as text', () => {
    const xml = `<adf><prospect><requestdate>2026-03-02T09:00:00Z</requestdate>
      <customer><contact><name part="full">&lt;img src=x onerror=alert(1)&gt;</name></contact><comments><![CDATA[<script>alert(1)</script>]]></comments></customer>
    </prospect></adf>`;
    const [lead] = parseAdf(xml).leads;
    expect(lead!.customer.name.full).to.equal('<img src=x onerror=alert(1)>');
    expect(lead!.customer.comments).to.equal('<script>alert(1)</script>');
  });

  it('turns an ADF lead into a Forecourt lead the clock can run on', () => {
    const adf = parseAdf(ONE).leads[0]!;
    const lead = adfLeadToLead(adf, 'lead-adf-1');
    expect(lead).to.deep.equal({
      id: 'lead-adf-1',
      receivedAt: '2026-03-02T16:15:00.000Z',
      make: 'Honda',
      model: 'CR-V',
      year: 2026,
      provider: 'Honda.com',
      customerName: 'Ana María Ruiz & Ortega',
      email: 'ana@example.com',
      phone: '+1 512 555 0100',
      salespersonId: null,
      salespersonName: null,
      activities: [],
    });
    const dealer = { zone: 'America/Chicago', hours: { mon: [['09:00', '18:00']] as [string, string][] } };
    // Mon 10:15 CST + Honda's 2 business hours = 12:15 CST.
    expect(evaluateLead(lead, [], ruleForMake(lead.make)!, dealer, '2026-03-02T17:00:00.000Z').dueAt).to.equal('2026-03-02T18:15:00.000Z');
    expect(adfDisplayName({ first: null, middle: null, last: null, suffix: null, full: null })).to.equal(null);
  });

  it('reads every prospect of the demo ADF file', async () => {
    const { leads, errors } = parseAdf(await (await fetch('/demo/data/leads.adf.xml')).text(), { zone: 'America/Chicago' });
    expect(errors).to.deep.equal([]);
    const imported = leads.map((lead, i) => adfLeadToLead(lead, `adf-${i + 1}`));
    expect(imported.map((l) => [l.make, l.model, l.customerName, l.provider])).to.deep.equal([
      ['Toyota', 'RAV4', 'Renée Okafor', 'Toyota.com'],
      ['Chevrolet', 'Silverado 1500', 'Marcus <b>Webb</b>', 'Cars.com'],
      ['Volkswagen', 'Atlas', 'Hana Sato', 'VW.com'],
      ['Ford', 'Bronco Sport', 'Dana Whitfield', 'Ford.com'],
    ]);
    expect(imported[0]!.receivedAt).to.equal('2026-11-23T14:12:00.000Z');
    // Only the Ford lead without an email address is flagged: Cars.com's has no email either, but GM stops on a call.
    expect(leads.map((l) => l.unstoppable?.message ?? null)).to.deep.equal([
      null,
      null,
      null,
      "No email address: this OEM's clock stops only on email sent or e-brochure sent",
    ]);
  });
});

describe('ADF arrival: leads the rule cannot stop', () => {
  /** One prospect for a make, with the customer's email and phone when given. */
  const prospect = (make: string, email: string | null, phone: string | null, trade = '') => `<adf><prospect>
    <requestdate>2026-03-02T10:15:00-06:00</requestdate>
    ${trade ? `<vehicle interest="trade-in"><make>${trade}</make></vehicle>` : ''}
    <vehicle interest="buy"><make>${make}</make></vehicle>
    <customer><contact><name part="full">Dana Whitfield</name>
      ${email === null ? '' : `<email>${email}</email>`}${phone === null ? '' : `<phone>${phone}</phone>`}
    </contact></customer>
  </prospect></adf>`;
  const flag = (xml: string, rules?: readonly OemRule[]) => parseAdf(xml, { zone: 'America/Chicago', rules }).leads[0]!.unstoppable;
  const PHONE = '312-555-0163';

  it("flags a Ford lead with no email address: only an email or an e-brochure stops Ford's clock", () => {
    expect(flag(prospect('Ford', null, PHONE))).to.deep.equal({
      ruleId: 'ford',
      ruleName: 'Ford',
      reason: 'no-email',
      message: "No email address: this OEM's clock stops only on email sent or e-brochure sent",
    });
    // A placeholder is no address; a real one stops the flag.
    expect(flag(prospect('Ford', 'n/a', PHONE))?.reason).to.equal('no-email');
    expect(flag(prospect('Ford', 'dana@example.com', null))).to.equal(null);
  });

  it('uses the make of the vehicle the customer wants, not a trade-in', () => {
    // A Ford trade-in on a Chevrolet lead: GM stops on a completed call, and there is a phone number.
    expect(flag(prospect('Chevrolet', null, PHONE, 'Ford'))).to.equal(null);
    expect(flag(prospect('Ford', null, PHONE, 'Chevrolet'))?.ruleId).to.equal('ford');
  });

  it("follows the dealer's rules, and flags what no contact reaches under the fallback rule", () => {
    const rules = DEFAULT_OEM_RULES.map((r) => (r.id === 'ford' ? { ...r, stopsClock: [...r.stopsClock, 'call-completed' as const] } : r));
    expect(flag(prospect('Ford', null, PHONE), rules)).to.equal(null);
    expect(flag(prospect('Ford', null, null), rules)).to.deep.include({
      reason: 'no-contact',
      message: "No email address or phone number: this OEM's clock stops only on email sent, e-brochure sent, or call completed",
    });
    // Hyundai also stops on texts: a phone number is enough, and without either nothing is.
    expect(flag(prospect('Hyundai', null, PHONE))).to.equal(null);
    expect(flag(prospect('Tesla', null, null))).to.deep.include({ ruleId: 'none', ruleName: 'No OEM rule', reason: 'no-contact' });
  });

  it("words it as the lead clock and the report do", () => {
    const ford = ruleForMake('Ford')!;
    expect(unstoppableMessage('no-email', ford)).to.equal(unstoppableText('no-email', ['email sent', 'e-brochure sent']));
    const mazda = ruleForMake('Mazda')!;
    expect(unstoppableMessage('no-contact', mazda)).to.equal(unstoppableText('no-contact', ['email sent', 'e-brochure sent', 'call completed']));
    expect(unstoppableMessage('no-phone', { stopsClock: ['call-completed', 'text-sent', 'auto-response'] })).to.equal(
      "No phone number: this OEM's clock stops only on call completed or text sent",
    );
  });
});
