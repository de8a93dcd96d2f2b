/**
 * What a plan pays, computed with the catalog functions themselves
 * (COMMISSION, PAYOUT_CURVE, DRAW_SCHEDULE): the figures the sidebar previews
 * and the sheet's formulas must reproduce. The plan's own rules live here
 * once: the gate, and the true-up of a periodic plan.
 */
import { isFormulaError } from '../../errors';
import { COMMISSION, DRAW_SCHEDULE, PAYOUT_CURVE } from '../../functions/commission';
import { invoke } from '../../invoke';
import type { FunctionSpec } from '../../spec';
import type { HostArg, Result } from '../../values';
import type { CommissionPlan, RepRow } from './model';
import { periodsToDate, startsPlanPeriod } from './periods';
import { assertSound } from './validate';

/** A plan period's result for a rep (or an example) at given bookings to date. */
export interface Earnings {
  /** Bookings to date ÷ quota. */
  readonly attainment: number;
  /** Curve plans: the curve's payout as a share of target incentive (before the gate). */
  readonly payoutShare?: number;
  /** What the plan pays on bookings to date, the gate ignored. */
  readonly ungated: number;
  /** What it pays: 0 below the gate, else `ungated`. */
  readonly earned: number;
}

export interface PeriodPayout extends Earnings {
  /** Bookings this pay period. */
  readonly bookings: number;
  /** Commission the gate holds back to date (0 at or above the gate). */
  readonly heldByGate: number;
  /** Earned this pay period: earned to date minus what the plan period's earlier pay periods earned. */
  readonly earnedThisPeriod: number;
  /** With a draw: what the rep is paid, and (recoverable) the advance still owed after this period. */
  readonly drawPaid?: number;
  readonly balance?: number;
  /** What the rep is paid this pay period: drawPaid with a draw, else earnedThisPeriod. */
  readonly payout: number;
}

export interface RepPayout {
  readonly rep: string;
  readonly periods: readonly PeriodPayout[];
  /** Σ earnedThisPeriod. */
  readonly earned: number;
  /** Σ payout. */
  readonly payout: number;
}

const column = (values: readonly number[]): HostArg => values.map((v) => [v]);

/** A per-row or table result as plain numbers, column `col`; a problem in any cell is thrown. */
function numbersOf(result: Result, col = 0, skipHeader = false): number[] {
  const rows = Array.isArray(result) ? result.slice(skipHeader ? 1 : 0) : [[result]];
  return rows.map((row) => {
    const cell = row[col];
    if (isFormulaError(cell)) throw cell;
    if (typeof cell !== 'number') throw new TypeError(`expected a number, got ${String(cell)}`);
    return cell;
  });
}

const call = (spec: FunctionSpec, ...args: HostArg[]) => invoke(spec, args);

/**
 * What the plan pays for one plan period at each of `bookings` (to date), with
 * each rep's quota and target incentive (curve plans). The plan must be sound.
 */
export function earningsAt(
  plan: CommissionPlan,
  bookings: readonly number[],
  quotas: readonly number[],
  targets: readonly number[] = [],
): Earnings[] {
  const attainment = bookings.map((b, i) => b / quotas[i]);
  let ungated: number[];
  let shares: number[] | undefined;
  if (plan.kind === 'curve') {
    const points = plan.curve.map((p) => [p.attainment, p.payout]);
    shares = numbersOf(call(PAYOUT_CURVE, column(attainment), points, plan.cap ?? undefined));
    ungated = shares.map((share, i) => share * targets[i]);
  } else {
    const tiers = plan.kind === 'flat' ? [[0, plan.rate]] : plan.tiers.map((t) => [t.from, t.rate]);
    const method = plan.kind === 'retroactive' ? 'retroactive' : 'marginal';
    ungated = numbersOf(call(COMMISSION, column(bookings), tiers, method, null, column(quotas)));
  }
  const gate = plan.gate ?? null;
  return attainment.map((a, i) => ({
    attainment: a,
    ...(shares ? { payoutShare: shares[i] } : {}),
    ungated: ungated[i],
    earned: gate !== null && a < gate ? 0 : ungated[i],
  }));
}

/** Each rep's payouts per pay period, and in total. Throws PlanProblemsError for an unsound plan or reps. */
export function referencePayouts(plan: CommissionPlan, reps: readonly RepRow[]): RepPayout[] {
  assertSound(plan, reps);
  const quotas = reps.map((r) => r.quota);
  const targets = reps.map((r) => (plan.kind === 'curve' ? (plan.targetIncentive ?? r.targetIncentive ?? 0) : 0));
  const count = reps[0].bookings.length;
  const perPeriod: PeriodPayout[][] = reps.map(() => []);
  for (let m = 0; m < count; m++) {
    const toDate = reps.map((r) => periodsToDate(plan, m).reduce((sum, k) => sum + r.bookings[k], 0));
    earningsAt(plan, toDate, quotas, targets).forEach((e, i) => {
      const before = startsPlanPeriod(plan, m) ? 0 : perPeriod[i][m - 1].earned;
      const earnedThisPeriod = e.earned - before;
      perPeriod[i].push({ ...e, bookings: reps[i].bookings[m], heldByGate: e.ungated - e.earned, earnedThisPeriod, payout: earnedThisPeriod });
    });
  }
  const draw = plan.draw ?? null;
  return reps.map((r, i) => {
    let periods = perPeriod[i];
    if (draw) {
      const schedule = call(DRAW_SCHEDULE, column(periods.map((p) => p.earnedThisPeriod)), draw.amount, draw.recoverable);
      const paid = numbersOf(schedule, 0, true);
      const balance = numbersOf(schedule, 1, true);
      periods = periods.map((p, m) => ({ ...p, drawPaid: paid[m], ...(draw.recoverable ? { balance: balance[m] } : {}), payout: paid[m] }));
    }
    return {
      rep: r.rep,
      periods,
      earned: periods.reduce((sum, p) => sum + p.earnedThisPeriod, 0),
      payout: periods.reduce((sum, p) => sum + p.payout, 0),
    };
  });
}
