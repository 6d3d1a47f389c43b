/**
 * Visual regression of the SMS summary's charts: the daily trend (this month's four lines, last
 * month's dashed, the blocked days' ✕ on the failed line) and errors by category, at the desktop
 * and phone widths of widgets.test.ts, in light, dark and forced colours. The page is pinned like
 * widgets.test.ts (seeded data, fixed dates, reduced motion, a light system scheme, the fonts the
 * project ships), and each shot waits until Chart.js has drawn the canvas.
 * Baselines: tests/visual/screenshots/baseline/fc-sms-summary-charts/<width>-<part>-<theme>.png.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../src/components/sms-summary/fc-sms-summary.js';
import type { FcSmsSummary } from '../../src/components/sms-summary/fc-sms-summary.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { drawnChart } from '../components/chart-rig.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { NOW, TODAY, ZONE } from './cases.js';

/** A year of texts dense enough that the month's filtered texts from the blocked number flag it (the small dataset's 500 are too few). */
const dataset = generateDataset({ size: 'small', today: TODAY, seed: 1, smsCount: 4_000 });
import { useShippedFonts } from './fonts.js';

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark', 'forced'] as const;
const PARTS = [
  { name: 'trend', part: 'trend', canvas: 'canvas.trend-chart' },
  { name: 'errors', part: 'errors', canvas: 'canvas.errors-chart' },
] as const;

describe('SMS summary chart screenshots', function () {
  this.timeout(60_000);

  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await executeServerCommand('emulate-timezone', { timezoneId: ZONE });
    await useShippedFonts();
  });

  afterEach(() => executeServerCommand('emulate-forced-colors', { active: false }));

  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      it(`${width.name} ${theme}`, async () => {
        await setViewport({ width: width.width, height: width.height });
        await executeServerCommand('emulate-forced-colors', { active: theme === 'forced' });
        const el = await fixture<FcSmsSummary>(html`<fc-sms-summary
          theme=${theme === 'dark' ? 'dark' : 'light'}
          from="2026-11-01"
          to="2026-11-30"
          time-zone=${ZONE}
          .adapter=${createMemoryAdapter(dataset, { now: () => new Date(NOW) })}
        ></fc-sms-summary>`);
        const root = el.shadowRoot!;
        // The seeded month flags a sending number: its days are marked on the failed line.
        const trend = await drawnChart(root, 'canvas.trend-chart', (c) => c.data.datasets.length === 8);
        expect((trend.data.datasets[3] as unknown as { pointStyle: unknown }).pointStyle, 'blocked days marked').to.be.an('array').that.includes('crossRot');
        await el.updateComplete;
        await document.fonts.ready;
        for (const { name, part, canvas } of PARTS) {
          const chart = await drawnChart(root, canvas);
          chart.update('none');
          await nextFrame();
          await nextFrame();
          expect(chart.options.color, 'the theme the chart is drawn in').to.equal(theme === 'forced' ? 'CanvasText' : theme === 'dark' ? '#e6edf3' : '#1f2328');
          await visualDiff(root.querySelector(`[part="${part}"]`)!, `fc-sms-summary-charts/${width.name}-${name}-${theme}`);
        }
        await expect(el).to.be.accessible();
      });
    }
  }
});
