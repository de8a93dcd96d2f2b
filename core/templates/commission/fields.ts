/**
 * The commission plan's fields, declared once: they draw the sidebar's form,
 * check every figure (in the sidebar and on the server) and list the plan's
 * options in the docs. Keys are the plan's own properties (model.ts); labels
 * are catalog ids.
 */
import type { Field, RowsField } from '../fields';
import { PLAN_LIMITS } from './model';

const ORDINARY_TIERS: readonly (readonly [number, number])[] = [
  [0, 0.08],
  [1, 0.12],
  [1.25, 0.15],
];

const ORDINARY_CURVE: readonly (readonly [number, number])[] = [
  [0.5, 0],
  [1, 1],
  [1.5, 2],
];

const TIERED = ['marginal', 'retroactive'];

export const KIND_FIELD: Field = {
  key: 'kind',
  kind: 'choice',
  label: 'commission.field.kind',
  options: ['flat', 'marginal', 'retroactive', 'curve'],
  default: 'marginal',
};

export const PLAN_FIELDS: readonly Field[] = [
  KIND_FIELD,
  { key: 'rate', kind: 'percent', label: 'commission.field.rate', limit: 'rate', default: 0.1, shownWhen: { key: 'kind', is: ['flat'] } },
  {
    key: 'tiers',
    kind: 'pairs',
    label: 'commission.field.tiers',
    help: 'commission.field.tiers.help',
    columns: [
      { key: 'from', label: 'commission.field.tiers.from', limit: 'share' },
      { key: 'rate', label: 'commission.field.tiers.rate', limit: 'rate' },
    ],
    default: ORDINARY_TIERS,
    minRows: 1,
    maxRows: PLAN_LIMITS.maxRows,
    shownWhen: { key: 'kind', is: TIERED },
  },
  {
    key: 'curve',
    kind: 'pairs',
    label: 'commission.field.curve',
    help: 'commission.field.curve.help',
    columns: [
      { key: 'attainment', label: 'commission.field.curve.attainment', limit: 'share' },
      { key: 'payout', label: 'commission.field.curve.payout', limit: 'share' },
    ],
    default: ORDINARY_CURVE,
    minRows: 2,
    maxRows: PLAN_LIMITS.maxRows,
    shownWhen: { key: 'kind', is: ['curve'] },
  },
  {
    key: 'targetIncentive',
    kind: 'money',
    label: 'commission.field.targetIncentive',
    help: 'commission.field.targetIncentive.help',
    default: 20000,
    optional: true,
    shownWhen: { key: 'kind', is: ['curve'] },
  },
  {
    key: 'cap',
    kind: 'percent',
    label: 'commission.field.cap',
    help: 'commission.field.cap.help',
    limit: 'share',
    default: null,
    optional: true,
    shownWhen: { key: 'kind', is: ['curve'] },
  },
  { key: 'gate', kind: 'percent', label: 'commission.field.gate', help: 'commission.field.gate.help', limit: 'share', default: null, optional: true },
  {
    key: 'draw',
    kind: 'group',
    label: 'commission.field.draw',
    default: false,
    fields: [
      { key: 'amount', kind: 'money', label: 'commission.field.draw.amount', default: 2000 },
      { key: 'recoverable', kind: 'boolean', label: 'commission.field.draw.recoverable', default: true },
    ],
  },
  {
    key: 'periods',
    kind: 'choice',
    label: 'commission.field.periods',
    options: ['none', 'quarterly', 'annual'],
    default: 'none',
    optional: true,
  },
];

/** The reps the sheet pays: a name, a quota for one plan period, one bookings figure per pay period. */
export const REPS_FIELD: RowsField = {
  key: 'reps',
  kind: 'rows',
  label: 'commission.field.reps',
  columns: [
    { key: 'rep', label: 'commission.field.reps.rep', kind: 'text' },
    { key: 'quota', label: 'commission.field.reps.quota', kind: 'money', positive: true },
    { key: 'bookings', label: 'commission.field.reps.bookings', kind: 'money-list' },
    { key: 'targetIncentive', label: 'commission.field.reps.targetIncentive', kind: 'money', optional: true, shownWhen: { key: 'kind', is: ['curve'] } },
  ],
  default: null,
  examples: 6,
  maxRows: PLAN_LIMITS.maxReps,
  maxList: PLAN_LIMITS.maxPeriods,
};
