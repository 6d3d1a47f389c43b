/**
 * The server's side of the REST contract, for any server of it (the demo's MSW handlers, the
 * reference server in `server/`): the argument of a call read back from a request, checked with
 * the row's schema, and an error turned into a status and a `{ message, … }` JSON body.
 *
 * A bad query is a 400 and a bad body a 422, each with a message that names the field.
 */
import * as v from 'valibot';
import { bodySchema } from './contract.js';
import type { AnyContractRow } from './contract.js';
import { AdapterError, isAdapterError } from './errors.js';
import type { AdapterErrorKind } from './errors.js';
import { issuePath, issueText } from './schemas.js';

/**
 * The schema of a row's query string, from the schema of its argument: a number parameter is a
 * whole number, a boolean one `true` or `false`, null is never sent; the rules on the values
 * themselves (range order, page size, cursor) are the backend's, so they live in one place.
 */
export function queryWireSchema(request: v.GenericSchema): v.GenericSchema {
  const entries = (request as unknown as v.ObjectSchema<v.ObjectEntries, undefined>).entries;
  return v.object(Object.fromEntries(Object.entries(entries).map(([key, schema]) => [key, wireValue(schema)])));
}

const wholeNumber = v.pipe(v.string(), v.regex(/^\d+$/, 'expected a whole number'), v.toNumber());
const flag = v.pipe(v.picklist(['true', 'false']), v.transform((s) => s === 'true'));

function wireValue(schema: v.GenericSchema): v.GenericSchema {
  const node = schema as v.GenericSchema & { wrapped?: v.GenericSchema };
  if (node.type === 'optional') return v.optional(wireValue(node.wrapped!));
  if (node.type === 'nullable') return wireValue(node.wrapped!);
  if (node.type === 'number') return wholeNumber;
  if (node.type === 'boolean') return flag;
  return schema;
}

/** A contract row with the schemas its requests are read with. */
export interface WireRoute {
  row: AnyContractRow;
  /** The schema of the query string (rows with `in: 'query'`). */
  query?: v.GenericSchema;
  /** The schema of the JSON body (rows with `in: 'body'`). */
  body?: v.GenericSchema;
}

/** The schemas a server reads a row's requests with. */
export function wireRoute(row: AnyContractRow): WireRoute {
  return {
    row,
    query: row.in === 'query' && row.request ? queryWireSchema(row.request) : undefined,
    body: bodySchema(row),
  };
}

/** A refusal of the request as sent: 400 by default, 422 for a body that does not fit its schema. */
export function badRequest(message: string, status = 400): AdapterError {
  return new AdapterError({ kind: 'rejected', status, message });
}

/** Query parameters as an object; `filter.<dimension>` parameters are gathered under `filters`. */
export function queryObject(params: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const filters: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key.startsWith('filter.')) filters[key.slice('filter.'.length)] = value;
    else query[key] = value;
  }
  if (Object.keys(filters).length > 0) query.filters = filters;
  return query;
}

/** The query string read with `schema`; a 400 naming the parameter when it does not fit. */
export function parseQuery(schema: v.GenericSchema, params: URLSearchParams): unknown {
  const result = v.safeParse(schema, queryObject(params));
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issuePath(issue).replace(/^filters\./, 'filter.');
  throw badRequest(path ? `Invalid query parameter ${path}: ${issueText(issue)}.` : `Invalid query: ${issueText(issue)}.`);
}

/** The body's text read as JSON with `schema`; a 400 when it is not JSON, a 422 naming the field when it does not fit. */
export function parseBodyText(schema: v.GenericSchema, text: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw badRequest(`Invalid request body: ${issuePath(issue) || '(root)'}: ${issueText(issue)}.`, 422);
}

/**
 * The argument of the call a request stands for, from its query, path id and body (already
 * checked against `route.body`), as the adapter method takes it.
 */
export function callArgument(route: WireRoute, params: URLSearchParams, id: string | undefined, body: unknown): unknown {
  const { row } = route;
  if (row.in === 'path') return id;
  if (row.in === 'query') return parseQuery(route.query!, params);
  if (row.in !== 'body') return undefined;
  if (row.wrap !== undefined) return (body as Record<string, unknown>)[row.wrap];
  if (row.id === undefined) return body;
  if (!row.idInBody) return { ...(body as object), [row.id]: id };
  const inBody = (body as Record<string, unknown>)[row.id];
  if (inBody !== id) throw badRequest(`The ${row.id} ${String(inBody)} in the body does not match ${String(id)} in the path.`);
  return body;
}

/** The status of an error of each kind when it carries none. */
export const STATUS_FOR_KIND: Record<AdapterErrorKind, number> = {
  network: 502,
  timeout: 504,
  aborted: 499,
  auth: 403,
  'not-found': 404,
  conflict: 409,
  rejected: 422,
  'rate-limited': 429,
  server: 500,
  malformed: 500,
  unsupported: 501,
};

/** The status and JSON body of the answer to a failed call: `{ ...error.body, message }`. */
export function errorAnswer(error: unknown): { status: number; body: Record<string, unknown> } {
  if (isAdapterError(error)) {
    const status = error.status >= 400 && error.status <= 599 ? error.status : STATUS_FOR_KIND[error.kind];
    const body = typeof error.body === 'object' && error.body !== null && !Array.isArray(error.body) ? error.body : {};
    return { status, body: { ...body, message: error.message } };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { message: `The server failed: ${reason}` } };
}
