// Finds Chrome/Chromium for the browser tests and benches. Installs Debian's chromium when run
// as root and none is found; otherwise stops with a message saying how to point at one.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { findChrome } from './chrome-path.mjs';

if (findChrome()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('No Chrome/Chromium found: installing Debian\'s chromium package…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  if (findChrome()) process.exit(0);
}
console.error(
  'No Chrome or Chromium found for the browser tests.\n' +
    'Install one (on Debian/Ubuntu: sudo apt-get install chromium) or point CHROME_PATH at its executable:\n' +
    '  CHROME_PATH=/path/to/chrome npm test',
);
process.exit(1);
