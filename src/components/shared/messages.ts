/**
 * The suite's text, one table per locale, looked up through `msg()` (the shape of
 * `@lit/localize`'s runtime mode: message functions over a current locale). The current locale is
 * the one of the element being rendered (`FcElement` runs each update in its own locale), so two
 * widgets in different languages can sit side by side. A message is a string or a function of its
 * parameters, so word order can differ between languages.
 */
import type { AdapterDomain } from '../../data/adapter.js';

const en = {
  loading: 'Loading…',
  empty: 'Nothing to show yet.',
  retry: 'Retry',
  unsupported: (what: string) => `This host does not provide ${what}.`,
  domainSources: 'customer sources',
  domainCustomers: 'customers',
  domainSms: 'SMS history',
  domainLeads: 'internet leads',
  domainTraffic: 'store traffic',
  domainDeleted: 'deleted customers',
  domainVehicles: 'vehicle wants',
  errorOffline: 'You are offline. Retry when the connection is back.',
  errorNetwork: 'The server could not be reached. Check the connection and retry.',
  errorTimeout: 'The server took too long to answer.',
  errorAborted: 'The request was cancelled.',
  errorAuth: 'You are not signed in, or not allowed to see this.',
  errorNotFound: 'The server does not have this data.',
  errorConflict: 'Someone else changed this in the meantime.',
  errorRejected: 'The server refused the request.',
  errorRateLimited: 'The server is busy. Wait a moment and retry.',
  errorServer: (status: number) => (status ? `The server had a problem (HTTP ${status}).` : 'The server had a problem.'),
  errorMalformed: 'The server sent data that could not be read.',
  errorUnknown: 'Something went wrong.',
  serverWait: (time: string) => `The server asked us to wait until ${time}.`,
  errorShowMore: 'Show more',
  errorFullText: 'The whole message',
};

export type Messages = typeof en;
export type MessageKey = keyof Messages;
export type Locale = 'en' | 'es';

const es: Messages = {
  loading: 'Cargando…',
  empty: 'Todavía no hay nada que mostrar.',
  retry: 'Reintentar',
  unsupported: (what) => `Este sistema no proporciona ${what}.`,
  domainSources: 'orígenes de clientes',
  domainCustomers: 'clientes',
  domainSms: 'historial de SMS',
  domainLeads: 'prospectos de internet',
  domainTraffic: 'tráfico de la tienda',
  domainDeleted: 'clientes eliminados',
  domainVehicles: 'vehículos buscados',
  errorOffline: 'No hay conexión. Reintente cuando vuelva la conexión.',
  errorNetwork: 'No se pudo contactar con el servidor. Compruebe la conexión y reintente.',
  errorTimeout: 'El servidor tardó demasiado en responder.',
  errorAborted: 'La solicitud se canceló.',
  errorAuth: 'No ha iniciado sesión o no tiene permiso para ver esto.',
  errorNotFound: 'El servidor no tiene estos datos.',
  errorConflict: 'Otra persona cambió esto mientras tanto.',
  errorRejected: 'El servidor rechazó la solicitud.',
  errorRateLimited: 'El servidor está ocupado. Espere un momento y reintente.',
  errorServer: (status) => (status ? `El servidor tuvo un problema (HTTP ${status}).` : 'El servidor tuvo un problema.'),
  errorMalformed: 'El servidor envió datos que no se pudieron leer.',
  errorUnknown: 'Algo salió mal.',
  serverWait: (time) => `El servidor pidió esperar hasta ${time}.`,
  errorShowMore: 'Mostrar más',
  errorFullText: 'El mensaje completo',
};

let explicit: Locale | null = null;
/** The locale of the element whose update (or own work, see `inLocale`) is running. */
let active: Locale | null = null;

/**
 * Sets the page-wide default locale: every widget without its own `locale` uses it, before any
 * `lang` attribute. `null` goes back to each widget's nearest `lang`.
 */
export function setLocale(locale: Locale | null): void {
  explicit = locale;
}

/** The page-wide default set with `setLocale`, or `null`. */
export function pageLocale(): Locale | null {
  return explicit;
}

/**
 * The catalog for a language tag: `es`, `es-MX`, `ES` → `'es'`; `en`, `en-US` → `'en'`.
 * @returns `null` for an empty or unsupported tag.
 */
export function localeOf(tag: string | null | undefined): Locale | null {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return base === 'es' || base === 'en' ? base : null;
}

/**
 * The locale messages and formats use now: the element's being rendered, else the page default
 * (`setLocale`), else the document's `lang`, else English.
 */
export function getLocale(): Locale {
  if (active) return active;
  if (explicit) return explicit;
  return localeOf(typeof document === 'undefined' ? '' : document.documentElement.lang) ?? 'en';
}

/**
 * Runs `work` with `locale` as the current locale, so every `msg()`/`t()` and format inside it
 * speaks that language; nests, and restores the previous one even when `work` throws.
 * @example inLocale('es', () => msg('retry')) // "Reintentar"
 */
export function inLocale<T>(locale: Locale, work: () => T): T {
  const previous = active;
  active = locale;
  try {
    return work();
  } finally {
    active = previous;
  }
}

type Entry = string | ((...args: never[]) => string);
type ParamsOf<E> = E extends (...args: infer A) => string ? A : [];

/**
 * A message function over one widget's own tables, so each widget keeps its text beside it and
 * every locale must give every message (the Spanish table is typed by the English one).
 * @param en The English messages.
 * @param es The same keys in Spanish.
 * @returns `t(key, ...params)`, the message in the current locale.
 * @example const t = defineMessages({ hi: (n: string) => `Hi ${n}` }, { hi: (n) => `Hola ${n}` }); t('hi', 'Ana')
 */
export function defineMessages<M extends Record<string, Entry>>(en: M, es: M): <K extends keyof M>(key: K, ...params: ParamsOf<M[K]>) => string {
  const byLocale: Record<Locale, M> = { en, es };
  return (key, ...params) => {
    const entry = byLocale[getLocale()][key] as string | ((...args: unknown[]) => string);
    return typeof entry === 'function' ? entry(...params) : entry;
  };
}

/**
 * One message of the suite's shared table in the current locale.
 * @param key The message's name.
 * @param params The message's parameters, if it takes any.
 * @returns The text.
 * @example msg('unsupported', msg('domainSms')) // "This host does not provide SMS history."
 */
export const msg = /* @__PURE__ */ defineMessages(en, es);

const DOMAIN_KEYS: Record<AdapterDomain, MessageKey> = {
  sources: 'domainSources',
  customers: 'domainCustomers',
  sms: 'domainSms',
  leads: 'domainLeads',
  traffic: 'domainTraffic',
  deleted: 'domainDeleted',
  vehicles: 'domainVehicles',
};

/** What a domain is called in the "this host does not provide …" message. */
export function domainName(domain: AdapterDomain): string {
  return msg(DOMAIN_KEYS[domain] as 'domainSources');
}

/** A count in the current locale's digits and grouping. */
export function formatCount(value: number): string {
  const locale = getLocale();
  // Building a NumberFormat costs far more than using one; tables call this per cell.
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

const countFormats = new Map<Locale, Intl.NumberFormat>();
