/**
 * Problems with a plan or its reps, each addressed to a field the form shows
 * ("tiers[1].from", "draw.amount", "reps[3].quota") with a stable code the
 * sidebar turns into a message. Each figure is checked by its declared field
 * (fields.ts); what follows here are the rules across fields (tiers in order,
 * a cap above target). A plan without problems computes: the catalog
 * functions accept every figure in it.
 */
import { FIELD_PROBLEM_CODES, type FieldProblem, FieldProblemsError, readFields } from '../fields';
import { KIND_FIELD, PLAN_FIELDS, REPS_FIELD } from './fields';
import { type CommissionPlan, type CurvePoint, type RepRow, type Tier, PLAN_LIMITS } from './model';

export const PLAN_PROBLEM_CODES = [
  ...FIELD_PROBLEM_CODES,
  'tiers-not-from-zero',
  /** A tier bound, or a curve point's attainment, not above the one before it. */
  'not-ascending',
  /** A curve point paying less than the one before it, or a retroactive tier's rate falling: selling more would pay less. */
  'payout-falls',
  /** A cap below 100% of target incentive: nobody could earn their target. */
  'cap-below-target',
  'gate-above-250',
] as const;

export type PlanProblemCode = (typeof PLAN_PROBLEM_CODES)[number];

export type PlanProblem = FieldProblem<PlanProblemCode>;

/** A plan (or its reps) refused with its problems, when the payouts, preview or sheet are asked for directly. */
export class PlanProblemsError extends FieldProblemsError<PlanProblemCode> {
  constructor(problems: readonly PlanProblem[]) {
    super('the commission plan', problems);
  }
}

function tierProblems(tiers: readonly Tier[], retroactive: boolean): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (tiers[0].from !== 0) problems.push({ field: 'tiers[0].from', code: 'tiers-not-from-zero' });
  for (let k = 1; k < tiers.length; k++) {
    if (!(tiers[k].from > tiers[k - 1].from)) problems.push({ field: `tiers[${k}].from`, code: 'not-ascending' });
    if (retroactive && tiers[k].rate < tiers[k - 1].rate) problems.push({ field: `tiers[${k}].rate`, code: 'payout-falls' });
  }
  return problems;
}

function curveProblems(curve: readonly CurvePoint[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (let k = 1; k < curve.length; k++) {
    if (!(curve[k].attainment > curve[k - 1].attainment)) problems.push({ field: `curve[${k}].attainment`, code: 'not-ascending' });
    if (curve[k].payout < curve[k - 1].payout) problems.push({ field: `curve[${k}].payout`, code: 'payout-falls' });
  }
  return problems;
}

/** Every problem with the plan, in the order the form shows its fields; [] when it is sound. */
export function validatePlan(plan: CommissionPlan): PlanProblem[] {
  const { values, problems } = readFields(PLAN_FIELDS, (plan ?? {}) as unknown as Readonly<Record<string, unknown>>);
  return problems.length > 0 ? problems : planRules(values as unknown as CommissionPlan);
}

/** The rules across a plan's fields, once every field reads: tiers and curve points in order, a cap above target, a gate a rep can reach. */
export function planRules(read: CommissionPlan): PlanProblem[] {
  const rules: PlanProblem[] = [];
  if (read.kind === 'marginal' || read.kind === 'retroactive') rules.push(...tierProblems(read.tiers, read.kind === 'retroactive'));
  if (read.kind === 'curve') {
    rules.push(...curveProblems(read.curve));
    if (read.cap !== null && read.cap !== undefined && read.cap < 1) rules.push({ field: 'cap', code: 'cap-below-target' });
  }
  if (read.gate !== null && read.gate !== undefined && read.gate > PLAN_LIMITS.maxGate) rules.push({ field: 'gate', code: 'gate-above-250' });
  return rules;
}

/** Every problem with the reps a plan is to pay; [] when they are sound. */
export function validateReps(plan: CommissionPlan, reps: readonly RepRow[]): PlanProblem[] {
  if (!Array.isArray(reps) || reps.length === 0) return [{ field: 'reps', code: 'too-few' }];
  // The rows' columns follow the plan's kind: a curve plan's reps may carry their own target incentive.
  const { problems } = readFields([KIND_FIELD, REPS_FIELD], { kind: plan?.kind, reps });
  return [...(problems as PlanProblem[]), ...repRules(plan, reps)];
}

/** The rule across the plan and its reps: without one target incentive for everyone, a curve plan needs each rep's own. */
export function repRules(plan: CommissionPlan, reps: readonly RepRow[]): PlanProblem[] {
  if (plan?.kind !== 'curve' || (plan.targetIncentive !== null && plan.targetIncentive !== undefined)) return [];
  const problems: PlanProblem[] = [];
  reps.forEach((row, i) => {
    const own = row?.targetIncentive;
    if (typeof own !== 'number' || !Number.isFinite(own) || own < 0) problems.push({ field: `reps[${i}].targetIncentive`, code: 'missing' });
  });
  return problems;
}

/** Throws the plan's and reps' problems, if any, as one error. */
export function assertSound(plan: CommissionPlan, reps?: readonly RepRow[]): void {
  const problems = [...validatePlan(plan), ...(reps ? validateReps(plan, reps) : [])];
  if (problems.length > 0) throw new PlanProblemsError(problems);
}
