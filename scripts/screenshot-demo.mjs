// Renders the demo in headless Chromium and saves docs/demo.png (the README's screenshot).
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS } from './chrome-path.mjs';

const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS, headless: true });
try {
  // The shop's computer runs in the dealer's zone, as the seeded data does.
  const page = await browser.newPage({ viewport: { width: 1200, height: 1900 }, deviceScaleFactor: 1, timezoneId: 'America/Chicago' });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  // The board's mapping prompt opens on entry; close it as a user would, then wait for the report.
  await page.waitForFunction(() => document.querySelector('fc-mapping-warning')?.shadowRoot?.querySelector('dialog[open]'), undefined, { timeout: 60_000 });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => {
    const report = document.querySelector('fc-source-report')?.shadowRoot;
    const board = document.querySelector('fc-customer-list')?.shadowRoot;
    return report?.querySelector('table') && board?.querySelector('table') && !report.querySelector('[aria-busy="true"]');
  }, undefined, { timeout: 60_000 });
  // Let the names finish blinking (at most 4.5 s) so the picture shows their lasting badge.
  await page.waitForTimeout(5000);
  await page.screenshot({ path: 'docs/demo.png' });
  console.log('saved docs/demo.png from', url);
} finally {
  await browser.close();
  await server.close();
}
