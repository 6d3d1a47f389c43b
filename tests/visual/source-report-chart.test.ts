/**
 * Visual regression of the source report's chart: new customers per category (the unknown bucket
 * hatched) at the desktop and phone widths of widgets.test.ts, in light, dark and forced colours;
 * spend against revenue in each theme; one category's sources. The page is pinned like
 * widgets.test.ts (seeded data, fixed dates, reduced motion, a light system scheme, the fonts the
 * project ships), and each shot waits until Chart.js has drawn the canvas.
 * Baselines: tests/visual/screenshots/baseline/fc-source-report-chart/<width>-<state>-<theme>.png.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../src/components/source-report/fc-source-report.js';
import type { FcSourceReport } from '../../src/components/source-report/fc-source-report.js';
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
type State = 'categories' | 'money' | 'drilled';

/** What is photographed: every state and theme at the desktop width; the categories at the phone width too. */
const SHOTS: Array<{ width: (typeof WIDTHS)[number]; state: State; theme: Theme }> = [
  ...WIDTHS.flatMap((width) => THEMES.map((theme) => ({ width, state: 'categories' as const, theme }))),
  ...THEMES.map((theme) => ({ width: WIDTHS[0], state: 'money' as const, theme })),
  { width: WIDTHS[0], state: 'drilled', theme: 'light' },
];

const button = (el: FcSourceReport, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === name)!;

describe('source report chart screenshots', function () {
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
      const el = await fixture<FcSourceReport>(html`<fc-source-report
        theme=${theme === 'dark' ? 'dark' : 'light'}
        today=${TODAY}
        from="2026-11-01"
        to="2026-11-30"
        .adapter=${createMemoryAdapter(dataset, { now: () => new Date(NOW) })}
      ></fc-source-report>`);
      const root = el.shadowRoot!;
      let chart = await drawnChart(root);
      if (state === 'money') {
        button(el, 'Spend and revenue').click();
        chart = await drawnChart(root, 'canvas', (c) => c.data.datasets.length === 2);
      }
      if (state === 'drilled') {
        button(el, 'Internet').click();
        chart = await drawnChart(root, 'canvas', (c) => !(c.data.labels ?? []).map(String).some((l) => l.includes('Referral')));
      }
      await el.updateComplete;
      await document.fonts.ready;
      chart.update('none');
      await nextFrame();
      await nextFrame();
      expect(chart.options.color, 'the theme the chart is drawn in').to.equal(theme === 'forced' ? 'CanvasText' : theme === 'dark' ? '#e6edf3' : '#1f2328');
      await visualDiff(root.querySelector('[part="chart"]')!, `fc-source-report-chart/${width.name}-${state}-${theme}`);
      await expect(el).to.be.accessible();
    });
  }
});
