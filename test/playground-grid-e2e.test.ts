/**
 * The playground's grid as a user works it, in headless Chromium: typing
 * values the way Sheets reads them, editing without losing a number, undo and
 * redo, the system clipboard (permissions granted), formula help and pointing
 * at cells, error explanations, formats, moving around, sheets and the
 * context menu, and a phone-sized screen. Each test starts from a fresh page.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { type PlaygroundSession, type TestBrowser, openBrowser, openPlayground, gridCell, typeIntoCell } from './support/playground-browser';

jest.setTimeout(90_000);

const RESULTS = path.join(__dirname, '..', 'test-results');
let session: PlaygroundSession;
let page: Page;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  session = await openPlayground({ width: 1400, height: 860 });
  await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

beforeEach(async () => {
  // A fresh page opens the demo: what the last test left in the browser's storage is deleted first (from a page that does not hold it open).
  await page.goto(new URL('app.css', session.server.url).href);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('salesops-playground');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
  );
  await page.goto(session.server.url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
});

const cell = (ref: string) => gridCell(page, ref);
const texts = (refs: string[]) => Promise.all(refs.map((ref) => cell(ref).textContent()));
const bar = () => page.locator('.pg-formula-input').inputValue();
const nameBox = () => page.locator('.pg-namebox').inputValue();
const note = () => page.locator('.pg-cell-note').textContent();
const activeSheet = () => page.locator('.pg-tab[aria-selected="true"]').textContent();
const editor = () => page.locator('input.pg-cell-editor');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

const typeInto = (ref: string, input: string) => typeIntoCell(page, ref, input);

/** A new empty sheet from the + button, shown. */
async function newSheet(): Promise<string> {
  const before = await page.locator('.pg-tab').count();
  await page.locator('.pg-tab-add').click();
  await expect(page.locator('.pg-tab').count()).resolves.toBe(before + 1);
  return (await activeSheet()) ?? '';
}

async function showSheet(name: string): Promise<void> {
  await page.locator(`.pg-tab[data-sheet="${name}"]`).click();
  await page.waitForSelector(`table.pg-grid[data-sheet="${name}"]`);
}

async function clipboardText(): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('typing and editing', () => {
  it('reads typed values as Sheets does: thousands, currency, percent, dates, booleans; an apostrophe keeps text', async () => {
    await newSheet();
    const entries: [string, string][] = [
      ['1,000', '1,000'],
      ['$5,000', '$5,000'],
      ['60%', '60%'],
      ['2026-03-31', '2026-03-31'],
      ['3/31/2026', '3/31/2026'],
      ['TRUE', 'TRUE'],
      ["'0042", '0042'],
      ['-$1,250.50', '-$1,250.50'],
    ];
    for (let i = 0; i < entries.length; i++) await typeInto(`A${i + 1}`, entries[i][0]);
    await expect(texts(entries.map((_, i) => `A${i + 1}`))).resolves.toEqual(entries.map(([, shown]) => shown));
    for (const ref of ['A1', 'A2', 'A3', 'A4', 'A5', 'A8']) await expect(cell(ref).getAttribute('class')).resolves.toContain('is-number');
    await expect(cell('A7').getAttribute('class')).resolves.toContain('is-text');
    // 1000 + 5000 + 0.6 = 6000.6; both dates are 31 March 2026, day 46112.
    await typeInto('B1', '=SUM(A1:A3)');
    await typeInto('B2', '=A5-A4');
    await expect(texts(['B1', 'B2'])).resolves.toEqual(['6000.6', '0']);
    await cell('A7').click();
    await expect(bar()).resolves.toBe("'0042");
  });

  it('F2 on a typed number edits the number: 100 changed to 150 stays a number that SUM adds', async () => {
    await newSheet();
    await typeInto('A1', '100');
    await typeInto('A2', '=SUM(A1)');
    await cell('A1').click();
    await page.keyboard.press('F2');
    await expect(editor().inputValue()).resolves.toBe('100');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('150');
    await page.keyboard.press('Enter');
    await expect(texts(['A1', 'A2'])).resolves.toEqual(['150', '150']);
    await expect(cell('A1').getAttribute('class')).resolves.toContain('is-number');
    await cell('A1').click();
    await expect(bar()).resolves.toBe('150');
    // A percentage and a currency amount edit as what can be typed back.
    await typeInto('B1', '12.5%');
    await typeInto('B2', '$5,000');
    await cell('B1').dblclick();
    await expect(editor().inputValue()).resolves.toBe('12.5%');
    await page.keyboard.press('Enter');
    await cell('B2').click();
    await expect(bar()).resolves.toBe('5000');
    await expect(texts(['B1', 'B2'])).resolves.toEqual(['12.5%', '$5,000']);
  });

  it('arrow keys end a typed entry and move; Escape leaves the cell as it was; the formula bar edits too', async () => {
    await newSheet();
    await cell('A1').click();
    await page.keyboard.type('42');
    await page.keyboard.press('ArrowRight');
    await expect(nameBox()).resolves.toBe('B1');
    await page.keyboard.type('oops');
    await page.keyboard.press('Escape');
    await expect(texts(['A1', 'B1'])).resolves.toEqual(['42', '']);
    await cell('A1').click();
    await page.locator('.pg-formula-input').click();
    await page.locator('.pg-formula-input').fill('=A1*2');
    await page.keyboard.press('Enter');
    await expect(cell('A1').textContent()).resolves.toBe('#CYCLE!');
    await page.keyboard.press(`${mod}+Z`);
    await expect(cell('A1').textContent()).resolves.toBe('42');
    await cell('B1').click();
    await page.locator('.pg-formula-input').click();
    await page.keyboard.type('=SU');
    await expect(page.locator('.pg-suggest [role="option"]').first().textContent()).resolves.toMatch(/^SUM/);
    await page.keyboard.press('Tab');
    await page.keyboard.type('A1,8)');
    await page.keyboard.press('Enter');
    await expect(cell('B1').textContent()).resolves.toBe('50');
  });

  it('a number typed into a percent-formatted cell is a percentage: 60 means 60%', async () => {
    await newSheet();
    await cell('A1').click();
    await page.locator('.pg-tool[data-action="percent"]').click();
    await page.keyboard.type('60');
    await page.keyboard.press('Enter');
    await typeInto('B1', '=A1*100');
    await expect(texts(['A1', 'B1'])).resolves.toEqual(['60.00%', '60']);
  });
});

describe('undo and redo', () => {
  it('Ctrl+Z undoes each change and Ctrl+Y / Ctrl+Shift+Z redo it; the formula bar follows', async () => {
    await newSheet();
    await typeInto('A1', '10');
    await typeInto('A2', '20');
    await typeInto('A3', '=A1+A2');
    await expect(cell('A3').textContent()).resolves.toBe('30');
    await page.keyboard.press(`${mod}+Z`);
    await expect(cell('A3').textContent()).resolves.toBe('');
    await page.keyboard.press(`${mod}+Z`);
    await expect(texts(['A1', 'A2'])).resolves.toEqual(['10', '']);
    await expect(nameBox()).resolves.toBe('A2');
    await expect(bar()).resolves.toBe('');
    await page.keyboard.press(`${mod}+Y`);
    await expect(cell('A2').textContent()).resolves.toBe('20');
    await expect(bar()).resolves.toBe('20');
    await page.keyboard.press(`${mod}+Shift+Z`);
    await expect(cell('A3').textContent()).resolves.toBe('30');
    await expect(bar()).resolves.toBe('=A1+A2');
    // Clearing a range is one step.
    await cell('A1').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    await expect(texts(['A1', 'A2', 'A3'])).resolves.toEqual(['', '', '']);
    await page.keyboard.press(`${mod}+Z`);
    await expect(texts(['A1', 'A2', 'A3'])).resolves.toEqual(['10', '20', '30']);
  });

  it('the reported bug: Ctrl+Z while editing never writes one cell\'s text into the next', async () => {
    await newSheet();
    await typeInto('A1', 'first');
    await cell('A2').click();
    await page.keyboard.type('x');
    await page.keyboard.press(`${mod}+Z`);
    // The edit's own history first: the typed x goes.
    await expect(editor().inputValue()).resolves.toBe('');
    await page.keyboard.press(`${mod}+Z`);
    // Nothing left of the edit: the edit ends and the last change (A1) is undone.
    await expect(editor().count()).resolves.toBe(0);
    await expect(texts(['A1', 'A2'])).resolves.toEqual(['', '']);
    await page.keyboard.press('Enter');
    await expect(texts(['A1', 'A2', 'A3'])).resolves.toEqual(['', '', '']);
    await page.keyboard.press(`${mod}+Y`);
    await expect(texts(['A1', 'A2'])).resolves.toEqual(['first', '']);
  });

  it('a template inserted from the sidebar undoes as one step, and redoes', async () => {
    await page.getByRole('button', { name: 'Insert examples sheet' }).click();
    await page.waitForSelector('.so-status[data-state="success"]');
    await expect(activeSheet()).resolves.toBe('SalesOps Examples');
    // The focus is still on the sidebar's button: Ctrl+Z works from there too.
    await page.keyboard.press(`${mod}+Z`);
    await expect(page.locator('.pg-tab').allTextContents()).resolves.toEqual(['Summary', 'Deals', 'Settings', 'Salesforce export', 'HubSpot export']);
    await page.keyboard.press(`${mod}+Y`);
    await expect(page.locator('.pg-tab').allTextContents()).resolves.toEqual(['Summary', 'Deals', 'Settings', 'Salesforce export', 'HubSpot export', 'SalesOps Examples']);
    await expect(cell('D6').textContent()).resolves.toBe('90%');
  });
});

describe('the clipboard', () => {
  it('copies a range as tab-separated text and HTML; pasting it back shifts relative references', async () => {
    await newSheet();
    await typeInto('A1', '2');
    await typeInto('A2', '3');
    await typeInto('B1', '=A1*10');
    await typeInto('B2', '=A2*10');
    await cell('A1').click();
    await cell('B2').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+C`);
    await expect(clipboardText()).resolves.toBe('2\t20\n3\t30');
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item.getType('text/html')).text();
    });
    expect(html).toContain('<td>20</td>');
    await cell('C3').click();
    await page.keyboard.press(`${mod}+V`);
    await expect(texts(['C3', 'D3', 'C4', 'D4'])).resolves.toEqual(['2', '20', '3', '30']);
    await cell('D3').click();
    await expect(bar()).resolves.toBe('=C3*10');
    await expect(cell('D3').textContent()).resolves.toBe('20');
    // The paste is one step.
    await page.keyboard.press(`${mod}+Z`);
    await expect(texts(['C3', 'D3', 'C4', 'D4'])).resolves.toEqual(['', '', '', '']);
  });

  it('pasting into a selection that is a whole multiple of the copy repeats it, references shifted, as one step', async () => {
    await newSheet();
    await typeInto('A1', '2');
    await typeInto('A2', '3');
    await typeInto('B1', '=A1*10');
    await typeInto('B2', '=A2*10');
    await typeInto('A3', '4');
    await typeInto('A4', '5');
    await typeInto('A5', '6');
    await typeInto('A6', '7');
    // Copy B1:B2 and paste into B3:B6: two copies, each with its references two rows further down.
    await cell('B1').click();
    await cell('B2').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+C`);
    await cell('B3').click();
    await cell('B6').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+V`);
    await expect(texts(['B3', 'B4', 'B5', 'B6'])).resolves.toEqual(['40', '50', '60', '70']);
    await cell('B5').click();
    await expect(bar()).resolves.toBe('=A5*10');
    // One cell copied fills a selection of any size.
    await cell('A1').click();
    await page.keyboard.press(`${mod}+C`);
    await cell('D2').click();
    await cell('E3').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+V`);
    await expect(texts(['D2', 'E2', 'D3', 'E3', 'D4'])).resolves.toEqual(['2', '2', '2', '2', '']);
    // A selection that is no whole multiple takes the copy once, from its corner.
    await cell('B1').click();
    await cell('B2').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+C`);
    await cell('C1').click();
    await cell('C3').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+V`);
    await expect(texts(['C1', 'C2', 'C3'])).resolves.toEqual(['200', '300', '']);
    // Each paste is one step.
    await page.keyboard.press(`${mod}+Z`);
    await page.keyboard.press(`${mod}+Z`);
    await expect(texts(['C1', 'D2', 'E3', 'B3'])).resolves.toEqual(['', '', '', '40']);
    await page.keyboard.press(`${mod}+Z`);
    await expect(texts(['B2', 'B3', 'B4', 'B5', 'B6'])).resolves.toEqual(['30', '', '', '', '']);
    // Text from elsewhere repeats too.
    await page.evaluate(() => navigator.clipboard.writeText('Won\tLost'));
    await cell('A10').click();
    await cell('D11').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+V`);
    await expect(texts(['A10', 'B10', 'C10', 'D10', 'A11', 'D11', 'E10'])).resolves.toEqual(['Won', 'Lost', 'Won', 'Lost', 'Won', 'Lost', '']);
  });

  it('cut and paste moves the cells', async () => {
    await newSheet();
    await typeInto('A1', '7');
    await typeInto('B1', '=A1*2');
    await cell('A1').click();
    await page.keyboard.press(`${mod}+X`);
    await cell('A5').click();
    await page.keyboard.press(`${mod}+V`);
    await expect(texts(['A1', 'A5', 'B1'])).resolves.toEqual(['', '7', '14']);
    await cell('B1').click();
    await expect(bar()).resolves.toBe('=A5*2');
  });

  it('pastes a table from Sheets or Excel (HTML) and text from an editor (TSV), typed as Sheets reads it', async () => {
    await newSheet();
    await page.evaluate(async () => {
      // As Sheets writes it, less its <style> block: writing that from the test would itself break the page's CSP (unit tests read it).
      const html =
        '<google-sheets-html-origin><table><tbody>' +
        '<tr><td>Rep</td><td>Amount</td><td>Rate</td></tr>' +
        '<tr><td>Ana  Ruiz</td><td>$12,500</td><td>35%</td></tr>' +
        '<tr><td colspan="2">Split &amp; shared</td><td>1,000</td></tr></tbody></table>';
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob(['Rep\tAmount\tRate'], { type: 'text/plain' }),
        }),
      ]);
    });
    await cell('B2').click();
    await page.keyboard.press(`${mod}+V`);
    await expect(texts(['B2', 'C2', 'D2', 'B3', 'C3', 'D3', 'B4', 'C4', 'D4'])).resolves.toEqual([
      'Rep', 'Amount', 'Rate', 'Ana Ruiz', '$12,500', '35%', 'Split & shared', '', '1,000',
    ]);
    await typeInto('F2', '=C3*D3');
    // 12500 × 0.35 = 4375.
    await expect(cell('F2').textContent()).resolves.toBe('4375');

    await page.evaluate(() => navigator.clipboard.writeText('Won\t2026-01-15\t"line one\nline two"\r\nLost\t3/2/2026\tplain\r\n'));
    await cell('A10').click();
    await page.keyboard.press(`${mod}+V`);
    await expect(texts(['A10', 'B10', 'A11', 'B11', 'C11'])).resolves.toEqual(['Won', '2026-01-15', 'Lost', '3/2/2026', 'plain']);
    await expect(cell('C10').textContent()).resolves.toBe('line one\nline two');
    await expect(cell('B10').getAttribute('class')).resolves.toContain('is-number');
  });

  it('the context menu copies and pastes too', async () => {
    await newSheet();
    await typeInto('A1', '5');
    await cell('A1').click({ button: 'right' });
    await page.locator('.pg-menu-item[data-action="playground.menu.copy"]').click();
    await page.waitForFunction(async () => (await navigator.clipboard.readText()) === '5');
    await cell('B1').click({ button: 'right' });
    await page.locator('.pg-menu-item[data-action="playground.menu.paste"]').click();
    await page.waitForFunction(() => document.querySelector('td[data-ref="B1"]')?.textContent === '5');
    await expect(cell('B1').getAttribute('class')).resolves.toContain('is-number');
  });
});

describe('writing formulas', () => {
  it('=QUO offers the matching functions with their summaries; inside the brackets the argument shows', async () => {
    await showSheet('Summary');
    await cell('L4').click();
    await page.keyboard.type('=QUO');
    const options = page.locator('.pg-suggest [role="option"]');
    await expect(options.locator('.pg-suggest-name').allTextContents()).resolves.toEqual(['QUOTA_ATTAINMENT', 'QUOTA_ATTAINMENT_RATE']);
    await expect(options.first().locator('.pg-suggest-summary').textContent()).resolves.toMatch(/^Attainment per rep/);
    await page.screenshot({ path: path.join(RESULTS, 'playground-autocomplete.png') });
    await page.keyboard.press('Enter');
    await expect(editor().inputValue()).resolves.toBe('=QUOTA_ATTAINMENT(');
    await expect(page.locator('.pg-arg-hint b').textContent()).resolves.toBe('actual');
    await expect(page.locator('.pg-arg-hint .pg-arg-description').textContent()).resolves.toMatch(/^actual: Bookings/);
    // Arrow keys point at cells: left to K4, then on to E4, and Shift+Down makes it a range.
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(editor().inputValue()).resolves.toBe('=QUOTA_ATTAINMENT(E4:E6');
    await page.keyboard.type(',');
    await expect(page.locator('.pg-arg-hint b').textContent()).resolves.toBe('quota');
    // A drag over cells writes the range.
    await cell('C4').hover();
    await page.mouse.down();
    await cell('C6').hover();
    await page.mouse.up();
    await expect(editor().inputValue()).resolves.toBe('=QUOTA_ATTAINMENT(E4:E6,C4:C6');
    await page.keyboard.type(')');
    await page.keyboard.press('Enter');
    // Closed won ÷ quota on the demo's summary: 132000 / 250000 = 52.8%, 357000 / 300000 = 119.0%, 229000 / 250000 = 91.6%.
    await expect(texts(['L4', 'L5', 'L6'])).resolves.toEqual(['52.8%', '119.0%', '91.6%']);
    await cell('L4').click();
    await expect(bar()).resolves.toBe('=QUOTA_ATTAINMENT(E4:E6,C4:C6)');
    await page.screenshot({ path: path.join(RESULTS, 'playground-formatted-result.png') });
  });

  it('while a formula is written, a click on another sheet\'s tab and a drag there write a reference to that sheet; Enter goes back', async () => {
    await newSheet();
    await page.locator('.pg-tab[data-sheet="Sheet6"]').dblclick();
    await page.locator('.pg-tab-rename').fill('Q1 plan');
    await page.keyboard.press('Enter');
    for (const [ref, value] of [['B3', '1200'], ['B4', '3400'], ['B5', '500']]) await typeInto(ref, value);
    await showSheet('Summary');
    await cell('L12').click();
    await page.keyboard.type('=SUM(');
    await page.locator('.pg-tab[data-sheet="Q1 plan"]').click();
    await page.waitForSelector('table.pg-grid[data-sheet="Q1 plan"]');
    // The edit is still open on the way.
    await expect(editor().inputValue()).resolves.toBe('=SUM(');
    await cell('B3').hover();
    await page.mouse.down();
    await cell('B5').hover();
    await page.mouse.up();
    await expect(editor().inputValue()).resolves.toBe("=SUM('Q1 plan'!B3:B5");
    await expect(bar()).resolves.toBe("=SUM('Q1 plan'!B3:B5");
    await page.screenshot({ path: path.join(RESULTS, 'playground-cross-sheet-reference.png') });
    // A click on one cell of a sheet whose name needs no quotes.
    await page.keyboard.type(')+');
    await page.locator('.pg-tab[data-sheet="Settings"]').click();
    await cell('B2').click();
    await expect(editor().inputValue()).resolves.toBe("=SUM('Q1 plan'!B3:B5)+Settings!B2");
    await page.keyboard.press('Enter');
    await expect(activeSheet()).resolves.toBe('Summary');
    await expect(page.locator('table.pg-grid').getAttribute('data-sheet')).resolves.toBe('Summary');
    // 1200 + 3400 + 500 = 5100, plus Settings!B2 (10%) = 5100.1.
    await expect(cell('L12').textContent()).resolves.toBe('5100.1');
    await expect(nameBox()).resolves.toBe('L13');
    await cell('L12').click();
    await expect(bar()).resolves.toBe("=SUM('Q1 plan'!B3:B5)+Settings!B2");
    // Escape also goes back, leaving the cell as it was.
    await cell('L14').click();
    await page.keyboard.type('=');
    await page.locator('.pg-tab[data-sheet="Deals"]').click();
    await cell('A2').click();
    await page.keyboard.press('Escape');
    await expect(activeSheet()).resolves.toBe('Summary');
    await expect(cell('L14').textContent()).resolves.toBe('');
  });

  it('an error shows its explanation when selected; a blocked spill names the cell in the way; a real #VALUE! stays', async () => {
    await newSheet();
    for (const [ref, value] of [['A1', '100'], ['A2', '200'], ['A3', '300'], ['B1', '100'], ['B2', '0'], ['B3', '100']]) await typeInto(ref, value);
    await typeInto('C1', '=QUOTA_ATTAINMENT(A1:A3,B1:B3)');
    await cell('C2').click();
    await expect(note()).resolves.toBe('#DIV/0! quota is 0 in B2');
    await expect(page.locator('.pg-cell-note').getAttribute('data-kind')).resolves.toBe('error');
    await typeInto('C3', 'in the way');
    await expect(cell('C1').textContent()).resolves.toBe('#SPILL!');
    await cell('C1').click();
    await expect(note()).resolves.toBe('#SPILL! The answer needs more room: C3 is in the way. Empty it, or move the formula.');
    // Ranges of different sizes: the real error, with its message, even with something in the way.
    await typeInto('C1', '=QUOTA_ATTAINMENT(A1:A3,B1:B2)');
    await expect(cell('C1').textContent()).resolves.toBe('#VALUE!');
    await cell('C1').click();
    await expect(note()).resolves.toMatch(/^#VALUE! actual is 3 rows × 1 column but quota is 2 rows × 1 column/);
    // Fixing the ranges lets it spill once the cell in the way is emptied.
    await typeInto('C1', '=QUOTA_ATTAINMENT(A1:A3,B1:B3)');
    await expect(cell('C1').textContent()).resolves.toBe('#SPILL!');
    await cell('C3').click();
    await page.keyboard.press('Delete');
    await expect(texts(['C1', 'C2', 'C3'])).resolves.toEqual(['100.0%', '#DIV/0!', '300.0%']);
  });
});

describe('formats', () => {
  it('a fresh result is formatted by what it is: attainment as %, money as currency, days as a number', async () => {
    await showSheet('Summary');
    await typeInto('L2', '=WEIGHTED_PIPELINE(Deals!E2:E394,Deals!F2:F394,Settings!A1:B7)');
    await typeInto('L3', '=SALES_CYCLE(Deals!H2:H394,Deals!I2:I394,Deals!F2:F394)');
    await typeInto('L4', '=QUOTA_ATTAINMENT_RATE(E4:E13,C4:C13)');
    await typeInto('L5', '=FORECAST_ERROR(E4:E13,D4:D13,"bias")');
    const [money, days, rate, bias] = await texts(['L2', 'L3', 'L4', 'L5']);
    expect(money).toMatch(/^\$\d{1,3}(,\d{3})+$/);
    expect(days).toMatch(/^\d+\.\d$/);
    // 4 of 10 reps at or above quota, as the demo sheet's own cell shows (J5 reads 40%).
    expect(rate).toBe('40.0%');
    expect(bias).toMatch(/^-?\$\d{1,3}(,\d{3})*$/);
  });

  it('the toolbar formats a selection: number, percent, currency, date, more and fewer decimals', async () => {
    await newSheet();
    await typeInto('A1', '0.256');
    await typeInto('A2', '1234.5');
    await cell('A1').click();
    await cell('A2').click({ modifiers: ['Shift'] });
    const tool = (action: string) => page.locator(`.pg-tool[data-action="${action}"]`).click();
    await tool('percent');
    await expect(texts(['A1', 'A2'])).resolves.toEqual(['25.60%', '123450.00%']);
    await tool('fewerDecimals');
    await expect(texts(['A1', 'A2'])).resolves.toEqual(['25.6%', '123450.0%']);
    await tool('currency');
    await expect(texts(['A1', 'A2'])).resolves.toEqual(['$0.26', '$1,234.50']);
    await tool('moreDecimals');
    await expect(texts(['A1', 'A2'])).resolves.toEqual(['$0.256', '$1,234.500']);
    await tool('number');
    await expect(texts(['A1', 'A2'])).resolves.toEqual(['0.26', '1,234.50']);
    await tool('general');
    await expect(texts(['A1', 'A2'])).resolves.toEqual(['0.256', '1234.5']);
    await typeInto('B1', '46112');
    await cell('B1').click();
    await tool('date');
    await expect(cell('B1').textContent()).resolves.toBe('2026-03-31');
    // Formats undo like any change.
    await page.keyboard.press(`${mod}+Z`);
    await expect(cell('B1').textContent()).resolves.toBe('46112');
  });

  it('a number too long for its column shows ###, with the full value in the formula bar', async () => {
    await newSheet();
    await typeInto('A1', '77157123456789.25');
    await expect(cell('A1').textContent()).resolves.toMatch(/^#+$/);
    await cell('A1').click();
    await expect(bar()).resolves.toBe('77157123456789.25');
    await expect(note()).resolves.toBe('A1: 77157123456789.25');
  });
});

describe('moving around', () => {
  it('a click on an empty cell that a long text runs over selects that cell, not the text\'s', async () => {
    await newSheet();
    await typeInto('A1', 'A label long enough to run over into the next two columns');
    await cell('B1').click();
    await expect(nameBox()).resolves.toBe('B1');
    await page.keyboard.type('42');
    await page.keyboard.press('Enter');
    await expect(texts(['A1', 'B1'])).resolves.toEqual(['A label long enough to run over into the next two columns', '42']);
  });

  it('Ctrl+arrows jump to the edge of the data; Home, End, Ctrl+Home, Ctrl+End, PageDown, Shift extends', async () => {
    await showSheet('Deals');
    await cell('A1').click();
    await page.keyboard.press(`${mod}+ArrowDown`);
    await expect(nameBox()).resolves.toBe('A394');
    await expect(cell('A394').textContent()).resolves.toBe('D-1393');
    await page.keyboard.press(`${mod}+ArrowRight`);
    await expect(nameBox()).resolves.toBe('J394');
    await page.keyboard.press('Home');
    await expect(nameBox()).resolves.toBe('A394');
    await page.keyboard.press('End');
    await expect(nameBox()).resolves.toBe('J394');
    await page.keyboard.press(`${mod}+Home`);
    await expect(nameBox()).resolves.toBe('A1');
    await page.keyboard.press('PageDown');
    const row = Number((await nameBox()).slice(1));
    expect(row).toBeGreaterThan(15);
    await page.keyboard.press(`${mod}+End`);
    await expect(nameBox()).resolves.toBe('J394');
    await page.keyboard.press(`${mod}+Home`);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(nameBox()).resolves.toBe('A1:B2');
    await page.keyboard.press(`${mod}+Shift+ArrowDown`);
    await expect(nameBox()).resolves.toBe('A1:B394');
  });

  it('the header row stays on screen while a data sheet scrolls', async () => {
    await showSheet('Deals');
    await cell('A1').click();
    await page.keyboard.press(`${mod}+ArrowDown`);
    const header = await cell('A1').boundingBox();
    const viewport = await page.locator('.pg-viewport').boundingBox();
    expect(header && viewport && header.y >= viewport.y && header.y < viewport.y + 60).toBe(true);
    await expect(cell('A1').textContent()).resolves.toBe('Deal ID');
  });

  it('a click on a column or row header selects it; a column border drags to a new width', async () => {
    await showSheet('Deals');
    await page.locator('th.pg-col-header[data-col="4"]').click();
    await expect(nameBox()).resolves.toBe('E1:E394');
    await expect(page.locator('.pg-status').textContent()).resolves.toMatch(/^Count 393 · Sum /);
    // A drag across the headers selects the columns it crosses.
    await page.locator('th.pg-col-header[data-col="3"]').hover();
    await page.mouse.down();
    await page.locator('th.pg-col-header[data-col="5"]').hover();
    await page.mouse.up();
    await expect(nameBox()).resolves.toBe('D1:F394');
    await page.locator('th.pg-row-header[data-row="4"]').click();
    await expect(nameBox()).resolves.toBe('A5:J5');
    await page.locator('th.pg-row-header[data-row="6"]').click({ modifiers: ['Shift'] });
    await expect(nameBox()).resolves.toBe('A5:J7');
    const before = (await page.locator('th.pg-col-header[data-col="1"]').boundingBox())!.width;
    const handle = (await page.locator('.pg-col-resize[data-col="1"]').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 + 80, handle.y + handle.height / 2, { steps: 4 });
    await page.mouse.up();
    const after = (await page.locator('th.pg-col-header[data-col="1"]').boundingBox())!.width;
    expect(Math.round(after - before)).toBe(80);
    await page.locator('.pg-viewport').focus();
    await page.keyboard.press(`${mod}+Z`);
    await expect(page.locator('th.pg-col-header[data-col="1"]').boundingBox().then((box) => Math.round(box!.width))).resolves.toBe(Math.round(before));
  });

  it('sheets can be added, renamed and deleted (and the delete undone)', async () => {
    const name = await newSheet();
    expect(name).toBe('Sheet6');
    await page.locator('.pg-tab[data-sheet="Sheet6"]').dblclick();
    await page.locator('.pg-tab-rename').fill('Q2 plan');
    await page.keyboard.press('Enter');
    await expect(page.locator('.pg-tab').allTextContents()).resolves.toEqual(['Summary', 'Deals', 'Settings', 'Salesforce export', 'HubSpot export', 'Q2 plan']);
    await page.locator('.pg-tab[data-sheet="Deals"]').dblclick();
    await page.locator('.pg-tab-rename').fill('Summary');
    await page.keyboard.press('Enter');
    await expect(page.locator('.pg-status').textContent()).resolves.toBe("There is already a sheet named 'Summary'.");
    await page.locator('.pg-tab[data-sheet="Settings"]').click({ button: 'right' });
    await page.locator('.pg-menu-item[data-action="playground.sheet.delete"]').click();
    await expect(page.locator('.pg-tab').allTextContents()).resolves.toEqual(['Summary', 'Deals', 'Salesforce export', 'HubSpot export', 'Q2 plan']);
    await page.locator('.pg-viewport').focus();
    await page.keyboard.press(`${mod}+Z`);
    await expect(page.locator('.pg-tab').allTextContents()).resolves.toEqual(['Summary', 'Deals', 'Settings', 'Salesforce export', 'HubSpot export', 'Q2 plan']);
    await showSheet('Settings');
    await expect(texts(['A2', 'B2'])).resolves.toEqual(['Prospecting', '10%']);
  });

  it('the context menu inserts and deletes rows and columns, and clears', async () => {
    await newSheet();
    await typeInto('A1', '1');
    await typeInto('A2', '2');
    await typeInto('B1', '=SUM(A1:A2)');
    await cell('A2').click({ button: 'right' });
    await page.locator('.pg-menu-item[data-action="playground.menu.insertRowAbove"]').click();
    await expect(texts(['A1', 'A2', 'A3', 'B1'])).resolves.toEqual(['1', '', '2', '3']);
    await cell('B1').click();
    await expect(bar()).resolves.toBe('=SUM(A1:A3)');
    await cell('A1').click({ button: 'right' });
    await page.locator('.pg-menu-item[data-action="playground.menu.insertColumnLeft"]').click();
    await expect(texts(['A1', 'B1', 'C1'])).resolves.toEqual(['', '1', '3']);
    await cell('A1').click({ button: 'right' });
    await page.locator('.pg-menu-item[data-action="playground.menu.deleteColumn"]').click();
    await cell('A2').click({ button: 'right' });
    await page.locator('.pg-menu-item[data-action="playground.menu.deleteRow"]').click();
    await expect(texts(['A1', 'A2', 'B1'])).resolves.toEqual(['1', '2', '3']);
    await cell('A1').click({ button: 'right' });
    await page.locator('.pg-menu-item[data-action="playground.menu.clear"]').click();
    await expect(texts(['A1', 'B1'])).resolves.toEqual(['', '2']);
  });
});

describe('the landing view', () => {
  it('opens on the demo workbook with the toolbar, formula bar and sidebar', async () => {
    await expect(page.locator('.pg-tool').count()).resolves.toBe(9);
    await expect(page.locator('.pg-sidebar').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(RESULTS, 'playground-landing.png') });
  });

  it('made no request beyond the local server and logged no errors', () => {
    expect(session.browser.offline).toEqual([]);
    expect(session.browser.errors).toEqual([]);
  });
});

describe('a phone-sized screen (390 × 844)', () => {
  let phone: TestBrowser;

  beforeAll(async () => {
    phone = await openBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await phone?.close();
  });

  it('the grid takes the width, the sidebar folds away and opens again, the sheet tabs can be clicked', async () => {
    const p = phone.page;
    await p.goto(session.server.url);
    await p.waitForSelector('body[data-ready="true"]');
    await expect(p.locator('.pg-sidebar').isVisible()).resolves.toBe(false);
    const grid = (await p.locator('.pg-viewport').boundingBox())!;
    expect(grid.width).toBeGreaterThan(370);
    await p.screenshot({ path: path.join(RESULTS, 'playground-390.png') });
    await p.locator('.pg-tab[data-sheet="Deals"]').click();
    await expect(p.locator('.pg-tab[aria-selected="true"]').textContent()).resolves.toBe('Deals');
    await expect(p.locator('table.pg-grid td[data-ref="A2"]').textContent()).resolves.toBe('D-1001');
    await p.locator('.pg-sidebar-toggle').click();
    await expect(p.locator('.pg-sidebar').isVisible()).resolves.toBe(true);
    await expect(p.getByRole('button', { name: 'Insert examples sheet' }).isVisible()).resolves.toBe(true);
    await p.screenshot({ path: path.join(RESULTS, 'playground-390-sidebar.png') });
    await p.locator('.pg-sidebar-toggle').click();
    await expect(p.locator('.pg-sidebar').isVisible()).resolves.toBe(false);
    await p.locator('table.pg-grid td[data-ref="B3"]').tap().catch(() => p.locator('table.pg-grid td[data-ref="B3"]').click());
    await expect(p.locator('.pg-namebox').inputValue()).resolves.toBe('B3');
    expect(phone.errors).toEqual([]);
  });
});
