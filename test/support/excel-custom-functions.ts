/**
 * A fake of Excel's CustomFunctions global, and a loader that runs the built
 * dist/office-addin/functions.js against it in a fresh Node `vm` context.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** The ErrorCode enum as office.js defines it (@types/custom-functions-runtime). */
export const FakeErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** What Excel shows for a CustomFunctions.Error: the code in the cell, the message in the tooltip. */
export class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface FakeCustomFunctions {
  readonly Error: typeof FakeCustomFunctionsError;
  readonly ErrorCode: typeof FakeErrorCode;
  /** Every associate call, in order. */
  readonly associated: Map<string, (...args: unknown[]) => unknown>;
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown): void;
}

export function fakeCustomFunctions(): FakeCustomFunctions {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: FakeCustomFunctionsError,
    ErrorCode: FakeErrorCode,
    associated,
    associate(id, fn) {
      const pairs = typeof id === 'string' ? [[id, fn] as const] : Object.entries(id);
      for (const [name, f] of pairs) {
        if (associated.has(name)) throw new Error(`${name} associated twice`);
        if (typeof f !== 'function') throw new Error(`${name} associated with ${typeof f}, not a function`);
        associated.set(name, f);
      }
    },
  };
}

export const OFFICE_ADDIN_DIST = path.resolve(__dirname, '../../dist/office-addin');

/** A file from the last build; fails with the fix when the build has not run. */
export function distFile(file: string): string {
  const full = path.join(OFFICE_ADDIN_DIST, file);
  if (!existsSync(full)) {
    throw new Error(`${full} is missing: run \`npm run build\` first (npm test does it for you)`);
  }
  return full;
}

/**
 * Runs functions.js as Excel's shared runtime would, with only the fake
 * CustomFunctions and console as globals (no Office, window or document).
 */
export function loadFunctionsJs(): FakeCustomFunctions {
  const fake = fakeCustomFunctions();
  const context = vm.createContext({ CustomFunctions: fake, console });
  vm.runInContext(readFileSync(distFile('functions.js'), 'utf8'), context, { filename: 'functions.js' });
  return fake;
}

/**
 * The invocation object Excel appends after the declared arguments; functions.json asks
 * for the calling cell's address and the arguments' (an empty string for a literal).
 */
export function fakeInvocation(functionName: string, parameterAddresses: readonly string[] = []): object {
  return { functionName, address: 'Sheet1!Z1', parameterAddresses: [...parameterAddresses], isInValuePreview: false };
}
