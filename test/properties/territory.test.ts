/** Properties of the territory functions over random inputs. */
import fc from 'fast-check';
import { type CellValue, FormulaError, type Matrix, findFunction, invoke } from '../../core';

const RUNS = { numRuns: 200 };
const spec = (name: string) => findFunction(name)!;
const col = (values: readonly CellValue[]): Matrix => values.map((v) => [v]);

/** The result as a flat list (a single cell counts as a list of one). */
function flat(result: unknown): unknown[] {
  return Array.isArray(result) ? result.flat() : [result];
}

describe('ROUND_ROBIN', () => {
  const reps = fc.array(fc.constantFrom('Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay'), { minLength: 1, maxLength: 6 }).map((names) =>
    names.map((name, i) => `${name}${i}`),
  );
  /** Items with some blanks, as a column. */
  const items = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant<CellValue>('lead') }, { weight: 1, arbitrary: fc.constant<CellValue>(null) }), {
    minLength: 1,
    maxLength: 80,
  });

  function counts(result: unknown, names: readonly string[]): number[] {
    const picks = flat(result).filter((cell) => cell !== null);
    return names.map((name) => picks.filter((pick) => pick === name).length);
  }

  it('cycling gives every rep an equal share ±1, earlier reps first', () => {
    fc.assert(
      fc.property(items, reps, (list, names) => {
        const filled = list.filter((item) => item !== null).length;
        const got = counts(invoke(spec('ROUND_ROBIN'), [col(list), col(names)]), names);
        const share = Math.floor(filled / names.length);
        got.forEach((count, i) => expect(count).toBe(share + (i < filled % names.length ? 1 : 0)));
      }),
      RUNS,
    );
  });

  it('with weights, every prefix of picks gives each rep its weighted share within two items', () => {
    fc.assert(
      fc.property(
        reps.chain((names) =>
          fc.tuple(
            fc.constant(names),
            fc.array(fc.integer({ min: 0, max: 12 }), { minLength: names.length, maxLength: names.length }).filter((w) => w.some((x) => x > 0)),
            fc.integer({ min: 1, max: 120 }),
          ),
        ),
        ([names, weights, n]) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const picks = flat(invoke(spec('ROUND_ROBIN'), [col(new Array(n).fill('lead')), col(names), col(weights)]));
          const seen = names.map(() => 0);
          let worst = 0;
          picks.forEach((pick, k) => {
            seen[names.indexOf(pick as string)]++;
            seen.forEach((count, i) => (worst = Math.max(worst, Math.abs(count - ((k + 1) * weights[i]) / total))));
          });
          expect(picks).toHaveLength(n);
          expect(worst).toBeLessThan(2);
        },
      ),
      RUNS,
    );
  });

  it('blank items neither get a rep nor use a turn', () => {
    fc.assert(
      fc.property(items, reps, fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 6, maxLength: 6 }), (list, names, w) => {
        const weights = col(names.map((_n, i) => w[i] + 1));
        const withBlanks = flat(invoke(spec('ROUND_ROBIN'), [col(list), col(names), weights]));
        const filled = list.filter((item) => item !== null);
        const without = flat(invoke(spec('ROUND_ROBIN'), [col(filled), col(names), weights]));
        list.forEach((item, i) => {
          if (item === null && i < withBlanks.length) expect(withBlanks[i]).toBeNull();
        });
        expect(withBlanks.filter((cell) => cell !== null)).toEqual(without.filter((cell) => cell !== null));
      }),
      RUNS,
    );
  });
});

/** Accounts spread over territories: assignment labels in mixed case/spacing, integer weights. */
const accounts = fc.array(
  fc.tuple(fc.constantFrom<CellValue>('North', 'north ', ' NORTH', 'South', 'east', 'East', 1, '1', 2, null), fc.integer({ min: 0, max: 10_000 })),
  { minLength: 1, maxLength: 60 },
);

function balance(assignments: CellValue[], weights: CellValue[], measure?: string): number | string {
  try {
    return invoke(spec('TERRITORY_BALANCE'), [col(assignments), col(weights), measure]) as number;
  } catch (error) {
    if (error instanceof FormulaError) return error.code;
    throw error;
  }
}

describe('TERRITORY_BALANCE', () => {
  it('is exactly 0 (max_min_ratio 1) when every territory has the same total, however it is split', () => {
    const split = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 100_000 })).chain(([k, total]) =>
      fc.tuple(
        fc.constant(total),
        // Per territory: cut points that split the common total into accounts.
        fc.array(fc.array(fc.integer({ min: 0, max: total }), { maxLength: 5 }), { minLength: k, maxLength: k }),
      ),
    );
    fc.assert(
      fc.property(split, fc.boolean(), ([total, cuts], named) => {
        const assignments: CellValue[] = [];
        const weights: CellValue[] = [];
        cuts.forEach((points, t) => {
          const bounds = [0, ...[...points].sort((a, b) => a - b), total];
          for (let i = 1; i < bounds.length; i++) {
            assignments.push(named ? `Territory ${t}` : t + 1);
            weights.push(bounds[i] - bounds[i - 1]);
          }
        });
        // Interleave the rows so territories are not contiguous.
        const order = assignments.map((_a, i) => i).sort((a, b) => ((a * 7919) % 13) - ((b * 7919) % 13) || a - b);
        const a = order.map((i) => assignments[i]);
        const w = order.map((i) => weights[i]);
        for (const measure of ['max_deviation', 'cv', 'gini']) expect(balance(a, w, measure)).toBe(0);
        expect(balance(a, w, 'max_min_ratio')).toBe(1);
      }),
      RUNS,
    );
  });

  it('is never negative (ratio never below 1) and never NaN; all-zero weights are #DIV/0!', () => {
    fc.assert(
      fc.property(accounts, fc.constantFrom('max_deviation', 'cv', 'gini', 'max_min_ratio'), (rows, measure) => {
        const assignments = rows.map(([a]) => a);
        const weights = rows.map(([a, w]) => (a === null ? null : w));
        const result = balance(assignments, weights, measure);
        if (typeof result === 'string') {
          expect(result).toBe('#DIV/0!');
          return;
        }
        expect(Number.isFinite(result)).toBe(true);
        expect(result).toBeGreaterThanOrEqual(measure === 'max_min_ratio' ? 1 : 0);
        if (measure === 'gini') expect(result).toBeLessThan(1);
      }),
      RUNS,
    );
  });
});

describe('TERRITORY_SUMMARY', () => {
  it('accounts add up to the non-blank rows and totals to the weight sum; shares average 1', () => {
    fc.assert(
      fc.property(accounts, (rows) => {
        const assignments = rows.map(([a]) => a);
        const weights = rows.map(([a, w]) => (a === null ? null : w));
        const table = invoke(spec('TERRITORY_SUMMARY'), [col(assignments), col(weights)]) as Matrix;
        expect(table[0]).toEqual(['Territory', 'Accounts', 'Total weight', 'Share of mean']);
        const body = table.slice(1);
        const filled = rows.filter(([a]) => a !== null);
        expect(body.reduce((sum, row) => sum + (row[1] as number), 0)).toBe(filled.length);
        expect(body.reduce((sum, row) => sum + (row[2] as number), 0)).toBe(filled.reduce((sum, [, w]) => sum + w, 0));
        // One row per distinct territory (North/north/NORTH are one; 1 and "1" are one).
        const distinct = new Set(filled.map(([a]) => String(a).trim().toLowerCase()));
        expect(body.length).toBe(distinct.size);
        const shares = body.map((row) => row[3]);
        if (shares.length === 0) return;
        if (shares.every((share) => typeof share === 'number')) {
          const meanShare = (shares as number[]).reduce((a, b) => a + b, 0) / shares.length;
          expect(meanShare).toBeCloseTo(1, 9);
        } else {
          expect(body.every((row) => row[2] === 0)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('ASSIGN_BY_RULES', () => {
  type Op = '>' | '>=' | '<' | '<=' | '=' | '<>' | 'range' | 'plain' | 'any';
  const value = fc.integer({ min: -20, max: 20 });
  const condition = fc.tuple(fc.constantFrom<Op>('>', '>=', '<', '<=', '=', '<>', 'range', 'plain', 'any'), value, value, fc.boolean());

  /** The rule cell as an analyst would type it. */
  function written([op, a, b, spaced]: [Op, number, number, boolean]): CellValue {
    const [low, high] = [Math.min(a, b), Math.max(a, b)];
    if (op === 'any') return spaced ? '*' : null;
    if (op === 'plain') return spaced ? a : String(a);
    if (op === 'range') return spaced ? `${low} - ${high}` : `${low}-${high}`;
    return spaced ? `${op} ${a}` : `${op}${a}`;
  }

  function holds([op, a, b]: [Op, number, number, boolean], x: number): boolean {
    switch (op) {
      case '>': return x > a;
      case '>=': return x >= a;
      case '<': return x < a;
      case '<=': return x <= a;
      case '=': case 'plain': return x === a;
      case '<>': return x !== a;
      case 'range': return x >= Math.min(a, b) && x <= Math.max(a, b);
      default: return true;
    }
  }

  it('gives each account the owner of the first rule it satisfies, or #N/A', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value), { minLength: 2, maxLength: 30 }),
        fc.array(fc.tuple(condition, condition), { minLength: 1, maxLength: 8 }),
        (rows, rules) => {
          const attributes: Matrix = [['Score', 'Delta'], ...rows.map(([x, y]) => [x, String(y)])];
          const table: Matrix = [[' delta', 'SCORE', 'Owner'], ...rules.map(([onScore, onDelta], i) => [written(onDelta), written(onScore), `Rep ${i}`])];
          const want = rows.map(([x, y]) => {
            const first = rules.findIndex(([onScore, onDelta]) => holds(onScore, x) && holds(onDelta, y));
            return first < 0 ? '#N/A' : `Rep ${first}`;
          });
          const got = flat(invoke(spec('ASSIGN_BY_RULES'), [attributes, table])).map((cell) => (cell instanceof FormulaError ? cell.code : cell));
          expect(got).toEqual(want);
        },
      ),
      RUNS,
    );
  });
});
