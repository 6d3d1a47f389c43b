import { expect } from '@open-wc/testing';
import { MAKE_ALIASES, foldMake, makeKey, makeName } from '../../src/data/logic/makes.js';
import { DEFAULT_OEM_RULES, makeOverlap, ruleForMake } from '../../src/data/logic/leads.js';
import * as index from '../../src/data/index.js';

describe('foldMake', () => {
  it('drops case, spaces, hyphens, dots, other punctuation and diacritics', () => {
    expect(
      [' Mercedes-Benz ', 'LAND  ROVER', 'Citroën', 'Škoda', 'Rolls-Royce', 'G.M.C.', 'Alfa_Romeo', '', null, undefined].map(foldMake),
    ).to.deep.equal(['mercedesbenz', 'landrover', 'citroen', 'skoda', 'rollsroyce', 'gmc', 'alfaromeo', '', '', '']);
  });

  it('folds no alias', () => {
    expect([foldMake('Chevy'), foldMake('VW')]).to.deep.equal(['chevy', 'vw']);
  });
});

describe('makeKey and makeName', () => {
  it('folds the other names the issue lists into one make', () => {
    const same: [string[], string][] = [
      [['Infinity', 'INFINITI', 'infiniti'], 'Infiniti'],
      [['Volkswagon', 'VW', 'v.w.', 'Volks-wagen', 'Volkswagen'], 'Volkswagen'],
      [['Chevy', 'Chev', 'Cheverolet', 'CHEVROLET'], 'Chevrolet'],
      [['Mercedes', 'Mercedes-Benz', 'Mercedes Benz', 'Benz', 'MB'], 'Mercedes-Benz'],
      [['Land Rover', 'Land-Rover', 'Range Rover', 'RANGEROVER'], 'Land Rover'],
      [['Alfa', 'Alfa Romeo', 'alfa-romeo'], 'Alfa Romeo'],
      [['Mini', 'MINI', 'Mini Cooper'], 'MINI'],
      [['Ram', 'RAM', 'Ram Trucks'], 'Ram'],
    ];
    for (const [names, name] of same) {
      expect(new Set(names.map(makeKey)).size, names.join(', ')).to.equal(1);
      expect(names.map(makeName), names.join(', ')).to.deep.equal(names.map(() => name));
    }
  });

  it('folds common misspellings of the OEM makes of the default rules', () => {
    const misspelt: [string, string][] = [
      ['Toyta', 'Toyota'], ['Hundai', 'Hyundai'], ['Hyundia', 'Hyundai'], ['Nisan', 'Nissan'], ['Porche', 'Porsche'],
      ['Mitsubichi', 'Mitsubishi'], ['Mitsubishi', 'Mitsubishi'], ['Subuaru', 'Subaru'], ['Lexis', 'Lexus'],
      ['Crysler', 'Chrysler'], ['Madza', 'Mazda'], ['Cadilac', 'Cadillac'], ['Buik', 'Buick'],
    ];
    for (const [typed, make] of misspelt) expect([typed, makeKey(typed)]).to.deep.equal([typed, makeKey(make)]);
  });

  it('keeps makes apart that are not the same', () => {
    expect(makeKey('Ford')).to.not.equal(makeKey('Fiat'));
    expect(makeKey('Kia')).to.not.equal(makeKey('Kit'));
    expect(makeKey('Mini')).to.not.equal(makeKey('Mitsu'));
    expect(makeKey('Nissan')).to.not.equal(makeKey('Infiniti'));
    expect(makeKey('Tesla')).to.equal('tesla');
    expect(makeName(' Tesla ')).to.equal('Tesla');
  });

  it('has no alias that is another make, or names two makes', () => {
    const makes = new Set(Object.values(MAKE_ALIASES));
    for (const alias of Object.keys(MAKE_ALIASES)) expect(makes.has(alias), alias).to.equal(false);
    for (const make of DEFAULT_OEM_RULES.flatMap((r) => r.makes)) expect(MAKE_ALIASES[foldMake(make)], make).to.be.oneOf([undefined, makeKey(make)]);
  });

  it('is exported from the data index', () => {
    expect([typeof index.makeKey, typeof index.makeName, typeof index.foldMake]).to.deep.equal(['function', 'function', 'function']);
  });
});

describe('ruleForMake with the alias table', () => {
  it('finds Nissan / Infiniti for the deck’s own spelling "Infinity": 24 business hours', () => {
    const rule = ruleForMake('Infinity');
    expect([rule?.id, rule?.limitMinutes, rule?.clock]).to.deep.equal(['nissan', 24 * 60, 'business']);
  });

  it('finds each OEM’s rule under other names and misspellings', () => {
    const cases: [string, string][] = [
      ['Volkswagon', 'vw'], ['VW', 'vw'], ['Chevy', 'gm'], ['Chev', 'gm'], ['Cheverolet', 'gm'], ['Caddy', 'gm'],
      ['Toyta', 'toyota'], ['Lexis', 'toyota'], ['Hundai', 'hyundai'], ['Hyundia', 'hyundai'], ['Nisan', 'nissan'],
      ['Mitsubichi', 'mitsubishi'], ['Subuaru', 'subaru'], ['Crysler', 'chrysler'], ['Ram Trucks', 'chrysler'],
      ['Madza', 'mazda'], ['Buik', 'gm'], ['Kia Motors', 'kia'], ['  h-o-n-d-a ', 'honda'],
    ];
    for (const [make, id] of cases) expect([make, ruleForMake(make)?.id]).to.deep.equal([make, id]);
    expect(ruleForMake('Porche')).to.equal(undefined);
  });

  it('sees an overlap through an alias', () => {
    const vwToo = { id: 'vw-2', makes: ['Volkswagon'] };
    expect(makeOverlap(vwToo, DEFAULT_OEM_RULES)?.rule.id).to.equal('vw');
  });
});
