/** The bench's data worker: the memory worker, with the long-task cases' fixtures as what it generates. */
import { serveMemoryAdapter } from '../../src/data/memory-worker-serve.js';
import { fixtureDataset, type BenchFixture } from './worker-fixtures.js';

serveMemoryAdapter({ generate: (options) => fixtureDataset(options as unknown as BenchFixture) });
