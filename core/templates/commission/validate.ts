/**
 * Problems with a plan or its reps, each addressed to a field the form shows
 * ("tiers[1].from", "draw.amount", "reps[3].quota") with a stable code the
 * sidebar turns into a message. A plan without problems computes: the catalog
 * functions accept every figure in it.
 */
import { MOST_PERCENT } from '../../commission/table';
import { FormulaError } from '../../errors';
import { type CommissionPlan, type CurvePoint, type RepRow, type Tier, PLAN_LIMITS } from './model';

export const PLAN_PROBLEM_CODES = [
  /** A required value is absent or not a number (or, for a name, not text). */
  'missing',
  'negative',
  /** A rate above 100%. */
  'rate-above-100',
  /** A tier bound, curve attainment, curve payout or cap above 1000%: surely a percentage typed as a number. */
  'above-1000',
  'unknown-kind',
  'unknown-periods',
  /** Tiers: none at all; curve: fewer than two points. */
  'too-few',
  /** More tiers, curve points, months or reps than a sheet takes (PLAN_LIMITS). */
  'too-many',
  'tiers-not-from-zero',
  /** A tier bound, or a curve point's attainment, not above the one before it. */
  'not-ascending',
  /** A curve point paying less than the one before it, or a retroactive tier's rate below the one before: selling more would pay less. */
  'payout-falls',
  /** A cap below 100% of target incentive: nobody could earn their target. */
  'cap-below-target',
  'gate-above-250',
  /** Reps with different numbers of bookings entries. */
  'bookings-count',
  'quota-not-positive',
] as const;

export type PlanProblemCode = (typeof PLAN_PROBLEM_CODES)[number];

export interface PlanProblem {
  /** Where: "rate", "tiers[1].from", "curve[0].payout", "cap", "gate", "draw.amount", "reps[2].bookings[3]"... */
  readonly field: string;
  readonly code: PlanProblemCode;
}

/** A plan (or its reps) refused with its problems; hosts show it like any formula error. */
export class PlanProblemsError extends FormulaError {
  constructor(readonly problems: readonly PlanProblem[]) {
    super('#VALUE!', `the commission plan has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${problems.map((p) => `${p.field} (${p.code})`).join(', ')}`);
  }
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

class Problems {
  readonly list: PlanProblem[] = [];

  /** Records a problem; returns undefined so a check can `return this.add(...)` for "no usable value". */
  add(field: string, code: PlanProblemCode): undefined {
    this.list.push({ field, code });
    return undefined;
  }

  /** A required number: present and finite, not negative; returns it when usable. */
  number(field: string, value: unknown): number | undefined {
    if (!isNumber(value)) return this.add(field, 'missing');
    if (value < 0) return this.add(field, 'negative');
    return value;
  }

  /** A share (payout, cap, attainment) that may pass 100% but not 1000%. */
  share(field: string, value: unknown): number | undefined {
    const n = this.number(field, value);
    if (n !== undefined && n > MOST_PERCENT) return this.add(field, 'above-1000');
    return n;
  }

  rate(field: string, value: unknown): number | undefined {
    const n = this.number(field, value);
    if (n !== undefined && n > 1) return this.add(field, 'rate-above-100');
    return n;
  }

  rows<T>(field: string, value: unknown, least: number): readonly T[] | undefined {
    if (!Array.isArray(value)) return this.add(field, 'missing');
    if (value.length < least) return this.add(field, 'too-few');
    if (value.length > PLAN_LIMITS.maxRows) return this.add(field, 'too-many');
    return value as T[];
  }
}

const present = (value: unknown) => value !== null && value !== undefined;

/**
 * Tiers ascend from 0. Retroactive rates may not fall either: all bookings
 * earn the top tier's rate, so reaching a lower one would pay less for more.
 */
function checkTiers(problems: Problems, value: unknown, retroactive: boolean): void {
  const tiers = problems.rows<Tier>('tiers', value, 1);
  if (!tiers) return;
  let before: number | undefined;
  let rateBefore: number | undefined;
  tiers.forEach((tier, k) => {
    const at = `tiers[${k}]`;
    const from = problems.share(`${at}.from`, tier?.from);
    const rate = problems.rate(`${at}.rate`, tier?.rate);
    if (retroactive && rate !== undefined && rateBefore !== undefined && rate < rateBefore) problems.add(`${at}.rate`, 'payout-falls');
    rateBefore = rate;
    if (from === undefined) {
      before = undefined;
      return;
    }
    if (k === 0 && from !== 0) problems.add(`${at}.from`, 'tiers-not-from-zero');
    if (k > 0 && before !== undefined && !(from > before)) problems.add(`${at}.from`, 'not-ascending');
    before = from;
  });
}

function checkCurve(problems: Problems, value: unknown): void {
  const points = problems.rows<CurvePoint>('curve', value, 2);
  if (!points) return;
  let before: { attainment?: number; payout?: number } = {};
  points.forEach((point, k) => {
    const at = `curve[${k}]`;
    const attainment = problems.share(`${at}.attainment`, point?.attainment);
    const payout = problems.share(`${at}.payout`, point?.payout);
    if (k > 0 && attainment !== undefined && before.attainment !== undefined && !(attainment > before.attainment)) {
      problems.add(`${at}.attainment`, 'not-ascending');
    }
    if (k > 0 && payout !== undefined && before.payout !== undefined && payout < before.payout) problems.add(`${at}.payout`, 'payout-falls');
    before = { attainment, payout };
  });
}

/** Every problem with the plan, in the order the form shows its fields; [] when it is sound. */
export function validatePlan(plan: CommissionPlan): PlanProblem[] {
  const problems = new Problems();
  const kind: unknown = plan?.kind;
  if (kind === 'flat') problems.rate('rate', (plan as { rate?: unknown }).rate);
  else if (kind === 'marginal' || kind === 'retroactive') checkTiers(problems, (plan as { tiers?: unknown }).tiers, kind === 'retroactive');
  else if (kind === 'curve') {
    const { curve, cap, targetIncentive } = plan as { curve?: unknown; cap?: unknown; targetIncentive?: unknown };
    checkCurve(problems, curve);
    if (present(cap)) {
      const n = problems.share('cap', cap);
      if (n !== undefined && n < 1) problems.add('cap', 'cap-below-target');
    }
    if (present(targetIncentive)) problems.number('targetIncentive', targetIncentive);
  } else problems.add('kind', 'unknown-kind');
  if (present(plan?.gate)) {
    const gate = problems.number('gate', plan.gate);
    if (gate !== undefined && gate > PLAN_LIMITS.maxGate) problems.add('gate', 'gate-above-250');
  }
  if (present(plan?.draw)) {
    problems.number('draw.amount', plan.draw?.amount);
    if (typeof plan.draw?.recoverable !== 'boolean') problems.add('draw.recoverable', 'missing');
  }
  if (present(plan?.periods) && plan.periods !== 'none' && plan.periods !== 'quarterly' && plan.periods !== 'annual') {
    problems.add('periods', 'unknown-periods');
  }
  return problems.list;
}

/** Every problem with the reps a plan is to pay; [] when they are sound. */
export function validateReps(plan: CommissionPlan, reps: readonly RepRow[]): PlanProblem[] {
  const problems = new Problems();
  if (!Array.isArray(reps) || reps.length === 0) return [{ field: 'reps', code: 'too-few' }];
  if (reps.length > PLAN_LIMITS.maxReps) return [{ field: 'reps', code: 'too-many' }];
  const periods = Array.isArray(reps[0]?.bookings) ? reps[0].bookings.length : 0;
  if (periods > PLAN_LIMITS.maxPeriods) problems.add('reps[0].bookings', 'too-many');
  const ownTarget = plan?.kind === 'curve' && !present(plan.targetIncentive);
  reps.forEach((row, i) => {
    const at = `reps[${i}]`;
    if (typeof row?.rep !== 'string') problems.add(`${at}.rep`, 'missing');
    if (!isNumber(row?.quota)) problems.add(`${at}.quota`, 'missing');
    else if (!(row.quota > 0)) problems.add(`${at}.quota`, 'quota-not-positive');
    if (!Array.isArray(row?.bookings) || row.bookings.length === 0) problems.add(`${at}.bookings`, 'missing');
    else {
      if (row.bookings.length !== periods) problems.add(`${at}.bookings`, 'bookings-count');
      // A refund month may be negative: only a number is required.
      row.bookings.forEach((b: unknown, m: number) => {
        if (!isNumber(b)) problems.add(`${at}.bookings[${m}]`, 'missing');
      });
    }
    if (ownTarget) problems.number(`${at}.targetIncentive`, row?.targetIncentive);
  });
  return problems.list;
}

/** Throws the plan's and reps' problems, if any, as one error. */
export function assertSound(plan: CommissionPlan, reps?: readonly RepRow[]): void {
  const problems = [...validatePlan(plan), ...(reps ? validateReps(plan, reps) : [])];
  if (problems.length > 0) throw new PlanProblemsError(problems);
}

