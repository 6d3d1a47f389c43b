/**
 * A module loaded with `import()` once for the whole page, for the parts of a widget that its
 * first view does not need. `load()` starts the load (or returns the one under way); `value` is
 * the module once it has loaded, for code that runs only after. A failed load (offline, a deploy
 * that removed the chunk) is forgotten, so the next `load()` tries again: the widget shows the
 * failure with Retry, and Retry calls `load()`.
 * For example, the lead report keeps its rule engine as `lazyModule(() => import(<the engine module>))`.
 */
export interface LazyModule<T> {
  load(): Promise<T>;
  readonly value: T | null;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  return {
    load() {
      pending ??= importer().then(
        (module) => (value = module),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      );
      return pending;
    },
    get value() {
      return value;
    },
  };
}
