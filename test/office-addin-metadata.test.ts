/**
 * functions.json must be exactly what Microsoft's custom-functions-metadata
 * generates from the same functions written as JSDoc'd TypeScript declarations,
 * and must describe every spec the way Excel needs it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTIONS } from '../core';
import { distFile } from './support/excel-custom-functions';

interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: { name: string; description?: string; type: string; dimensionality?: string; optional?: boolean }[];
    result: { dimensionality?: string; type?: string };
  }[];
}

const readJson = (file: string) => JSON.parse(readFileSync(distFile(file), 'utf8')) as Metadata;

/** Generates metadata with Microsoft's package and fails on any error it reports (its CLI exits 0 on errors). */
async function microsoftMetadata(file: string): Promise<{ text: string; associate: { functionName: string; id: string }[] }> {
  const result = await generateCustomFunctionsMetadata(file);
  expect(result.errors).toEqual([]);
  expect(result.metadataJson).not.toBe('');
  return { text: result.metadataJson, associate: result.associate };
}

describe('functions.json', () => {
  it('is exactly what custom-functions-metadata generates from functions-declarations.ts', async () => {
    const generated = await microsoftMetadata(distFile('functions-declarations.ts'));
    const ours = readFileSync(distFile('functions.json'), 'utf8');
    expect(JSON.parse(ours)).toEqual(JSON.parse(generated.text));
    expect(ours.trim()).toBe(generated.text.trim());
    expect(generated.associate.map((a) => [a.functionName, a.id])).toEqual(FUNCTIONS.map((s) => [s.name, s.name]));
  });

  it('describes every spec, in registry order, by its own name', () => {
    const metadata = readJson('functions.json');
    expect(metadata.functions.map((f) => [f.id, f.name])).toEqual(FUNCTIONS.map((s) => [s.name, s.name]));
    for (const [i, spec] of FUNCTIONS.entries()) {
      const fn = metadata.functions[i];
      expect(fn.description).toBe(spec.summary);
      expect(fn.parameters.map((p) => [p.name, p.description, p.optional === true])).toEqual(
        spec.params.map((p) => [p.name, p.description, p.optional]),
      );
    }
  });

  it('takes ranges as matrices and single values as scalars, all typed "any"', () => {
    const expected: Record<string, string | undefined> = {
      numbers: 'matrix',
      dates: 'matrix',
      labels: 'matrix',
      values: 'matrix',
      table: 'matrix',
      measures: 'matrix',
      territories: 'matrix',
      number: undefined,
      date: undefined,
      text: undefined,
      boolean: undefined,
    };
    const metadata = readJson('functions.json');
    for (const [i, spec] of FUNCTIONS.entries()) {
      const params = metadata.functions[i].parameters;
      expect(params.map((p) => [p.name, p.type, p.dimensionality])).toEqual(
        spec.params.map((p) => [p.name, 'any', expected[p.kind]]),
      );
    }
  });

  it('spills per-row, table and per-row-or-aggregate results; aggregates return one value', () => {
    const metadata = readJson('functions.json');
    const shapes = metadata.functions.map((f, i) => [FUNCTIONS[i].result, f.result.dimensionality ?? 'scalar']);
    for (const [result, dimensionality] of shapes) {
      expect([result, dimensionality]).toEqual([result, result === 'aggregate' ? 'scalar' : 'matrix']);
    }
    expect(metadata.functions.every((f) => f.result.type === undefined)).toBe(true);
  });
});

describe('the custom-functions-metadata check itself', () => {
  it('would catch declarations Microsoft\'s package rejects (a type alias)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'salesops-cfm-'));
    try {
      const file = path.join(dir, 'bad.ts');
      writeFileSync(file, 'type Cells = any[][];\n/**\n * Bad.\n * @customfunction BAD BAD\n * @param x X.\n */\ndeclare function BAD(x: Cells): any;\n');
      const result = await generateCustomFunctionsMetadata(file);
      expect(result.errors.join('\n')).toContain('does not support type "Cells"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
