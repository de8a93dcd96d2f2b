import fc from 'fast-check';
import { call } from '../support/call';

const outcomes = fc.array(fc.constantFrom('Won', 'Lost', 'Open', 'Closed Won', 'closedlost', ' won ', 'Negotiation', null), {
  minLength: 1,
  maxLength: 40,
});

describe('WIN_RATE', () => {
  it('lies in [0, 1] on either basis, and the close rate never exceeds the win rate', () => {
    fc.assert(
      fc.property(outcomes, (labels) => {
        const column = labels.map((label) => [label]);
        const closed = call('WIN_RATE', column);
        const all = call('WIN_RATE', column, null, null, 'all');
        if (typeof closed === 'number') {
          expect(closed).toBeGreaterThanOrEqual(0);
          expect(closed).toBeLessThanOrEqual(1);
          expect(all as number).toBeLessThanOrEqual(closed);
        } else expect(closed).toBe('#DIV/0!');
        if (typeof all === 'number') expect(all).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('WEIGHTED_PIPELINE', () => {
  it('lies between 0 and the total pipeline for probabilities in [0, 1]', () => {
    const deals = fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true })), {
      minLength: 1,
      maxLength: 50,
    });
    fc.assert(
      fc.property(deals, (rows) => {
        const weighted = call('WEIGHTED_PIPELINE', rows.map(([a]) => [a]), rows.map(([, p]) => [p])) as number;
        const total = rows.reduce((sum, [a]) => sum + a, 0);
        expect(weighted).toBeGreaterThanOrEqual(0);
        expect(weighted).toBeLessThanOrEqual(total * (1 + 1e-12));
      }),
    );
  });
});

describe('STAGE_CONVERSION', () => {
  it('counts never grow down the funnel and every conversion lies in [0, 1]', () => {
    const stages = ['Lead', 'Qualified', 'Proposal', 'Won'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...stages), { minLength: 1, maxLength: 60 }), (furthest) => {
        const table = call('STAGE_CONVERSION', furthest.map((s) => [s]), stages.map((s) => [s])) as (number | string)[][];
        const reached = table.slice(1, 1 + stages.length).map((row) => row[1] as number);
        expect(reached[0]).toBe(furthest.length);
        for (let k = 1; k < reached.length; k++) expect(reached[k]).toBeLessThanOrEqual(reached[k - 1]);
        for (const row of table.slice(1)) {
          const conversion = row[2];
          if (typeof conversion === 'number') {
            expect(conversion).toBeGreaterThanOrEqual(0);
            expect(conversion).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });
});

describe('FORECAST_ACCURACY', () => {
  it('lies in [0, 1] and is 1 exactly when every forecast is right', () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 100000 })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(rows, (pairs) => {
        const accuracy = call('FORECAST_ACCURACY', pairs.map(([a]) => [a]), pairs.map(([, f]) => [f])) as number;
        expect(accuracy).toBeGreaterThanOrEqual(0);
        expect(accuracy).toBeLessThanOrEqual(1);
        expect(call('FORECAST_ACCURACY', pairs.map(([a]) => [a]), pairs.map(([a]) => [a]))).toBe(1);
      }),
    );
  });
});
