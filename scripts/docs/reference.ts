/** The function reference, rendered from the specs: docs/functions.md and the README's function table. */
import { CATEGORY_TITLES, type CellValue, type FunctionSpec, type Matrix, type ParamSpec, RESULT_KINDS } from '../../core';

function literal(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** A formula argument as a user would type it: a value or an array literal {1;2;3}. */
function argument(arg: CellValue | Matrix): string {
  if (!Array.isArray(arg)) return literal(arg);
  return `{${arg.map((row) => row.map(literal).join(', ')).join('; ')}}`;
}

function formula(spec: FunctionSpec, args: readonly (CellValue | Matrix)[], namespace: string): string {
  const written = args.map(argument);
  while (written.length > 0 && written[written.length - 1] === '') written.pop();
  return `=${namespace}${spec.name}(${written.join(', ')})`;
}

function shown(value: CellValue | Matrix): string {
  if (!Array.isArray(value)) return value === null || value === '' ? '(blank)' : literal(value).replace(/^"(#.*)"$/, '$1');
  return argument(value);
}

export function signature(spec: FunctionSpec): string {
  const params = spec.params.map((p) => (p.optional ? `[${p.name}${defaultText(p)}]` : p.name));
  return `${spec.name}(${params.join(', ')})`;
}

function defaultText(param: ParamSpec): string {
  if (param.defaultValue === undefined) return '';
  return ` = ${typeof param.defaultValue === 'string' ? `"${param.defaultValue}"` : literal(param.defaultValue)}`;
}

function section(spec: FunctionSpec): string {
  const lines = [
    `### ${spec.name}`,
    '',
    `\`${signature(spec)}\``,
    '',
    spec.summary,
    '',
    `Returns ${RESULT_KINDS[spec.result].docs}.`,
    '',
    '| Parameter | Description |',
    '| --- | --- |',
    ...spec.params.map((p) => {
      const choices = p.choices ? ` One of: ${p.choices.map((c) => `\`${c}\``).join(', ')}.` : '';
      const optional = p.optional ? ` Optional${p.defaultValue === undefined ? '' : `, default \`${literal(p.defaultValue)}\``}.` : '';
      return `| \`${p.name}\` | ${p.description}${choices}${optional} |`;
    }),
    '',
    'Examples:',
    '',
  ];
  for (const example of spec.examples) {
    lines.push(
      `- Google Sheets \`${formula(spec, example.args, '')}\`  `,
      `  Excel \`${formula(spec, example.args, 'SALESOPS.')}\`  `,
      `  → \`${shown(example.expect)}\``,
    );
  }
  return lines.join('\n');
}

export function renderFunctionsDoc(specs: readonly FunctionSpec[]): string {
  const parts = [
    '# Function reference',
    '',
    '<!-- Generated from the function specs in core/ by `npm run docs`. Do not edit by hand. -->',
    '',
    'Every function works the same in Google Sheets (`=NAME(...)`), Excel (`=SALESOPS.NAME(...)`) and the playground.',
    'Ranges go in and arrays come out: give whole columns (`B2:B`) rather than filling a formula down.',
    'Percentages are fractions (25% is 0.25); dates are date cells or text like `2026-03-31`;',
    'labels match ignoring case and spaces. Errors say what is wrong and in which row of the range.',
    '',
  ];
  for (const [category, title] of Object.entries(CATEGORY_TITLES)) {
    const inCategory = specs.filter((s) => s.category === category);
    if (inCategory.length === 0) continue;
    parts.push(`## ${title}`, '', ...inCategory.map((s) => `${section(s)}\n`));
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

export const README_START = '<!-- functions:start -->';
export const README_END = '<!-- functions:end -->';

/** The README's function table, between its markers. */
export function renderReadmeTable(specs: readonly FunctionSpec[]): string {
  const rows = specs.map((s) => `| [\`${s.name}\`](docs/functions.md#${s.name.toLowerCase()}) | ${s.summary} |`);
  return [README_START, '| Function | What it computes |', '| --- | --- |', ...rows, README_END].join('\n');
}

export function withReadmeTable(readme: string, specs: readonly FunctionSpec[]): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} block`);
  return readme.slice(0, start) + renderReadmeTable(specs) + readme.slice(end + README_END.length);
}
