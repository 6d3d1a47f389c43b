/**
 * The queue's rule engine: every running lead's clock under its OEM rule in the dealer's zone and
 * hours, computed with luxon as DESIGN.md requires. Loaded with `import()` alongside the first
 * read of the leads (nothing can be shown before both), not with the widget: the loading state
 * paints without it.
 */
export { buildLeadQueue } from '../../data/logic/lead-queue.js';
export { evaluateLead } from '../../data/logic/leads.js';
