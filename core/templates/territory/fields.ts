/**
 * The territory designer's fields, declared once: they check every request (in
 * the sidebar and again on the server) and list the template's options in the
 * docs. The accounts and their balance columns come from a table the user
 * selects; the territories are a number, or reps by name with optional target
 * shares. Labels are catalog ids.
 */
import type { Field, RowsField } from '../fields';

export const TERRITORY_LIMITS = {
  /**
   * Accounts a scenario runs on: Salesforce Maps takes up to 250,000 records.
   * The sidebar runs them off its UI thread where the host allows; Insert
   * writes one sheet row per account, as many as the host's INSERT_ROWS.
   */
  maxAccounts: 250_000,
  /** Balance columns balanced at once; each gets a total, a target and a deviation per territory. */
  maxBalances: 4,
  /** Territories: one summary row each. */
  maxTerritories: 100,
} as const;

/** Every account: its name, one figure per balance column, and optionally coordinates, a current owner and a lock. */
export const ACCOUNTS_FIELD: RowsField = {
  key: 'accounts',
  kind: 'rows',
  label: 'territory.field.accounts',
  columns: [
    { key: 'account', label: 'territory.field.accounts.account', kind: 'text' },
    { key: 'balances', label: 'territory.field.accounts.balances', kind: 'money-list' },
    { key: 'latitude', label: 'territory.field.accounts.latitude', kind: 'money', optional: true },
    { key: 'longitude', label: 'territory.field.accounts.longitude', kind: 'money', optional: true },
    { key: 'owner', label: 'territory.field.accounts.owner', kind: 'text', optional: true },
    { key: 'locked', label: 'territory.field.accounts.locked', kind: 'text', optional: true },
  ],
  default: null,
  examples: 60,
  maxRows: TERRITORY_LIMITS.maxAccounts,
  maxList: TERRITORY_LIMITS.maxBalances,
};

/** What each balance column is called in the sheet, and how much it counts against the others. */
export const MEASURES_FIELD: RowsField = {
  key: 'measures',
  kind: 'rows',
  label: 'territory.field.measures',
  help: 'territory.field.measures.help',
  columns: [
    { key: 'name', label: 'territory.field.measures.name', kind: 'text' },
    { key: 'importance', label: 'territory.field.measures.importance', kind: 'money' },
  ],
  default: null,
  examples: 2,
  maxRows: TERRITORY_LIMITS.maxBalances,
  maxList: 1,
};

export const TERRITORY_FIELDS: readonly Field[] = [
  ACCOUNTS_FIELD,
  MEASURES_FIELD,
  { key: 'by', kind: 'choice', label: 'territory.field.by', options: ['count', 'reps'], default: 'count' },
  { key: 'count', kind: 'money', label: 'territory.field.count', default: 4, shownWhen: { key: 'by', is: ['count'] } },
  {
    key: 'reps',
    kind: 'rows',
    label: 'territory.field.reps',
    help: 'territory.field.reps.help',
    columns: [
      { key: 'rep', label: 'territory.field.reps.rep', kind: 'text' },
      { key: 'share', label: 'territory.field.reps.share', kind: 'money', optional: true, positive: true },
    ],
    default: null,
    examples: 4,
    maxRows: TERRITORY_LIMITS.maxTerritories,
    maxList: 1,
    shownWhen: { key: 'by', is: ['reps'] },
  },
  { key: 'tolerance', kind: 'percent', label: 'territory.field.tolerance', help: 'territory.field.tolerance.help', limit: 'rate', default: 0.05 },
];
