/**
 * THIRD_PARTY_NOTICES.txt beside every bundle: which npm packages esbuild put
 * into each bundle (read from its metafile, so a package tree-shaken away is
 * not listed and a new dependency is never missed), with each package's name,
 * version, licence and the licence and notice files it ships. Licences that
 * require their full text to travel with the code but whose package ships only
 * a pointer to it (HyperFormula names the GPL v3) get that text from
 * scripts/build/licenses/, and so does a package whose npm release leaves its
 * licence file out (saxes). A bundled package with no licence text at all
 * stops the build, naming it.
 */
import type { Metafile } from 'esbuild';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NOTICES_FILE } from '../../core/notices';

export interface BundledPackage {
  readonly name: string;
  readonly version: string;
  /** The SPDX expression from package.json ("MIT", "GPL-3.0-only", ...). */
  readonly license: string;
  readonly homepage?: string;
  /** LICENSE, COPYING and NOTICE files the package ships, with their text. */
  readonly files: readonly { readonly name: string; readonly text: string }[];
  /** Where its licence text comes from when the package ships none: a file in scripts/build/licenses/. */
  readonly licenceKeptHere?: string;
  /** For a package found inside another's prebuilt bundle: that package's name. */
  readonly inside?: string;
}

/** One bundle and the packages in it, e.g. { bundle: 'app.js', packages }. */
export interface BundleContents {
  readonly bundle: string;
  readonly packages: readonly BundledPackage[];
}

const REPO_ROOT = process.cwd();
const LICENSES_DIR = path.join(REPO_ROOT, 'scripts', 'build', 'licenses');
const LICENCE_FILE = /^(?:licen[cs]e|copying|notice)(?:[.-].*)?$/i;

/** Full licence texts the repository carries, by the SPDX ids that need them. */
const FULL_TEXTS: readonly { readonly ids: RegExp; readonly title: string; readonly file: string }[] = [
  { ids: /\bGPL-3\.0/, title: 'GNU General Public License, version 3', file: 'GPL-3.0.txt' },
];

/**
 * Licence files of packages whose npm release leaves them out, kept in
 * scripts/build/licenses/ (its README says where each came from).
 */
const KEPT_LICENCE_FILES: Readonly<Record<string, string>> = { saxes: 'saxes-LICENSE.txt' };

/**
 * Names a prebuilt file's source map gives that are not npm packages but code
 * generated inside the owner's own build, published in it under its licence
 * (formatjs compiles Unicode and CLDR data into its parsers).
 */
const GENERATED_INSIDE_OWNER = new Set(['@formatjs_generated/unicode', '@formatjs_generated/cldr.core']);

/** The folder of the npm package an esbuild input path belongs to, or undefined for the project's own files. */
function packageRoot(input: string): string | undefined {
  const file = input.replace(/\\/g, '/');
  const at = file.lastIndexOf('node_modules/');
  // "not-in-a-page:fs", "(disabled):node_modules/util/...": a namespace, not a file on disk.
  if (at < 0 || /^(?:[a-z-]+|\([a-z-]+\)):/i.test(file)) return undefined;
  const rest = file.slice(at + 'node_modules/'.length).split('/');
  const nameParts = rest[0].startsWith('@') ? 2 : 1;
  return path.resolve(REPO_ROOT, file.slice(0, at + 'node_modules/'.length) + rest.slice(0, nameParts).join('/'));
}

function licenseOf(manifest: { license?: unknown; licenses?: unknown }): string {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license && typeof manifest.license === 'object' && 'type' in manifest.license) return String(manifest.license.type);
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map((l: { type?: string }) => l.type ?? '?').join(' OR ');
  return 'UNKNOWN';
}

function readPackage(root: string): BundledPackage {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: unknown;
    licenses?: unknown;
    homepage?: string;
  };
  const files = readdirSync(root)
    .filter((name) => LICENCE_FILE.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(root, name), 'utf8') }));
  const pkg = { name: manifest.name, version: manifest.version, license: licenseOf(manifest), homepage: manifest.homepage, files };
  const kept = KEPT_LICENCE_FILES[manifest.name];
  if (files.length > 0 || !kept) return pkg;
  return { ...pkg, licenceKeptHere: kept, files: [{ name: 'LICENSE', text: readFileSync(path.join(LICENSES_DIR, kept), 'utf8') }] };
}

/**
 * The packages whose code is in the output(s) of a build, from its metafile:
 * only inputs that contributed bytes count. Sorted by name.
 */
export function bundledPackages(metafile: Metafile): BundledPackage[] {
  const roots = new Set<string>();
  const prebuilt: { owner: string; input: string }[] = [];
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, info] of Object.entries(output.inputs)) {
      const root = info.bytesInOutput > 0 ? packageRoot(input) : undefined;
      if (!root) continue;
      roots.add(root);
      if (existsSync(path.resolve(REPO_ROOT, `${input}.map`))) prebuilt.push({ owner: root, input });
    }
  }
  const packages = [...roots].map(readPackage);
  for (const { owner, input } of prebuilt) packages.push(...packagesInside(readPackage(owner).name, owner, input));
  return packages.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/**
 * The packages a prebuilt file carries inside it, named by its source map,
 * each read from the copy installed beside it. One that is not installed has
 * no licence text to give: the build stops, naming it.
 */
function packagesInside(owner: string, ownerRoot: string, input: string): BundledPackage[] {
  const map = JSON.parse(readFileSync(path.resolve(REPO_ROOT, `${input}.map`), 'utf8')) as { sources?: unknown };
  const names = new Set<string>();
  for (const source of Array.isArray(map.sources) ? map.sources : []) {
    const at = String(source).lastIndexOf('node_modules/');
    if (at < 0) continue;
    const parts = String(source).slice(at + 'node_modules/'.length).split('/');
    names.add(parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]);
  }
  names.delete(owner);
  for (const name of GENERATED_INSIDE_OWNER) names.delete(name);
  return [...names].map((name) => {
    const installed = [path.join(ownerRoot, 'node_modules', name), path.resolve(REPO_ROOT, 'node_modules', name)].find((dir) =>
      existsSync(path.join(dir, 'package.json')),
    );
    if (!installed) throw new Error(`notices: ${input} holds ${name} (its source map says), which is not installed, so its licence text cannot be found`);
    return { ...readPackage(installed), inside: owner };
  });
}

/** A licence text without leading blank lines or trailing space; indentation (the GPL's centred title) kept. */
const tidy = (text: string) => text.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();

const RULE = '='.repeat(78);
const THIN = '-'.repeat(78);

/** The text of THIRD_PARTY_NOTICES.txt for the bundles of one output folder. */
export function thirdPartyNotices(bundles: readonly BundleContents[]): string {
  const all = new Map<string, BundledPackage>();
  for (const { packages } of bundles) for (const pkg of packages) all.set(`${pkg.name}@${pkg.version}`, pkg);
  const packages = [...all.values()].sort((a, b) => a.name.localeCompare(b.name));
  const names = bundles.map((b) => b.bundle).join(', ');
  const ownLicence = tidy(readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8'));
  const bare = packages.filter((pkg) => pkg.files.length === 0);
  if (bare.length > 0) {
    throw new Error(
      `notices: no licence text for ${bare.map((pkg) => `${pkg.name} ${pkg.version} (${pkg.license})`).join(', ')}: ` +
        'the package ships no licence file; keep its licence file in scripts/build/licenses/ (see notices.ts, KEPT_LICENCE_FILES)',
    );
  }
  const fullTexts = FULL_TEXTS.filter((entry) => packages.some((pkg) => entry.ids.test(pkg.license)));
  const copyleft = packages.filter((pkg) => /(?:^|[^AL])GPL-3\.0/.test(pkg.license));

  const lines: string[] = [
    `Third-party notices for ${names}`,
    'Generated by `npm run build` from the packages esbuild bundled; do not edit.',
    '',
  ];
  for (const { bundle, packages: inBundle } of bundles) {
    const direct = inBundle.filter((p) => !p.inside);
    const inside = inBundle.length - direct.length;
    lines.push(
      inBundle.length === 0
        ? `${bundle}: SalesOps Formulas only (MIT); no third-party package is bundled.`
        : `${bundle}: SalesOps Formulas (MIT) with ${direct.map((p) => `${p.name} ${p.version} (${p.license})`).join(', ')}.` +
            (inside > 0 ? ` ${inside} more come inside a prebuilt file among them; each is listed below.` : ''),
    );
  }
  if (copyleft.length > 0) {
    lines.push(
      '',
      `Because it includes ${copyleft.map((p) => `${p.name} under ${p.license}`).join(' and ')}, the bundle that contains it`,
      'is distributed as a whole under the GNU General Public License version 3 (text at the end); the',
      'SalesOps Formulas code in it stays available under the MIT licence as well. Its corresponding',
      'source is the SalesOps Formulas repository and the npm packages at the versions listed here.',
    );
  }
  lines.push('', RULE, 'SalesOps Formulas (MIT)', RULE, '', ownLicence, '');
  for (const pkg of packages) {
    lines.push(RULE, `${pkg.name} ${pkg.version}`, `License: ${pkg.license}`);
    if (pkg.inside) lines.push(`Inside ${pkg.inside}'s prebuilt file (named by its source map).`);
    if (pkg.homepage) lines.push(`Homepage: ${pkg.homepage}`);
    lines.push(RULE, '');
    if (pkg.licenceKeptHere) {
      lines.push(`(The npm package ships no licence file: this is the LICENSE file of its source repository, kept as scripts/build/licenses/${pkg.licenceKeptHere}.)`, '');
    }
    for (const file of pkg.files) lines.push(`--- ${file.name} ${THIN.slice(file.name.length + 5)}`, '', tidy(file.text), '');
  }
  for (const entry of fullTexts) {
    lines.push(RULE, `${entry.title} (named by ${packages.filter((p) => entry.ids.test(p.license)).map((p) => p.name).join(', ')})`, RULE, '');
    lines.push(tidy(readFileSync(path.join(LICENSES_DIR, entry.file), 'utf8')), '');
  }
  return `${lines.join('\n')}\n`;
}

/** Writes THIRD_PARTY_NOTICES.txt into `outDir` for the bundles written there. */
export async function writeNotices(outDir: string, bundles: readonly BundleContents[]): Promise<void> {
  for (const entry of FULL_TEXTS) {
    const file = path.join(LICENSES_DIR, entry.file);
    if (!existsSync(file)) throw new Error(`notices: ${path.relative(REPO_ROOT, file)} is missing`);
  }
  await writeFile(path.join(outDir, NOTICES_FILE), thirdPartyNotices(bundles));
}
