/**
 * The report's rule engine: every lead's clock (`leadEvaluator`, worked a slice at a time) under its OEM rule in the dealer's zone and hours,
 * the summaries and the response-time buckets, computed with luxon as DESIGN.md requires. Loaded
 * with `import()` alongside the first read of the leads (nothing can be shown before both), not
 * with the widget: the tabs, the range and the loading state paint without it.
 */
export { leadEvaluator, summarizeLeadEvaluations, unstoppableReason } from '../../data/logic/leads.js';
export { LEAD_RESPONSE_BUCKETS, bucketLeadResponses, dailyLeadResponses } from '../../data/logic/lead-buckets.js';
