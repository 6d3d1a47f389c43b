/**
 * `forecourt-conformance` (`npm run conformance` in this repository): the conformance suite
 * against a server of the REST API. Prints a block per endpoint and exits 1 when a check fails.
 *
 *   forecourt-conformance --base-url URL [--token T] [--other-token T2] [--from YYYY-MM-DD --to YYYY-MM-DD] [--read-only]
 */
import { formatOutcomes, runConformance } from './suite.js';
import type { ConformanceOptions } from './suite.js';

interface NodeProcess {
  argv: string[];
  exitCode?: number;
}
const proc = (globalThis as unknown as { process: NodeProcess }).process;

const USAGE = 'usage: forecourt-conformance --base-url URL [--token T] [--other-token T2] [--from YYYY-MM-DD --to YYYY-MM-DD] [--read-only]';

/** The options of the command line; a message for a wrong one. */
export function parseArgs(argv: readonly string[]): ConformanceOptions | string {
  const values: Record<string, string> = {};
  let readOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--read-only') readOnly = true;
    else if (['--base-url', '--token', '--other-token', '--from', '--to'].includes(arg) && argv[i + 1] !== undefined) values[arg.slice(2)] = argv[++i]!;
    else return `unknown or incomplete argument ${arg}\n${USAGE}`;
  }
  const baseUrl = values['base-url'];
  if (!baseUrl) return USAGE;
  return {
    baseUrl,
    readOnly,
    ...(values.token ? { token: values.token } : {}),
    ...(values['other-token'] ? { otherToken: values['other-token'] } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  };
}

const options = parseArgs(proc.argv.slice(2));
if (typeof options === 'string') {
  console.error(options);
  proc.exitCode = 2;
} else {
  try {
    const outcomes = await runConformance(options);
    console.log(formatOutcomes(outcomes));
    if (outcomes.some((o) => o.result === 'fail')) proc.exitCode = 1;
  } catch (error) {
    console.error(`Could not run the suite against ${options.baseUrl}: ${error instanceof Error ? error.message : String(error)}`);
    proc.exitCode = 2;
  }
}
