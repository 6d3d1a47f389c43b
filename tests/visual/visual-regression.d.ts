/**
 * The browser half of @web/test-runner-visual-regression 0.10. Its `index.d.ts` re-exports
 * `./browser/commands.mjs`, which resolves to a `.d.mts` the package does not ship (it has
 * `commands.d.ts`), so TypeScript sees no exports there; this declares the one the tests call.
 */
declare module '@web/test-runner-visual-regression' {
  /** Screenshots `element` and compares it with the baseline `name` (see web-test-runner.config.mjs). */
  export function visualDiff(element: Node, name: string): Promise<void>;
}
