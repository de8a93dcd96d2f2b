/**
 * The territory worker's request: the accounts cross as transferred columns of
 * typed arrays, and the worker's scenario is the one the page would compute.
 */
import fc from 'fast-check';
import { TEMPLATES } from '../core/templates';
import { defaultValues } from '../core/templates/fields';
import { runScenario } from '../core/templates/territory';
import { requestValues, workerRequest } from '../sidebar/territory/transfer';

const TERRITORY = TEMPLATES.find((definition) => definition.id === 'territory')!;
const request = (fields: object) => ({ ...defaultValues(TERRITORY.fields), measures: null, ...fields });

/** What the worker receives: a structured clone, the buffers transferred. */
function crossed(values: ReturnType<typeof request>) {
  const { request: sent, transfer } = workerRequest(values);
  return { received: structuredClone(sent, { transfer }), transfer };
}

describe('the territory worker request', () => {
  it('carries balances, coordinates, owners and locks, and leaves the page its buffers no longer (transferred, not copied)', () => {
    const values = request({
      count: 2,
      accounts: [
        { account: 'Ada', balances: [10, 1], latitude: 40.5, longitude: -74, owner: '2', locked: null },
        { account: 'Bo', balances: [20, 1], latitude: 41, longitude: -73.5, owner: null, locked: ' 1 ' },
        { account: 'Cy', balances: [30, 1], latitude: 42, longitude: -73, owner: '2', locked: null },
      ],
    });
    const { received, transfer } = crossed(values);
    expect(received.values.accounts).toBeNull();
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(requestValues(received).accounts).toEqual([
      { account: '', balances: [10, 1], latitude: 40.5, longitude: -74, owner: '2', locked: null },
      { account: '', balances: [20, 1], latitude: 41, longitude: -73.5, owner: null, locked: ' 1 ' },
      { account: '', balances: [30, 1], latitude: 42, longitude: -73, owner: '2', locked: null },
    ]);
  });

  it('sends the example accounts as the form has them: none', () => {
    const values = request({ count: 3, accounts: null });
    expect(requestValues(crossed(values).received)).toEqual(values);
  });

  it('gives the worker the scenario the page would compute (property)', () => {
    const account = (k: number) =>
      fc.record({
        balances: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 2 }),
        latitude: fc.double({ min: -90, max: 90, noNaN: true }),
        longitude: fc.double({ min: -180, max: 180, noNaN: true }),
        owner: fc.option(fc.integer({ min: 1, max: k }).map(String)),
        locked: fc.option(fc.integer({ min: 1, max: k }).map(String), { freq: 4 }),
      });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((k) => fc.tuple(fc.constant(k), fc.array(account(k), { minLength: 1, maxLength: 40 }), fc.boolean())),
        ([count, rows, located]) => {
          fc.pre(rows.some((row) => row.balances[0] > 0));
          const accounts = rows.map((row, i) => ({ ...row, account: `A${i}`, ...(located ? {} : { latitude: null, longitude: null }) }));
          const values = request({ count, accounts });
          expect(runScenario(requestValues(crossed(values).received))).toEqual(runScenario(values));
        },
      ),
      { numRuns: 40 },
    );
  });
});
