/**
 * The add-on around the custom functions, through the built Code.js and a fake
 * SpreadsheetApp: the menu (also in AuthMode.NONE), the sidebar and help,
 * the server functions the sidebar calls (which must distrust their
 * arguments), writing a template's plan, and the manifest.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { FUNCTIONS } from '../core/registry';
import { isFormulaCell, planTemplate } from '../core/templates';
import type { SheetPlan } from '../core/templates';
import { writePlan } from '../apps-script/write-plan';
import { CHART_PLAN, HOSTILE_TEXT } from './support/plan-fixtures';
import { type FakeAppsScript, FakeSpreadsheet, fakeAppsScript, instantIn, spreadsheetZones } from './support/apps-script-fakes';
import { CRASH, DIST_APPS_SCRIPT, builtFile, loadCode, plain, thrownMessage } from './support/apps-script-load';
import { sheetWords } from '../ui/sheet-words';

function setup(options: { timeZone?: string; sheetNames?: string[]; authMode?: 'NONE' | 'FULL' } = {}) {
  const fake = fakeAppsScript({
    timeZone: options.timeZone ?? spreadsheetZones()[0],
    sheetNames: options.sheetNames ?? ['Sheet1', 'Deals'],
    authMode: options.authMode,
    files: { Sidebar: builtFile('Sidebar.html') },
  });
  return { fake, code: loadCode(fake) };
}

function menuHandlers(fake: FakeAppsScript): Record<string, string> {
  const entries = fake.ui.menus.flatMap((menu) => menu.items).flatMap((item) => (item === 'separator' ? [] : [[item.caption, item.functionName]]));
  return Object.fromEntries(entries);
}

describe('appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(DIST_APPS_SCRIPT, 'appsscript.json'), 'utf8'));

  it('asks only for the current spreadsheet and the container UI', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });

  it('runs on V8 with a time zone and Cloud logging of exceptions', () => {
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', exceptionLogging: 'STACKDRIVER', timeZone: 'Etc/UTC' });
  });
});

describe('menu', () => {
  it.each(['onOpen', 'onInstall'])('%s in AuthMode.NONE builds the add-on menu and touches nothing else', (trigger) => {
    const { fake, code } = setup({ authMode: 'NONE' });
    code.run(trigger, { authMode: 'NONE', source: {} });
    expect(fake.ui.menus).toHaveLength(1);
    expect(fake.ui.menus[0].addon).toBe(true);
    expect(Object.keys(menuHandlers(fake))).toEqual(['Open sidebar', 'Insert examples sheet', 'Function help']);
    const allowed = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Menu.addItem', 'Menu.addSeparator', 'Menu.addToUi']);
    expect(fake.log.filter((entry) => !allowed.has(entry))).toEqual([]);
  });

  it('every menu item runs a function Code.js defines', () => {
    const { fake, code } = setup();
    code.run('onOpen', { authMode: 'FULL' });
    for (const handler of Object.values(menuHandlers(fake))) expect(typeof code.context[handler]).toBe('function');
  });

  it('"Open sidebar" shows Sidebar.html with a title', () => {
    const { fake, code } = setup();
    code.run('onOpen', { authMode: 'LIMITED' });
    code.run(menuHandlers(fake)['Open sidebar']);
    expect(fake.ui.sidebars).toHaveLength(1);
    expect(fake.ui.sidebars[0].content).toBe(builtFile('Sidebar.html'));
    expect(fake.ui.sidebars[0].title).toBe('SalesOps Formulas');
  });

  it('"Function help" lists every function with its arguments, as text (never as markup)', () => {
    const { fake, code } = setup();
    code.run('onOpen', { authMode: 'FULL' });
    code.run(menuHandlers(fake)['Function help']);
    expect(fake.ui.dialogs).toHaveLength(1);
    expect(fake.ui.dialogs[0].title).toBe('SalesOps Formulas: functions');
    const html = fake.ui.dialogs[0].html.content;
    const tags = new Set([...html.matchAll(/<\/?([a-z!][a-z0-9]*)/gi)].map((m) => m[1].toLowerCase()));
    expect([...tags].filter((tag) => !['!doctype', 'html', 'head', 'base', 'style', 'body', 'p', 'section', 'h3', 'code', 'ul', 'li'].includes(tag))).toEqual([]);
    const text = html
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<[^<>]*>/g, '')
      .replace(/&#(\d+);/g, (_m, n) => String.fromCharCode(Number(n)))
      .replace(/&(lt|gt|quot|amp);/g, (_m, e) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e as 'lt']);
    for (const spec of FUNCTIONS) {
      expect(text).toContain(`=${spec.name}(${spec.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`);
      expect(text).toContain(spec.summary);
      for (const param of spec.params) expect(text).toContain(param.description);
    }
  });

  it('"Insert examples sheet" adds the examples sheet and says so', () => {
    const { fake, code } = setup();
    code.run('onOpen', { authMode: 'FULL' });
    code.run(menuHandlers(fake)['Insert examples sheet']);
    expect(fake.ui.alerts).toEqual([]);
    const added = fake.spreadsheet.sheets.map((sheet) => sheet.getName()).slice(2);
    expect(added).toHaveLength(1);
    expect(fake.spreadsheet.toasts).toEqual([{ message: added[0], title: 'Sheet inserted' }]);
  });

  it('"Insert examples sheet" explains a failure in an alert and leaves no sheet behind', () => {
    const { fake, code } = setup();
    fake.failures.throwOn.add('Range.setValues');
    code.run('onOpen', { authMode: 'FULL' });
    code.run(menuHandlers(fake)['Insert examples sheet']);
    expect(fake.ui.alerts).toEqual([expect.stringMatching(/Could not insert the template .*Nothing was changed/)]);
    expect(fake.spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1', 'Deals']);
  });
});

describe('server functions for the sidebar', () => {
  it('salesopsListSheets lists the sheet names in tab order', () => {
    const { code } = setup({ sheetNames: ['Summary', 'Deals', 'Reps'] });
    expect(plain(code.run('salesopsListSheets'))).toEqual(['Summary', 'Deals', 'Reps']);
  });

  describe.each(spreadsheetZones())('salesopsReadSelection in %s', (zone) => {
    it('returns plain values: blanks as null, dates as the day serials the sheet shows', () => {
      const { fake, code } = setup({ timeZone: zone });
      const sheet = fake.spreadsheet.sheets[0];
      const at = (iso: string) => code.newDate(instantIn(zone, iso));
      sheet.put(1, 1, [
        [at('2026-01-01'), '', 12.5],
        ['Won', true, at('2026-03-31T18:00')],
        [at('2026-07-04'), 0, at('1899-12-30T06:00')],
      ]);
      fake.spreadsheet.activeRange = sheet.getRange('A1:C3');
      const values = code.run('salesopsReadSelection');
      // Only JSON data crosses google.script.run: a Date would make the whole call fail.
      expect(JSON.parse(JSON.stringify(values))).toEqual(values);
      expect(plain(values)).toEqual([
        [46023, null, 12.5],
        ['Won', true, 46112.75],
        [46207, 0, 0.25],
      ]);
    });
  });

  it('salesopsReadSelection refuses a huge selection with a clear message', () => {
    const { fake, code } = setup();
    const sheet = fake.spreadsheet.sheets[0];
    sheet.maxRows = 100_000;
    fake.spreadsheet.activeRange = sheet.getRange('A1:Z100000');
    expect(thrownMessage(() => code.run('salesopsReadSelection'))).toMatch(/2,600,000 cells; select at most/);
  });

  it('salesopsReadSelection with nothing selected returns an empty list', () => {
    const { code } = setup();
    expect(plain(code.run('salesopsReadSelection'))).toEqual([]);
  });

  const hostile = {
    get template(): string {
      throw new TypeError('getter exploded');
    },
  };
  const garbage: [string, unknown][] = [
    ['nothing', undefined],
    ['null', null],
    ['a number', 42],
    ['a bare template name', 'examples'],
    ['a list', [{ template: 'examples' }]],
    ['an empty object', {}],
    ['an unknown template', { template: 'payroll' }],
    ['a template that is not text', { template: { $gt: '' } }],
    ['an extra field', { template: 'examples', rows: 1e9 }],
    ['a huge request', { template: 'examples', padding: 'x'.repeat(100_000) }],
    ['a getter that throws', hostile],
    ['a cycle', (() => {
      const cyclic: Record<string, unknown> = { template: 'examples' };
      cyclic.self = cyclic;
      return cyclic;
    })()],
  ];

  it.each(garbage)('salesopsInsertTemplate refuses %s with a clear message and changes nothing', (_what, request) => {
    const { fake, code } = setup();
    const message = thrownMessage(() => code.run('salesopsInsertTemplate', request));
    expect(message).not.toMatch(CRASH);
    expect(message.length).toBeGreaterThan(10);
    expect(message.length).toBeLessThan(400);
    expect(fake.spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1', 'Deals']);
    expect(fake.log).not.toContain('Spreadsheet.insertSheet');
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'salesopsInsertTemplate refuses a forged %s field (as JSON from a browser console), naming it, and adds nothing',
    (key) => {
      const { fake, code } = setup();
      const forged = JSON.parse(`{"template":"examples","${key}":{"polluted":true}}`) as unknown;
      expect(thrownMessage(() => code.run('salesopsInsertTemplate', forged))).toBe(`a template request may not have a field named "${key}"`);
      expect(fake.spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1', 'Deals']);
      expect(fake.log).not.toContain('Spreadsheet.insertSheet');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('salesopsInsertTemplate writes the examples plan to a new sheet in one batch and returns its name', () => {
    const { fake, code } = setup();
    const plan = planTemplate({ template: 'examples' }, sheetWords);
    const name = code.run('salesopsInsertTemplate', { template: 'examples' });
    expect(name).toBe(plan.name);
    expect(fake.spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1', 'Deals', plan.name]);
    expect(fake.spreadsheet.active.getName()).toBe(plan.name);
    expect(fake.log.filter((entry) => entry === 'Range.setValues')).toHaveLength(1);
    expectSheetShowsPlan(fake.spreadsheet, plan.name, plan);
    // Again: a second sheet with a unique name, the first one untouched.
    expect(code.run('salesopsInsertTemplate', { template: 'examples' })).toBe(`${plan.name} (2)`);
  });

  it('salesopsInsertTemplate writes a commission plan with every option: its formulas, its payout chart, hostile rep names as text', () => {
    const { fake, code } = setup();
    const request = {
      template: 'commission',
      kind: 'retroactive',
      tiers: [{ from: 0, rate: 0.05 }, { from: 1, rate: 0.1 }],
      gate: 0.5,
      draw: { amount: 1000, recoverable: true },
      periods: 'quarterly',
      reps: HOSTILE_TEXT.slice(0, 3).map((rep, i) => ({ rep, quota: 90000, bookings: [10000 * (i + 1), 20000, 30000] })),
    };
    const plan = planTemplate(request, sheetWords);
    const name = code.run('salesopsInsertTemplate', request);
    expect(name).toBe('Commission plan');
    expectSheetShowsPlan(fake.spreadsheet, name as string, plan);
    const sheet = fake.spreadsheet.sheet(name as string);
    expect(sheet.charts.map((chart) => chart.type)).toEqual(['LINE']);
    // Every cell shows what the plan holds (expectSheetShowsPlan): each hostile name as the same text, never a formula.
    expect(plan.cells.flat().filter((cell) => HOSTILE_TEXT.includes(cell as string))).toHaveLength(3);
  });

  it('salesopsInsertTemplate checks a commission plan again on the server and refuses it with every problem named', () => {
    const { fake, code } = setup();
    const message = thrownMessage(() => code.run('salesopsInsertTemplate', { template: 'commission', kind: 'marginal', tiers: [{ from: 0, rate: 1.5 }, { from: 0, rate: 0.1 }] }));
    expect(message).toMatch(/tiers\[0\]\.rate \(rate-above-100\)/);
    expect(fake.spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1', 'Deals']);
  });
});

/** The sheet holds exactly the plan: formulas as formulas, text as the same text, numbers, formats, widths, bold rows. */
function expectSheetShowsPlan(spreadsheet: FakeSpreadsheet, name: string, plan: SheetPlan) {
  const sheet = spreadsheet.sheet(name);
  const mismatches: string[] = [];
  plan.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const stored = sheet.shown(r + 1, c + 1);
      const where = `row ${r + 1} col ${c + 1}`;
      if (isFormulaCell(cell)) {
        const want = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
        if (stored?.formula !== want) mismatches.push(`${where}: formula ${stored?.formula} instead of ${want}`);
      } else if (!stored || stored.formula !== undefined || stored.value !== (cell ?? '')) {
        mismatches.push(`${where}: ${JSON.stringify(stored)} instead of ${JSON.stringify(cell)}`);
      }
    }),
  );
  expect(mismatches).toEqual([]);
  for (const { range, format } of plan.formats ?? []) {
    const [first] = range.split(':');
    const m = /^([A-Z]+)(\d+)$/.exec(first)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    expect({ range, format: sheet.formats.get(`${m[2]},${col}`) }).toEqual({ range, format });
  }
  (plan.columnWidths ?? []).forEach((width, i) => expect(sheet.widths.get(i + 1)).toBe(width));
  for (const row of plan.boldRows ?? []) expect(sheet.bold.has(`${row},1`)).toBe(true);
}

describe('writing a sheet plan', () => {
  const tricky = ['=1+1', '+44 20 7946 0000', '-5 units', '@ana', '#N/A', '0123', 'TRUE', '2026-03-31', "'quoted", '25%', 'Plain words'];
  const plan: SheetPlan = {
    name: 'Plan',
    cells: [
      ['Label', 'Amount', 'Share'],
      ['Ana', 90000, { formula: '=B2/SUM(B2:B3)' }],
      ['Ben', 110000, { formula: 'QUOTA_ATTAINMENT(B3,100000)' }],
      [true, null],
      tricky,
    ],
    formats: [
      { range: 'B2:B3', format: '#,##0' },
      { range: 'C2:C3', format: '0%' },
    ],
    columnWidths: [160, 90, 90],
    boldRows: [1],
  };

  function sheets(names: string[] = ['Sheet1', 'Plan']) {
    return new FakeSpreadsheet('Etc/UTC', names, { throwOn: new Set() }, []);
  }

  it('keeps text as typed: nothing that looks like a formula, number, date or error is converted', () => {
    const spreadsheet = sheets();
    const name = writePlan(spreadsheet, plan);
    const sheet = spreadsheet.sheet(name);
    tricky.forEach((text, c) => expect(sheet.shown(5, c + 1)).toEqual({ value: text }));
  });

  it('writes formulas (bare custom function names, a leading = added when missing), numbers, booleans and blanks', () => {
    const spreadsheet = sheets();
    const sheet = spreadsheet.sheet(writePlan(spreadsheet, plan));
    expect(sheet.shown(2, 3)).toEqual({ value: '', formula: '=B2/SUM(B2:B3)' });
    expect(sheet.shown(3, 3)).toEqual({ value: '', formula: '=QUOTA_ATTAINMENT(B3,100000)' });
    expect(sheet.shown(2, 2)).toEqual({ value: 90000 });
    expect(sheet.shown(4, 1)).toEqual({ value: true });
    expect(sheet.shown(4, 2)).toEqual({ value: '' });
    expect(sheet.shown(4, tricky.length)).toEqual({ value: '' });
  });

  it('uses a unique sheet name, applies formats, widths and bold rows, and activates the sheet', () => {
    const spreadsheet = sheets();
    const name = writePlan(spreadsheet, plan);
    expect(name).toBe('Plan (2)');
    expect(spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1', 'Plan', 'Plan (2)']);
    expect(spreadsheet.active.getName()).toBe('Plan (2)');
    expectSheetShowsPlan(spreadsheet, name, plan);
    expect(spreadsheet.sheet(name).formats.get('3,3')).toBe('0%');
    expect(spreadsheet.sheet(name).bold.has('2,1')).toBe(false);
  });

  it('grows the new sheet when the plan is wider or longer than a default sheet, or its chart sits beyond it', () => {
    const spreadsheet = sheets();
    const wide: SheetPlan = {
      name: 'Wide',
      cells: [Array.from({ length: 40 }, (_, i) => i), Array.from({ length: 40 }, (_, i) => i * 2)],
      boldRows: [2],
      charts: [{ kind: 'column', title: 'Wide', categories: 'A1:AN1', series: [{ name: 'Double', values: 'A2:AN2' }], anchor: 'B1500' }],
    };
    const sheet = spreadsheet.sheet(writePlan(spreadsheet, wide));
    expect(sheet.shown(1, 40)).toEqual({ value: 39 });
    expect(sheet.bold.has('2,40')).toBe(true);
    expect(sheet.maxRows).toBe(1500);
    expect(sheet.charts[0].position).toEqual({ row: 1500, col: 2, offsetX: 0, offsetY: 0 });
  });

  it('writes hostile rep names as the same text, never as a formula or a number', () => {
    const spreadsheet = sheets();
    const sheet = spreadsheet.sheet(writePlan(spreadsheet, { name: 'Reps', cells: HOSTILE_TEXT.map((text) => [text]) }));
    HOSTILE_TEXT.forEach((text, r) => expect(sheet.shown(r + 1, 1)).toEqual({ value: text }));
  });

  it('writes any text back as the identical string (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 8 }), (texts) => {
        const spreadsheet = sheets();
        const sheet = spreadsheet.sheet(writePlan(spreadsheet, { name: 'Texts', cells: [texts] }));
        const read = sheet.getRange(1, 1, 1, texts.length).getValues()[0];
        expect(read).toEqual(texts);
        texts.forEach((_, c) => expect(sheet.shown(1, c + 1)?.formula).toBeUndefined());
      }),
    );
  });

  it('draws the plan\'s line chart at its anchor, from its ranges, with its titles and series name, and freezes its header', () => {
    const spreadsheet = sheets();
    const sheet = spreadsheet.sheet(writePlan(spreadsheet, CHART_PLAN));
    expect(sheet.charts).toEqual([
      {
        kind: 'EmbeddedChart',
        type: 'LINE',
        ranges: ['A2:A4', 'B2:B4'],
        options: {
          title: 'Payout by attainment',
          'hAxis.title': 'Attainment',
          'vAxis.title': 'Payout ($)',
          useFirstColumnAsDomain: true,
          series: { 0: { labelInLegend: 'Payout' } },
        },
        position: { row: 2, col: 5, offsetX: 0, offsetY: 0 },
      },
    ]);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.shown(3, 2)).toEqual({ value: '', formula: '=A3*10000' });
    expect(sheet.shown(4, 2)).toEqual({ value: '', formula: '=A4*10000' });
    expect(sheet.shown(2, 3)).toEqual({ value: '=HYPERLINK("http://x","y")' });
  });

  it.each(['Range.setValues', 'Range.setNumberFormat', 'Sheet.setColumnWidth', 'Range.setFontWeight', 'Sheet.setFrozenRows', 'Sheet.insertChart'])(
    'deletes the new sheet again when %s fails, and reports the failure',
    (method) => {
      const spreadsheet = sheets();
      spreadsheet.failures.throwOn.add(method);
      expect(() => writePlan(spreadsheet, CHART_PLAN)).toThrow(method);
      expect(spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1', 'Plan']);
    },
  );

  it.each<[string, SheetPlan]>([
    ['a cell that is not a number', { name: 'Bad', cells: [[NaN]] }],
    ['an impossible column width', { name: 'Bad', cells: [['x']], columnWidths: [-3] }],
    ['an impossible bold row', { name: 'Bad', cells: [['x']], boldRows: [0] }],
    ['a bold row below its cells', { name: 'Bad', cells: [['x']], boldRows: [2] }],
    ['a chart over cells it does not have', { ...CHART_PLAN, charts: [{ ...CHART_PLAN.charts![0], categories: 'A2:A9' }] }],
  ])('refuses a plan with %s before creating any sheet', (_what, bad) => {
    const spreadsheet = sheets();
    expect(() => writePlan(spreadsheet, bad)).toThrow(/the template's sheet plan/);
    expect(spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(['Sheet1', 'Plan']);
  });
});
