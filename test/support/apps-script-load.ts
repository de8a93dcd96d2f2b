/**
 * Loads the BUILT dist/apps-script/Code.js into a Node `vm` context with a fake
 * Apps Script global, and calls its top-level functions as Sheets does.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { FakeAppsScript } from './apps-script-fakes';

const ROOT = path.resolve(__dirname, '../..');
export const DIST_APPS_SCRIPT = path.join(ROOT, 'dist/apps-script');

/** Sources that end up in dist/apps-script. */
const SOURCES = ['core', 'apps-script', 'sidebar', 'scripts/build/apps-script.ts', 'scripts/build/bundle.ts', 'scripts/build/inline-script.ts', 'scripts/build/notices.ts'];

function newestSource(): { file: string; mtime: number } {
  let newest = { file: '', mtime: 0 };
  const visit = (file: string) => {
    const info = statSync(file);
    if (info.isDirectory()) {
      for (const entry of readdirSync(file)) visit(path.join(file, entry));
    } else if (/\.(?:ts|css|html)$/.test(file) && info.mtimeMs > newest.mtime) {
      newest = { file, mtime: info.mtimeMs };
    }
  };
  for (const source of SOURCES) if (existsSync(path.join(ROOT, source))) visit(path.join(ROOT, source));
  return newest;
}

/** The text of a built file; a clear failure when the build is missing or older than its sources. */
export function builtFile(name: string): string {
  const file = path.join(DIST_APPS_SCRIPT, name);
  if (!existsSync(file)) {
    throw new Error(`dist/apps-script/${name} is missing: run \`npm run build\` first (\`npm test\` builds before running jest).`);
  }
  const newest = newestSource();
  if (newest.mtime > statSync(file).mtimeMs + 1) {
    throw new Error(
      `dist/apps-script/${name} is older than ${path.relative(ROOT, newest.file)}: run \`npm run build\` so the tests check the current code.`,
    );
  }
  return readFileSync(file, 'utf8');
}

export interface LoadedCode {
  readonly context: vm.Context;
  /** Calls a top-level function of Code.js, as Sheets, a menu or google.script.run would. */
  run(name: string, ...args: unknown[]): unknown;
  /** A Date created inside the script's realm, as Sheets would pass it. */
  newDate(time: number): Date;
}

export function loadCode(fake: FakeAppsScript, code = builtFile('Code.js')): LoadedCode {
  const context = vm.createContext({ ...fake.globals });
  new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
  const makeDate = vm.runInContext('(function (time) { return new Date(time); })', context) as (time: number) => Date;
  return {
    context,
    run(name, ...args) {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`Code.js has no top-level function ${name}`);
      return fn(...args);
    },
    newDate: makeDate,
  };
}

/** A value from the vm realm as plain test-realm data (for toEqual). */
export function plain<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/** The message of what `fn` throws, or a failure when it returns. */
export function thrownMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (Object.prototype.toString.call(error) !== '[object Error]') {
      throw new Error(`threw a non-Error: ${String(error)}`);
    }
    return (error as Error).message;
  }
  throw new Error('expected an error, but the call returned');
}

/** Messages that mean a crash rather than an explanation. */
export const CRASH = /TypeError|ReferenceError|RangeError|SyntaxError|Cannot read|is not a function|is not defined|undefined is not|\n[ \t]+at /;

