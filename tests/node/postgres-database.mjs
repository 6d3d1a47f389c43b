/**
 * The PostgreSQL side of the server tests: each test file runs its suite on PGlite, and on the
 * PostgreSQL server of `DATABASE_URL` (default 127.0.0.1:5432, database `test`) when it answers,
 * in a database of the file's own, dropped after its tests.
 */
import postgres from 'postgres';

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Creates a database of its own on the PostgreSQL server.
 * @param {string} prefix The start of its name.
 * @returns {Promise<{ url: string, drop: () => Promise<void> } | null>} Its URL and how to drop it;
 *   null (said in the test output) when the server does not answer or cannot create it.
 */
export async function ownPostgresDatabase(prefix) {
  const database = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(ADMIN_URL, { connect_timeout: 3, max: 1, onnotice: () => {} });
  try {
    await admin`SELECT 1`;
    await admin.unsafe(`CREATE DATABASE ${database}`);
  } catch (error) {
    console.log(`# PostgreSQL at ${ADMIN_URL.replace(/\/\/[^@]*@/, '//…@')} does not answer or cannot create a database (${error.message}): its tests are skipped.`);
    return null;
  } finally {
    await admin.end({ timeout: 2 });
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return {
    url: url.href,
    drop: async () => {
      const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end({ timeout: 2 });
    },
  };
}
