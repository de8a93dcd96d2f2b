/** Commission plan templates: the plan model, its checks, what it pays, and the auditable sheet. */
export type { CommissionPlan, CurvePlan, CurvePoint, Draw, FlatPlan, PayPeriods, PlanKind, PlanOptions, RepRow, Tier, TieredPlan } from './model';
export { PLAN_LIMITS } from './model';
export { PLAN_PROBLEM_CODES, type PlanProblem, type PlanProblemCode, PlanProblemsError, validatePlan, validateReps } from './validate';
export { type Earnings, type PeriodPayout, type RepPayout, earningsAt, referencePayouts } from './reference';
export { CHART_ATTAINMENTS, type CurvePreview, DEFAULT_EXAMPLE, type ExampleRep, type PayoutPoint, TABLE_ATTAINMENTS, payoutsAt, previewCurve } from './preview';
export { COMMISSION_SHEET_NAME, type CommissionSheetCells, type CommissionSheetOptions, type PeriodCells, buildCommissionSheet, commissionSheet } from './sheet';
