/**
 * Licences travel with the built bundles: THIRD_PARTY_NOTICES.txt beside each
 * one names every npm package esbuild put into it, with its version, licence
 * and licence text, and the playground's says it is under the GPL v3 because
 * it carries HyperFormula.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { servePlayground } from '../playground/server';
import { NOTICES_FILE } from '../core/notices';
import { browserSources } from '../scripts/build/browser-sources';
import { type BundledPackage, bundledPackages, thirdPartyNotices } from '../scripts/build/notices';

const ROOT = path.resolve(__dirname, '..');
const dist = (...parts: string[]) => path.join(ROOT, 'dist', ...parts);

function notices(folder: string): string {
  const file = dist(folder, NOTICES_FILE);
  if (!existsSync(file)) throw new Error(`dist/${folder}/${NOTICES_FILE} is missing: run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
}

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly license: string;
}

/** A package's package.json, at the top of node_modules or at `dir` (a copy nested in another package). */
const manifest = (name: string, dir = path.join(ROOT, 'node_modules', name)) =>
  JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;

/**
 * The packages in a bundle, worked out here independently of the notices code,
 * with the build's own way of resolving ExcelJS (from its sources) for the playground.
 */
async function bundledMetafile(entry: string) {
  const result = await build({
    ...(entry.includes('playground') ? browserSources : {}),
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  return result.metafile;
}

async function bundledManifests(entry: string): Promise<Manifest[]> {
  const metafile = await bundledMetafile(entry);
  const dirs = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) {
      // The innermost node_modules: a package may bundle its own copy of another.
      const at = input.lastIndexOf('node_modules/');
      // "(disabled):node_modules/util/util.js": a module a package's browser field leaves out, not a file.
      if (at < 0 || info.bytesInOutput === 0 || input.includes(':')) continue;
      const parts = input.slice(at + 'node_modules/'.length).split('/');
      dirs.add(path.join(ROOT, input.slice(0, at), 'node_modules', ...parts.slice(0, parts[0].startsWith('@') ? 2 : 1)));
    }
  }
  return [...dirs].map((dir) => manifest('', dir)).sort((a, b) => a.name.localeCompare(b.name));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const listed = (packages: readonly Manifest[]) =>
  packages.map(({ name, version, license }) => `${name} ${version} (${license})`).join(', ');

describe('THIRD_PARTY_NOTICES.txt', () => {
  it('the playground\'s lists hyperformula with its version, its GPL licence and its licence file', () => {
    const text = notices('playground');
    const hyperformula = manifest('hyperformula');
    expect(hyperformula.license).toMatch(/^GPL-3\.0/);
    expect(text).toContain(`hyperformula ${hyperformula.version}\nLicense: ${hyperformula.license}`);
    expect(text).toContain(readFileSync(path.join(ROOT, 'node_modules', 'hyperformula', 'LICENSE.txt'), 'utf8').trim());
    // HyperFormula's licence file only names the GPL v3, so its full text ships too.
    expect(text).toContain('                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007');
    expect(text).toContain('END OF TERMS AND CONDITIONS');
    expect(text).toMatch(/distributed as a whole under the GNU General Public License version 3/);
  });

  it('the playground\'s names every package in app.js, each with its licence text', async () => {
    const text = notices('playground');
    const packages = await bundledManifests(path.join(ROOT, 'playground', 'main.ts'));
    expect(packages.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(['hyperformula', 'chevrotain']));
    for (const { name, version, license } of packages) {
      expect({ name, listed: text.includes(`\n${name} ${version}\nLicense: ${license}\n`) }).toEqual({ name, listed: true });
    }
    expect(text).toContain('chevrotain');
    expect(text).toContain('Apache License\n                           Version 2.0, January 2004');
    expect(text.match(/^app\.js: .*$/m)![0]).toMatch(new RegExp(`^app\\.js: SalesOps Formulas \\(MIT\\) with ${escape(listed(packages))}\\.( \\d+ more come inside|$)`));
  });

  it('the playground\'s carries licence text for every package in app.js, ExcelJS\'s and JSZip\'s own packages included', async () => {
    const text = notices('playground');
    const metafile = await bundledMetafile(path.join(ROOT, 'playground', 'main.ts'));
    const inputs = Object.keys(metafile.inputs);
    // From their sources, not the prebuilt files that fold seventy packages into one input.
    expect(inputs).toEqual(expect.arrayContaining(['node_modules/exceljs/lib/exceljs.browser.js', 'node_modules/jszip/lib/index.js']));
    expect(inputs.filter((input) => /^node_modules\/(?:exceljs|jszip)\/dist\//.test(input))).toEqual([]);
    const packages = await bundledManifests(path.join(ROOT, 'playground', 'main.ts'));
    expect(packages.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(['exceljs', 'jszip', 'pako', 'saxes', 'readable-stream', 'buffer']));
    const sections = text.split(/^={78}\n/m);
    for (const { name, version } of packages) {
      const at = sections.findIndex((section) => section.startsWith(`${name} ${version}\n`));
      // The section after a package's heading holds its licence files: at least one, with text in it.
      const body = at < 0 ? '' : sections[at + 1];
      expect({ name, licenceText: /^--- \S+ -+\n\n[ \t]*\S/m.test(body) }).toEqual({ name, licenceText: true });
    }
  });

  it('says which package ships no licence file of its own, and where its licence text came from instead', () => {
    const text = notices('playground');
    const sections = text.split(/^={78}\n/m);
    const kept = sections.flatMap((section, k) => (section.startsWith('\n(The npm package ships no licence file') ? [sections[k - 1].split(' ')[0]] : []));
    // A new package without a licence file stops the build (notices.ts); one whose text is kept here is named on purpose.
    expect(kept).toEqual(['saxes']);
    expect(text).toContain('kept as scripts/build/licenses/saxes-LICENSE.txt.)\n\n--- LICENSE ---');
    expect(text).toContain('The following license is the one that governed sax, from which saxes\nwas forked.');
  });

  it('app.js points to it, and the playground serves it beside the page as text', async () => {
    expect(readFileSync(dist('playground', 'app.js'), 'utf8').slice(0, 200)).toContain(NOTICES_FILE);
    const server = await servePlayground({ root: dist('playground'), port: 0 });
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/${NOTICES_FILE}`);
      expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/plain; charset=utf-8']);
      expect(await response.text()).toBe(notices('playground'));
    } finally {
      await server.close();
    }
  });

  it.each([
    ['apps-script', 'Code.js', 'Sidebar.html', 'apps-script/sidebar-client.ts'],
    ['office-addin', 'functions.js', 'taskpane.js', 'office-addin/taskpane-entry.ts'],
  ])('dist/%s has one too: the functions bundle (%s) holds no third-party package, the sidebar (%s) only the message formatter', async (folder, functions, sidebar, entry) => {
    const text = notices(folder);
    expect(text).toContain(`${functions}: SalesOps Formulas only (MIT); no third-party package is bundled.`);
    const packages = await bundledManifests(path.join(ROOT, entry));
    expect(packages.map((pkg) => pkg.name)).toContain('intl-messageformat');
    expect(text).toContain(`${sidebar}: SalesOps Formulas (MIT) with ${listed(packages)}.`);
    expect(text).toContain(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8').trim());
    expect(text).not.toContain('GNU GENERAL PUBLIC LICENSE');
  });

  it('lists only packages whose code is in the bundle, read from esbuild\'s metafile', () => {
    const metafile = {
      inputs: {},
      outputs: {
        'out.js': {
          bytes: 10,
          imports: [],
          exports: [],
          inputs: {
            'core/values.ts': { bytesInOutput: 5 },
            'node_modules/tiny-emitter/index.js': { bytesInOutput: 5 },
            'node_modules/hyperformula/es/index.mjs': { bytesInOutput: 0 },
          },
        },
      },
    };
    expect(bundledPackages(metafile).map((pkg) => pkg.name)).toEqual(['tiny-emitter']);
  });

  it('refuses to write notices for a package with no licence text, naming it', () => {
    const bare: BundledPackage = { name: 'left-pad', version: '1.0.0', license: 'WTFPL', files: [] };
    expect(() => thirdPartyNotices([{ bundle: 'x.js', packages: [bare] }])).toThrow(/no licence text for left-pad 1\.0\.0 \(WTFPL\)/);
  });
});
