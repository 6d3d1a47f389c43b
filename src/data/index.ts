/**
 * Forecourt's data layer: the domain model, the adapter contract, the REST and memory adapters,
 * the IndexedDB cache with its outbox, the domain rules and the demo dataset. Nothing here
 * imports lit or touches the DOM at import time: all of it runs in Node too.
 */
export * from './model.js';
export * from './adapter.js';
export {
  CONTRACT,
  contractRow,
  type AdapterMethod,
  type AnyContractRow,
  type Contract,
  type ContractRow,
  type HttpVerb,
  type MethodArg,
  type MethodKind,
  type MethodResult,
  type WriteMethod,
} from './contract.js';
export * from './errors.js';

export { createRestAdapter, encodeQuery, type RestAdapter, type RestAdapterOptions } from './rest-adapter.js';
export { createMemoryAdapter, type MemoryAdapterOptions, type MemoryFeed } from './memory-adapter.js';
export {
  createWorkerAdapter,
  type DatasetList,
  type WorkerAdapter,
  type WorkerAdapterOptions,
  type WorkerAdapterSource,
  type WorkerFeed,
} from './worker-adapter.js';
export {
  withCache,
  CACHE_CHANGE_EVENT,
  OUTBOX_CHANGE_EVENT,
  STORAGE_FALLBACK_EVENT,
  type CacheOptions,
  type CachedAdapter,
  type CachedAdapterEventMap,
  type CacheChangeDetail,
  type OutboxChangeDetail,
  type StorageFallbackDetail,
} from './cache/with-cache.js';
export { isEntryOf } from './cache/outbox.js';
export type { Outbox, OutboxEntry, OutboxEntryBase, OutboxEntryOf, OutboxStatus, RetryOptions } from './cache/outbox.js';
export { generateDataset, DATASET_SIZES, DEMO_ZONE, type DatasetSize, type GenerateOptions } from './demo-data.js';

export * from './logic/calendar.js';
export * from './logic/calendar-zones.js';
export * from './logic/paging.js';
export * from './logic/sources.js';
export * from './logic/sms.js';
export * from './logic/period-change.js';
export * from './logic/sms-index.js';
export * from './logic/sms-import.js';
export * from './logic/sms-filter.js';
export * from './logic/sms-templates.js';
export * from './logic/leads.js';
export * from './logic/lead-queue.js';
export * from './logic/lead-buckets.js';
export * from './logic/adf.js';
export * from './logic/traffic.js';
export * from './logic/deleted.js';
export * from './logic/makes.js';
export * from './logic/vehicles.js';
export * from './logic/vehicles-export.js';
export * from './logic/vehicles-follow-up.js';
export * from './logic/vehicles-stock.js';
export * from './logic/vin.js';
export * from './logic/source-mapping.js';
export * from './logic/source-picker.js';
export * from './logic/mapping-prompt.js';
export * from './logic/spend.js';
