/**
 * Visual regression of the store-traffic chart: ups by day as a line with the previous period
 * dashed, and ups by department stacked by outcome with its legend, in light, dark and forced
 * colours at the desktop width of widgets.test.ts, and the line at the phone width. The page is
 * pinned like widgets.test.ts (seeded data, fixed dates and zone, reduced motion, a light system
 * scheme, the fonts the project ships), and each shot waits until Chart.js has drawn the canvas.
 * Baselines: tests/visual/screenshots/baseline/fc-store-traffic-chart/<width>-<state>-<theme>.png.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../src/components/store-traffic/fc-store-traffic.js';
import type { FcStoreTraffic } from '../../src/components/store-traffic/fc-store-traffic.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { drawnChart } from '../components/chart-rig.js';
import { useShippedFonts } from './fonts.js';

/** The data and day of widgets.test.ts (cases.ts). */
const TODAY = '2026-11-23';
const NOW = '2026-11-23T17:00:00Z';
const dataset = generateDataset({ size: 'small', today: TODAY, seed: 1 });

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark', 'forced'] as const;
type Theme = (typeof THEMES)[number];
type State = 'days' | 'stacked';

/** What is photographed: both states in every theme at the desktop width; the line at the phone width. */
const SHOTS: Array<{ width: (typeof WIDTHS)[number]; state: State; theme: Theme }> = [
  ...(['days', 'stacked'] as const).flatMap((state) => THEMES.map((theme) => ({ width: WIDTHS[0], state, theme }))),
  { width: WIDTHS[1], state: 'days', theme: 'light' },
];

describe('store traffic chart screenshots', function () {
  this.timeout(60_000);

  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await executeServerCommand('emulate-timezone', { timezoneId: dataset.dealer.zone });
    await useShippedFonts(['400', '600']);
  });

  afterEach(() => executeServerCommand('emulate-forced-colors', { active: false }));

  for (const { width, state, theme } of SHOTS) {
    it(`${width.name} ${state} ${theme}`, async () => {
      await setViewport({ width: width.width, height: width.height });
      await executeServerCommand('emulate-forced-colors', { active: theme === 'forced' });
      const el = await fixture<FcStoreTraffic>(html`<fc-store-traffic
        theme=${theme === 'dark' ? 'dark' : 'light'}
        from="2026-11-01"
        to="2026-11-30"
        time-zone=${dataset.dealer.zone}
        path=${state === 'days' ? 'groupBy=day' : 'groupBy=department'}
        stack-by=${state === 'stacked' ? 'outcome' : ''}
        .adapter=${createMemoryAdapter(dataset, { now: () => new Date(NOW) })}
      ></fc-store-traffic>`);
      const root = el.shadowRoot!;
      // The line once the previous period is laid over it; the bars once stacked by the three outcomes.
      const chart = await drawnChart(root, 'canvas.traffic-chart', (c) => c.data.datasets.length === (state === 'days' ? 2 : 3));
      await el.updateComplete;
      await document.fonts.ready;
      chart.update('none');
      await nextFrame();
      await nextFrame();
      expect(chart.options.color, 'the theme the chart is drawn in').to.equal(theme === 'forced' ? 'CanvasText' : theme === 'dark' ? '#e6edf3' : '#1f2328');
      await visualDiff(root.querySelector('[part="chart"]')!, `fc-store-traffic-chart/${width.name}-${state}-${theme}`);
      await expect(el).to.be.accessible();
    });
  }
});
