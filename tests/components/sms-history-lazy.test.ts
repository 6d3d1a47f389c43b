import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/sms-history/fc-sms-history.js';
import type { FcSmsHistory } from '../../src/components/sms-history/fc-sms-history.js';
import { setSummaryLoader } from '../../src/components/sms-history/sms-history.summary.js';
import { defineElement } from '../../src/components/shared/define-element.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { shadowText } from './rig.js';

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
