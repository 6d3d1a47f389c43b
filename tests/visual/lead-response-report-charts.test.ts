/**
 * Visual regression of the lead response report's charts: the response-time bars (the "no
 * response yet" bar hatched) and the daily trend (median response, share within the limit, each
 * OEM's target dashed, with its legend), in light, dark and forced colours. The report runs over
 * the demo page's seeded leads of November 2026 at one pinned instant; the page is pinned like widgets.test.ts
 * (the dealer's zone, reduced motion so nothing animates, a light system, the fonts the project ships).
 * Baselines: tests/visual/screenshots/baseline/fc-lead-response-report-charts/<chart>-<theme>.png.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../src/components/lead-response-report/fc-lead-response-report.js';
import type { FcLeadResponseReport } from '../../src/components/lead-response-report/fc-lead-response-report.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { drawnChart } from '../components/chart-rig.js';
import { useShippedFonts } from './fonts.js';

const TODAY = '2026-11-23';
/** 11:00 in the dealer's zone. */
const NOW = '2026-11-23T17:00:00Z';
/** The demo page's leads (a month holds enough for a trend); few texts and visits, which the report does not read. */
const dataset = generateDataset({ size: 'demo', today: TODAY, seed: 1, smsCount: 10, trafficCount: 10 });

const THEMES = ['light', 'dark', 'forced'] as const;

describe('lead response report chart screenshots', function () {
  this.timeout(60_000);

  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await executeServerCommand('emulate-timezone', { timezoneId: dataset.dealer.zone });
    await setViewport({ width: 1100, height: 900 });
    await useShippedFonts();
  });

  afterEach(() => executeServerCommand('emulate-forced-colors', { active: false }));

  for (const theme of THEMES) {
    it(`response-time bars and the daily trend, ${theme}`, async () => {
      if (theme === 'forced') await executeServerCommand('emulate-forced-colors', { active: true });
      const el = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report
        theme=${theme === 'dark' ? 'dark' : 'light'}
        view="summary"
        now=${NOW}
        from="2026-11-01"
        to="2026-11-30"
        .adapter=${createMemoryAdapter(dataset, { now: () => new Date(NOW) })}
      ></fc-lead-response-report>`);
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelector('table.summary-oem') && root.querySelector('canvas.trend-chart'), 'the summary did not load', { timeout: 10_000 });
      // Under reduced motion nothing animates: drawn is final.
      const bars = await drawnChart(root, 'canvas.buckets-chart');
      const trend = await drawnChart(root, 'canvas.trend-chart');
      expect([bars.options.animation, trend.options.animation]).to.deep.equal([false, false]);
      await el.updateComplete;
      expect(root.querySelectorAll('.trend .fc-chart-legend button').length, 'trend legend').to.be.greaterThan(2);
      await document.fonts.load('400 16px "Roboto"', root.textContent ?? '');
      await document.fonts.load('600 16px "Roboto"', root.textContent ?? '');
      await document.fonts.ready;
      // The charts drew their text before the fonts were in: draw again in them.
      bars.update('none');
      trend.update('none');
      await nextFrame();
      await nextFrame();
      await visualDiff(root.querySelector('section.buckets')!, `fc-lead-response-report-charts/buckets-${theme}`);
      await visualDiff(root.querySelector('section.trend')!, `fc-lead-response-report-charts/trend-${theme}`);
      await expect(el).to.be.accessible();
    });
  }
});
