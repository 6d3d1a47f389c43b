import { ContextRoot, createContext } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';

/**
 * The adapter every widget reads. The key is global and carries the major version, so two copies
 * of v1 on one page share a provider while a v2 stays apart.
 */
export const adapterContext = createContext<ForecourtAdapter | undefined>(Symbol.for('forecourt.adapter.v1'));

const ROOT_KEY = Symbol.for('forecourt.context-root.v1');

/**
 * Attaches one `ContextRoot` to the document (shared by every copy of Forecourt), so a widget
 * upgraded before its `<fc-data-provider>` (scripts loaded in either order) still receives the
 * adapter once the provider arrives.
 */
export function ensureContextRoot(): void {
  const global = globalThis as { [ROOT_KEY]?: ContextRoot };
  if (global[ROOT_KEY] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  global[ROOT_KEY] = root;
}
