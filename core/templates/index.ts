/**
 * Sidebar templates: a request from the sidebar becomes a sheet plan.
 *
 * A template declares its fields (fields.ts) the way a function declares its
 * parameters; the declaration draws the sidebar's form and checks every
 * request. A request is plain JSON (it crosses google.script.run, and anyone
 * can send one from a browser console): `{ template: id, ...field values }`.
 * To add a template: declare its fields and its cross-field checks, write its
 * plan (every word it writes is a catalog id read through `words`), and add it
 * to TEMPLATES.
 */
import { badValue } from '../errors';
import { describeValue } from '../values';
import { EXAMPLES_SHEET_NAME, examplesPlan } from './examples';
import { type Field, type FieldProblem, FieldProblemsError, type FieldValues, readFields } from './fields';
import type { SheetPlan } from './plan';
import type { SheetWords } from './words';
import { COMMISSION_TEMPLATE } from './commission/template';
import { TERRITORY_TEMPLATE } from './territory/template';
import type { InsertLimit } from './insert-limits';

export type { FormulaCell, PlanCell, PlanChart, SheetPlan } from './plan';
export { formulaForHost, isFormulaCell, uniqueSheetName } from './plan';
export type { SheetWords } from './words';
export type { Field, FieldProblem, FieldValues } from './fields';
export { INSERT_ROWS, type InsertLimit } from './insert-limits';

/** What the sidebar asks a host to insert; plain JSON so it can cross google.script.run. */
export interface TemplateRequest {
  readonly template: string;
  readonly [field: string]: unknown;
}

export interface TemplateDefinition {
  readonly id: string;
  /** Catalog ids of the card's title, its description and its Insert button. */
  readonly title: string;
  readonly description: string;
  readonly insertLabel: string;
  /** Catalog id of the sheet name the template asks for; hosts make it unique. */
  readonly sheetName: string;
  readonly fields: readonly Field[];
  /** Problems no single field shows (tiers out of order, a cap below target), once every field reads. */
  check?(values: FieldValues): FieldProblem<string>[];
  /** What the sidebar draws while the user types, for values the checks passed. */
  preview?(values: FieldValues): TemplatePreview;
  /** The sheet for values the checks passed, worded by the host's catalog. */
  plan(values: FieldValues, words: SheetWords): SheetPlan;
  /** The rows of data the sheet lists (one per account), held to the host's INSERT_ROWS; none said: few enough for any host. */
  insertedRows?(values: FieldValues): number;
}

/** A live preview: payout (y, money) against attainment (x, a fraction) for an example rep, and a few points as a table. */
export interface TemplatePreview {
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly table: readonly { readonly x: number; readonly y: number }[];
  /** The example rep's quota, which the preview's figures are for. */
  readonly example: number;
}

const EXAMPLES: TemplateDefinition = {
  id: 'examples',
  title: 'template.examples.title',
  description: 'template.examples.description',
  insertLabel: 'template.examples.insert',
  sheetName: EXAMPLES_SHEET_NAME,
  fields: [],
  plan: (_values, words) => examplesPlan(words),
};

/** Every template the sidebar offers, in the order it shows them. */
export const TEMPLATES: readonly TemplateDefinition[] = [COMMISSION_TEMPLATE, TERRITORY_TEMPLATE, EXAMPLES];

/**
 * Every problem with a template's values, as the sidebar shows them while the
 * user types and as the server checks them again: each field's own limits,
 * then the template's checks across fields (run only once every field reads).
 */
export function checkTemplate(definition: TemplateDefinition, raw: FieldValues): { values: FieldValues; problems: FieldProblem<string>[] } {
  const { values, problems } = readFields(definition.fields, raw);
  if (problems.length > 0 || !definition.check) return { values, problems };
  return { values, problems: definition.check(values) };
}

const MAX_REQUEST_KEYS = 50;
/** How deep a request's nested values may go: rows of a table, each with a list of amounts, is four. */
const MAX_REQUEST_DEPTH = 8;
/** What any request may hold, whatever its template declares. */
const MIN_REQUEST_VALUES = 1_000;

/**
 * The most values (objects, lists and scalars, counted as checkPlainData walks
 * them) a sound request for `definition` can hold, from its declared limits:
 * a rows field's most rows (or `maxRows`, a host's insert limit, if fewer) with
 * every column and the longest lists, a pairs field's most rows. The commission
 * plan's is about 34,000 (2,000 reps with twelve months), the territory
 * designer's about 2.8 million (250,000 accounts with four balance columns,
 * coordinates, owner and lock), 110,000 at Google Sheets' 10,000 inserted
 * accounts: each request is held to its own template's size, so a large
 * template does not let a small one take a large request.
 */
export function maxRequestValues(definition: TemplateDefinition, maxRows = Infinity): number {
  const bound = (field: Field): number => {
    switch (field.kind) {
      case 'rows':
        return 1 + Math.min(field.maxRows, maxRows) * (1 + field.columns.reduce((sum, column) => sum + (column.kind === 'money-list' ? 1 + field.maxList : 1), 0));
      case 'pairs':
        return 1 + field.maxRows * (1 + field.columns.length);
      case 'group':
        return 1 + field.fields.reduce((sum, inner) => sum + bound(inner), 0);
      default:
        return 1;
    }
  };
  // The request object and its "template" name, then every field; never under a floor, so a
  // field sent by mistake is named ("has no field ...") rather than counted.
  return Math.max(MIN_REQUEST_VALUES, 2 + definition.fields.reduce((sum, field) => sum + bound(field), 0));
}

/**
 * The JSON characters a request may average per value: a key, a number written
 * in full (-1.2345678901234567e+308 is 24 characters), quotes and punctuation.
 */
const CHARS_PER_VALUE = 40;

/**
 * How long a request for the template named `template` may be as JSON, for a
 * host that receives it as text and inserts at most `maxRows` rows (the Sheets
 * server checks it before parsing): 40 characters per value it may hold, 40,000
 * for an unknown template, about 4.4 million for 10,000 territory accounts.
 */
export function maxRequestChars(template: unknown, maxRows = Infinity): number {
  const definition = TEMPLATES.find((candidate) => candidate.id === template);
  return CHARS_PER_VALUE * (definition ? maxRequestValues(definition, maxRows) : MIN_REQUEST_VALUES);
}

/**
 * Keys a request may never have, at any depth: copied onto an ordinary object
 * they would change its prototype or shadow what every object inherits.
 */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** The fields of a request, on an object with no prototype: nothing is inherited, nothing can be injected. */
export type RequestFields = Readonly<Record<string, unknown>>;

function describeKey(key: string): string {
  return `an unexpected field ${describeValue(key)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks every key and value of an untrusted request, however deep: only plain
 * data (no getters, no class instances, no symbols), no forbidden key, and a
 * small size. Nothing is read through a getter or a prototype.
 */
function checkPlainData(value: unknown, where: string, depth: number, budget: { values: number }): void {
  if (--budget.values < 0) throw badValue('a template request is too large');
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw badValue(`a template request must be plain data, but ${where} is a ${typeof value}`);
    }
    return;
  }
  if (depth > MAX_REQUEST_DEPTH) throw badValue(`a template request is nested too deeply at ${where}`);
  if (!Array.isArray(value) && !isPlainObject(value)) {
    throw badValue(`a template request must be plain data, but ${where} is not a plain object`);
  }
  if (Array.isArray(value) && value.length > budget.values) throw badValue('a template request is too large');
  if (Object.getOwnPropertySymbols(value).length > 0) {
    throw badValue(`a template request must be plain data, but ${where} has a symbol key`);
  }
  for (const key of Object.getOwnPropertyNames(value)) {
    if (Array.isArray(value) && key === 'length') continue;
    if (FORBIDDEN_KEYS.includes(key)) throw badValue(`a template request may not have a field named ${describeValue(key)}`);
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    const path = Array.isArray(value) ? `${where}[${key}]` : `${where}.${key.length > 40 ? `${key.slice(0, 37)}...` : key}`;
    if (!('value' in descriptor)) throw badValue(`a template request must be plain data, but ${path} is a getter`);
    checkPlainData(descriptor.value, path, depth + 1, budget);
  }
}

/**
 * Validates an untrusted request (it may come from a browser console) and builds
 * its plan in the host's words; a sheet listing more rows than the host's
 * `limit` is refused before it is planned.
 */
export function planTemplate(request: unknown, words: SheetWords, limit?: InsertLimit): SheetPlan {
  const { definition, fields } = readRequest(request);
  const declared = new Set(definition.fields.map((field) => field.key));
  const extra = Object.keys(fields).find((key) => !declared.has(key));
  if (extra !== undefined) {
    throw badValue(
      definition.fields.length === 0
        ? `the ${definition.id} template takes no options, but the request has ${describeKey(extra)}`
        : `the ${definition.id} template has no field ${describeValue(extra.length > 40 ? `${extra.slice(0, 37)}...` : extra)}`,
    );
  }
  const { values, problems } = checkTemplate(definition, fields);
  if (problems.length > 0) throw new FieldProblemsError(`the ${definition.id} template`, problems);
  const rows = definition.insertedRows?.(values) ?? 0;
  if (limit && rows > limit.rows) {
    throw badValue(
      `${limit.host} inserts at most ${limit.rows.toLocaleString('en-US')} rows at once, but this ${definition.id} sheet would list ${rows.toLocaleString('en-US')}`,
    );
  }
  return definition.plan(values, words);
}

/**
 * Checks the request's shape and finds its template; the template checks its own fields.
 * The fields come back on a null-prototype object, so a template reading
 * `fields.rows` gets the request's own value or undefined, never an inherited one.
 */
export function readRequest(request: unknown): {
  definition: TemplateDefinition;
  fields: RequestFields;
} {
  if (!isPlainObject(request)) {
    const got = request === null ? 'null' : Array.isArray(request) ? 'a list' : typeof request;
    throw badValue(`a template request must be an object like { template: "examples" }, not ${got}`);
  }
  const keys = Object.getOwnPropertyNames(request);
  if (keys.length > MAX_REQUEST_KEYS) throw badValue(`a template request has at most ${MAX_REQUEST_KEYS} fields`);
  // The template named decides how large the request may be; an unknown one is refused below, once the data is known to be plain.
  const named = Object.getOwnPropertyDescriptor(request, 'template');
  const asked = named && 'value' in named ? TEMPLATES.find((candidate) => candidate.id === named.value) : undefined;
  const most = asked ? maxRequestValues(asked) : Math.max(...TEMPLATES.map(maxRequestValues));
  checkPlainData(request, 'the request', 0, { values: most });
  // Every key is now an own data property and none is forbidden: reading them runs no code.
  if (!keys.includes('template')) throw badValue('a template request needs a "template" field naming the template');
  const id = request.template;
  if (typeof id !== 'string') {
    throw badValue(`"template" must be a template name, not ${id === null ? 'null' : typeof id}`);
  }
  const definition = TEMPLATES.find((candidate) => candidate.id === id);
  if (!definition) {
    throw badValue(
      `there is no template ${describeValue(id)}: choose one of ${TEMPLATES.map((t) => `"${t.id}"`).join(', ')}`,
    );
  }
  const fields: Record<string, unknown> = Object.create(null);
  for (const key of keys) if (key !== 'template') fields[key] = request[key];
  return { definition, fields: Object.freeze(fields) };
}
