/**
 * The demo server's day going on while the page is open: vehicles arrive on the board, internet
 * leads arrive with their clocks running (some answered by email a little later, so a visitor
 * sees a clock stop and take its grade), and texts go out and come in. The server changes its own
 * data (the memory adapter's feed, and `sms.import` for texts) and tells the page's clients, the
 * way another tab's write would; the widgets read the new data through their usual refresh.
 */
import type { AdapterDomain, ForecourtAdapter } from '../../src/data/adapter.js';
import { mulberry32 } from '../../src/data/demo-data.js';
import { isoDateIn } from '../../src/data/logic/calendar.js';
import { isSourceUnknown } from '../../src/data/logic/sources.js';
import type { MemoryFeed } from '../../src/data/memory-adapter.js';
import type { ActivityKind, Customer, Dataset, Lead, SmsMessage } from '../../src/data/model.js';

export interface LiveDayOptions {
  /** The data the server started from: its customers, board, dealer and senders. */
  dataset: Dataset;
  /** The server's store; texts arrive through its `sms.import`. */
  backend: ForecourtAdapter;
  /** What adds board entries, leads and lead activities to the store: the memory adapter's feed, or a worker adapter's (each call resolves once the record is in). */
  feed: { [K in keyof MemoryFeed]: (...args: Parameters<MemoryFeed[K]>) => void | Promise<void> };
  /** Tells the page's clients which domains changed on the server. */
  announce(domains: AdapterDomain[]): void;
  /** A lead has arrived (the page shows its clock). */
  onLead?(lead: Lead): void;
  /** The clock. Default `Date.now`. */
  now?: () => number;
  /** Seed of the choices (who arrives, which make). Default 1. */
  seed?: number;
  /** Time between two arrivals. Default 20 s. */
  everyMs?: number;
  /** How long after it arrives the first lead is answered by email. Default 35 s. */
  firstAnswerMs?: number;
}

export interface LiveDay {
  readonly running: boolean;
  /** Starts the day (the first lead arrives at once, and is answered within a minute); resolves once what is due has run. */
  start(): Promise<void>;
  /** Stops it; what arrived stays. */
  stop(): void;
  /** Runs every arrival and answer that is due by the clock, without waiting for a timer. */
  runDue(): Promise<void>;
}

interface Planned {
  at: number;
  run: () => Promise<void> | void;
}

/** Makes of the leads that arrive after the first, in turn: their OEMs' clocks differ. */
const MAKES: [string, string][] = [
  ['Ford', 'Bronco Sport'],
  ['Kia', 'Sorento'],
  ['Toyota', 'Highlander'],
  ['Chevrolet', 'Tahoe'],
  ['Honda', 'Pilot'],
  ['Mazda', 'CX-50'],
];
const NAMES = ['Avery Brooks', 'Diego Flores', 'Hannah Cho', 'Marcus Bell', 'Nadia Rahman', 'Owen Price', 'Rosa Delgado', 'Tyler Grant'];
const VEHICLES = ['2019 Honda CR-V', '2021 Ford F-150', '2017 Toyota Camry', '2022 Kia Telluride', '2016 Chevrolet Malibu', '2020 Subaru Outback'];
const OUT_TEXTS = ['Hi {first}, your {vehicle} is checked in. We will text you the estimate shortly.', 'Hi {first}, your vehicle is ready for pickup. We close at 7 PM.'];
const IN_TEXTS = ['Thanks!', 'On my way', 'YES', 'How much will it be?'];

/**
 * The live day of the demo server.
 * @param options The data, the store and its feed, who to tell, the clock and the pace.
 * @returns The day, stopped: `start()` it.
 * @example const live = createLiveDay({ dataset, backend, feed, announce }); live.start();
 */
export function createLiveDay(options: LiveDayOptions): LiveDay {
  const { dataset, backend, feed, announce } = options;
  const now = options.now ?? Date.now;
  const every = options.everyMs ?? 20_000;
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const zone = dataset.dealer.zone;
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const onBoard = new Set(dataset.board.map((b) => b.customerId));
  const waiting = dataset.customers.filter((c) => !onBoard.has(c.id) && c.phone);
  const unknownFirst = waiting.filter((c) => isSourceUnknown(c.sourceId, sources));
  const sender = dataset.sms.find((m) => m.direction === 'outbound') ?? null;
  const salespeople = [...new Map(dataset.leads.filter((l) => l.salespersonId).map((l) => [l.salespersonId!, l.salespersonName!])).entries()];
  const agenda: Planned[] = [];
  let turn = 0;
  let serial = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const iso = (ms: number) => new Date(ms).toISOString();

  const plan = (at: number, run: Planned['run']) => {
    agenda.push({ at, run });
    agenda.sort((a, b) => a.at - b.at);
  };

  /** A customer not on the board yet drives in; one in three has no known source (the name blinks). */
  const vehicleArrives = async () => {
    const pool = turn % 9 === 0 && unknownFirst.length ? unknownFirst : waiting;
    const customer = pool.splice(Math.floor(random() * pool.length), 1)[0];
    if (!customer) return;
    const other = pool === unknownFirst ? waiting : unknownFirst;
    const twin = other.indexOf(customer);
    if (twin >= 0) other.splice(twin, 1);
    const at = now();
    await feed.addBoardEntry({
      id: `tvp-live-${++serial}`,
      date: isoDateIn(at, zone),
      customerId: customer.id,
      customerName: `${customer.firstName} ${customer.lastName}`,
      vehicle: pick(VEHICLES),
      advisor: pick(dataset.board.map((b) => b.advisor)) ?? 'Service desk',
      promisedAt: random() < 0.5 ? iso(at + (2 + Math.floor(random() * 4)) * 3_600_000) : null,
      sourceId: customer.sourceId,
      sourceUnknown: isSourceUnknown(customer.sourceId, sources),
      customerVersion: customer.version,
    });
    announce(['customers']);
  };

  /** A text goes out to a customer, and now and then one comes back. */
  const textsTrickle = async () => {
    if (!sender || !backend.sms?.import) return;
    const customer: Customer | undefined = pick(dataset.customers.filter((c) => c.phone).slice(0, 200));
    if (!customer) return;
    const at = now();
    const base = { provider: sender.provider, segments: 1, errorCode: null, customerId: customer.id, customerName: `${customer.firstName} ${customer.lastName}` };
    const messages: SmsMessage[] = [
      {
        ...base,
        id: `sms-live-${++serial}`,
        direction: 'outbound',
        from: sender.from,
        to: customer.phone!,
        body: pick(OUT_TEXTS).replace('{first}', customer.firstName).replace('{vehicle}', pick(VEHICLES).split(' ').slice(1).join(' ')),
        status: 'delivered',
        sentAt: iso(at - 30_000),
        employeeId: sender.employeeId,
        employeeName: sender.employeeName,
      },
    ];
    if (random() < 0.6) {
      messages.push({ ...base, id: `sms-live-${++serial}`, direction: 'inbound', from: customer.phone!, to: sender.from, body: pick(IN_TEXTS), status: 'received', sentAt: iso(at), employeeId: null, employeeName: null });
    }
    await backend.sms.import(messages);
    announce(['sms']);
  };

  /** An internet lead arrives, its clock running; an auto-response follows, and some are answered by email. */
  const leadArrives = async (make: string, model: string, answerAfterMs: number | null) => {
    const at = now();
    const n = ++serial;
    const [salespersonId, salespersonName] = salespeople.length ? pick(salespeople) : [null, null];
    const customerName = pick(NAMES);
    const lead: Lead = {
      id: `lead-live-${n}`,
      receivedAt: iso(at),
      make,
      model,
      year: Number(isoDateIn(at, zone).slice(0, 4)),
      provider: pick(['OEM website', 'Dealer website', 'Cars.com']),
      customerName,
      email: `${customerName.split(' ')[0]!.toLowerCase()}.live${n}@example.net`,
      phone: null,
      salespersonId,
      salespersonName,
      activities: [],
    };
    await feed.addLead(lead);
    announce(['leads']);
    options.onLead?.(lead);
    const act = (kind: ActivityKind, by: string | null) => async () => {
      await feed.addLeadActivity(lead.id, { id: `act-live-${++serial}`, at: iso(now()), kind, by });
      announce(['leads']);
    };
    plan(at + 20_000, act('auto-response', null));
    if (answerAfterMs !== null) plan(at + answerAfterMs, act('email-sent', salespersonName));
  };

  const arrive = () => {
    const kind = turn++ % 3;
    if (kind === 0) return vehicleArrives();
    if (kind === 1) return textsTrickle();
    const [make, model] = MAKES[Math.floor(turn / 3) % MAKES.length]!;
    return leadArrives(make, model, random() < 0.5 ? (40 + Math.floor(random() * 50)) * 1000 : null);
  };

  const runDue = async () => {
    while (agenda.length && agenda[0]!.at <= now()) {
      const next = agenda.shift()!;
      try {
        await next.run();
      } catch (error) {
        console.warn('Demo live day:', error);
      }
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    if (!running || !agenda.length) return;
    timer = setTimeout(() => void runDue().then(schedule), Math.max(0, agenda[0]!.at - now()));
  };

  const arrivals = (at: number) =>
    plan(at, async () => {
      await arrive();
      arrivals(now() + every);
    });

  return {
    get running() {
      return running;
    },
    async start() {
      if (running) return;
      running = true;
      const at = now();
      if (agenda.length === 0) {
        // GM's clock counts real time, so this one ticks at any hour; it is answered within a minute.
        plan(at, () => leadArrives('Chevrolet', 'Silverado 1500', options.firstAnswerMs ?? 35_000));
        arrivals(at + every / 2);
      }
      await runDue();
      schedule();
    },
    stop() {
      running = false;
      clearTimeout(timer);
    },
    runDue,
  };
}
