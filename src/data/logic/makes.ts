/**
 * Vehicle makes: one table of the other names and common misspellings of each make, shared by
 * the OEM lead rules (`ruleForMake` in `leads.ts`) and the vehicle matching (`vehicles.ts`), so a
 * lead for an "Infinity" and a want for a "Volkswagon" find the same make as everything else.
 *
 * Makes compare without case, spaces, hyphens, dots or other punctuation, and without diacritics
 * ("Citroën" = "citroen", "Mercedes-Benz" = "mercedes benz"); then an alias is folded into the
 * make it stands for. Only names written out in the table fold: no edit distance, because short
 * makes sit one letter apart ("Kia"/"Kit", "Ram"/"Rav", "Mini"/"Mitsu") and a wrong guess would
 * put a lead under another OEM's clock.
 */

/**
 * The alias table, one make a line: the make's key (see {@link foldMake}) and then its other names
 * and common misspellings, folded the same way. It covers every make of the default OEM rules
 * (`leads.ts`, in the deck's order: Hyundai to Kia), then other makes customers and CRMs often write
 * another way. One string rather than an object literal: it is in the first load of the
 * needed-vehicles widget, and this is the smaller way to ship it.
 */
const TABLE = `
hyundai hundai hyundia hyunday huyndai hyndai hyudai hyundi hyunadi hundyai
nissan nisan nissen nissian nisson
infiniti infinity infinti infinit infinite infinitti infinty
ford frod fordmotor fordmotorcompany
toyota toyta toyata toyoto toyot tyota toyotta toyoda
scion scoin sciopn
lexus lexis lexas lexsus lexuss
volkswagen vw volkswagon volkwagen volkswagan volkswagin volksvagen vollkswagen volks vdub
mitsubishi mitsubichi mitsibishi mitsubushi mitsubisi mitsubshi mitsubsihi mitshubishi mitsu
chrysler crysler chrystler chrisler chryslar chrylser
fiat fiatusa
jeep jep jeeep
dodge dodg dogde
ram ramtrucks ramtruck
volvo vovlo volov volvocars
honda hondaa hnda
subaru subuaru subaroo subru suburu subarau subura
mazda madza mazada mazdah mazd
chevrolet chevy chev chevie cheverolet chevorlet chevrolete chevrolette chevolet chevroelt cheverlet chevrelot
buick buik biuck buic
gmc gmctruck gmctrucks
cadillac caddy caddie cadilac cadillack caddilac caddillac cadalac
kia kiamotors
mercedesbenz mercedes benz mb merc mercedez mercedezbenz mercedesbens mercades
landrover rangerover landie
alfaromeo alfa alfaromero
mini minicooper mnii
jaguar jag jagaur jaguer
porsche porche porshe porsh porshce
acura accura acrua
bmw bimmer beemer
`;

/** Makes whose usual spelling is not their key with a capital first letter. */
const IRREGULAR_NAMES: Readonly<Record<string, string>> = {
  gmc: 'GMC',
  bmw: 'BMW',
  mini: 'MINI',
  mercedesbenz: 'Mercedes-Benz',
  landrover: 'Land Rover',
  alfaromeo: 'Alfa Romeo',
};

/** The makes of the table, by key. */
const MAKES = new Set<string>();

/**
 * Other name (folded) → the make's key, from {@link TABLE}. An alias naming two makes would be a
 * mistake in the table, so the first one wins.
 */
export const MAKE_ALIASES: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {};
  for (const line of TABLE.trim().split('\n')) {
    const [make, ...aliases] = line.split(' ');
    MAKES.add(make!);
    for (const alias of aliases) out[alias] ??= make!;
  }
  return Object.freeze(out);
})();

const folded = new Map<string, string>();

/**
 * A make's text without case, spaces, hyphens, dots, other punctuation or diacritics; no alias
 * is folded in (see {@link makeKey} for that).
 * @param make The make as written.
 * @returns The folded text ('' for none).
 * @example foldMake(' Citroën ') // 'citroen'
 */
export function foldMake(make: string | null | undefined): string {
  if (!make) return '';
  let key = folded.get(make);
  if (key === undefined) {
    key = make
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');
    // Leads and wants repeat the same few hundred spellings; bound the memo anyway.
    if (folded.size > 10_000) folded.clear();
    folded.set(make, key);
  }
  return key;
}

/**
 * The comparison key of a make: {@link foldMake}, then the make an alias or a common misspelling
 * stands for ("Infinity" → Infiniti, "VW"/"Volkswagon" → Volkswagen, "Chevy" → Chevrolet,
 * "Mercedes"/"Benz" → Mercedes-Benz, "Range Rover" → Land Rover, "Alfa" → Alfa Romeo).
 * @param make The make as written.
 * @returns The key ('' for none); two makes are the same make when their keys are equal.
 * @example makeKey('Infinity') === makeKey('INFINITI') // true
 */
export function makeKey(make: string | null | undefined): string {
  const key = foldMake(make);
  return MAKE_ALIASES[key] ?? key;
}

/**
 * A make's usual spelling when the table knows it (also from an alias or a misspelling), else
 * the text given, trimmed.
 * @param make The make as written.
 * @returns The name to show.
 * @example makeName('volkswagon') // 'Volkswagen'
 */
export function makeName(make: string): string {
  const key = makeKey(make);
  if (!MAKES.has(key)) return make.trim();
  return IRREGULAR_NAMES[key] ?? key[0]!.toUpperCase() + key.slice(1);
}
