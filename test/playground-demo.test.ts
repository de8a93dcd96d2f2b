/** The playground's demo CRM workbook: the same on every machine, consistent, and its formulas all compute. */
import { DEAL_COUNT, STAGES, demoData, demoSheets } from '../playground/demo';
import { Workbook } from '../playground/workbook';
import { parseRange } from '../core/a1';

describe('demo data', () => {
  const { deals, reps } = demoData();

  it('is identical on every run (fixed seed)', () => {
    expect(demoData()).toEqual({ deals, reps });
    expect(demoData(1).deals).not.toEqual(deals);
  });

  it('has a few hundred deals with unique ids, owned by the reps, in stages the Stages sheet lists', () => {
    expect(deals).toHaveLength(DEAL_COUNT);
    expect(DEAL_COUNT).toBeGreaterThanOrEqual(200);
    expect(new Set(deals.map((deal) => deal.id)).size).toBe(deals.length);
    const repNames = new Set(reps.map((rep) => rep.name));
    const stages = new Map(STAGES);
    for (const deal of deals) {
      expect(repNames.has(deal.owner)).toBe(true);
      expect(stages.get(deal.stage)).toBe(deal.probability);
      expect(deal.created).toBeLessThan(deal.close);
      expect(deal.amount).toBeGreaterThan(0);
    }
  });

  it('mixes won, lost and open deals', () => {
    const outcomes = new Set(deals.map((deal) => deal.outcome));
    expect([...outcomes].sort()).toEqual(['Lost', 'Open', 'Won']);
  });
});

describe('the demo workbook', () => {
  const workbook = new Workbook();
  for (const plan of demoSheets()) workbook.insertPlan(plan);

  it('has Reps, Deals and Stages sheets', () => {
    expect(workbook.sheetNames()).toEqual(['Reps', 'Deals', 'Stages']);
  });

  it('shows no error in any cell', () => {
    const errors: string[] = [];
    for (const name of workbook.sheetNames()) {
      const id = workbook.sheetId(name);
      const { rows, cols } = workbook.extent(id);
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          const view = workbook.view(id, { row, col });
          if (view.kind === 'error') errors.push(`${name} ${row + 1}:${col + 1} ${view.text} ${view.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it("computes each rep's closed-won total and attainment from the deals", () => {
    const { deals, reps } = demoData();
    const id = workbook.sheetId('Reps');
    const table = workbook.values(id, parseRange(`A2:F${reps.length + 1}`)!);
    reps.forEach((rep, i) => {
      let won = 0;
      for (const deal of deals) if (deal.owner === rep.name && deal.outcome === 'Won') won += deal.amount;
      const [name, , quota, , closedWon, attainment] = table[i];
      expect({ name, quota, closedWon }).toEqual({ name: rep.name, quota: rep.quota, closedWon: won });
      expect(attainment).toBeCloseTo(won / rep.quota, 12);
    });
  });

  it('shows close dates as dates', () => {
    const id = workbook.sheetId('Deals');
    expect(workbook.view(id, { row: 1, col: 7 }).text).toMatch(/^2026-\d\d-\d\d$/);
  });
});
