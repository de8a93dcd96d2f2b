/** Renaming functions and sheets inside formula text (core/formula-text.ts), never inside quotes. */
import fc from 'fast-check';
import { renameInFormula } from '../core/formula-text';

const upper = (map: Record<string, string>) => (name: string) => map[name.toUpperCase()];

describe('renameInFormula', () => {
  it('renames called functions, not cell references, names without a bracket or text in quotes', () => {
    const functions = upper({ QUOTA_ATTAINMENT: 'SALESOPS.QUOTA_ATTAINMENT' });
    expect(renameInFormula('QUOTA_ATTAINMENT(E2:E9,C2:C9)*100', { functions })).toBe('SALESOPS.QUOTA_ATTAINMENT(E2:E9,C2:C9)*100');
    expect(renameInFormula('IF(A1="QUOTA_ATTAINMENT(",quota_attainment(B1,C1),QUOTA_ATTAINMENT)', { functions })).toBe(
      'IF(A1="QUOTA_ATTAINMENT(",SALESOPS.QUOTA_ATTAINMENT(B1,C1),QUOTA_ATTAINMENT)',
    );
    // A longer name that merely contains a known one is another function.
    expect(renameInFormula('MY_QUOTA_ATTAINMENT(A1)+X.QUOTA_ATTAINMENT(A1)', { functions })).toBe('MY_QUOTA_ATTAINMENT(A1)+X.QUOTA_ATTAINMENT(A1)');
  });

  it('reads prefixed names whole, dots and all', () => {
    const seen: string[] = [];
    renameInFormula('_xlfn.STDEV.S(A1:A3)+_xldudf_SALESOPS_WIN_RATE(B1:B3)+SALESOPS.CAC(1,2)', {
      functions: (name) => {
        seen.push(name);
        return undefined;
      },
    });
    expect(seen).toEqual(['_xlfn.STDEV.S', '_xldudf_SALESOPS_WIN_RATE', 'SALESOPS.CAC']);
  });

  it('renames sheets, quoting a new name that needs it and reading a quoted old one', () => {
    const sheets = (name: string) => ({ Deals: 'Deals (2)', 'Q1 plan': 'Plan', "Bob's": 'Bob' })[name];
    expect(renameInFormula("SUM(Deals!D2:D9)+'Q1 plan'!A1+'Bob''s'!B2+Other!C3", { sheets })).toBe("SUM('Deals (2)'!D2:D9)+Plan!A1+Bob!B2+Other!C3");
    expect(renameInFormula('"Deals!A1"&Deals', { sheets })).toBe('"Deals!A1"&Deals');
  });

  it('changes nothing when nothing is renamed, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (formula) => {
        expect(renameInFormula(formula, { functions: () => undefined, sheets: () => undefined })).toBe(formula);
      }),
    );
  });
});
