/**
 * custom-elements-manifest analyzer config. `npm run manifest` writes the checked-in
 * `custom-elements.json`; `npm run build` writes a fresh one to `dist/` and
 * `npm run check:package` fails when the two differ (the checked-in one is stale).
 *
 * Only the public modules are analysed: each widget's defining `fc-*.ts`, its `*.element.ts`
 * class and its `*.events.ts`, plus the shared base class and shared events. Views, styles,
 * messages and helpers are internal.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** `'fc-x': CustomEvent<Detail>` entries of every `HTMLElementEventMap` declaration in the event modules. */
function eventMapTypes() {
  const types = new Map();
  const files = ['src/components/shared/events.ts'];
  for (const dir of readdirSync('src/components', { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(`src/components/${dir.name}`)) {
      if (file.endsWith('.events.ts')) files.push(`src/components/${dir.name}/${file}`);
    }
  }
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const block of text.matchAll(/interface HTMLElementEventMap\s*{([^}]*)}/g)) {
      for (const [, name, type] of block[1].matchAll(/['"](fc-[\w-]+)['"]\s*:\s*([^;]+);/g)) types.set(name, type.trim());
    }
  }
  return types;
}

/** Private members (`#x`, `private x`) are not API: keep them out of the manifest. */
const noPrivateMembers = {
  name: 'forecourt-no-private-members',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules ?? []) {
      for (const decl of mod.declarations ?? []) {
        if (!decl.members) continue;
        decl.members = decl.members.filter((member) => member.privacy !== 'private' && !member.name.startsWith('#'));
      }
    }
  },
};

/**
 * Events: drops the one the analyzer reads from `FcElement.emit()`'s `new CustomEvent(type, …)`
 * (named after the parameter, "type"), gives each `@fires` event its `HTMLElementEventMap`
 * type, so the manifest carries the detail type too, and marks an event whose description starts
 * with "Deprecated:" as `deprecated` (the analyzer reads `@deprecated` on classes only).
 */
const forecourtEvents = {
  name: 'forecourt-events',
  packageLinkPhase({ customElementsManifest }) {
    const types = eventMapTypes();
    for (const mod of customElementsManifest.modules ?? []) {
      for (const decl of mod.declarations ?? []) {
        if (!decl.events) continue;
        decl.events = decl.events.filter((event) => event.description || /^fc-/.test(event.name));
        for (const event of decl.events) {
          if (!event.type && types.has(event.name)) event.type = { text: types.get(event.name) };
          // `@fires old-name - Deprecated: use new-name …` marks a renamed event (CONVENTIONS.md).
          const deprecated = event.description?.match(/^Deprecated:\s*(.*?\.)(?:\s|$)/s);
          if (deprecated) event.deprecated = deprecated[1];
        }
        if (decl.events.length === 0) delete decl.events;
      }
    }
  },
};

/**
 * Modules in path order: the analyzer lists them in the order its file reads finish, which varies
 * from run to run, and `check:package` compares the checked-in manifest with a fresh one as text.
 */
const stableOrder = {
  name: 'forecourt-stable-order',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  },
};

export default {
  globs: [
    'src/components/*/fc-*.ts',
    'src/components/*/*.element.ts',
    'src/components/*/*.events.ts',
    'src/components/shared/fc-element.ts',
    'src/components/shared/events.ts',
  ],
  exclude: ['**/*.test.ts', 'tests/**'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [noPrivateMembers, forecourtEvents, stableOrder],
};
