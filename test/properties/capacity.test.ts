/** Properties of the capacity functions over random inputs. */
import fc from 'fast-check';
import { type CellValue, type Matrix, findFunction, invoke } from '../../core';

const RUNS = { numRuns: 300 };
const spec = (name: string) => findFunction(name)!;
const col = (values: readonly CellValue[]): Matrix => values.map((v) => [v]);

/** Money-like amounts: whole dollars and cents, including awkward decimals. */
const amount = fc.oneof(fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: 1, max: 100_000_000 }).map((cents) => cents / 100));
/** Attainment fractions as typed into a sheet: whole percents, 1% to 100%. */
const attainment = fc.integer({ min: 1, max: 100 }).map((p) => p / 100);

describe('REPS_NEEDED', () => {
  it('is the fewest whole reps whose quota × attainment reaches the target', () => {
    fc.assert(
      fc.property(fc.oneof(amount, fc.constant(0)), amount, attainment, (target, quota, rate) => {
        const reps = invoke(spec('REPS_NEEDED'), [target, quota, rate]) as number;
        expect(Number.isInteger(reps)).toBe(true);
        // Enough: reps × quota × attainment ≥ target (up to the rounding of the inputs themselves).
        expect(reps * quota * rate).toBeGreaterThanOrEqual(target * (1 - 1e-12));
        // Fewest: one rep less falls short.
        if (reps > 0) expect((reps - 1) * quota * rate).toBeLessThan(target);
      }),
      RUNS,
    );
  });

  it('gives the same answer per row as one call per row', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount, attainment), { minLength: 1, maxLength: 20 }), (rows) => {
        const together = invoke(spec('REPS_NEEDED'), [col(rows.map((r) => r[0])), col(rows.map((r) => r[1])), col(rows.map((r) => r[2]))]);
        const single = rows.map((r) => invoke(spec('REPS_NEEDED'), [r[0], r[1], r[2]]));
        expect((Array.isArray(together) ? together.flat() : [together])).toEqual(single);
      }),
      RUNS,
    );
  });
});

describe('TEAM_CAPACITY', () => {
  const ramp = fc.array(attainment, { maxLength: 8 });
  const team = fc.array(fc.tuple(amount, fc.integer({ min: 1, max: 24 }), attainment), { minLength: 1, maxLength: 30 });

  it('never exceeds Σ quota × attainment, and reaches it when everyone is past the ramp', () => {
    fc.assert(
      fc.property(team, ramp, fc.boolean(), (reps, schedule, perRep) => {
        const quotas = col(reps.map((r) => r[0]));
        const months = col(reps.map((r) => r[1]));
        const rates = perRep ? col(reps.map((r) => r[2])) : reps[0][2];
        const ceiling = reps.reduce((sum, r) => sum + r[0] * (perRep ? r[2] : reps[0][2]), 0);
        const capacity = invoke(spec('TEAM_CAPACITY'), [quotas, months, [schedule.length ? schedule : [null]], rates]) as number;
        expect(capacity).toBeGreaterThanOrEqual(0);
        expect(capacity).toBeLessThanOrEqual(ceiling);
        const ramped = invoke(spec('TEAM_CAPACITY'), [quotas, col(reps.map((r) => r[1] + schedule.length)), [schedule.length ? schedule : [null]], rates]);
        expect(ramped).toBeCloseTo(ceiling, 6);
      }),
      RUNS,
    );
  });

  it('does not go down when a rep moves further into the ramp, for a rising ramp', () => {
    fc.assert(
      fc.property(amount, fc.array(attainment, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 10 }), (quota, steps, month) => {
        const schedule = [...steps].sort((a, b) => a - b);
        const now = invoke(spec('TEAM_CAPACITY'), [quota, month, [schedule]]) as number;
        const later = invoke(spec('TEAM_CAPACITY'), [quota, month + 1, [schedule]]) as number;
        expect(later).toBeGreaterThanOrEqual(now);
      }),
      RUNS,
    );
  });
});

describe('RAMP_TIME', () => {
  it('lies between the fastest and slowest ramp, mean and median alike', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 45000, max: 47000 }), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 40 }), (reps) => {
        const hires = col(reps.map(([hire]) => hire));
        const ramped = col(reps.map(([hire, days]) => hire + days));
        const days = reps.map(([, d]) => d);
        for (const statistic of ['mean', 'median']) {
          const result = invoke(spec('RAMP_TIME'), [hires, ramped, statistic]) as number;
          expect(result).toBeGreaterThanOrEqual(Math.min(...days));
          expect(result).toBeLessThanOrEqual(Math.max(...days));
        }
      }),
      RUNS,
    );
  });
});
