/** Which pay periods share a plan period, and what the sheet calls them. */
import { type SheetWords, numbered } from '../words';
import { type CommissionPlan, MONTHS_PER_PLAN_PERIOD } from './model';

/** Pay periods per plan period: 1 (each settled alone), 3 (a quarter's months) or 12 (a year's). */
export function monthsPerPlanPeriod(plan: CommissionPlan): number {
  return MONTHS_PER_PLAN_PERIOD[plan.periods ?? 'none'];
}

/** Whether pay period `index` (0-based) starts a plan period: its bookings to date start again from 0. */
export function startsPlanPeriod(plan: CommissionPlan, index: number): boolean {
  return index % monthsPerPlanPeriod(plan) === 0;
}

/** The pay periods of the same plan period up to and including `index`, the first first. */
export function periodsToDate(plan: CommissionPlan, index: number): number[] {
  const first = index - (index % monthsPerPlanPeriod(plan));
  return Array.from({ length: index - first + 1 }, (_, k) => first + k);
}

/**
 * Column-group titles: "Month 1".."Month 12", "Q2 month 1", or "Period 1" for
 * plan periods settled alone, in the commission sheet's words (`say`).
 */
export function periodLabels(plan: CommissionPlan, count: number, say: SheetWords): string[] {
  const periods = plan.periods ?? 'none';
  return Array.from({ length: count }, (_, i) => {
    if (periods === 'annual') return numbered(say, 'month', i + 1);
    if (periods === 'quarterly') return `${say('quarter')}${Math.floor(i / 3) + 1} ${numbered(say, 'quarter.month', (i % 3) + 1)}`;
    return numbered(say, 'period', i + 1);
  });
}
