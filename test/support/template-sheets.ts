/**
 * Requests that make each template write every word it has: every commission
 * plan kind with and without each option, for every kind of pay periods, and
 * the examples sheet. The reps' names are data, not words.
 */
import { type SheetPlan, type SheetWords, TEMPLATES, planTemplate } from '../../core/templates';
import { defaultValues } from '../../core/templates/fields';

export const REP_NAMES = ['Ana', 'Bo'] as const;
export const ACCOUNT_NAMES = ['Acme', 'Globex', 'Initech', 'Hooli'] as const;
export const TERRITORY_REPS = ['Cy', 'Di'] as const;

function reps(kind: string, periods: string): object[] {
  const count = periods === 'annual' ? 12 : periods === 'quarterly' ? 6 : 2;
  return REP_NAMES.map((rep, i) => ({
    rep,
    quota: 100_000 * (i + 1),
    bookings: Array.from({ length: count }, (_, m) => 10_000 * (m + 1)),
    ...(kind === 'curve' ? { targetIncentive: 15_000 } : {}),
  }));
}

export function everyTemplateRequest(): Record<string, unknown>[] {
  const commission = TEMPLATES.find((definition) => definition.id === 'commission')!;
  const requests: Record<string, unknown>[] = [];
  for (const kind of ['flat', 'marginal', 'retroactive', 'curve']) {
    for (const periods of ['none', 'quarterly', 'annual']) {
      for (const draw of [null, { amount: 2000, recoverable: true }, { amount: 2000, recoverable: false }]) {
        const curveOptions = kind === 'curve' ? [{ targetIncentive: 20_000, cap: 1.5 }, { targetIncentive: null, cap: null }] : [{}];
        for (const options of curveOptions) {
          requests.push({ ...defaultValues(commission.fields), template: 'commission', kind, periods, draw, gate: draw ? 0.5 : null, ...options, reps: reps(kind, periods) });
        }
      }
    }
  }
  // Territories from a table with owners and locks and no importance given (each balance column "Balance n"), by count and by reps.
  for (const by of ['count', 'reps']) {
    const names = by === 'count' ? ['1', '2'] : TERRITORY_REPS;
    const accounts = ACCOUNT_NAMES.map((account, i) => ({ account, balances: [10 * (i + 1), 1], owner: names[i % 2], locked: i === 0 ? names[0] : '' }));
    requests.push({ template: 'territory', accounts, measures: null, by, count: 2, reps: TERRITORY_REPS.map((rep) => ({ rep, share: null })), tolerance: 0.05 });
  }
  // The form's defaults, with the example reps.
  for (const definition of TEMPLATES) requests.push({ ...defaultValues(definition.fields), template: definition.id });
  return requests;
}

/** Every sheet `words` writes for everyTemplateRequest(). */
export function everyTemplateSheet(words: SheetWords): SheetPlan[] {
  return everyTemplateRequest().map((request) => planTemplate(request, words));
}

/** Every catalog id a template writes into a sheet, sheet names included. */
export function sheetWordIds(): Set<string> {
  const ids = new Set<string>();
  everyTemplateSheet((id) => {
    ids.add(id);
    return id;
  });
  return ids;
}
