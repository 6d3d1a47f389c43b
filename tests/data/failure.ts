import { isAdapterError, type AdapterError } from '../../src/data/errors.js';

/** The `AdapterError` a call rejects with; any other outcome fails the test. */
export async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (isAdapterError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
