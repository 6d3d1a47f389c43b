/**
 * `<fc-sms-import>` under chaos: the user chooses or drops Twilio message logs (some large
 * enough for several batches), imports them, retries a batch that failed, picks another file.
 * In the end every message of every batch the client queued is on the server, once.
 */
import { expect } from '@open-wc/testing';
import '../../../../src/components/sms-import/fc-sms-import.js';
import type { SmsMessage } from '../../../../src/data/model.js';
import type { Action, Session, SessionRun } from '../harness.js';
import { explore, keyboard, retryLoad, revisit, showsError, showsLoading } from '../harness.js';

const TAG = 'fc-sms-import';
/** "Choose file" opens the browser's file chooser; Cancel on a failed batch gives the rest of the file up. */
const AVOID = '[part~="choose-button"]';
const AVOID_NAMES = /^Cancel$/;

/** A Twilio message-log JSON of `count` messages with ids no one else uses. */
function twilioLog(s: SessionRun, count: number): string {
  const file = ((s.notes.get('files') as number | undefined) ?? 0) + 1;
  s.notes.set('files', file);
  const day = s.server.dataset.today;
  return JSON.stringify({
    messages: Array.from({ length: count }, (_, i) => ({
      sid: `SMchaos${s.seed}x${file}x${i}`,
      from: '+13125550100',
      to: `+1773555${String(1000 + (i % 9000)).padStart(4, '0')}`,
      body: `Chaos text ${file}/${i}`,
      status: i % 7 ? 'delivered' : 'undelivered',
      direction: 'outbound-api',
      num_segments: '1',
      error_code: i % 7 ? null : 30007,
      date_sent: new Date(Date.parse(`${day}T09:00:00Z`) - i * 60_000).toUTCString(),
    })),
  });
}

/** Messages of the file the widget holds now, and of each import the widget reported done. */
interface Runs {
  loaded: string[];
  started: string[];
  done: string[][];
}

function runs(s: SessionRun): Runs {
  let r = s.notes.get('runs') as Runs | undefined;
  if (!r) s.notes.set('runs', (r = { loaded: [], started: [], done: [] }));
  return r;
}

/** Gives the widget a file: through the file field, or dropped on the drop zone. */
const chooseFile: Action = {
  name: 'choose-file',
  weight: 3,
  async run(s) {
    const field = s.root.querySelector<HTMLInputElement>('input[type="file"]');
    if (!field || s.root.querySelector('progress')) return false;
    const count = s.rng.chance(0.1) ? 501 + s.rng.int(200) : 1 + s.rng.int(60);
    const log = twilioLog(s, count);
    runs(s).loaded = (JSON.parse(log) as { messages: { sid: string }[] }).messages.map((m) => m.sid);
    const transfer = new DataTransfer();
    transfer.items.add(new File([log], `messages-${s.notes.get('files')}.json`, { type: 'application/json' }));
    const zone = s.root.querySelector<HTMLElement>('[part~="drop-zone"]');
    if (zone && s.rng.chance(0.4)) {
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    } else {
      field.files = transfer.files;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return true;
  },
};

const startImport: Action = {
  name: 'import',
  weight: 4,
  async run(s) {
    const button = s.root.querySelector<HTMLButtonElement>('[part~="import-button"]');
    button?.click();
    return !!button;
  },
};

/**
 * Every import the widget reported done is on the server, each message once; so is every message
 * of every batch the client queued and confirmed (a batch of an import the user left, by a
 * reload or another file, may be on the server or not).
 */
async function verify(s: SessionRun): Promise<void> {
  const confirmed = new Set<string>();
  for (const w of s.enqueued) {
    if (w.method === 'import' && s.keys.get(w.key) === 'confirmed') for (const m of w.args as SmsMessage[]) confirmed.add(m.id);
  }
  const done = runs(s).done.flat();
  expect(done.length, 'messages of imports the widget reported done').to.be.greaterThan(0);
  const day = s.server.dataset.today;
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
  const stored = new Map<string, number>();
  let cursor: string | null | undefined;
  do {
    const page = await s.server.backend.sms!.list({ from, to: day, limit: 1000, ...(cursor && { cursor }) });
    for (const m of page.items) stored.set(m.id, (stored.get(m.id) ?? 0) + 1);
    cursor = page.nextCursor;
  } while (cursor);
  const about = (id: string) => {
    const batches = s.enqueued.filter((w) => w.method === 'import' && (w.args as SmsMessage[]).some((m) => m.id === id));
    return batches
      .map((w) => `${w.key} ${s.keys.get(w.key)} server ${s.ledger.records.filter((r) => r.key === w.key).map((r) => `${r.status} ${r.outcome}`).join('/')} client ${s.traces.get(w.key)?.join(' > ')}`)
      .join('; ');
  };
  const chaos = [...stored.keys()].filter((id) => id.startsWith('SMchaos')).length;
  for (const id of [...done, ...confirmed]) {
    expect(stored.get(id), `message ${id} on the server (${chaos} imported in all; ${done.includes(id) ? 'done' : 'confirmed'}; batches: ${about(id) || 'none'})`).to.equal(1);
  }
}

export const smsImportSession: Session = {
  tag: TAG,
  writes: true,
  mount(s, adapter) {
    const el = document.createElement(TAG) as HTMLElement & { adapter?: unknown };
    el.adapter = adapter;
    // Import pressed (by the script or the monkey): the run is the file loaded now.
    el.addEventListener('click', (e) => {
      if (e.composedPath().some((n) => n instanceof Element && n.matches('[part~="import-button"]'))) runs(s).started = runs(s).loaded;
    });
    el.addEventListener('fc-sms-import-done', () => runs(s).done.push(runs(s).started));
    document.body.append(el);
    return el;
  },
  actions: [
    chooseFile,
    startImport,
    explore({ avoid: AVOID, avoidNames: AVOID_NAMES }, 6),
    keyboard({ avoid: AVOID, avoidNames: AVOID_NAMES }, 1, ['Tab', 'Shift+Tab']),
    retryLoad(4),
    revisit(1),
  ],
  showsData: (s) => !showsLoading(s.root) && !showsError(s.root) && !s.root.querySelector('progress') && !!s.root.querySelector('h2'),
  verify,
};
