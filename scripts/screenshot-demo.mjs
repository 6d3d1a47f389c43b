// Renders the demo in headless Chromium and saves docs/demo.png (the README's screenshot).
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS } from './chrome-path.mjs';

const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  // Every count has arrived when no loading state is left.
  await page.waitForFunction(() => {
    const el = document.querySelector('fc-demo-overview');
    return el?.shadowRoot && el.shadowRoot.textContent.includes('Cache and outbox') && !el.shadowRoot.querySelector('[aria-busy="true"], .fc-skeleton');
  }, undefined, { timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/demo.png', fullPage: true });
  console.log('saved docs/demo.png from', url);
} finally {
  await browser.close();
  await server.close();
}
