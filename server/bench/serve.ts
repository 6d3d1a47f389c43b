/**
 * The reference server as the bench measures it: its own process (so the load loop does not share
 * its event loop), on the bench database, bound to 127.0.0.1. Prints `listening <base URL>` once
 * it serves. Environment: `DATABASE_URL`, `FORECOURT_JWT_SECRET`, `PORT` (0: any free port).
 */
import { startServer } from '../server.js';

const server = await startServer({
  databaseUrl: process.env.DATABASE_URL!,
  secret: process.env.FORECOURT_JWT_SECRET!,
  port: Number(process.env.PORT ?? 0),
  hostname: '127.0.0.1',
});
console.log(`listening ${server.baseUrl}`);
const stop = () => {
  server.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
