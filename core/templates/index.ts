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

export type { FormulaCell, PlanCell, SheetPlan } from './plan';
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
  /** Reads the request's own fields (every key except `template`), refusing anything unexpected. */
  readonly parse: (fields: Readonly<Record<string, unknown>>) => R;
  // Method syntax keeps definitions of different requests assignable to TemplateDefinition.
  plan(request: R): SheetPlan;
}

function noFields<R extends TemplateRequest>(request: R) {
  return (fields: Readonly<Record<string, unknown>>): R => {
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

function describeKey(key: string): string {
  return `an unexpected field ${describeValue(key)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Validates an untrusted request (it may come from a browser console) and builds its plan. */
export function planTemplate(request: unknown): SheetPlan {
  const { definition, fields } = readRequest(request);
  return definition.plan(definition.parse(fields));
}

/** Checks the request's shape and finds its template; the template checks its own fields. */
export function readRequest(request: unknown): {
  definition: TemplateDefinition;
  fields: Readonly<Record<string, unknown>>;
} {
  if (!isPlainObject(request)) {
    const got = request === null ? 'null' : Array.isArray(request) ? 'a list' : typeof request;
    throw badValue(`a template request must be an object like { template: "examples" }, not ${got}`);
  }
  const keys = Object.keys(request);
  if (keys.length > MAX_REQUEST_KEYS) throw badValue(`a template request has at most ${MAX_REQUEST_KEYS} fields`);
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
  const fields: Record<string, unknown> = {};
  for (const key of keys) if (key !== 'template') fields[key] = request[key];
  return { definition, fields };
}
