/**
 * The repository stands alone: a fresh clone passes its tests with nothing
 * beside it, so no test, script or doc reads or links a path outside it, and
 * it carries its licence and its own architecture page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'coverage', '.git', '.certs', 'test-results']);
const TEXT = /\.(?:ts|mjs|js|json|md|html|css|xml|xsd|sh|yml|yaml)$|^(?:\.ci\/run|\.gitignore|\.npmrc|LICENSE)$/;

function files(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) || (dir === path.join(ROOT, 'bench') && entry.name === 'results') ? [] : files(full);
    const relative = path.relative(ROOT, full).split(path.sep).join('/');
    return TEXT.test(relative) || TEXT.test(entry.name) ? [relative] : [];
  });
}

describe('the repository stands alone', () => {
  const all = files().filter((file) => file !== 'package-lock.json');

  it('finds the files it checks', () => {
    expect(all).toEqual(expect.arrayContaining(['README.md', 'test/support/excel-manifest.ts', 'scripts/build.ts']));
  });

  it('no file names the folder that sits beside the repository on the maintainers\' machines', () => {
    const sibling = ['..', 'shared'].join('/');
    expect(all.filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes(sibling))).toEqual([]);
  });

  it('no Markdown link points outside the repository', () => {
    const outside: string[] = [];
    for (const file of all.filter((name) => name.endsWith('.md'))) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
        const resolved = path.resolve(ROOT, path.dirname(file), target.split('#')[0]);
        if (resolved !== ROOT && !resolved.startsWith(ROOT + path.sep)) outside.push(`${file}: ${target}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('keeps the manifest schemas as fixtures, with a note of where they come from', () => {
    const dir = path.join(ROOT, 'test', 'fixtures', 'office-schemas');
    const schemas = readdirSync(dir).filter((name) => name.endsWith('.xsd'));
    expect(schemas).toContain('OfficeAppManifestV1_1.xsd');
    const note = readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(note).toContain('OfficeDev/office-js-docs-pr');
    // Every schema the manifest schema imports, directly or not, is there.
    for (const schema of schemas) {
      for (const [, imported] of readFileSync(path.join(dir, schema), 'utf8').matchAll(/schemaLocation="([^"]+)"/g)) {
        expect({ schema, imported, present: schemas.includes(imported) }).toEqual({ schema, imported, present: true });
      }
    }
  });

  it('has its own architecture page, linked from the README, and an MIT LICENSE matching package.json', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('(docs/architecture.md)');
    const architecture = readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
    for (const heading of ['## Layers', 'How to add a function', 'How to add a template', 'How to add a host', 'Sheet plans']) {
      expect(architecture).toContain(heading);
    }
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) /);
  });
});
