/** Reading where a reference starts, from formula text (Sheets) and from the addresses Excel passes. */
import { quoteSheetName, referenceStart, sheetCellName } from '../core/a1';
import { argumentStarts, callArguments } from '../apps-script/formula-arguments';

describe('referenceStart', () => {
  it.each([
    ['B2:B', { row: 1, col: 1 }],
    ['$C$6:$C$50', { row: 5, col: 2 }],
    ['D9:B2', { row: 1, col: 1 }],
    ['A:A', { row: 0, col: 0 }],
    ['B:D', { row: 0, col: 1 }],
    ['3:7', { row: 2, col: 0 }],
    ['Z10', { row: 9, col: 25 }],
    ['Data!B2:B', { sheet: 'Data', row: 1, col: 1 }],
    ["'Q1 plan'!C4", { sheet: 'Q1 plan', row: 3, col: 2 }],
    ["'Rep''s view'!A1:A9", { sheet: "Rep's view", row: 0, col: 0 }],
  ])('%s starts at %j', (text, start) => {
    expect(referenceStart(text)).toEqual(start);
  });

  it.each(['', 'Quotas', '{1;2}', 'B2*2', 'SUM(B2:B4)', 'A', '12', "'open!A1", 'A1:B2:C3', 'ZZZZ1', `A${'1'.repeat(300)}`])(
    '%s is not a plain reference',
    (text) => {
      expect(referenceStart(text)).toBeUndefined();
    },
  );

  it('names a cell on another sheet the way a formula would', () => {
    expect(sheetCellName({ row: 5, col: 2 })).toBe('C6');
    expect(sheetCellName({ sheet: 'Data', row: 5, col: 2 })).toBe('Data!C6');
    expect(sheetCellName({ sheet: 'Q1 plan', row: 0, col: 0 })).toBe("'Q1 plan'!A1");
    expect(quoteSheetName("Rep's view")).toBe("'Rep''s view'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('2026')).toBe("'2026'");
  });
});

describe('the arguments of a call in a Sheets formula', () => {
  it('splits the call\'s own arguments, whatever is nested inside them', () => {
    expect(callArguments('IFERROR(QUOTA_ATTAINMENT(B2:B, MAX(C2:C, 1), {1,2;3,4}, "a,b)"), 0)', 'QUOTA_ATTAINMENT')).toEqual([
      'B2:B',
      ' MAX(C2:C, 1)',
      ' {1,2;3,4}',
      ' "a,b)"',
    ]);
    expect(callArguments("quota_attainment ('It''s, here'!A1:A3,B1)", 'QUOTA_ATTAINMENT')).toEqual(["'It''s, here'!A1:A3", 'B1']);
  });

  it('reads semicolon separators (comma-decimal locales) without splitting decimals', () => {
    expect(callArguments('COMMISSION(B2:B; E2:F4; "marginal"; 0,5)', 'COMMISSION')).toEqual(['B2:B', ' E2:F4', ' "marginal"', ' 0,5']);
  });

  it('gives up when the call is missing, repeated or the text is broken', () => {
    expect(callArguments('SUM(B2:B)', 'QUOTA_ATTAINMENT')).toBeUndefined();
    expect(callArguments('MY_QUOTA_ATTAINMENT(B2:B)', 'QUOTA_ATTAINMENT')).toBeUndefined();
    expect(callArguments('QUOTA_ATTAINMENT(B2:B,C2:C)+QUOTA_ATTAINMENT(D2:D,C2:C)', 'QUOTA_ATTAINMENT')).toBeUndefined();
    expect(callArguments('QUOTA_ATTAINMENT(B2:B,"C2:C)', 'QUOTA_ATTAINMENT')).toBeUndefined();
    expect(callArguments('QUOTA_ATTAINMENT(B2:B,C2:C', 'QUOTA_ATTAINMENT')).toBeUndefined();
  });

  it('reads a formula of 50,000 characters in one pass', () => {
    const formula = `=QUOTA_ATTAINMENT(B2:B, C2:C) & "${'x'.repeat(49_960)}"`;
    expect(argumentStarts(formula, 'QUOTA_ATTAINMENT', 'Sheet1')).toEqual([{ row: 1, col: 1 }, { row: 1, col: 2 }]);
  });

  it('leaves out the sheet when it is the calling cell\'s own', () => {
    expect(argumentStarts("=QUOTA_ATTAINMENT(Sheet1!B2:B, 'Q1 plan'!C2:C, 5)", 'QUOTA_ATTAINMENT', 'Sheet1')).toEqual([
      { row: 1, col: 1 },
      { sheet: 'Q1 plan', row: 1, col: 2 },
      undefined,
    ]);
  });
});
