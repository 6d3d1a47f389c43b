/**
 * The seed of this run's property tests and fuzzers, so that a failure can be replayed exactly:
 * `FC_SEED` from the environment of `web-test-runner` (a number, or `random` for a fresh one),
 * else the fixed default, both chosen in web-test-runner.config.mjs (command `fc-seed`). Importing
 * this module prints the seed and makes it fast-check's global seed for the test file.
 *
 * @example FC_SEED=12345 npx web-test-runner tests/hardening/fuzz-rest.test.ts
 */
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';

/** This run's seed (a 32-bit integer). */
export const SEED: number = await executeServerCommand<number, undefined>('fc-seed');

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: SEED });
console.log(`seed ${SEED} (set FC_SEED=${SEED} to replay)`);
