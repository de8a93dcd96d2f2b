/** Reads and validates an add-in manifest with xmllint (Debian libxml2-utils), as CI does. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
/** The official schemas, copied into the repository as fixtures (test/fixtures/office-schemas/README.md says from where). */
export const MANIFEST_SCHEMA = path.join(REPO_ROOT, 'test', 'fixtures', 'office-schemas', 'OfficeAppManifestV1_1.xsd');

/** xmllint's schema verdict: '' when valid, its complaints otherwise. */
export function schemaProblems(manifest: string): string {
  if (!existsSync(MANIFEST_SCHEMA)) throw new Error(`manifest schema not found at ${MANIFEST_SCHEMA}: see test/fixtures/office-schemas/README.md`);
  const run = spawnSync('xmllint', ['--noout', '--schema', MANIFEST_SCHEMA, manifest], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}): install Debian libxml2-utils`);
  return run.status === 0 ? '' : `${run.stderr}${run.stdout}`.trim() || `xmllint exited with ${run.status}`;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Values of the attribute an XPath selects (e.g. //@resid), in document order; [] when none match. */
export function attributeValues(manifest: string, xpath: string): string[] {
  const run = spawnSync('xmllint', ['--xpath', xpath, manifest], { encoding: 'utf8' });
  if (run.status !== 0) return [];
  return [...run.stdout.matchAll(/\s[\w:.-]+="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
}

/** The string value of an XPath expression (e.g. string(//*[local-name()='Permissions'])). */
export function xpathString(manifest: string, xpath: string): string {
  return execFileSync('xmllint', ['--xpath', xpath, manifest], { encoding: 'utf8' }).trim();
}

/** Elements are in the manifest's default namespaces; select them by local name. */
export const el = (name: string) => `*[local-name()='${name}']`;

/** The DefaultValue of the resource with this id (Images, Urls, ShortStrings or LongStrings). */
export function resource(manifest: string, id: string): string | undefined {
  return attributeValues(manifest, `//${el('Resources')}//*[@id='${id}']/@DefaultValue`)[0];
}
