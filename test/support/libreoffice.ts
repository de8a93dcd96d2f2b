/**
 * LibreOffice (Debian's libreoffice-calc, headless) opening .xlsx files and
 * saving them again as .xlsx (or .ods, .pdf), with a profile of its own that
 * either recalculates every formula on load or keeps the values the file stores.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

/** As an .xlsx file: LibreOffice's filter for it. */
const AS_XLSX = 'xlsx:Calc MS Excel 2007 XML';

/**
 * Converts `inputs` (.xlsx paths) in one LibreOffice run; returns the saved
 * copies' paths, in `dir`/`name`. The profile lives in `dir` too. `target` is
 * what soffice --convert-to takes: an extension, then its filter and options.
 */
export async function libreOfficeSaves(dir: string, name: string, recalculate: boolean, inputs: readonly string[], target = AS_XLSX): Promise<string[]> {
  const profile = path.join(dir, `profile-${name}`);
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  // OOXMLRecalcMode: 0 always recalculates, 1 never does (LibreOffice's default), 2 asks.
  writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalculate ? 0 : 1}</value></prop></item>
</oor:items>
`,
  );
  const out = path.join(dir, name);
  await promisify(execFile)(
    SOFFICE,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', out, ...inputs],
    { timeout: 100_000 },
  );
  const extension = target.split(':')[0];
  return inputs.map((input) => path.join(out, `${path.basename(input, path.extname(input))}.${extension}`));
}
