/**
 * The SMS import's parse worker: `parseSmsImportSteps` over the file's bytes, off the page's main
 * thread, with progress about every 50 ms. Started by `parseSmsFile` (`sms-import.parse.ts`).
 */
import { parseSmsImportSteps } from '../../data/logic/sms-import.js';
import type { ParseReply, ParseRequest } from './sms-import.parse.js';

/** The worker's global scope (the project's types are the page's, so only what is used here). */
const scope = self as unknown as {
  postMessage(message: ParseReply): void;
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
};

const PROGRESS_MS = 50;

// Assigned (not added) after the imports have run: papaparse, started through a `blob:` module (a
// worker from another origin), takes itself for one of its own workers and sets `onmessage`.
scope.onmessage = (event) => {
  const steps = parseSmsImportSteps(event.data.fcSmsParse);
  let last = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) {
      scope.postMessage({ fcSmsParse: 'result', result: next.value });
      return;
    }
    const now = performance.now();
    if (now - last >= PROGRESS_MS) {
      last = now;
      scope.postMessage({ fcSmsParse: 'progress', progress: next.value });
    }
  }
};
