/**
 * Visual regression of the board's blink, which widgets.test.ts cannot show (it runs under
 * reduced motion, where nothing blinks and the "Pause blinking" toggle is not there): the names
 * at the bright end of a flash (the animation held at that frame, so the picture is the same on
 * every run), and the board with "Pause blinking" pressed. Light and dark at desktop width, light
 * in English and Spanish at phone width, the page pinned like widgets.test.ts (the dealer's zone,
 * a light system, the fonts the project ships, the same seeded data).
 * Baselines: tests/visual/screenshots/baseline/fc-customer-list-blink/<width>-<theme>-<locale>-<state>.png.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../src/components/customer-list/fc-customer-list.js';
import type { FcCustomerList } from '../../src/components/customer-list/customer-list.element.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { NOW, TODAY, ZONE, dataset } from './cases.js';
import { useShippedFonts } from './fonts.js';

const SHOTS = [
  { width: 'desktop', theme: 'light', locale: 'en', state: 'blink' },
  { width: 'desktop', theme: 'light', locale: 'en', state: 'paused' },
  { width: 'desktop', theme: 'dark', locale: 'en', state: 'blink' },
  { width: 'phone', theme: 'light', locale: 'en', state: 'blink' },
  { width: 'phone', theme: 'light', locale: 'es', state: 'blink' },
] as const;
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** The half-cycle of the blink: at this time into the animation a name is at its brightest. */
const PEAK_MS = 500;

describe('customer list blink screenshots', function () {
  this.timeout(60_000);

  before(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
    await executeServerCommand('emulate-timezone', { timezoneId: ZONE });
    await useShippedFonts(['400', '600', '700']);
  });
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  for (const shot of SHOTS) {
    it(`${shot.width} ${shot.theme} ${shot.locale}: ${shot.state}`, async () => {
      await setViewport(VIEWPORTS[shot.width]);
      const adapter = createMemoryAdapter(dataset, { now: () => new Date(NOW) });
      const frame = await fixture<HTMLDivElement>(html`<div>
        <fc-customer-list .adapter=${adapter} date=${TODAY} refresh-interval="0" theme=${shot.theme} locale=${shot.locale}></fc-customer-list>
      </div>`);
      const el = frame.querySelector<FcCustomerList>('fc-customer-list')!;
      frame.style.maxBlockSize = `${VIEWPORTS[shot.width].height}px`;
      frame.style.overflow = 'hidden';
      frame.style.background = getComputedStyle(el).getPropertyValue('--_fc-color-surface');
      const toggle = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="blink-toggle"]');
      const blinks = () => el.shadowRoot!.getAnimations().filter((a) => a instanceof CSSAnimation && a.animationName === 'fc-customer-blink');
      await waitUntil(() => toggle() && blinks().length > 0 && !el.matches(':state(blink-held)'), 'the board did not blink', { timeout: 10_000 });
      if (shot.state === 'paused') {
        toggle()!.click();
        await el.updateComplete;
        expect(blinks().length).to.equal(0);
      } else {
        for (const animation of blinks()) {
          animation.pause();
          animation.currentTime = PEAK_MS;
        }
      }
      await document.fonts.ready;
      await nextFrame();
      await nextFrame();
      await visualDiff(frame, `fc-customer-list-blink/${shot.width}-${shot.theme}-${shot.locale}-${shot.state}`);
      await expect(el).to.be.accessible();
    });
  }
});
