// `npm run demo:server`: the demo page over the reference server instead of Mock Service Worker.
// Starts the server (`server/main.ts`) on PGlite in memory with the demo data of today, then the
// demo on Vite's dev server, which proxies `/api` to it (one origin, no CORS). The page
// (`demo/server-main.ts`) reads through the REST adapter, its cache and outbox, with tenant A's
// token from `.forecourt/demo-tokens.json` as the bearer.
//
//   npm run demo:server                      # server on 8787, page on http://localhost:5180/
//   npm run demo:server -- --port 8080 --api-port 8788 --host
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

function options(argv) {
  const out = { port: 5180, apiPort: 8787, host: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port') out.port = Number(value());
    else if (flag === '--api-port') out.apiPort = Number(value());
    else if (flag === '--host') out.host = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true);
    else throw new Error(`npm run demo:server: unknown option ${argv[i]} (known: --port, --api-port, --host)`);
  }
  if (!Number.isInteger(out.port) || !Number.isInteger(out.apiPort)) throw new Error('npm run demo:server: --port and --api-port need a number');
  return out;
}

const { port, apiPort, host } = options(process.argv.slice(2));

/** The reference server, started and answering: its API's base URL. */
function startApi() {
  const child = spawn(process.execPath, [`${root}scripts/run-ts.mjs`, 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(apiPort), FORECOURT_PGDATA: 'memory', FORECOURT_DEMO_TODAY: 'today' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      seen += chunk;
      const url = /reference server \(\w+\) at (\S+)/.exec(seen)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`the reference server stopped (exit code ${code}) before it answered`)));
  });
  return { child, ready };
}

const api = startApi();
const stopApi = () => {
  if (api.child.exitCode === null) api.child.kill('SIGTERM');
};
process.on('exit', stopApi);

let vite;
try {
  const baseUrl = await api.ready;
  const origin = new URL(baseUrl).origin;
  const tokens = JSON.parse(readFileSync(`${root}.forecourt/demo-tokens.json`, 'utf8'));
  vite = await createServer({
    configFile: `${root}vite.demo.config.ts`,
    define: { __FC_DEMO_SERVER__: JSON.stringify({ token: tokens.tenantA, tenant: 'demo-a', server: baseUrl }) },
    server: { port, host, fs: { allow: [root] }, proxy: { '/api': { target: origin, changeOrigin: true } } },
    plugins: [
      {
        name: 'forecourt-demo-over-server',
        transformIndexHtml: (html) =>
          html
            .replace('<title>Forecourt demo</title>', '<title>Forecourt demo: reference server</title>')
            .replace('src="./main.ts"', 'src="./server-main.ts"')
            .replace(/(<header>[\s\S]*?<p>[\s\S]*?)Everything below[\s\S]*?<\/p>/, '$1<span id="demo-backend">Everything below is read from the reference server.</span></p>'),
      },
    ],
  });
  await vite.listen();
  console.log(`\nThe demo over the reference server (tenant demo-a, API proxied to ${baseUrl}):`);
  vite.printUrls();
} catch (error) {
  console.error(`npm run demo:server: ${error instanceof Error ? error.message : String(error)}`);
  stopApi();
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await vite?.close();
    stopApi();
    process.exit(0);
  });
}
