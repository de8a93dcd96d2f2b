/**
 * The sheet's native formulas, written from the cells of its parameter block,
 * so finance can change a rate, a tier or a curve point and every payout
 * follows. Only SUM, INDEX, MATCH, MIN, MAX, IF and arithmetic: they compute
 * the same in Excel (old and new), Sheets and LibreOffice. Each mirrors the
 * catalog function named beside it; the cross-engine test holds them equal.
 */
import type { CommissionPlan, Draw } from './model';

/** Where the parameter block keeps the plan's figures: absolute A1 names ("$B$6") and ranges ("$B$12:$B$14"). */
export interface ParameterCells {
  readonly rate?: string;
  readonly targetIncentive?: string;
  readonly cap?: string;
  readonly gate?: string;
  readonly draw?: string;
  /** `start`: commission earned below each tier's bound, as a share of quota (marginal plans). */
  readonly tiers?: { readonly from: string; readonly rate: string; readonly start?: string };
  /** `first`: the first point's attainment (the threshold); `slope`: payout per unit of attainment beyond each point. */
  readonly curve?: { readonly attainment: string; readonly payout: string; readonly slope: string; readonly first: string };
}

/** What one plan-period figure is computed from: cell names, or expressions in parentheses. */
export interface EarnedInputs {
  readonly attainment: string;
  readonly bookings: string;
  readonly quota: string;
  /** Curve plans: the target incentive, and the payout share (from curveShareFormula). */
  readonly target?: string;
  readonly share?: string;
}

/** The tier `attainment` falls in, as COMMISSION finds it (below 0 the first tier's rate applies). */
const tierOf = (cells: NonNullable<ParameterCells['tiers']>, attainment: string) => `MATCH(MAX(${attainment},0),${cells.from},1)`;

/** PAYOUT_CURVE: 0 below the threshold, else the line through the point at or below, never below 0; then the cap. */
export function curveShareFormula(cells: ParameterCells, attainment: string): string {
  const curve = cells.curve!;
  const k = `MATCH(MAX(${attainment},${curve.first}),${curve.attainment},1)`;
  const line = `MAX(0,INDEX(${curve.payout},${k})+(${attainment}-INDEX(${curve.attainment},${k}))*INDEX(${curve.slope},${k}))`;
  const capped = cells.cap ? `MIN(${cells.cap},${line})` : line;
  return `IF(${attainment}<${curve.first},0,${capped})`;
}

/** What the plan pays on bookings to date, the gate applied. */
export function earnedFormula(plan: CommissionPlan, cells: ParameterCells, x: EarnedInputs): string {
  let earned: string;
  if (plan.kind === 'flat') earned = `${x.bookings}*${cells.rate}`;
  else if (plan.kind === 'curve') earned = `${x.target}*${x.share}`;
  else {
    const tiers = cells.tiers!;
    const k = tierOf(tiers, x.attainment);
    earned =
      plan.kind === 'retroactive'
        ? `${x.bookings}*INDEX(${tiers.rate},${k})`
        : `${x.quota}*(INDEX(${tiers.start},${k})+(${x.attainment}-INDEX(${tiers.from},${k}))*INDEX(${tiers.rate},${k}))`;
  }
  return cells.gate ? `IF(${x.attainment}<${cells.gate},0,${earned})` : earned;
}

/**
 * DRAW_SCHEDULE for one pay period: paid = max(earned, draw) − repaid, where
 * repaid = min(balance before, max(earned − draw, 0)); the balance grows by
 * max(draw − earned, 0) and falls by what was repaid. `balanceBefore` is
 * undefined in the first period (nothing owed yet) and for a non-recoverable draw.
 */
export function drawFormulas(draw: Draw, cells: ParameterCells, earned: string, balanceBefore?: string): { paid: string; balance?: string } {
  const d = cells.draw!;
  if (!draw.recoverable) return { paid: `MAX(${earned},${d})` };
  if (balanceBefore === undefined) return { paid: `MAX(${earned},${d})`, balance: `MAX(${d}-${earned},0)` };
  const repaid = `MIN(${balanceBefore},MAX(${earned}-${d},0))`;
  return { paid: `MAX(${earned},${d})-${repaid}`, balance: `${balanceBefore}+MAX(${d}-${earned},0)-${repaid}` };
}
