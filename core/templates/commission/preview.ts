/** The sidebar's live preview: what a plan pays across attainment, for an example rep. */
import type { CommissionPlan } from './model';
import { earningsAt } from './reference';
import { assertSound } from './validate';

/** The rep the preview (and the sheet's payout table) pays: a quota, and a target incentive for curve plans without one figure. */
export interface ExampleRep {
  readonly quota: number;
  readonly targetIncentive: number;
}

export const DEFAULT_EXAMPLE: ExampleRep = { quota: 100000, targetIncentive: 20000 };

/** The chart's attainments: 0% to 200% in steps of 5% (k/20 reads exactly as the decimal 0.05k). */
export const CHART_ATTAINMENTS: readonly number[] = Array.from({ length: 41 }, (_, k) => k / 20);

/** The preview table's attainments. */
export const TABLE_ATTAINMENTS: readonly number[] = [0.5, 0.8, 1, 1.2, 1.5];

export interface PayoutPoint {
  readonly attainment: number;
  /** What the plan period pays the example rep at this attainment, the gate applied (a draw is per pay period, so left out). */
  readonly payout: number;
}

export interface CurvePreview {
  readonly example: ExampleRep;
  readonly chart: readonly PayoutPoint[];
  readonly table: readonly PayoutPoint[];
}

/** The target incentive the example rep gets: the plan's own figure when it has one. */
export function exampleTarget(plan: CommissionPlan, example: ExampleRep): number {
  return plan.kind === 'curve' ? (plan.targetIncentive ?? example.targetIncentive) : example.targetIncentive;
}

/** What the plan period pays the example rep at each attainment. The plan must be sound. */
export function payoutsAt(plan: CommissionPlan, attainments: readonly number[], example: ExampleRep = DEFAULT_EXAMPLE): PayoutPoint[] {
  const target = exampleTarget(plan, example);
  const earnings = earningsAt(
    plan,
    attainments.map((a) => a * example.quota),
    attainments.map(() => example.quota),
    attainments.map(() => target),
  );
  return earnings.map((e, i) => ({ attainment: attainments[i], payout: e.earned }));
}

/** Payout against attainment 0–200% for the chart, and at 50, 80, 100, 120 and 150% for the table. Throws PlanProblemsError for an unsound plan. */
export function previewCurve(plan: CommissionPlan, example: ExampleRep = DEFAULT_EXAMPLE): CurvePreview {
  assertSound(plan);
  return { example, chart: payoutsAt(plan, CHART_ATTAINMENTS, example), table: payoutsAt(plan, TABLE_ATTAINMENTS, example) };
}
