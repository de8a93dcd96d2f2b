/**
 * Hostile text: cells of 50,000 characters that come close to what a parser
 * accepts and then miss, placed in every parameter of every function that reads
 * text. Such a cell once made a pattern backtrack for seconds (26 s for 10 cells
 * of digits then a letter, past Sheets' 30 s limit). Shared by
 * test/hostile-text.test.ts, which checks the answers, and the bench, which
 * times them.
 */
import { FUNCTIONS, type FunctionSpec, type HostArg, type ParamKind, type ParamSpec } from '../../core';

export const HOSTILE_LENGTH = 50_000;

/** Near-misses by name, each at least HOSTILE_LENGTH characters. */
export const HOSTILE_TEXTS: Readonly<Record<string, string>> = {
  // A number, until the last character.
  'digits then a letter': `${'1'.repeat(HOSTILE_LENGTH)}x`,
  // A number, then spaces that could belong to it or to what follows.
  'a run of spaces then a letter': `1${' '.repeat(HOSTILE_LENGTH)}x`,
  // A range rule (100-999) whose upper bound never comes.
  'a range with runs of spaces': `1${' '.repeat(HOSTILE_LENGTH / 2)}-${' '.repeat(HOSTILE_LENGTH / 2)}x`,
  // A comparison rule with a number too long to be one.
  '>= then digits': `>=${'1'.repeat(HOSTILE_LENGTH)}`,
};

export interface HostileCall {
  readonly spec: FunctionSpec;
  readonly param: ParamSpec;
  /** "QUOTA_ATTAINMENT actual", for messages. */
  readonly label: string;
  readonly args: HostArg[];
}

/**
 * `text` in one cell of the argument, the rest as given: a single value is
 * replaced; a range gets it in its first cell; a table in its second row and
 * column where it has them (the first row is often a header, the first column
 * names), so the text lands where the function reads a number or a rule.
 */
function withText(arg: HostArg, text: string, kind: ParamKind): HostArg {
  if (!Array.isArray(arg)) return text;
  const copy = arg.map((row) => row.slice());
  const r = kind === 'table' ? Math.min(1, copy.length - 1) : 0;
  const c = kind === 'table' ? Math.min(1, copy[r].length - 1) : 0;
  copy[r][c] = text;
  return copy;
}

/**
 * One call per function and text-reading parameter, with `text` in that
 * parameter and valid values elsewhere: the arguments of the first worked
 * example that gives the parameter (of the first example, with blanks for the
 * options it leaves out, when none does).
 */
export function hostileCalls(text: string): HostileCall[] {
  const calls: HostileCall[] = [];
  for (const spec of FUNCTIONS) {
    spec.params.forEach((param, p) => {
      const example = spec.examples.find((e) => e.args[p] !== undefined && e.args[p] !== null) ?? spec.examples[0];
      const args: HostArg[] = [...example.args];
      while (args.length <= p) args.push(null);
      args[p] = withText(args[p], text, param.kind);
      calls.push({ spec, param, label: `${spec.name} ${param.name}`, args });
    });
  }
  return calls;
}
