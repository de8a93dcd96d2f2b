/** The committed reference must say what the specs say: run `npm run docs` after changing a spec. */
import { readFileSync } from 'node:fs';
import { FUNCTIONS } from '../core';
import { renderFunctionsDoc, withReadmeTable } from '../scripts/docs/reference';
import { renderTemplatesDoc } from '../scripts/docs/templates';
import { TEMPLATES } from '../core/templates';
import type { Field } from '../core/templates/fields';
import { PLAN_PROBLEM_CODES } from '../core/templates/commission';
import { isMessageId } from '../ui/messages';

describe('function reference', () => {
  it('docs/functions.md is up to date with the specs', () => {
    expect(readFileSync('docs/functions.md', 'utf8')).toBe(renderFunctionsDoc(FUNCTIONS));
  });

  it("the README's function table is up to date with the specs", () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toBe(withReadmeTable(readme, FUNCTIONS));
  });

  it('shows every function with its signature and examples in both Sheets and Excel syntax', () => {
    const doc = renderFunctionsDoc(FUNCTIONS);
    expect(doc).toContain('`WEIGHTED_PIPELINE(amounts, probabilities, [stage_table], [close_dates], [period_start], [period_end])`');
    expect(doc).toContain('=QUOTA_ATTAINMENT(45000, 50000)');
    expect(doc).toContain('=SALESOPS.QUOTA_ATTAINMENT(45000, 50000)');
    expect(doc).toContain('`FORECAST_ERROR(actuals, forecasts, [measure = "pe"], [denominator = "actual"])`');
  });

  it.each(FUNCTIONS.map((s) => [s.name, s] as const))('%s has help for autocomplete and at least one example', (_n, spec) => {
    expect(spec.summary.length).toBeGreaterThan(20);
    for (const param of spec.params) expect(param.description.length).toBeGreaterThan(5);
    expect(spec.examples.length).toBeGreaterThan(0);
  });
});

describe('template reference', () => {
  it('docs/templates.md is up to date with the declarations', () => {
    expect(readFileSync('docs/templates.md', 'utf8')).toBe(renderTemplatesDoc(TEMPLATES));
  });

  it('every word a template declares, and every problem code, has a message in the catalog', () => {
    const ids = (field: Field): string[] => [
      field.label,
      ...(field.help ? [field.help] : []),
      ...(field.kind === 'choice' ? field.options.map((option) => `${field.label}.${option}`) : []),
      ...(field.kind === 'pairs' || field.kind === 'rows' ? field.columns.map((column) => column.label) : []),
      ...(field.kind === 'group' ? field.fields.flatMap(ids) : []),
    ];
    const declared = TEMPLATES.flatMap((t) => [t.title, t.description, t.insertLabel, ...t.fields.flatMap(ids)]);
    const problems = PLAN_PROBLEM_CODES.map((code) => `template.problem.${code}`);
    expect([...declared, ...problems].filter((id) => !isMessageId(id))).toEqual([]);
  });
});
