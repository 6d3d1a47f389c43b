/**
 * Puts the XSS corpus into a dataset: every free-text string of every record (walked with the
 * dataset's valibot schema, so a new text field is covered without touching this file) becomes
 * a payload. The same original string always becomes the same payload, so ids still join
 * records (a customer's id in its invoices, a lead's make in its OEM rule); dates, enums, times
 * and the dealer's time zone keep their form, so the widgets still have data to draw.
 */
import * as v from 'valibot';
import type { Dataset } from '../../src/data/model.js';
import { DatasetSchema } from '../../src/data/schemas.js';
import { CORPUS } from './corpus.js';
import type { Payload } from './corpus.js';
import { formatPath } from './arbitraries.js';
import type { PathKey, SchemaNode } from './arbitraries.js';

/** Where one payload instance was put. */
export interface Instance {
  /** Index into `CORPUS`. */
  payload: number;
  /** The first field that carries it, `customers[4].lastName`. */
  path: string;
  original: string;
}

/** How to inject. */
export interface InjectOptions {
  /** Fields left as they are; by default the dealer's time zone, which every date is read in. */
  keep?: readonly string[];
  /** The first payload instance number, so two injected datasets can be told apart. */
  start?: number;
  /** The payloads to rotate through; by default the XSS corpus. */
  corpus?: readonly Payload[];
}

/** A dataset carrying the corpus, and which payload instance went where. */
export interface InjectedDataset {
  dataset: Dataset;
  instances: Map<number, Instance>;
  /** Every field that carries payloads, by its place in the schema: `customers[].lastName`, `deleted[].fields{key}`. */
  fields: Set<string>;
  /** The payload that replaced `original` (the original when it was left alone). */
  payloadFor(original: string): string;
}

/**
 * Replaces every free-text string in `dataset` with a payload from the corpus, rotating through it.
 * @param dataset A valid dataset; it is not changed.
 * @param options Fields to leave alone, and where instance numbers start.
 */
export function injectCorpus(dataset: Dataset, options: InjectOptions = {}): InjectedDataset {
  const keep = new Set(options.keep ?? ['zone']);
  const start = options.start ?? 1;
  const corpus = options.corpus ?? CORPUS;
  const byOriginal = new Map<string, string>();
  const instances = new Map<number, Instance>();
  const fields = new Set<string>();

  const payloadOf = (original: string, path: PathKey[]): string => {
    const known = byOriginal.get(original);
    if (known !== undefined) return known;
    const n = start + instances.size;
    const payload = n % corpus.length;
    const text = corpus[payload]!(n);
    instances.set(n, { payload, path: formatPath(path), original });
    byOriginal.set(original, text);
    return text;
  };

  const isText = (node: SchemaNode) => node.type === 'string' && !node.pipe?.some((a) => a.type !== 'string');

  /** Replaces a text; `field` is where it sits in the schema. */
  const inject = (text: string, path: PathKey[], field: string): string => {
    fields.add(field);
    return payloadOf(text, path);
  };

  const walk = (node: SchemaNode, value: unknown, path: PathKey[], field: string): unknown => {
    if (value === null || value === undefined) return value;
    switch (node.type) {
      case 'nullable':
      case 'optional':
      case 'nullish':
        return walk(node.wrapped!, value, path, field);
      case 'lazy':
        return walk(node.getter!(undefined), value, path, field);
      case 'string':
        return isText(node) && value !== '' && !keep.has(String(path[path.length - 1])) ? inject(value as string, path, field) : value;
      case 'array':
        return (value as unknown[]).map((item, i) => walk(node.item!, item, [...path, i], `${field}[]`));
      case 'tuple':
        return (value as unknown[]).map((item, i) => walk(node.items![i]!, item, [...path, i], `${field}[${i}]`));
      case 'record':
        return Object.fromEntries(
          Object.entries(value as Record<string, unknown>).map(([key, item]) => [
            isText(node.key!) ? inject(key, [...path, key], `${field}{key}`) : key,
            walk(node.value!, item, [...path, key], `${field}{value}`),
          ]),
        );
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
          const entry = node.entries![key];
          out[key] = entry ? walk(entry, item, [...path, key], field ? `${field}.${key}` : key) : item;
        }
        return out;
      }
      default:
        return value;
    }
  };

  const injected = walk(DatasetSchema as unknown as SchemaNode, dataset, [], '') as Dataset;
  // Still a dataset: the corpus changed text, never the form of a value.
  v.parse(DatasetSchema, injected);
  return { dataset: injected, instances, fields, payloadFor: (original) => byOriginal.get(original) ?? original };
}
