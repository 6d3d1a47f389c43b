// `npm start`: builds the demo as a static site (`vite.demo.config.ts` → `dist-demo/`) and serves that
// production build with Vite's preview server, opening the browser. `npm run dev` is the dev server.
//
//   npm start                          # build, serve on Vite's preview port (4173), open the browser
//   npm start -- --port 8080 --host    # options pass through: --port, --host [name], --strict-port, --no-open
//   BROWSER=none npm start             # serve without opening a browser (Vite's own switch)
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const configFile = fileURLToPath(new URL('../vite.demo.config.ts', import.meta.url));

/** `--port N`, `--port=N`, `--host [name]`, `--strict-port`, `--open`/`--no-open`, as Vite's CLI takes them. */
function options(argv) {
  const out = { open: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : undefined);
    if (flag === '--port') out.port = Number(value());
    else if (flag === '--host') out.host = value() ?? true;
    else if (flag === '--strict-port' || flag === '--strictPort') out.strictPort = true;
    else if (flag === '--open') out.open = inline ?? true;
    else if (flag === '--no-open') out.open = false;
    else throw new Error(`npm start: unknown option ${argv[i]} (known: --port, --host, --strict-port, --open, --no-open)`);
  }
  if (out.port !== undefined && !Number.isInteger(out.port)) throw new Error('npm start: --port needs a number');
  return out;
}

const { port, host, strictPort, open } = options(process.argv.slice(2));
await build({ configFile, logLevel: 'warn' });
const server = await preview({ configFile, preview: { port, host, strictPort, open } });
server.printUrls();
