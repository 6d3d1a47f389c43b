import { expect } from '@open-wc/testing';
import { WIDGETS, widgetTags } from './widgets.js';
import type { FcTag } from './widgets.js';

/**
 * The package's define modules, `src/components/<widget>/fc-<widget>.ts`, as `package.json`
 * `sideEffects` lists them (`npm run check:package` keeps that list equal to the files on disk).
 */
async function defineModules(): Promise<string[]> {
  const pkg = (await (await fetch('/package.json')).json()) as { sideEffects: string[] };
  return pkg.sideEffects.filter((path) => /^\.\/src\/components\/[^/]+\/fc-[^/]+\.ts$/.test(path));
}

const tagOf = (module: string) => module.slice(module.lastIndexOf('/') + 1, -'.ts'.length);

describe('the hardening suites cover every widget', () => {
  it('every define module of the package is imported by widgets.ts and has a case there', async () => {
    const modules = await defineModules();
    expect(modules.length, 'define modules found').to.be.greaterThan(10);
    const missing = modules.map(tagOf).filter((tag) => !customElements.get(tag) || !(tag in WIDGETS) || WIDGETS[tag as FcTag] === null);
    expect(missing, 'add the import and a case to tests/hardening/widgets.ts').to.deep.equal([]);
  });

  it('every widget case is a define module of the package', async () => {
    const tags = (await defineModules()).map(tagOf);
    expect(widgetTags().filter((tag) => !tags.includes(tag))).to.deep.equal([]);
  });
});
