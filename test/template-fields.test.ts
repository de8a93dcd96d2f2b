/**
 * Declared template fields: one declaration gives the form's starting values
 * and reads what comes back (from the form, or from anyone calling the server).
 */
import fc from 'fast-check';
import { planTemplate } from '../core/templates';
import { type Field, defaultValues, readFields } from '../core/templates/fields';
import { sheetWords } from '../ui/sheet-words';

const FIELDS: readonly Field[] = [
  { key: 'kind', kind: 'choice', label: 'f.kind', options: ['flat', 'tiered'], default: 'tiered' },
  { key: 'rate', kind: 'percent', label: 'f.rate', limit: 'rate', default: 0.1, shownWhen: { key: 'kind', is: ['flat'] } },
  {
    key: 'tiers',
    kind: 'pairs',
    label: 'f.tiers',
    columns: [
      { key: 'from', label: 'f.from', limit: 'share' },
      { key: 'rate', label: 'f.rate', limit: 'rate' },
    ],
    default: [
      [0, 0.08],
      [1, 0.12],
    ],
    minRows: 1,
    maxRows: 3,
    shownWhen: { key: 'kind', is: ['tiered'] },
  },
  { key: 'gate', kind: 'percent', label: 'f.gate', limit: 'share', default: null, optional: true },
  {
    key: 'draw',
    kind: 'group',
    label: 'f.draw',
    default: false,
    fields: [
      { key: 'amount', kind: 'money', label: 'f.amount', default: 2000 },
      { key: 'recoverable', kind: 'boolean', label: 'f.recoverable', default: true },
    ],
  },
];

describe('template fields', () => {
  it('start from their defaults: pairs as rows, a group switched off as null, an optional percentage empty', () => {
    expect(defaultValues(FIELDS)).toEqual({
      kind: 'tiered',
      rate: 0.1,
      tiers: [
        { from: 0, rate: 0.08 },
        { from: 1, rate: 0.12 },
      ],
      gate: null,
      draw: null,
    });
  });

  it('read only the fields that show: a hidden field is left out whatever the request holds', () => {
    const { values, problems } = readFields(FIELDS, { kind: 'flat', rate: 0.05, tiers: 'anything', gate: 0.5, draw: { amount: 1500, recoverable: false } });
    expect(problems).toEqual([]);
    expect(values).toEqual({ kind: 'flat', rate: 0.05, gate: 0.5, draw: { amount: 1500, recoverable: false } });
  });

  it('name each problem by the field the form shows, with a code the sidebar words', () => {
    const { problems } = readFields(FIELDS, {
      kind: 'tiered',
      tiers: [{ from: 0, rate: 1.2 }, { from: 60, rate: -0.1 }, { from: 'x', rate: 0.1 }],
      gate: 'high',
      draw: { amount: -5, recoverable: 'yes' },
    });
    expect(problems).toEqual([
      { field: 'tiers[0].rate', code: 'rate-above-100' },
      { field: 'tiers[1].from', code: 'above-1000' },
      { field: 'tiers[1].rate', code: 'negative' },
      { field: 'tiers[2].from', code: 'missing' },
      { field: 'gate', code: 'missing' },
      { field: 'draw.amount', code: 'negative' },
      { field: 'draw.recoverable', code: 'missing' },
    ]);
  });

  it('refuse a choice that is not offered, and tables too short or too long', () => {
    expect(readFields(FIELDS, { kind: 'Tiered' }).problems).toEqual([{ field: 'kind', code: 'unknown-choice' }]);
    expect(readFields(FIELDS, { kind: 'tiered', tiers: [] }).problems).toEqual([{ field: 'tiers', code: 'too-few' }]);
    const four = [0, 1, 2, 3].map((from) => ({ from, rate: 0.1 }));
    expect(readFields(FIELDS, { kind: 'tiered', tiers: four }).problems).toEqual([{ field: 'tiers', code: 'too-many' }]);
  });

  it('never let a value through that breaks its limit, whatever the request holds (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (rate, amount) => {
        const { values, problems } = readFields(FIELDS, { kind: 'flat', rate, draw: { amount, recoverable: true } });
        const read = values as { rate?: unknown; draw?: { amount?: unknown } };
        const rateOk = typeof read.rate === 'number' && read.rate >= 0 && read.rate <= 1;
        const amountOk = typeof read.draw?.amount === 'number' && Number.isFinite(read.draw.amount) && read.draw.amount >= 0;
        // A value comes back only when it is sound; otherwise its problem is named.
        expect(rateOk || problems.some((p) => p.field === 'rate')).toBe(true);
        expect(amountOk || read.draw === null || problems.some((p) => p.field === 'draw.amount' || p.field === 'draw')).toBe(true);
      }),
    );
  });

  it('read rows of names and amounts, naming each bad cell, and hold long text back', () => {
    const REPS: Field = {
      key: 'reps',
      kind: 'rows',
      label: 'f.reps',
      columns: [
        { key: 'rep', label: 'f.rep', kind: 'text' },
        { key: 'quota', label: 'f.quota', kind: 'money' },
        { key: 'bookings', label: 'f.bookings', kind: 'money-list' },
      ],
      default: null,
      examples: 5,
      maxRows: 3,
      maxList: 2,
    };
    const good = readFields([REPS], { reps: [{ rep: '=1+1', quota: 5, bookings: [-100, 200] }] });
    expect(good).toEqual({ values: { reps: [{ rep: '=1+1', quota: 5, bookings: [-100, 200] }] }, problems: [] });
    const bad = readFields([REPS], {
      reps: [
        { rep: 'x'.repeat(201), quota: 'n/a', bookings: [1, 'two'] },
        { rep: 'Ben', quota: 1, bookings: [1, 2, 3] },
      ],
    });
    expect(bad.problems).toEqual([
      { field: 'reps[0].rep', code: 'too-long' },
      { field: 'reps[0].quota', code: 'missing' },
      { field: 'reps[0].bookings[1]', code: 'missing' },
      { field: 'reps[1].bookings', code: 'too-many' },
    ]);
    expect(readFields([REPS], { reps: [] }).problems).toEqual([{ field: 'reps', code: 'too-few' }]);
  });
});

describe('the largest commission plan a request may carry', () => {
  it('is accepted: 2,000 reps with twelve months of bookings each', () => {
    const reps = Array.from({ length: 2000 }, (_, i) => ({ rep: `Rep ${i}`, quota: 100000, bookings: new Array(12).fill(5000), targetIncentive: 1000 }));
    const plan = planTemplate({ template: 'commission', kind: 'curve', curve: [{ attainment: 0.5, payout: 0 }, { attainment: 1, payout: 1 }], periods: 'annual', reps }, sheetWords);
    expect(plan.cells.length).toBeGreaterThan(2000);
  });
});
