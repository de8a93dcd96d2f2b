/**
 * Sidebar templates: a request from the sidebar becomes a sheet plan.
 *
 * A request is plain JSON (it crosses google.script.run, and anyone can send one
 * from a browser console), discriminated by `template`. To add a template:
 * add its request type to TemplateRequest, and an entry to TEMPLATES that reads
 * its fields from the untrusted request and builds its plan.
 */
import { badValue } from '../errors';
import { describeValue } from '../values';
import { EXAMPLES_SHEET_NAME, examplesPlan } from './examples';
import type { SheetPlan } from './plan';

export type { FormulaCell, PlanCell, PlanChart, SheetPlan } from './plan';
export { formulaForHost, isFormulaCell, uniqueSheetName } from './plan';
export { EXAMPLES_SHEET_NAME } from './examples';

export interface ExamplesRequest {
  readonly template: 'examples';
}

/** What the sidebar asks a host to insert; plain JSON so it can cross google.script.run. */
export type TemplateRequest = ExamplesRequest;

export type TemplateId = TemplateRequest['template'];

export interface TemplateDefinition<R extends TemplateRequest = TemplateRequest> {
  readonly id: R['template'];
  /** Shown in the sidebar. */
  readonly title: string;
  readonly description: string;
  /** The sheet name the template asks for; hosts make it unique. */
  readonly sheetName: string;
  /**
   * Reads the request's own fields (every key except `template`, on a null-prototype
   * object, already checked to be plain data without `__proto__`, `constructor` or
   * `prototype` keys), refusing anything unexpected.
   */
  readonly parse: (fields: RequestFields) => R;
  // Method syntax keeps definitions of different requests assignable to TemplateDefinition.
  plan(request: R): SheetPlan;
}

function noFields<R extends TemplateRequest>(request: R) {
  return (fields: RequestFields): R => {
    const extra = Object.keys(fields);
    if (extra.length > 0) {
      throw badValue(`the ${request.template} template takes no options, but the request has ${describeKey(extra[0])}`);
    }
    return request;
  };
}

const EXAMPLES: TemplateDefinition<ExamplesRequest> = {
  id: 'examples',
  title: 'Examples sheet',
  description:
    'A new sheet with sample reps, deals and forecasts, and live formulas for quota attainment, weighted pipeline and forecast error.',
  sheetName: EXAMPLES_SHEET_NAME,
  parse: noFields({ template: 'examples' }),
  plan: examplesPlan,
};

/** Every template the sidebar offers, in the order it shows them. */
export const TEMPLATES: readonly TemplateDefinition[] = [EXAMPLES];

const MAX_REQUEST_KEYS = 50;
/** How deep and how big a request's nested values may be: a template's options are a few small fields. */
const MAX_REQUEST_DEPTH = 8;
const MAX_REQUEST_VALUES = 5_000;

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

/** Validates an untrusted request (it may come from a browser console) and builds its plan. */
export function planTemplate(request: unknown): SheetPlan {
  const { definition, fields } = readRequest(request);
  return definition.plan(definition.parse(fields));
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
  checkPlainData(request, 'the request', 0, { values: MAX_REQUEST_VALUES });
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
