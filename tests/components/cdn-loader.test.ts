import { expect, waitUntil } from '@open-wc/testing';
import { WIDGET_LOADERS, defineAll, loadWidgets, startAutoloader } from '../../src/cdn-loader.js';

/** Runs `fn`, collecting what it writes to console.warn meanwhile. */
async function warnings(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('the CDN autoloader', () => {
  before(() => startAutoloader());

  it('defines a widget added inside a new element, the first time its tag appears', async () => {
    expect(customElements.get('fc-trade-in-alert')).to.equal(undefined);
    const section = document.createElement('section');
    section.append(document.createElement('fc-trade-in-alert'));
    document.body.append(section);
    await waitUntil(() => customElements.get('fc-trade-in-alert') !== undefined, '<fc-trade-in-alert> was never defined', { timeout: 5000 });
    expect(section.firstElementChild).to.be.instanceOf(customElements.get('fc-trade-in-alert')!);
    section.remove();
  });

  it('defines the widgets in a shadow root when the host calls loadWidgets(root)', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.append(document.createElement('fc-mapping-warning'));
    await loadWidgets(root);
    expect(root.firstElementChild).to.be.instanceOf(customElements.get('fc-mapping-warning')!);
    host.remove();
  });

  it('warns once about an fc- tag this build has no widget for, and leaves it undefined', async () => {
    const seen = await warnings(async () => {
      const box = document.createElement('div');
      box.innerHTML = '<fc-no-such-widget></fc-no-such-widget><fc-no-such-widget></fc-no-such-widget>';
      await loadWidgets(box);
      await loadWidgets(box);
    });
    expect(seen.filter((text) => text.includes('<fc-no-such-widget>'))).to.have.length(1);
    expect(customElements.get('fc-no-such-widget')).to.equal(undefined);
  });

  it('defineAll() resolves once every widget of the map is defined', async () => {
    await defineAll();
    const undefinedTags = Object.keys(WIDGET_LOADERS).filter((tag) => customElements.get(tag) === undefined);
    expect(undefinedTags).to.deep.equal([]);
  });
});
