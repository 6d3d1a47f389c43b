/**
 * What the lead clock and the lead response report both say about an OEM rule: its grade bands
 * and where they come from, and why a lead's clock cannot be stopped. Each widget formats the
 * durations and activity names its own way and hands them in.
 */
import type { GradeBands, GradeBandSource, UnstoppableReason } from '../../data/logic/leads-rules.js';
import { defineMessages } from './messages.js';

type Duration = (minutes: number) => string;

const en = {
  greenUpTo: (d: string) => `Green up to ${d}`,
  greenUnder: (d: string) => `Green under ${d}`,
  'average-target': ", the OEM's average target",
  'compliance-target': ", the OEM's compliance target",
  discount: ", the OEM's discount threshold",
  'half-limit': ', half the limit',
  grades: '',
  yellow: (limit: string) => `; yellow up to the ${limit} limit`,
  noYellow: (limit: string) => `; red past the ${limit} limit`,
  oem: "the OEM's own bands",
  dealer: "the dealer's bands",
  'derived-from-target': 'derived from the target',
  default: 'default',
  'no-email': 'No email address',
  'no-phone': 'No phone number',
  'no-contact': 'No email address or phone number',
  unstoppable: (missing: string, kinds: string) => `${missing}: this OEM's clock stops only on ${kinds}`,
  or: (items: string[]) => new Intl.ListFormat('en', { type: 'disjunction' }).format(items),
};

const es: typeof en = {
  greenUpTo: (d) => `Verde hasta ${d}`,
  greenUnder: (d) => `Verde por debajo de ${d}`,
  'average-target': ', la meta de promedio del fabricante',
  'compliance-target': ', la meta de cumplimiento del fabricante',
  discount: ', el umbral de descuento del fabricante',
  'half-limit': ', la mitad del límite',
  grades: '',
  yellow: (limit) => `; amarillo hasta el límite de ${limit}`,
  noYellow: (limit) => `; rojo pasado el límite de ${limit}`,
  oem: 'bandas propias del fabricante',
  dealer: 'bandas del concesionario',
  'derived-from-target': 'derivadas de la meta',
  default: 'por defecto',
  'no-email': 'Sin correo electrónico',
  'no-phone': 'Sin teléfono',
  'no-contact': 'Sin correo electrónico ni teléfono',
  unstoppable: (missing, kinds) => `${missing}: el reloj de este fabricante solo se detiene con ${kinds}`,
  or: (items) => new Intl.ListFormat('es', { type: 'disjunction' }).format(items),
};

const t = defineMessages(en, es);

/** Where a rule's bands come from, in words: "the OEM's own bands", "derived from the target", "default". */
export const bandSourceText = (source: GradeBandSource): string => t(source);

/**
 * A rule's grade bands in words, with where they come from.
 * @param bands The rule's `gradeBands()`.
 * @param duration The widget's duration format.
 * @returns e.g. "Green up to 1 h, the OEM's average target; yellow up to the 5 h limit (derived from the target)".
 * @example gradeBandsText(gradeBands(ruleForMake('Toyota')!), d) // "Green under 1 h; yellow up to the 3 h limit (the OEM's own bands)"
 */
export function gradeBandsText(bands: GradeBands, duration: Duration): string {
  const green = t(bands.inclusive ? 'greenUpTo' : 'greenUnder', duration(bands.greenUntil)) + t(bands.basis);
  // Green to the limit itself leaves no yellow (Mazda: green within its hour, red after).
  const yellow = t(bands.inclusive && bands.greenUntil >= bands.yellowUntil ? 'noYellow' : 'yellow', duration(bands.yellowUntil));
  return `${green}${yellow} (${t(bands.source)})`;
}

/**
 * Why a lead's clock cannot be stopped, with what would stop it.
 * @param reason From `unstoppableReason()`.
 * @param kinds The rule's stopping activities, named by the widget.
 * @returns e.g. "No email address: this OEM's clock stops only on email sent or e-brochure sent".
 */
export const unstoppableText = (reason: UnstoppableReason, kinds: string[]): string => t('unstoppable', t(reason), t('or', kinds));
