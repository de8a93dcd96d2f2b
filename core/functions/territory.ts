/** Territory and assignment: how even a split is, what each territory holds, rule-based and round-robin assignment. */
import { type FormulaError, badNumber, badValue, divZero, notFound } from '../errors';
import { type NumberRange, type Table, type ValueRange, describeShape, inCell, inRow } from '../ranges';
import { Rows } from '../rows';
import { BLANK_ID, type BoundCondition, NO_ID, type RuleSet, keepPassing, numberKey, readRules, textKey } from '../rules';
import { gini, mean } from '../statistics';
import { TERRITORY_ASSIGN } from './territory-assign';
import { choice, defineFunction, numbers, optional, table, text, values } from '../spec';
import { type CellValue, type Matrix, type ResultCell, describeValue, formatNumber, isBlank, normalizeLabel } from '../values';

/**
 * Territories as assignments name them: numbers or names, names matched
 * case-insensitively after trimming, numbers as the sheet shows them (so 1 and
 * "1" are one territory). Territories are numbered 0, 1, … in order of first
 * appearance and keep the first spelling for display.
 */
class TerritoryIndex {
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();
  private readonly byKey = new Map<string, number>();
  readonly display: CellValue[] = [];
  readonly totals: number[] = [];
  readonly counts: number[] = [];
  /** The last cell seen and its territory: exports are often sorted, so most rows repeat the one before. */
  private lastCell: CellValue = null;
  private lastId = -1;

  /** Adds one account of `weight` to the territory `cell` names. */
  add(cell: CellValue, weight: number, assignments: ValueRange, index: number): void {
    let id: number | undefined;
    if (cell === this.lastCell) id = this.lastId;
    else if (typeof cell === 'number') {
      id = this.byNumber.get(cell);
      if (id === undefined) this.byNumber.set(cell, (id = this.idOfKey(formatNumber(cell), cell)));
    } else if (typeof cell === 'string') {
      id = this.byText.get(cell);
      if (id === undefined) this.byText.set(cell, (id = this.idOfKey(normalizeLabel(cell), cell.trim())));
    } else {
      throw badValue(`assignments ${describeValue(cell)}${inRow(assignments, index)} is not a territory: use a territory name or number`);
    }
    this.lastCell = cell;
    this.lastId = id;
    this.totals[id] += weight;
    this.counts[id]++;
  }

  private idOfKey(key: string, display: CellValue): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.display.length;
      this.byKey.set(key, id);
      this.display.push(display);
      this.totals.push(0);
      this.counts.push(0);
    }
    return id;
  }
}

/** Adds up each territory's accounts and weight; a negative or unreadable weight is an error naming the row. */
function territoryTotals(assignments: ValueRange, weights: NumberRange): TerritoryIndex {
  const territories = new TerritoryIndex();
  const rows = new Rows([assignments, weights]);
  for (let i = 0; i < rows.size; i++) {
    const cell = assignments.at(i);
    const weight = weights.at(i);
    if (rows.countsWith(i, weight, cell !== null)) territories.add(cell, weight, assignments, i);
  }
  territories.totals.forEach((total, t) => {
    if (!Number.isFinite(total)) {
      throw badNumber(
        `the weights of territory ${describeValue(territories.display[t])} add up to more than a spreadsheet can hold: scale them down (thousands, millions)`,
      );
    }
  });
  return territories;
}

/** The weights TERRITORY_BALANCE and TERRITORY_SUMMARY add up per territory. */
const ACCOUNT_WEIGHTS = numbers('weights', 'Each account\'s weight (potential, revenue, workload); a single cell such as 1 counts accounts.', {
  limit: 'nonNegative',
  label: 'weight',
});

const BALANCE_MEASURES = ['max_deviation', 'cv', 'gini', 'max_min_ratio'];

export const TERRITORY_BALANCE = defineFunction({
  name: 'TERRITORY_BALANCE',
  category: 'territory',
  summary: 'How even a territory split is: 0 is perfectly even for max_deviation, cv and gini; 1 for max_min_ratio.',
  params: [
    values('assignments', 'The territory each account is assigned to: a name or number per row. Names match ignoring case and spaces.'),
    ACCOUNT_WEIGHTS,
    choice(
      text(
        'measure',
        'max_deviation (largest |total − mean| / mean, the default), cv (population standard deviation / mean), ' +
          'gini (0 even, up to (n − 1)/n when one territory has everything) or max_min_ratio (largest total / smallest).',
      ),
      'max_deviation',
      BALANCE_MEASURES,
    ),
  ],
  result: 'aggregate',
  format: { param: 'measure', formats: { max_deviation: 'percent', cv: 'decimal', gini: 'decimal', max_min_ratio: 'decimal' } },
  examples: [
    { args: [[[1], [1], [2], [2], [3]], [[10], [20], [15], [15], [30]]], expect: 0 },
    // Totals East 400, west 200, North 200; mean 800/3.
    { args: [[['East'], ['west'], ['east '], ['West'], ['North']], [[100], [50], [300], [150], [200]]], expect: 0.5 },
    { args: [[['East'], ['west'], ['east '], ['West'], ['North']], [[100], [50], [300], [150], [200]], 'cv'], expect: 0.3535533905932738 },
    { args: [[['East'], ['west'], ['east '], ['West'], ['North']], [[100], [50], [300], [150], [200]], 'gini'], expect: 0.16666666666666666 },
    { args: [[['East'], ['west'], ['east '], ['West'], ['North']], [[100], [50], [300], [150], [200]], 'max_min_ratio'], expect: 2 },
  ],
  impl(assignments, weights, measure) {
    const territories = territoryTotals(assignments, weights);
    return balance(territories, measure);
  },
});

/** The balance measure over the territory totals. Every measure is scale-free, so totals are divided by the largest first. */
function balance(territories: TerritoryIndex, measure: string): number {
  const { totals, display } = territories;
  const k = totals.length;
  if (k === 0) throw divZero('TERRITORY_BALANCE needs at least one account with a territory and a weight');
  let max = totals[0];
  let min = totals[0];
  let argMin = 0;
  for (let t = 1; t < k; t++) {
    if (totals[t] > max) max = totals[t];
    if (totals[t] < min) {
      min = totals[t];
      argMin = t;
    }
  }
  if (max === 0) throw divZero('every territory\'s total weight is 0, so there is no mean to compare with');
  if (measure === 'max_min_ratio') {
    if (min === 0) {
      throw divZero(`territory ${describeValue(display[argMin])} has total weight 0, so the largest / smallest ratio is undefined`);
    }
    const ratio = max / min;
    if (!Number.isFinite(ratio)) {
      throw badNumber(`territory ${describeValue(display[argMin])} has a total weight too small to divide by (${formatNumber(min)})`);
    }
    return min === max ? 1 : ratio;
  }
  if (min === max) return 0;
  const shares = new Float64Array(k);
  let sum = 0;
  for (let t = 0; t < k; t++) sum += shares[t] = totals[t] / max;
  const mean = sum / k;
  switch (measure) {
    case 'max_deviation':
      // The largest deviation is at one of the extremes.
      return Math.max(1 - mean, mean - min / max) / mean;
    case 'cv': {
      let squares = 0;
      for (let t = 0; t < k; t++) squares += (shares[t] - mean) * (shares[t] - mean);
      return Math.sqrt(squares / k) / mean;
    }
    default:
      return gini(shares);
  }
}

const SUMMARY_HEADER = ['Territory', 'Accounts', 'Total weight', 'Share of mean'];

export const TERRITORY_SUMMARY = defineFunction({
  name: 'TERRITORY_SUMMARY',
  category: 'territory',
  summary: 'A table with one row per territory, in order of first appearance: territory, accounts, total weight, share of the mean.',
  params: [
    values('assignments', 'The territory each account is assigned to: a name or number per row. Names match ignoring case and spaces; the first spelling is shown.'),
    ACCOUNT_WEIGHTS,
  ],
  result: 'table',
  format: { columns: ['general', 'count', 'count', 'percent'] },
  examples: [
    {
      args: [[[1], [1], [2], [2], [3]], [[10], [20], [15], [15], [30]]],
      expect: [SUMMARY_HEADER, [1, 2, 30, 1], [2, 2, 30, 1], [3, 1, 30, 1]],
    },
    {
      args: [[['East'], ['west'], ['east '], ['West'], ['North']], [[100], [50], [300], [150], [200]]],
      expect: [SUMMARY_HEADER, ['East', 2, 400, 1.5], ['west', 2, 200, 0.75], ['North', 1, 200, 0.75]],
    },
  ],
  impl(assignments, weights) {
    const { display, counts, totals } = territoryTotals(assignments, weights);
    const out: Matrix<ResultCell> = [SUMMARY_HEADER.slice()];
    const average = mean(totals);
    for (let t = 0; t < display.length; t++) {
      const share: ResultCell =
        average === 0 ? divZero('every territory\'s total weight is 0, so there is no mean to compare with') : totals[t] / average;
      out.push([display[t], counts[t], totals[t], share]);
    }
    return out;
  },
});

/** Accounts × rules one call may check: the worst case (every account tried against every rule) takes about 0.3 s in Node, ~3 s in Apps Script. */
const MAX_RULE_CHECKS = 20_000_000;

export const ASSIGN_BY_RULES = defineFunction({
  name: 'ASSIGN_BY_RULES',
  category: 'territory',
  summary: 'The owner of each account from the first matching rule in a rules table.',
  params: [
    table('attributes', 'The accounts, with a header row: one column per attribute (Region, Employees, Industry…), one row per account.'),
    table(
      'rules',
      'The rules, with a header row naming attribute columns plus one Owner column; first match wins. A cell may be blank or * (any), ' +
        'text (exact, ignoring case), a comparison (>=1000, <50, <>West) or a range (100-999, inclusive).',
    ),
  ],
  result: 'per-row',
  // 2M attribute cells (say 666k accounts × 3 columns) take about 1.3 s in Node through the Sheets
  // entry point, so ~13 s in Apps Script; the rows × rules guard below bounds the matching itself.
  maxCells: 2_000_000,
  examples: [
    {
      args: [
        [['Region', 'Employees', 'Industry'], ['West', 1500, 'Tech'], ['east', 40, 'Retail'], ['West', 300, 'Retail'], ['North', 20, 'Tech']],
        [['Region', 'Employees', 'Owner'], ['West', '>=1000', 'Ann'], ['West', '100-999', 'Bob'], ['East', '*', 'Cy']],
      ],
      expect: [['Ann'], ['Cy'], ['Bob'], ['#N/A']],
    },
    {
      args: [
        [['Region', 'Employees', 'Industry'], ['West', 1500, 'Tech'], ['east', 40, 'Retail'], ['West', 300, 'Retail'], ['North', 20, 'Tech']],
        [['industry', 'EMPLOYEES', 'Owner'], ['Tech', '<50', 'Dee'], ['<>Tech', null, 'Eve'], ['*', '*', 'Fay']],
      ],
      expect: [['Fay'], ['Eve'], ['Eve'], ['Dee']],
    },
  ],
  impl(attributesTable, rules) {
    const attributes = attributesTable.cells;
    const header = attributes[0] ?? [];
    const ruleSet = readRules(rules, header);
    const accounts = attributes.length - 1;
    const checks = accounts * ruleSet.rules.length;
    if (checks > MAX_RULE_CHECKS) {
      throw badValue(
        `${accounts.toLocaleString('en-US')} accounts × ${ruleSet.rules.length.toLocaleString('en-US')} rules is more than ` +
          `ASSIGN_BY_RULES checks in one call (${MAX_RULE_CHECKS.toLocaleString('en-US')}): split the accounts into smaller blocks`,
      );
    }
    return assignByRules(attributesTable, ruleSet);
  },
});

function assignByRules(table: Table, ruleSet: RuleSet): ResultCell | Matrix<ResultCell> {
  const attributes = table.cells;
  const accounts = attributes.length - 1;
  const width = attributes[0].length;
  // Each attribute a rule tests is read once: as a number and, where a rule compares text,
  // as an id per distinct text (normalised), so matching compares numbers only.
  const numbersOf: Float64Array[] = new Array(width);
  const idsOf: Int32Array[] = new Array(width);
  const idOfKeyIn: Map<string, number>[] = new Array(width);
  for (const c of ruleSet.numericColumns) {
    const column = new Float64Array(accounts);
    for (let r = 0; r < accounts; r++) column[r] = numberKey(attributes[r + 1][c]);
    numbersOf[c] = column;
  }
  for (const c of ruleSet.textColumns) {
    const idOfCell = new Map<CellValue, number>();
    const idOfKey = new Map<string, number>();
    const column = new Int32Array(accounts);
    for (let r = 0; r < accounts; r++) {
      const cell = attributes[r + 1][c];
      let id = idOfCell.get(cell);
      if (id === undefined) {
        const key = textKey(cell);
        if (key === null) id = BLANK_ID;
        else {
          id = idOfKey.get(key);
          if (id === undefined) idOfKey.set(key, (id = idOfKey.size));
        }
        idOfCell.set(cell, id);
      }
      column[r] = id;
    }
    idsOf[c] = column;
    idOfKeyIn[c] = idOfKey;
  }
  const rules = ruleSet.rules.map((rule) => ({
    owner: rule.owner,
    checks: rule.conditions.map(
      ({ test, low, high, key, column }): BoundCondition => ({
        test,
        low,
        high,
        numbers: numbersOf[column] ?? EMPTY_NUMBERS,
        ids: idsOf[column] ?? EMPTY_IDS,
        keyId: idOfKeyIn[column]?.get(key) ?? NO_ID,
      }),
    ),
  }));

  // Rule by rule, narrow the accounts still unassigned to those passing each condition.
  const ruleOf = new Int32Array(accounts).fill(-1);
  const pending = new Int32Array(accounts);
  const candidates = new Int32Array(accounts);
  let pendingCount = 0;
  let lastFilled = -1;
  for (let r = 0; r < accounts; r++) {
    if (isBlankRow(attributes[r + 1])) ruleOf[r] = BLANK_ROW;
    else {
      pending[pendingCount++] = r;
      lastFilled = r;
    }
  }
  for (let k = 0; k < rules.length && pendingCount > 0; k++) {
    candidates.set(pending.subarray(0, pendingCount));
    let count = pendingCount;
    for (const check of rules[k].checks) count = keepPassing(check, candidates, count);
    if (count === 0) continue;
    for (let i = 0; i < count; i++) ruleOf[candidates[i]] = k;
    if (count === pendingCount) break;
    // The matched accounts are an ordered subsequence of the pending ones: drop them in one pass.
    let still = 0;
    for (let i = 0, j = 0; i < pendingCount; i++) {
      const r = pending[i];
      if (j < count && candidates[j] === r) j++;
      else pending[still++] = r;
    }
    pendingCount = still;
  }

  if (accounts <= 1) return accounts === 1 && lastFilled === 0 ? ownerCell(rules, ruleOf[0], table, 0) : null;
  const out: Matrix<ResultCell> = new Array(lastFilled + 1);
  for (let r = 0; r <= lastFilled; r++) out[r] = [ownerCell(rules, ruleOf[r], table, r)];
  if (out.length === 0) out.push([null]);
  return out;
}

/** `ruleOf` for an account row with no attributes at all: its result is blank. */
const BLANK_ROW = -2;

function ownerCell(rules: readonly { owner: CellValue }[], rule: number, attributes: Table, r: number): ResultCell {
  if (rule >= 0) return rules[rule].owner;
  return rule === BLANK_ROW ? null : noRule(attributes, r);
}

const EMPTY_NUMBERS = new Float64Array(0);
const EMPTY_IDS = new Int32Array(0);

function isBlankRow(row: readonly CellValue[]): boolean {
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell === 'number' || typeof cell === 'boolean' || !isBlank(cell)) return false;
  }
  return true;
}

function noRule(attributes: Table, r: number): FormulaError {
  return notFound(`no rule matches the account${inCell(attributes, r + 1, 0)}: add a rule for it, or a last rule of * to catch the rest`);
}

/** Items × reps steps a weighted round-robin may take in one call: about 0.7 s in Node, ~7 s in Apps Script. */
const MAX_WEIGHTED_STEPS = 50_000_000;

export const ROUND_ROBIN = defineFunction({
  name: 'ROUND_ROBIN',
  category: 'territory',
  summary: 'The rep each non-blank item goes to, cycling through the reps; with weights, a smooth weighted round-robin.',
  params: [
    values('items', 'The leads or accounts to hand out, one per row; blank rows get no rep and do not use a turn.'),
    values('reps', 'The reps to cycle through, in order: one row or one column.'),
    optional(
      numbers(
        'weights',
        'Relative share per rep, same size as reps (2 gets twice as many as 1; 0 gets none). ' +
          'Picks are spread out: {2; 1} gives Ann, Bob, Ann, Ann, Bob.',
      ),
    ),
  ],
  result: 'per-row',
  examples: [
    { args: [[['L1'], ['L2'], ['L3'], ['L4'], ['L5']], [['Ann'], ['Bob']]], expect: [['Ann'], ['Bob'], ['Ann'], ['Bob'], ['Ann']] },
    {
      args: [[['L1'], ['L2'], ['L3'], ['L4'], ['L5']], [['Ann'], ['Bob']], [[2], [1]]],
      expect: [['Ann'], ['Bob'], ['Ann'], ['Ann'], ['Bob']],
    },
    { args: [[['L1'], [''], ['L3'], ['L4']], [['Ann'], ['Bob'], ['Cy']]], expect: [['Ann'], [''], ['Bob'], ['Cy']] },
  ],
  impl(items, reps, weights) {
    if (reps.rows > 1 && reps.cols > 1) {
      throw badValue(`reps is ${describeShape(reps)}: give the reps as one row or one column, and their weights as the third argument`);
    }
    const names: CellValue[] = [];
    const shares: number[] = [];
    new Rows([reps, weights]).forEach((i) => {
      const rep = reps.at(i);
      names.push(typeof rep === 'string' ? rep.trim() : rep);
      if (!weights) return;
      const weight = weights.at(i);
      if (weight < 0) throw badNumber(`weight ${formatNumber(weight)} for rep ${describeValue(rep)}${inRow(weights, i)} is negative`);
      shares.push(weight);
    });
    const k = names.length;
    if (k === 0) throw badValue('reps is blank: list at least one rep');
    if (!weights) {
      let next = 0;
      return new Rows([items]).map(() => {
        const rep = names[next];
        next = next + 1 === k ? 0 : next + 1;
        return rep;
      });
    }
    let total = 0;
    for (const share of shares) total += share;
    if (total === 0) throw divZero('the weights add up to 0: give at least one rep a weight above 0');
    if (!Number.isFinite(total)) throw badNumber('the weights add up to more than a spreadsheet can hold: scale them down');
    if (items.size * k > MAX_WEIGHTED_STEPS) {
      throw badValue(
        `${items.size.toLocaleString('en-US')} items × ${k} weighted reps is more than ROUND_ROBIN handles in one call: ` +
          'split the items into smaller blocks',
      );
    }
    // One rep per non-blank item, in reading order; a blank item takes no turn.
    return new Rows([items]).map(smoothWeighted(names, Float64Array.from(shares), total));
  },
});

/**
 * Smooth weighted round-robin (as nginx balances upstreams): for each pick, every
 * rep's running score grows by its weight, the highest score wins (ties go to the
 * earlier rep) and the winner's score drops by the total weight. After n picks
 * each rep has had close to n × weight / total: within two picks,
 * as the property tests check (one is not enough: six reps weighted 0, 1, 12, 1, 12, 3 reach
 * 1.03 after 17 picks).
 */
function smoothWeighted(names: readonly CellValue[], weights: Float64Array, total: number): () => CellValue {
  const k = weights.length;
  const current = new Float64Array(k);
  return () => {
    let best = 0;
    for (let j = 0; j < k; j++) {
      current[j] += weights[j];
      if (current[j] > current[best]) best = j;
    }
    current[best] -= total;
    return names[best];
  };
}

export const TERRITORY_FUNCTIONS = [TERRITORY_ASSIGN, TERRITORY_BALANCE, TERRITORY_SUMMARY, ASSIGN_BY_RULES, ROUND_ROBIN];
