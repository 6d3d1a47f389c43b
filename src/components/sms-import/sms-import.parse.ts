/**
 * Parsing a picked file without blocking the page: in a module worker (`sms-import.worker.ts`,
 * beside this module; from another origin, such as a CDN, through the same-origin `blob:` module
 * `anyOriginWorker` starts), else, when no worker can start (a Content-Security-Policy without
 * `worker-src` for it, a host that does not serve the file), on the page in slices of about 12 ms
 * with a pause between them. Either way the result is `parseSmsImport`'s, and progress is reported
 * as rows are turned into messages.
 */
import { anyOriginWorker } from '../../data/any-origin-worker.js';
import type { SmsImportParseResult, SmsParseProgress, parseSmsImportSteps } from '../../data/logic/sms-import.js';

/** Page → worker: the file's bytes (copied, so the page keeps them for a fallback). */
export interface ParseRequest {
  fcSmsParse: ArrayBuffer;
}

/** Worker → page: progress, then the result. Tagged: papaparse may post messages of its own there. */
export type ParseReply = { fcSmsParse: 'progress'; progress: SmsParseProgress } | { fcSmsParse: 'result'; result: SmsImportParseResult };

/** Main-thread work between two pauses when parsing on the page. */
const SLICE_MS = 12;

let steps: Promise<typeof parseSmsImportSteps> | null = null;

/**
 * The parser on the page (the provider formats and papaparse), for the fallback; loaded once, and a
 * failed load is forgotten so the next ask loads again.
 */
function loadParser(): Promise<typeof parseSmsImportSteps> {
  steps ??= import('../../data/logic/sms-import.js').then(
    (module) => module.parseSmsImportSteps,
    (error: unknown) => {
      steps = null;
      throw error;
    },
  );
  return steps;
}

/** The parse worker, or null when none can be started here. */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    // Bundlers find the worker by this `new Worker(new URL('…', import.meta.url))` form and build it as a file of its own.
    const Worker = anyOriginWorker();
    return new Worker(new URL('./sms-import.worker.ts', import.meta.url), { type: 'module', name: 'forecourt-sms-import' });
  } catch {
    return null;
  }
}

/**
 * Parses a file's bytes off the main thread (or on it in slices when no worker starts).
 * @param bytes The file's bytes.
 * @param onProgress Called as rows are turned into messages.
 * @param signal Aborts the parse (a new file, the widget removed): the worker is ended, the promise rejects.
 * @returns `parseSmsImport(bytes)`; rejects only when neither the worker nor the page could load the parser.
 */
export function parseSmsFile(bytes: ArrayBuffer, onProgress: (progress: SmsParseProgress) => void, signal: AbortSignal): Promise<SmsImportParseResult> {
  const worker = startWorker();
  if (!worker) return parseInSlices(bytes, onProgress, signal);
  return new Promise<SmsImportParseResult>((resolve, reject) => {
    let answered = false;
    const stop = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<ParseReply | undefined>) => {
      const reply = event.data;
      if (reply?.fcSmsParse === 'progress') {
        answered = true;
        onProgress(reply.progress);
      } else if (reply?.fcSmsParse === 'result') {
        stop();
        resolve(reply.result);
      }
    });
    // The worker could not start (or stopped): the page parses the file itself, in slices.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      stop();
      if (signal.aborted) return;
      if (answered) console.warn(`fc-sms-import: the parse worker stopped (${event.message}); parsing on the page instead.`);
      resolve(parseInSlices(bytes, onProgress, signal));
    });
    worker.postMessage({ fcSmsParse: bytes } satisfies ParseRequest);
  });
}

/** The parse on the page, with a pause (a task) after each slice so the page can paint and answer. */
async function parseInSlices(bytes: ArrayBuffer, onProgress: (progress: SmsParseProgress) => void, signal: AbortSignal): Promise<SmsImportParseResult> {
  const parse = await loadParser();
  const run = parse(bytes);
  let sliceEnd = performance.now() + SLICE_MS;
  for (;;) {
    signal.throwIfAborted();
    const next = run.next();
    if (next.done) return next.value;
    if (performance.now() < sliceEnd) continue;
    onProgress(next.value);
    await new Promise((resolve) => setTimeout(resolve));
    sliceEnd = performance.now() + SLICE_MS;
  }
}
