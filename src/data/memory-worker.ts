/** The worker `createWorkerAdapter` starts: the memory adapter over a dataset received, fetched or generated here. */
import { serveMemoryAdapter } from './memory-worker-serve.js';

serveMemoryAdapter();
