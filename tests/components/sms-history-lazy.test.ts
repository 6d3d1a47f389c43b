import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/components/sms-history/fc-sms-history.js';
import type { FcSmsHistory } from '../../src/components/sms-history/fc-sms-history.js';
import { setSummaryLoader } from '../../src/components/sms-history/sms-history.summary.js';
import { defineElement } from '../../src/components/shared/define-element.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { shadowText, startDemoServer, useHandlers } from './rig.js';

/**
 * The summary above the grid comes from a chunk of its own, loaded when the history first renders.
 * This file runs in a page of its own: the summary is not defined before the first test.
 */
describe('fc-sms-history: the summary loaded on demand', () => {
  const adapter = createMemoryAdapter(generateDataset({ size: 'small', today: '2026-11-23' }));
  const real = () => import('../../src/components/sms-summary/sms-summary.element.js').then((m) => defineElement('fc-sms-summary', m.FcSmsSummary));

  after(() => setSummaryLoader(real));

  it('shows the grid while the summary cannot load, says so with Retry, and shows the summary after Retry', async () => {
    expect(customElements.get('fc-sms-summary'), 'not defined before the history renders').to.equal(undefined);
    // A chunk that cannot be fetched (offline, a deploy that removed it): a real failed import().
    setSummaryLoader(() => import(/* @vite-ignore */ `${location.origin}/no-such-chunk-${Date.now()}.js`));
    const el = await fixture<FcSmsHistory>(
      html`<fc-sms-history .adapter=${adapter} filter="from=2026-11-01&to=2026-11-30" time-zone="America/Chicago"></fc-sms-history>`,
    );
    await el.rowsReady();
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('.rows [role="row"]').length, 'the grid shows its rows').to.be.greaterThan(0);
    await waitUntil(() => root.querySelector('[part~="summary"] [part~="error"]'), 'no error for the summary');
    expect(root.querySelector('fc-sms-summary')).to.equal(null);
    const retry = root.querySelector<HTMLButtonElement>('[part~="summary"] [part~="retry-button"]');
    expect(retry, 'a Retry button').to.not.equal(null);
    await expect(el).to.be.accessible();

    setSummaryLoader(real);
    retry!.click();
    await waitUntil(() => customElements.get('fc-sms-summary') && root.querySelector('fc-sms-summary'), 'the summary did not load after Retry');
    const summary = root.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('fc-sms-summary')!;
    await waitUntil(() => /Texts out/.test(shadowText(summary)), 'the summary shows its figures');
    expect(root.querySelector('[part~="summary"] [part~="error"]')).to.equal(null);
    expect(summary.querySelector('[part~="loading"]'), 'the placeholder is gone').to.equal(null);
  });
});

/** Parts the history loads when they are first needed, each with its loading state and its error with Retry. */
describe('fc-sms-history: its Spanish words and the fields behind "More filters" loaded on demand', () => {
  const adapter = createMemoryAdapter(generateDataset({ size: 'small', today: '2026-11-23' }));
  const history = (locale = 'en') =>
    fixture<FcSmsHistory>(
      html`<fc-sms-history locale=${locale} .adapter=${adapter} filter="from=2026-11-01&to=2026-11-30" time-zone="America/Chicago"></fc-sms-history>`,
    );

  before(() => startDemoServer());

  it('waits for its Spanish words with the loading state, shows their failure with Retry, then speaks Spanish', async () => {
    // A chunk that cannot be fetched (offline, a deploy that removed it): the real import() fails once.
    useHandlers(http.get(/\/sms-history\.messages\.es\.[jt]s/, () => HttpResponse.error(), { once: true }));
    const el = await history('es');
    const root = el.shadowRoot!;
    expect(root.querySelector('[part~="loading"]'), 'the loading state first').to.not.equal(null);
    await waitUntil(() => root.querySelector('[part~="retry-button"]'), 'no Retry for the words');
    expect(root.querySelector('form'), 'no form in English meanwhile').to.equal(null);
    await expect(el).to.be.accessible();

    root.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => root.querySelector('form'), 'the history after Retry');
    expect(root.querySelector('form')!.getAttribute('aria-label')).to.equal('Filtrar textos');
    await el.rowsReady();
    expect(shadowText(el)).to.contain('Más filtros');
    await expect(el).to.be.accessible();
  });

  it('opens "More filters" with a skeleton, shows a failed load with Retry, then the fields', async () => {
    useHandlers(http.get(/\/sms-history\.filter\.more\.[jt]s/, () => HttpResponse.error(), { once: true }));
    const el = await history();
    await el.rowsReady();
    const form = () => el.shadowRoot!.querySelector('form')!;
    const more = [...form().querySelectorAll('button')].find((b) => b.textContent!.trim() === 'More filters')!;
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => form().querySelector('[part~="retry-button"]'), 'no Retry for the fields');
    await expect(el).to.be.accessible();

    form().querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => form().querySelector('#f-status'), 'the fields after Retry');
    expect(form().querySelector('[part~="error"]')).to.equal(null);
    expect([...form().querySelectorAll('label')].map((l) => l.textContent!.trim())).to.include.members(['Status', 'Error category', 'Error code']);
    await expect(el).to.be.accessible();
  });
});
