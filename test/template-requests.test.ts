/**
 * Template requests are untrusted (anyone can send one from a browser console
 * through google.script.run): a key that would reach a prototype is refused,
 * and a template reads its fields from an object that has none.
 */
import { templateRefusal as refusal } from './support/call';
import { readRequest } from '../core/templates';

describe('template requests: keys that would reach a prototype', () => {
  const polluted = () => Object.getOwnPropertyNames(Object.prototype).filter((key) => !ORIGINAL_OBJECT_KEYS.includes(key));
  const ORIGINAL_OBJECT_KEYS = Object.getOwnPropertyNames(Object.prototype);

  it.each([
    ['__proto__ (as JSON.parse reads it: an own field)', '{"template":"examples","__proto__":{"overwrite":true,"polluted":1}}', '__proto__'],
    ['constructor', '{"template":"examples","constructor":{"prototype":{"polluted":1}}}', 'constructor'],
    ['prototype', '{"template":"examples","prototype":{"polluted":1}}', 'prototype'],
    ['__proto__ nested in a field', '{"template":"examples","options":[{"__proto__":{"polluted":1}}]}', '__proto__'],
    ['__proto__ before the template name', '{"__proto__":{"template":"examples"}}', '__proto__'],
  ])('%s is refused with a clear message, and nothing is added anywhere', (_what, json, key) => {
    const request = JSON.parse(json) as unknown;
    const error = refusal(request);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(`a template request may not have a field named "${key}"`);
    expect(polluted()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).overwrite).toBeUndefined();
  });

  it('hands a template its fields on an object with no prototype, frozen', () => {
    const { fields } = readRequest(JSON.parse('{"template":"examples","rows":3}'));
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.isFrozen(fields)).toBe(true);
    expect({ ...fields }).toEqual({ rows: 3 });
    // Nothing inherited: a template reading fields.toString or fields.constructor sees no value.
    expect((fields as Record<string, unknown>).toString).toBeUndefined();
    expect((fields as Record<string, unknown>).constructor).toBeUndefined();
  });

  it('refuses what is not plain data inside a request: getters, functions, class instances, cycles, huge values', () => {
    const getter = Object.defineProperty({ template: 'examples' }, 'rows', { get: () => 1, enumerable: true });
    expect(refusal(getter).message).toMatch(/plain data, but the request\.rows is a getter/);
    expect(refusal({ template: 'examples', run: () => 1 }).message).toMatch(/the request\.run is a function/);
    expect(refusal({ template: 'examples', when: new Date(0) }).message).toMatch(/the request\.when is not a plain object/);
    const cyclic: Record<string, unknown> = { template: 'examples' };
    cyclic.self = cyclic;
    expect(refusal(cyclic).message).toMatch(/nested too deeply/);
    expect(refusal({ template: 'examples', rows: new Array(1e6).fill(0) }).message).toMatch(/too large/);
  });
});
