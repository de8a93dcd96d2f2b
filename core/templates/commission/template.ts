/**
 * The commission plan template: the form's fields, the checks across them, a
 * live preview of what the plan pays, and the auditable sheet it inserts.
 */
import { createRandom } from '../../random';
import type { FieldValues } from '../fields';
import type { TemplateDefinition, TemplatePreview } from '../index';
import { PLAN_FIELDS, REPS_FIELD } from './fields';
import { type CommissionPlan, MONTHS_PER_PLAN_PERIOD, type RepRow } from './model';
import { previewCurve } from './preview';
import { COMMISSION_SHEET_NAME, commissionSheet } from './sheet';
import { planRules, repRules } from './validate';

const EXAMPLE_NAMES = ['Ana Ortiz', 'Ben Okafor', 'Chen Wei', 'Dana Kowalska', 'Eli Tanaka', 'Farah Müller'];

/**
 * Six example reps whose attainment spreads from about 40% to 160% of quota,
 * with one bookings figure per pay period of the plan's periods. Seeded, so
 * the same plan always shows the same reps.
 */
export function exampleReps(plan: CommissionPlan): RepRow[] {
  const random = createRandom(2026);
  const months = MONTHS_PER_PLAN_PERIOD[plan.periods ?? 'none'];
  return EXAMPLE_NAMES.slice(0, REPS_FIELD.examples).map((rep, i) => {
    const quota = 100000 + 25000 * random.int(0, 4);
    const attainment = 0.4 + (1.2 * i) / (REPS_FIELD.examples - 1);
    // The period's bookings, spread unevenly over its months: a big month late in the period shows the true-up.
    const weights = Array.from({ length: months }, () => 0.5 + random.next());
    const total = weights.reduce((sum, w) => sum + w, 0);
    const bookings = weights.map((w) => Math.round((quota * attainment * w) / total / 100) * 100);
    return { rep, quota, bookings, ...(plan.kind === 'curve' ? { targetIncentive: 20000 } : {}) };
  });
}

const planOf = (values: FieldValues) => values as unknown as CommissionPlan;
const repsOf = (values: FieldValues) => (values.reps as RepRow[] | null) ?? exampleReps(planOf(values));

export const COMMISSION_TEMPLATE: TemplateDefinition = {
  id: 'commission',
  title: 'template.commission.title',
  description: 'template.commission.description',
  insertLabel: 'template.commission.insert',
  sheetName: COMMISSION_SHEET_NAME,
  fields: [...PLAN_FIELDS, REPS_FIELD],
  // checkTemplate has read every field against the declaration: only the rules across fields are left.
  check(values) {
    const plan = planOf(values);
    const problems = planRules(plan);
    return problems.length > 0 || values.reps === null ? problems : repRules(plan, values.reps as RepRow[]);
  },
  preview(values): TemplatePreview {
    const { chart, table, example } = previewCurve(planOf(values));
    return {
      x: chart.map((point) => point.attainment),
      y: chart.map((point) => point.payout),
      table: table.map((point) => ({ x: point.attainment, y: point.payout })),
      example: example.quota,
    };
  },
  plan: (values, words) => commissionSheet(planOf(values), repsOf(values), words),
};
