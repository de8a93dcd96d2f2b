/** Every worked example in the function specs (core/functions/), run through the core. */
import { FUNCTIONS, invoke } from '../core';
import { seen, showsExpected } from './support/results';

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s worked examples', (_name, spec) => {
  it.each(spec.examples.map((example, i) => [i + 1, example] as const))('example %i', (_i, example) => {
    const result = seen(invoke(spec, example.args));
    expect({ result, ok: showsExpected(result, example.expect) }).toEqual({ result, ok: true });
  });
});
