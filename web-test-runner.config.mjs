import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { findChrome, CHROME_ARGS } from './scripts/chrome-path.mjs';

const mswWorker = readFileSync(fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js')), 'utf8');

/** Serves MSW's service worker at the root so `setupWorker().start()` can intercept fetch. */
function mswWorkerMiddleware(ctx, next) {
  if (ctx.path === '/mockServiceWorker.js') {
    ctx.type = 'application/javascript';
    ctx.set('Service-Worker-Allowed', '/');
    ctx.body = mswWorker;
    return undefined;
  }
  return next();
}

export default {
  rootDir: '.',
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 20 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  middleware: [mswWorkerMiddleware],
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').startsWith('Lit is in dev mode'),
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
    }),
  ],
  files: ['tests/**/*.test.ts'],
};
