/**
 * fast-check arbitraries derived from the valibot schemas of `src/data/schemas.ts`: `validOf`
 * walks a schema and generates values it accepts, so a field added to a model type is fuzzed
 * without touching this file; `payloadOf` breaks such values the way a faulty server would
 * (missing fields, wrong types, huge strings, invalid dates, NaN, negative counts, 10k-item
 * arrays, text that is not JSON) and says what it broke and where.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { WEEKDAYS } from '../../src/data/model.js';

/** What the walkers of this folder read of a valibot schema or pipe action (valibot's own types hide it). */
export interface SchemaNode {
  kind: 'schema' | 'validation' | 'transformation' | 'metadata';
  type: string;
  pipe?: SchemaNode[];
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  items?: SchemaNode[];
  wrapped?: SchemaNode;
  options?: readonly unknown[];
  key?: SchemaNode;
  value?: SchemaNode;
  requirement?: unknown;
  /** `lazy`: the schema it stands for (one defined further down its file). */
  getter?: (input: unknown) => SchemaNode;
}

/** A JSON value (NaN and -Infinity travel as marker strings that `toJsonText` writes as bare tokens). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One segment of a path: an object key or an array index. */
export type PathKey = string | number;

/** `items[3].sentAt` for `['items', 3, 'sentAt']`; empty for the root. */
export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${key}`;
  return out;
}

// ───────────────────────────── scalars ─────────────────────────────

const DAY_MS = 86_400_000;
const MIN_TIME = Date.UTC(1990, 0, 1);
const MAX_TIME = Date.UTC(2100, 11, 31);

/** Calendar days that exist, `YYYY-MM-DD`. */
export const isoDateArb = fc.integer({ min: MIN_TIME / DAY_MS, max: MAX_TIME / DAY_MS }).map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

/** Instants, with `Z` or a numeric offset. */
export const isoTimestampArb = fc
  .tuple(fc.integer({ min: MIN_TIME, max: MAX_TIME }), fc.constantFrom('Z', '+00:00', '-05:00', '+05:30', '-11:00'), fc.boolean())
  .map(([ms, zone, millis]) => {
    const text = new Date(ms).toISOString().slice(0, millis ? 23 : 19);
    return text + zone;
  });

/** Text a server may hold: words, any Unicode, control characters, markup-like and very long text. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Z][a-z]{1,9}( [A-Z][a-z]{1,9}){0,2}$/) },
  { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', '\u202Eevil\u202C', '\u0000', '👩‍🔧 Ana', 'Zoë Ñúñez', 'محمد', '<b>bold</b>', '&amp;', '__proto__', 'constructor', 'toString'),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 100, maxLength: 1_000 }) },
);

/** Keys of free-form maps (a deleted record's fields), including ones that name Object's own members. */
const recordKeyArb = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-zA-Z]{0,11}$/) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', '', 'a.b', '0') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

function action<T = unknown>(node: SchemaNode, type: string): T | undefined {
  const found = node.pipe?.find((a) => a.type === type);
  return found ? (found.requirement as T) : undefined;
}

function stringArb(node: SchemaNode): fc.Arbitrary<string> {
  if (action(node, 'iso_date') !== undefined) return isoDateArb;
  if (action(node, 'iso_timestamp') !== undefined) return isoTimestampArb;
  const regex = action<RegExp>(node, 'regex');
  if (regex) return fc.stringMatching(regex);
  const max = action<number>(node, 'max_length');
  const nonEmpty = node.pipe?.some((a) => a.type === 'non_empty');
  let arb = max === undefined ? textArb : textArb.map((s) => s.slice(0, max));
  if (nonEmpty) arb = arb.map((s) => s.trim()).filter((s) => s.length > 0);
  return arb;
}

function numberArb(node: SchemaNode): fc.Arbitrary<number> {
  const integer = node.pipe?.some((a) => a.type === 'integer') ?? false;
  const min = action<number>(node, 'min_value');
  const gt = action<number>(node, 'gt_value');
  const max = action<number>(node, 'max_value');
  if (integer) {
    const low = min ?? (gt !== undefined ? Math.floor(gt) + 1 : -1_000_000_000);
    const high = max ?? 1_000_000_000;
    return fc.oneof(fc.integer({ min: Math.max(low, -20), max: Math.min(high, 2_000) }), fc.integer({ min: low, max: high }));
  }
  const low = min ?? gt ?? -1e9;
  const high = max ?? 1e9;
  const arb = fc.oneof(
    fc.integer({ min: Math.ceil(low), max: Math.floor(high) }),
    fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }),
  );
  return gt === undefined ? arb : arb.filter((n) => n > gt);
}

// ───────────────────────────── schemas ─────────────────────────────

/** Arbitraries built so far, by longest array and schema, so shared sub-schemas build once. */
const built = new Map<number, WeakMap<SchemaNode, fc.Arbitrary<Json>>>();

/**
 * Values the schema accepts (as JSON a server would send: optional keys are left out).
 * @param schema A valibot schema from `src/data/schemas.ts`.
 * @param maxArray Longest array generated; `payloadOf` adds the 10k-item ones.
 */
export function validOf(schema: v.GenericSchema, maxArray = 4): fc.Arbitrary<Json> {
  return build(schema as unknown as SchemaNode, maxArray);
}

function build(node: SchemaNode, maxArray: number): fc.Arbitrary<Json> {
  let cache = built.get(maxArray);
  if (!cache) built.set(maxArray, (cache = new WeakMap()));
  const cached = cache.get(node);
  if (cached) return cached;
  let arb = buildUncached(node, maxArray);
  if (node.pipe?.some((a) => a.type === 'check')) {
    const schema = node as unknown as v.GenericSchema;
    arb = arb.filter((value) => v.is(schema, value));
  }
  cache.set(node, arb);
  return arb;
}

/** Opening intervals: a working day, a split day, overnight, all day, and one the logic refuses (opening at 24:00). */
const intervalArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(['08:00', '18:00'], ['09:30', '12:00'], ['13:00', '17:30'], ['22:00', '02:00'], ['00:00', '24:00'], ['07:15', '07:45']) },
  { weight: 1, arbitrary: fc.constantFrom(['24:00', '08:00'], ['12:00', '12:00']) },
);

/**
 * Values for fields whose form the schema leaves open but every reader depends on: a time zone is
 * "any string" to the contract and half the times it allows are `24:00`, yet random ones would
 * only ever test the unknown-zone and "cannot open at 24:00" messages, never a clock.
 */
const FIELD_HINTS: Record<string, fc.Arbitrary<Json>> = {
  zone: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('America/Chicago', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Kiritimati') },
    { weight: 1, arbitrary: textArb },
  ),
  hours: fc.dictionary(fc.constantFrom(...WEEKDAYS), fc.array(intervalArb, { maxLength: 2 }), { noNullPrototype: true }) as unknown as fc.Arbitrary<Json>,
};

function buildUncached(node: SchemaNode, maxArray: number): fc.Arbitrary<Json> {
  const sub = (n: SchemaNode) => build(n, maxArray);
  switch (node.type) {
    case 'string':
      return stringArb(node);
    case 'number':
      return numberArb(node);
    case 'boolean':
      return fc.boolean();
    case 'unknown':
      return fc.jsonValue() as fc.Arbitrary<Json>;
    case 'picklist':
      return fc.constantFrom(...(node.options as Json[]));
    case 'nullable':
      return fc.option(sub(node.wrapped!), { nil: null, freq: 4 });
    case 'nullish':
    case 'optional':
      // As a value (a record's or a tuple's); an object's optional key is left out instead.
      return node.type === 'nullish' ? fc.option(sub(node.wrapped!), { nil: null, freq: 4 }) : sub(node.wrapped!);
    case 'array':
      return fc.array(sub(node.item!), { maxLength: maxArray });
    case 'tuple':
      return fc.tuple(...node.items!.map(sub));
    case 'lazy':
      return sub(node.getter!(undefined));
    case 'record': {
      const key = node.key!.type === 'picklist' ? fc.constantFrom(...(node.key!.options as string[])) : recordKeyArb;
      const value = node.value!.type === 'optional' ? sub(node.value!.wrapped!) : sub(node.value!);
      // valibot leaves out keys that name Object's own members; so does a server that means them.
      return fc.dictionary(key, value, { maxKeys: maxArray, noNullPrototype: true }) as fc.Arbitrary<Json>;
    }
    case 'object': {
      const model: Record<string, fc.Arbitrary<Json>> = {};
      const required: string[] = [];
      for (const [key, entry] of Object.entries(node.entries!)) {
        const optional = entry.type === 'optional' || entry.type === 'nullish';
        model[key] = FIELD_HINTS[key] ?? (optional && entry.type === 'optional' ? sub(entry.wrapped!) : sub(entry));
        if (!optional) required.push(key);
      }
      return fc.record(model, { requiredKeys: required, noNullPrototype: true }) as fc.Arbitrary<Json>;
    }
    default:
      throw new Error(`validOf: no arbitrary for valibot schema type "${node.type}"`);
  }
}

// ───────────────────────────── mutations ─────────────────────────────

/** Ways a payload is broken. */
export const MUTATIONS = [
  'delete-field',
  'wrong-type',
  'null',
  'huge-string',
  'invalid-date',
  'nan',
  'infinity',
  'negative',
  'fraction',
  'huge-array',
  'extra-key',
  'empty',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** Text that replaces the whole body. */
export const RAW_BODIES = [
  '',
  ' ',
  'null',
  'true',
  '0',
  '""',
  '[]',
  '{}',
  '{"items": [',
  '<!doctype html><title>502 Bad Gateway</title>',
  '\uFEFF{}',
  'undefined',
  "{'single': 'quotes'}",
  '{"a": 1,}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `{"items": ${'['.repeat(5_000)}1${']'.repeat(5_000)}}`,
] as const;

/** Marks the bare tokens `toJsonText` writes; JSON itself cannot hold NaN or Infinity. */
const NAN = '\u0000fuzz:NaN\u0000';
const INF = '\u0000fuzz:-Infinity\u0000';

const INVALID_DATES = ['2026-02-30', '2026-13-01', '2026-00-10', 'yesterday', '03/01/2026', '2026-3-1', '0000-00-00', '2026-03-01T25:61:00Z', '+275760-09-13', ''];
const WRONG_TYPES: Json[] = [true, 0, 42, -1, 'x', '', [], {}, [null], { id: 1 }];

/** What was done to a payload, for the oracle and for a readable counterexample. */
export interface Broken {
  /** The last mutation (or none, or a raw body). */
  kind: Mutation | 'none' | 'raw';
  /** Where each mutation of the value was made, in order. */
  paths: PathKey[][];
}

/** A body for one request: its text and how it was made. */
export interface Payload {
  text: string;
  broken: Broken;
}

/** Every path in `value` (the root included), walking at most `limit` nodes. */
function paths(value: Json, limit = 5_000): PathKey[][] {
  const out: PathKey[][] = [];
  const walk = (node: Json, path: PathKey[]) => {
    if (out.length >= limit) return;
    out.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node !== null && typeof node === 'object') for (const [k, child] of Object.entries(node)) walk(child, [...path, k]);
  };
  walk(value, []);
  return out;
}

function getAt(value: Json, path: readonly PathKey[]): Json {
  let node = value;
  for (const key of path) node = (node as Record<PathKey, Json>)[key]!;
  return node;
}

/** Sets an own property, also one named `__proto__` (an assignment would change the prototype). */
function put(target: object, key: PathKey, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

/** `value` with the node at `path` replaced (or removed when `replacement` is undefined). */
function setAt(value: Json, path: readonly PathKey[], replacement: Json | undefined): Json | undefined {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [PathKey, ...PathKey[]];
  if (Array.isArray(value)) {
    const copy = value.slice();
    const next = setAt(copy[head as number]!, rest, replacement);
    if (next === undefined) copy.splice(head as number, 1);
    else put(copy, head, next);
    return copy;
  }
  const copy: Record<string, Json> = { ...(value as Record<string, Json>) };
  const next = setAt(copy[head]!, rest, replacement);
  if (next === undefined) delete copy[head];
  else put(copy, head, next);
  return copy;
}

function mutate(value: Json, kind: Mutation, pick: number, junk: number): { value: Json; path: PathKey[] } {
  const all = paths(value);
  const where = (test: (node: Json, path: PathKey[]) => boolean): PathKey[] | null => {
    const fits = all.filter((p) => test(getAt(value, p), p));
    return fits.length ? fits[pick % fits.length]! : null;
  };
  const replaceAt = (path: PathKey[] | null, replacement: Json) => (path ? { value: setAt(value, path, replacement) ?? null, path } : { value, path: [] });
  const isObject = (n: Json) => n !== null && typeof n === 'object' && !Array.isArray(n);
  switch (kind) {
    case 'delete-field': {
      const path = where((_, p) => typeof p[p.length - 1] === 'string');
      return path ? { value: setAt(value, path, undefined) ?? null, path } : { value, path: [] };
    }
    case 'wrong-type': {
      const path = where(() => true)!;
      const current = getAt(value, path);
      const options = WRONG_TYPES.filter((w) => typeof w !== typeof current || Array.isArray(w) !== Array.isArray(current));
      return replaceAt(path, options[junk % options.length]!);
    }
    case 'null':
      return replaceAt(where((n) => n !== null), null);
    case 'huge-string':
      return replaceAt(where((n) => typeof n === 'string'), `${'Ünïcødé 👩‍🔧 '.repeat(1_000)}${'x'.repeat(100_000)}`);
    case 'invalid-date':
      return replaceAt(where((n) => typeof n === 'string' && /^\d{4}-\d{2}/.test(n)) ?? where((n) => typeof n === 'string'), INVALID_DATES[junk % INVALID_DATES.length]!);
    case 'nan':
      return replaceAt(where((n) => typeof n === 'number') ?? where(() => true), NAN);
    case 'infinity':
      return replaceAt(where((n) => typeof n === 'number') ?? where(() => true), INF);
    case 'negative':
      return replaceAt(where((n) => typeof n === 'number'), [-1, -1e9, -0.5, -Number.MAX_SAFE_INTEGER][junk % 4]!);
    case 'fraction':
      return replaceAt(where((n) => typeof n === 'number'), [0.5, 1.0000001, 1e-7][junk % 3]!);
    case 'huge-array': {
      const path = where((n) => Array.isArray(n));
      if (!path) return { value, path: [] };
      const current = getAt(value, path) as Json[];
      const copied = current.length && junk % 3 !== 0 ? current[junk % current.length]! : null;
      // 10k copies of an item holding a huge string would not fit in a string: junk instead.
      const small = copied !== null && JSON.stringify(copied).length <= 300;
      const item = small ? copied : WRONG_TYPES[junk % WRONG_TYPES.length]!;
      return replaceAt(path, Array.from({ length: 10_000 }, () => item));
    }
    case 'extra-key': {
      const path = where(isObject);
      if (!path) return { value, path: [] };
      const key = ['__proto__', 'constructor', 'prototype', 'unexpected', 'x-extra'][junk % 5]!;
      const target = { ...(getAt(value, path) as Record<string, Json>) };
      put(target, key, { polluted: true });
      return replaceAt(path, target);
    }
    case 'empty':
      return replaceAt(where(() => true), ['', [], {}][junk % 3]!);
  }
}

/**
 * JSON text of `value`, with the NaN and Infinity markers written as the bare tokens a buggy
 * server emits (`{"total": NaN}`), which no JSON parser accepts.
 */
export function toJsonText(value: Json): string {
  return JSON.stringify(value).replaceAll(JSON.stringify(NAN), 'NaN').replaceAll(JSON.stringify(INF), '-Infinity');
}

/**
 * Bodies for a response of `schema`: valid ones (about a fifth), valid ones broken once or twice,
 * and text that is not the contract at all.
 * @param maxArray Longest array in the valid values.
 */
export function payloadOf(schema: v.GenericSchema, maxArray = 4): fc.Arbitrary<Payload> {
  const valid = validOf(schema, maxArray);
  const intact = valid.map((value): Payload => ({ text: toJsonText(value), broken: { kind: 'none', paths: [] } }));
  const broken = fc
    .tuple(valid, fc.array(fc.tuple(fc.constantFrom(...MUTATIONS), fc.nat(), fc.nat()), { minLength: 1, maxLength: 2 }))
    .map(([value, steps]): Payload => {
      let current = value;
      const broken: Broken = { kind: 'none', paths: [] };
      for (const [kind, pick, junk] of steps) {
        const result = mutate(current, kind, pick, junk);
        current = result.value;
        broken.kind = kind;
        broken.paths.push(result.path);
      }
      return { text: toJsonText(current), broken };
    });
  const raw = fc.constantFrom(...RAW_BODIES).map((text): Payload => ({ text, broken: { kind: 'raw', paths: [] } }));
  return fc.oneof({ weight: 2, arbitrary: intact }, { weight: 7, arbitrary: broken }, { weight: 1, arbitrary: raw });
}

/** A short description of a payload for a failure message (bodies can be megabytes). */
export function describePayload(payload: Payload): string {
  const head = payload.text.length > 300 ? `${payload.text.slice(0, 300)}… (${payload.text.length} chars)` : payload.text;
  const where = payload.broken.paths.map((p) => formatPath(p) || '(root)').join(', ');
  return `${payload.broken.kind}${where ? ` at ${where}` : ''}: ${head}`;
}
