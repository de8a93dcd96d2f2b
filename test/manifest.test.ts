/**
 * The Excel add-in manifest: the built one, the committed root one, and one
 * built for another base URL must each pass the official schema, define every
 * resource they use, and point every URL at the chosen base URL.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOfficeAddin } from '../scripts/build/office-addin';
import { checkBaseUrl } from '../office-addin/build/manifest';
import { distFile } from './support/excel-custom-functions';
import { REPO_ROOT, attributeValues, el, resource, schemaProblems, xpathString } from './support/excel-manifest';

const DEFAULT_BASE_URL = 'https://localhost:3000';
const CUSTOM_BASE_URL = 'https://addins.example.com/salesops';
const packageVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let tmp: string;
let defaultBuild: string;
let customBuild: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'salesops-manifest-'));
  defaultBuild = path.join(tmp, 'default');
  customBuild = path.join(tmp, 'custom');
  await buildOfficeAddin({ outDir: defaultBuild, baseUrl: DEFAULT_BASE_URL });
  await buildOfficeAddin({ outDir: customBuild, baseUrl: `${CUSTOM_BASE_URL}/` });
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every manifest under test, with the base URL its URLs must start with and the folder it is served from. */
const manifests = (): [string, string, string, string | undefined][] => {
  const built = distFile('manifest.xml');
  const builtBase = attributeValues(built, `/${el('OfficeApp')}/${el('DefaultSettings')}/${el('SourceLocation')}/@DefaultValue`)[0].replace(
    /\/taskpane\.html$/,
    '',
  );
  return [
    ['dist/office-addin/manifest.xml (npm run build)', built, builtBase, path.dirname(built)],
    ['manifest.xml (repo root)', path.join(REPO_ROOT, 'manifest.xml'), DEFAULT_BASE_URL, undefined],
    [`a build for ${CUSTOM_BASE_URL}`, path.join(customBuild, 'manifest.xml'), CUSTOM_BASE_URL, customBuild],
  ];
};

describe.each([
  ['dist/office-addin/manifest.xml (npm run build)', 0],
  ['manifest.xml at the repo root', 1],
  [`a manifest built with --base-url ${CUSTOM_BASE_URL}`, 2],
])('%s', (_title, index) => {
  const pick = () => manifests()[index];

  it('passes the official add-in manifest schema', () => {
    const [name, file] = pick();
    expect({ name, problems: schemaProblems(file) }).toEqual({ name, problems: '' });
  });

  it('defines every resid it uses, once', () => {
    const [, file] = pick();
    const used = new Set(attributeValues(file, '//@resid'));
    const defined = attributeValues(file, `//${el('Resources')}//*[@id]/@id`);
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((id) => !defined.includes(id))).toEqual([]);
    expect(defined.filter((id, i) => defined.indexOf(id) !== i)).toEqual([]);
  });

  it('is an Excel task-pane add-in with ReadWriteDocument and a shared runtime', () => {
    const [, file, base] = pick();
    expect(xpathString(file, `string(/${el('OfficeApp')}/@*[local-name()='type'])`)).toBe('TaskPaneApp');
    expect(attributeValues(file, `/${el('OfficeApp')}/${el('Hosts')}/${el('Host')}/@Name`)).toEqual(['Workbook']);
    expect(xpathString(file, `string(//${el('Permissions')})`)).toBe('ReadWriteDocument');
    const sets = attributeValues(file, `//${el('Requirements')}//${el('Set')}/@Name`);
    expect(sets.sort()).toEqual(['CustomFunctionsRuntime', 'SharedRuntime']);
    expect(attributeValues(file, `//${el('Requirements')}//${el('Set')}/@MinVersion`)).toEqual(['1.1', '1.1']);

    const runtime = attributeValues(file, `//${el('Runtimes')}/${el('Runtime')}/@resid`);
    expect(runtime).toHaveLength(1);
    expect(attributeValues(file, `//${el('Runtimes')}/${el('Runtime')}/@lifetime`)).toEqual(['long']);
    expect(resource(file, runtime[0])).toBe(`${base}/taskpane.html`);
    // One runtime: the functions' page and the ribbon button open the same page as the Runtime.
    expect(attributeValues(file, `//${el('Page')}/${el('SourceLocation')}/@resid`)).toEqual(runtime);
    expect(attributeValues(file, `//${el('Action')}/${el('SourceLocation')}/@resid`)).toEqual(runtime);
    expect(xpathString(file, `string(//${el('Action')}/@*[local-name()='type'])`)).toBe('ShowTaskpane');
  });

  it('declares the custom functions under the SALESOPS namespace, with their script and metadata', () => {
    const [, file, base] = pick();
    const point = `//${el('AllFormFactors')}/${el('ExtensionPoint')}`;
    expect(xpathString(file, `string(${point}/@*[local-name()='type'])`)).toBe('CustomFunctions');
    expect(resource(file, attributeValues(file, `${point}/${el('Namespace')}/@resid`)[0])).toBe('SALESOPS');
    expect(resource(file, attributeValues(file, `${point}/${el('Script')}/${el('SourceLocation')}/@resid`)[0])).toBe(`${base}/functions.js`);
    expect(resource(file, attributeValues(file, `${point}/${el('Metadata')}/${el('SourceLocation')}/@resid`)[0])).toBe(
      `${base}/functions.json`,
    );
  });

  it('has icons for the add-in list and the ribbon (16, 32, 80)', () => {
    const [, file] = pick();
    expect(attributeValues(file, `/${el('OfficeApp')}/${el('IconUrl')}/@DefaultValue`)).toHaveLength(1);
    expect(attributeValues(file, `/${el('OfficeApp')}/${el('HighResolutionIconUrl')}/@DefaultValue`)).toHaveLength(1);
    const sizes = attributeValues(file, `//${el('Control')}/${el('Icon')}/*/@size`);
    expect(sizes).toEqual(['16', '32', '80']);
  });

  it('points every URL at the base URL, at a file the build wrote', () => {
    const [, file, base, servedFrom] = pick();
    const urls = attributeValues(file, '//@DefaultValue').filter((value) => /^[a-z]+:\/\//i.test(value));
    expect(urls.length).toBeGreaterThanOrEqual(10);
    expect(urls.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
    if (servedFrom) {
      const missing = urls.map((url) => url.slice(base.length + 1)).filter((file) => !existsSync(path.join(servedFrom, file)));
      expect(missing).toEqual([]);
    }
  });

  it('takes its version from package.json', () => {
    const [, file] = pick();
    expect(xpathString(file, `string(/${el('OfficeApp')}/${el('Version')})`)).toBe(`${packageVersion.split(/[-+]/, 1)[0]}.0`);
  });
});

describe('manifest per base URL', () => {
  it('the committed root manifest.xml is the build output for the default base URL', () => {
    const root = readFileSync(path.join(REPO_ROOT, 'manifest.xml'), 'utf8');
    const built = readFileSync(path.join(defaultBuild, 'manifest.xml'), 'utf8');
    if (root !== built) {
      throw new Error(
        'manifest.xml at the repo root is out of date: run `npm run build` and copy dist/office-addin/manifest.xml over it',
      );
    }
    expect(root).toContain('https://localhost:3000/taskpane.html');
  });

  it('a --base-url build mentions no other host', () => {
    // Everything but the XML namespace names, which are identifiers rather than places to load from.
    const text = readFileSync(path.join(customBuild, 'manifest.xml'), 'utf8').replace(/\sxmlns(:\w+)?="[^"]*"/g, '');
    expect(text).not.toContain('localhost');
    expect(text).not.toContain('salesops//');
    expect(text.match(/https?:\/\/[^"<\s]+/g)!.filter((url) => !url.startsWith(`${CUSTOM_BASE_URL}/`))).toEqual([]);
  });

  it('refuses a base URL Office cannot load from, saying why', () => {
    expect(() => checkBaseUrl('http://localhost:3000')).toThrow('must use https');
    expect(() => checkBaseUrl('localhost:3000')).toThrow('must use https');
    expect(() => checkBaseUrl('not a url')).toThrow('is not a URL');
  });
});
