/**
 * A commission plan as plain data: what the sidebar's form produces, what
 * crosses google.script.run, and what the payout maths and the sheet read.
 *
 * Attainment, rates, tier bounds, curve points, the gate and the cap are
 * fractions (0.8 is 80%, 1.25 is 125% of quota); money (target incentive, the
 * draw) is an amount. A field set to null is left out ("no gate").
 */

export type PlanKind = 'flat' | 'marginal' | 'retroactive' | 'curve';

/**
 * How bookings entries (a rep's `bookings[]`) are paid. Each rep's `quota` is
 * the quota of one plan period, never split across its months: attainment is
 * always bookings to date in the plan period ÷ that whole quota.
 * - `none`: every entry is a plan period of its own, paid on its own (usually a
 *   single entry: the period's bookings).
 * - `quarterly`: a quarterly plan paid monthly; entries are months, three to a
 *   quarter from the first. Each month pays what the quarter's bookings to date
 *   earn minus what the quarter's earlier months paid (the true-up).
 * - `annual`: an annual plan paid monthly; up to twelve months, trued up
 *   against the year's bookings to date, so a big month late in the year is
 *   paid at the rate the year reached.
 */
export type PayPeriods = 'none' | 'quarterly' | 'annual';

/** A tier: from this attainment up (the first tier from 0), bookings earn `rate`. */
export interface Tier {
  readonly from: number;
  readonly rate: number;
}

/** A point of a pay curve: at this attainment the rep earns `payout` × target incentive. */
export interface CurvePoint {
  readonly attainment: number;
  readonly payout: number;
}

/** A draw: an advance paid each pay period when earnings fall short of it. */
export interface Draw {
  /** The amount guaranteed per pay period. */
  readonly amount: number;
  /** true: later earnings above the draw repay what it advanced (a carried balance); false: a floor, never repaid. */
  readonly recoverable: boolean;
}

/** Options any plan may have. */
export interface PlanOptions {
  /** Minimum attainment; below it nothing is earned (at it, the plan pays as usual). */
  readonly gate?: number | null;
  readonly draw?: Draw | null;
  /** Absent means `none`. */
  readonly periods?: PayPeriods;
}

/** One rate on all bookings. */
export interface FlatPlan extends PlanOptions {
  readonly kind: 'flat';
  readonly rate: number;
}

/**
 * Tiers by attainment. `marginal`: each slice of bookings earns its own tier's
 * rate, like tax brackets. `retroactive`: all bookings earn the rate of the
 * highest tier reached.
 */
export interface TieredPlan extends PlanOptions {
  readonly kind: 'marginal' | 'retroactive';
  /** Ascending by `from`, the first from 0. */
  readonly tiers: readonly Tier[];
}

/**
 * A target incentive paid by a pay curve: below the first point pays 0 (the
 * threshold); between points the payout is read off the straight line; beyond
 * the last point the last segment's slope continues (the accelerator). Points
 * whose slope is gentler below target than above it are the decelerator.
 */
export interface CurvePlan extends PlanOptions {
  readonly kind: 'curve';
  /** Ascending by attainment; at least two. */
  readonly curve: readonly CurvePoint[];
  /** The most the curve pays, as a share of target incentive (2 is 200%); null for no cap. */
  readonly cap?: number | null;
  /** One target incentive for every rep; null when each rep's row gives its own. */
  readonly targetIncentive?: number | null;
}

export type CommissionPlan = FlatPlan | TieredPlan | CurvePlan;

/** A rep as the sheet lists them: from a workbook range or example rows. */
export interface RepRow {
  /** The rep's name, written as text. */
  readonly rep: string;
  /** Quota for one plan period (see PayPeriods). */
  readonly quota: number;
  /** Bookings per pay period, in order: one entry, or one per month for a periodic plan. */
  readonly bookings: readonly number[];
  /** For a curve plan without one target incentive for everyone. */
  readonly targetIncentive?: number | null;
}

/** Limits a plan is checked against (validate.ts). */
export const PLAN_LIMITS = {
  /** The highest gate: a plan gated above 250% of quota pays nobody. */
  maxGate: 2.5,
  /** Tiers or curve points in one plan. */
  maxRows: 20,
  /** Pay periods (months) in one sheet. */
  maxPeriods: 12,
  /** Reps in one sheet. */
  maxReps: 2000,
} as const;

/** Months per plan period for each kind of pay periods. */
export const MONTHS_PER_PLAN_PERIOD: Readonly<Record<PayPeriods, number>> = { none: 1, quarterly: 3, annual: 12 };
