/**
 * The demo org: ten reps in four regions, their quotas and forecasts, and a
 * year's opportunities, generated from a fixed seed so every machine and every
 * run sees the same numbers.
 *
 * The data is a snapshot taken on AS_OF, 1 October 2026: Q3 2026 has just
 * closed (its won and lost deals closed from July to September) and the open
 * deals close from October on. Formulas compare dates with that snapshot date,
 * written in a cell, never with TODAY(): the figures would drift every day and
 * no test could pin them.
 */
import { createRandom, type Random } from '../core/random';
import { serialFromYmd } from '../core/values';

export const DEMO_SEED = 20261001;

/** The day the snapshot was taken: the data's "today". */
export const AS_OF = serialFromYmd(2026, 10, 1);
/** The quarter that has just closed. */
export const CLOSED_QUARTER = { label: 'Q3 2026', start: serialFromYmd(2026, 7, 1), end: serialFromYmd(2026, 9, 30) };
/** The quarter the open pipeline is for. */
export const NEXT_QUARTER = { label: 'Q4 2026', start: AS_OF, end: serialFromYmd(2026, 12, 31) };

export const WON = 'Closed Won';
export const LOST = 'Closed Lost';
/** The sales stages in funnel order, ending in Closed Won: the order STAGE_CONVERSION counts in. */
export const FUNNEL = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', WON] as const;
export type FunnelStage = (typeof FUNNEL)[number];
type OpenStage = Exclude<FunnelStage, typeof WON>;

/** Stage → win probability, as sales ops keeps it (Salesforce's default stages). */
export const STAGE_PROBABILITIES: readonly (readonly [string, number])[] = [
  ['Prospecting', 0.1],
  ['Qualification', 0.2],
  ['Proposal', 0.5],
  ['Negotiation', 0.75],
  [WON, 1],
  [LOST, 0],
];

/** HubSpot's default sales pipeline: stage id → win probability, as HubSpot sets them. */
export const HUBSPOT_STAGES: readonly (readonly [string, number])[] = [
  ['appointmentscheduled', 0.2],
  ['qualifiedtobuy', 0.4],
  ['presentationscheduled', 0.6],
  ['decisionmakerboughtin', 0.8],
  ['contractsent', 0.9],
  ['closedwon', 1],
  ['closedlost', 0],
];

/** The commission plan: attainment from which a rate applies, marginal (each slice at its own rate). */
export const COMMISSION_TIERS: readonly (readonly [number, number])[] = [
  [0, 0.08],
  [1, 0.12],
  [1.25, 0.15],
];

const REPS: readonly (readonly [string, string])[] = [
  ['Alex Morgan', 'West'],
  ['Priya Shah', 'West'],
  ['Jordan Ellis', 'West'],
  ['Diego Alvarez', 'Central'],
  ['Mei Tanaka', 'Central'],
  ['Sam Carter', 'East'],
  ['Fatima Noor', 'East'],
  ['Owen Brooks', 'East'],
  ['Lukas Weber', 'EMEA'],
  ['Grace Kim', 'EMEA'],
];

const ACCOUNT_NAMES = [
  'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Woodgrove', 'Litware', 'Adatum', 'Proseware',
  'Wingtip', 'Alpine', 'Blue Yonder', 'Coho', 'Fourth Coffee', 'Lucerne', 'Trey Research', 'Humongous',
  'Graphic Design', 'Wide World', 'Relecloud', 'Southridge', 'Datum', 'Bellows', 'Vanarsdel', 'Lamna',
];
const ACCOUNT_SUFFIXES = ['Inc', 'Ltd', 'Group', 'Labs', 'Systems', 'Foods', 'Logistics', 'Health', 'Partners', 'Energy'];
const ACCOUNTS_PER_REP = 12;

const DEAL_TYPES: readonly (readonly [string, number])[] = [
  ['New Business', 60],
  ['Expansion', 30],
  ['Renewal', 10],
];

/** Where a lost deal got to before it was lost: most are lost early. */
const LOST_AT: readonly (readonly [OpenStage, number])[] = [
  ['Prospecting', 35],
  ['Qualification', 30],
  ['Proposal', 20],
  ['Negotiation', 15],
];
const OPEN_AT: readonly (readonly [OpenStage, number])[] = [
  ['Prospecting', 30],
  ['Qualification', 26],
  ['Proposal', 24],
  ['Negotiation', 20],
];

/** Quarterly quotas by seniority. */
const QUOTAS = [250_000, 300_000, 300_000, 350_000, 400_000];
/** The spread of attainment across the team: the lowest and highest rep land about here. */
const ATTAINMENT_LOW = 0.3;
const ATTAINMENT_HIGH = 1.6;

export interface Rep {
  readonly name: string;
  readonly region: string;
  readonly quota: number;
  /** What the rep forecast, at the start of the quarter, they would close in it. */
  readonly forecast: number;
}

export interface Deal {
  readonly id: string;
  readonly account: string;
  readonly owner: string;
  readonly region: string;
  readonly type: string;
  readonly amount: number;
  /** Current stage, in Salesforce's spelling: an open stage, "Closed Won" or "Closed Lost". */
  readonly stage: string;
  /** The furthest funnel stage the deal reached (a lost deal's last stage before it was lost). */
  readonly furthest: FunnelStage;
  readonly created: number;
  readonly close: number;
  /** Salesforce's forecast category: Closed, Commit, Best Case, Pipeline or Omitted. */
  readonly category: string;
}

export interface DemoData {
  readonly reps: readonly Rep[];
  readonly deals: readonly Deal[];
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;

/** A deal size: many small deals, a few large ones. */
const dealAmount = (random: Random) => roundTo(8000 + 150_000 * random.next() ** 2, 500);

function categoryOf(stage: string): string {
  if (stage === WON) return 'Closed';
  if (stage === LOST) return 'Omitted';
  if (stage === 'Negotiation') return 'Commit';
  if (stage === 'Proposal') return 'Best Case';
  return 'Pipeline';
}

/**
 * One attainment per rep, from about 30% to 160% with most of the team near
 * quota: evenly spaced ranks (jittered) read off a bell-shaped quantile curve
 * through 30%, 95% and 160%, handed out in random order.
 */
function attainments(random: Random, count: number): number[] {
  const spread = (ATTAINMENT_HIGH - ATTAINMENT_LOW) / 2;
  const middle = ATTAINMENT_LOW + spread;
  const values = Array.from({ length: count }, (_, k) => {
    const jitter = k === 0 || k === count - 1 ? 0 : (random.next() - 0.5) * (0.6 / count);
    const x = 2 * (k / (count - 1) + jitter) - 1;
    return middle + spread * Math.sign(x) * Math.abs(x) ** 1.6;
  });
  return random.shuffle(values);
}

type DraftDeal = Omit<Deal, 'id'>;

export function demoData(seed = DEMO_SEED): DemoData {
  const random = createRandom(seed);
  const accountPool = random.shuffle(ACCOUNT_NAMES.flatMap((name) => ACCOUNT_SUFFIXES.map((suffix) => `${name} ${suffix}`)));
  const targets = attainments(random, REPS.length);
  const reps: Rep[] = [];
  const drafts: DraftDeal[] = [];

  REPS.forEach(([name, region], r) => {
    const accounts = accountPool.slice(r * ACCOUNTS_PER_REP, (r + 1) * ACCOUNTS_PER_REP);
    const quota = random.pick(QUOTAS);
    const deal = (stage: string, furthest: FunnelStage, amount: number, created: number, close: number): DraftDeal => ({
      account: random.pick(accounts),
      owner: name,
      region,
      type: random.weighted(DEAL_TYPES),
      amount,
      stage,
      furthest,
      created,
      close,
      category: categoryOf(stage),
    });

    // Won deals add up to the rep's attainment exactly: the last one takes what is left.
    const wonTotal = roundTo(targets[r] * quota, 500);
    for (let booked = 0; booked < wonTotal; ) {
      let amount = dealAmount(random);
      if (wonTotal - booked - amount < 5000) amount = wonTotal - booked;
      booked += amount;
      const close = random.int(CLOSED_QUARTER.start, CLOSED_QUARTER.end);
      drafts.push(deal(WON, WON, amount, close - random.int(25, 150), close));
    }
    for (let n = random.int(8, 15); n > 0; n--) {
      const close = random.int(CLOSED_QUARTER.start, CLOSED_QUARTER.end);
      drafts.push(deal(LOST, random.weighted(LOST_AT), dealAmount(random), close - random.int(15, 120), close));
    }
    for (let n = random.int(18, 28); n > 0; n--) {
      const stage = random.weighted(OPEN_AT);
      drafts.push(deal(stage, stage, dealAmount(random), AS_OF - random.int(3, 150), AS_OF + random.int(5, 150)));
    }
    // Forecasts tend to run high, more so for reps having a bad quarter.
    const forecast = roundTo(wonTotal * (0.85 + 0.4 * random.next()) + (quota - wonTotal) * 0.15, 5000);
    reps.push({ name, region, quota, forecast });
  });

  // As a CRM lists them: by creation date, numbered in that order.
  drafts.sort((a, b) => a.created - b.created || a.close - b.close);
  const deals = drafts.map((draft, i): Deal => ({ id: `D-${1001 + i}`, ...draft }));
  return { reps, deals };
}
