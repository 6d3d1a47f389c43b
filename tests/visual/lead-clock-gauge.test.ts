/**
 * Visual regression of the lead clock's gauge in each of its states (running, paused on a holiday
 * the rule skips, stopped green, yellow and red, overdue), large and compact, light, dark and in forced colours.
 * Every clock is given its lead, rules and calendar directly and runs on one pinned instant; the
 * page is pinned like widgets.test.ts (reduced motion, a light system, the fonts the project ships).
 * Baselines: tests/visual/screenshots/baseline/fc-lead-clock-gauge/<size>-<theme>.png.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../src/components/lead-clock/fc-lead-clock.js';
import type { FcLeadClock } from '../../src/components/lead-clock/fc-lead-clock.js';
import { setLeadClockTime } from '../../src/components/lead-clock/fc-lead-clock.js';
import { DEFAULT_OEM_RULES } from '../../src/data/logic/leads.js';
import type { ActivityKind, BusinessCalendar, Lead } from '../../src/data/model.js';
import { useShippedFonts } from './fonts.js';

/** Mon 2026-03-09 15:00 CDT. */
const NOW = '2026-03-09T20:00:00.000Z';

const chicago: BusinessCalendar = {
  zone: 'America/Chicago',
  hours: {
    mon: [['09:00', '18:00']],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [['09:00', '18:00']],
    sat: [['09:00', '13:00']],
  },
};
/** The same dealer with today a holiday. */
const holiday: BusinessCalendar = { ...chicago, holidays: ['2026-03-09'] };

function lead(id: string, make: string, customerName: string, receivedAt: string, stop?: [ActivityKind, string]): Lead {
  return {
    id,
    receivedAt,
    make,
    model: null,
    year: null,
    provider: 'OEM website',
    customerName,
    email: null,
    phone: null,
    salespersonId: null,
    salespersonName: null,
    activities: stop ? [{ id: `${id}-a`, kind: stop[0], at: stop[1], by: 'Sam' }] : [],
  };
}

/** One clock per state, in the order photographed. */
const STATES: Array<{ state: string; lead: Lead; calendar: BusinessCalendar }> = [
  { state: 'running', lead: lead('running', 'Toyota', 'Dana Reyes', '2026-03-09T18:50:00.000Z'), calendar: chicago },
  // Toyota skips holidays: 40 min counted on Saturday, paused through Monday's holiday.
  { state: 'paused', lead: lead('paused', 'Lexus', 'Lee Park', '2026-03-07T18:20:00.000Z'), calendar: holiday },
  { state: 'stopped green', lead: lead('green', 'Ford', 'Ana Ortiz', '2026-03-09T14:30:00.000Z', ['email-sent', '2026-03-09T14:48:00.000Z']), calendar: chicago },
  { state: 'stopped yellow', lead: lead('yellow', 'Toyota', 'Sam Cole', '2026-03-09T14:00:00.000Z', ['call-completed', '2026-03-09T16:10:00.000Z']), calendar: chicago },
  { state: 'stopped red', lead: lead('red', 'Honda', 'Kim Wu', '2026-03-09T14:00:00.000Z', ['call-completed', '2026-03-09T17:05:00.000Z']), calendar: chicago },
  { state: 'overdue', lead: lead('overdue', 'Ford', 'Jo Hart', '2026-03-09T18:20:00.000Z'), calendar: chicago },
];

const SIZES = [
  { size: 'large', columns: 3, width: 1280, height: 1000 },
  { size: 'compact', columns: 2, width: 1000, height: 620 },
] as const;
const THEMES = ['light', 'dark', 'forced'] as const;

describe('lead clock gauge screenshots', function () {
  this.timeout(60_000);

  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    setLeadClockTime(() => NOW);
    await useShippedFonts(['400', '600']);
  });

  after(() => setLeadClockTime(null));
  afterEach(() => executeServerCommand('emulate-forced-colors', { active: false }));

  for (const { size, columns, width, height } of SIZES) {
    for (const theme of THEMES) {
      it(`${size} ${theme}: running, paused, stopped green, yellow and red, overdue`, async () => {
        await setViewport({ width, height });
        // Forced colours: the light theme with the system's colours (Windows High Contrast).
        await executeServerCommand('emulate-forced-colors', { active: theme === 'forced' });
        const frame = await fixture<HTMLDivElement>(html`<div>
          ${STATES.map(
            (s) => html`<fc-lead-clock
              data-state=${s.state}
              size=${size}
              theme=${theme === 'dark' ? 'dark' : 'light'}
              .lead=${s.lead}
              .rules=${DEFAULT_OEM_RULES}
              .calendar=${s.calendar}
            ></fc-lead-clock>`,
          )}
        </div>`);
        const clocks = [...frame.querySelectorAll<FcLeadClock>('fc-lead-clock')];
        // The clocks' engine loads on demand: each shows its loading state until it has.
        await waitUntil(() => clocks.every((c) => c.shadowRoot!.querySelector('.clock')), 'the clocks show', { timeout: 5000 });
        frame.style.display = 'grid';
        frame.style.gridTemplateColumns = `repeat(${columns}, 1fr)`;
        frame.style.gap = '16px';
        frame.style.padding = '16px';
        frame.style.alignItems = 'start';
        frame.style.background = getComputedStyle(clocks[0]!).getPropertyValue('--_fc-color-surface');
        const text = clocks.map((c) => c.shadowRoot!.textContent ?? '').join(' ');
        await document.fonts.load('400 16px "Roboto"', text);
        await document.fonts.load('600 16px "Roboto"', text);
        await document.fonts.ready;
        await nextFrame();
        await nextFrame();
        // Each clock is in the state it is photographed for.
        const status = (c: FcLeadClock) => {
          const box = c.shadowRoot!.querySelector('.clock')!;
          const grade = ['green', 'yellow', 'red'].find((g) => box.classList.contains(`clock--${g}`));
          const st = ['running', 'overdue', 'met', 'missed'].find((g) => box.classList.contains(`clock--${g}`));
          return `${st}${box.classList.contains('clock--paused') ? ' paused' : ''} ${grade}`;
        };
        expect(clocks.map(status)).to.deep.equal(['running yellow', 'running paused green', 'met green', 'met yellow', 'missed red', 'overdue red']);
        await visualDiff(frame, `fc-lead-clock-gauge/${size}-${theme}`);
        for (const c of clocks) await expect(c).to.be.accessible();
      });
    }
  }
});
