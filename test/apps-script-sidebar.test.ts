/**
 * The Sheets sidebar: Sidebar.html is one self-contained file whose inline
 * script runs in a real browser, and its Host talks to Code.js through
 * google.script.run (faked here: JSON-only arguments and results, async
 * handlers, the server functions of the built Code.js behind it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { chromium } from 'playwright-core';
import { planTemplate } from '../core/templates';
import { type ScriptRunner, SIDEBAR_ROOT_ID, createSheetsHost, failureMessage } from '../apps-script/sheets-host';
import { inlineScript } from '../scripts/build/apps-script';
import { fakeAppsScript, instantIn, spreadsheetZones } from './support/apps-script-fakes';
import { CRASH, type LoadedCode, builtFile, loadCode, plain } from './support/apps-script-load';
import { sheetWords } from '../ui/sheet-words';

const html = builtFile('Sidebar.html');

function inlineScripts(page: string): string[] {
  return [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => {
    if (m[1].trim()) throw new Error(`script tag with attributes: <script${m[1]}>`);
    return m[2];
  });
}

describe('Sidebar.html', () => {
  it('is one self-contained file: inline script and style, nothing loaded from elsewhere', () => {
    expect(inlineScripts(html)).toHaveLength(1);
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    expect(html).toContain(`<div id="${SIDEBAR_ROOT_ID}"></div>`);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
  });

  it('inlines the sidebar stylesheet when there is one', () => {
    const css = path.resolve(__dirname, '../sidebar/sidebar.css');
    if (existsSync(css)) expect(html).toContain(readFileSync(css, 'utf8').trim());
    else expect(html).not.toContain('undefined');
  });

  it('has a script that parses and cannot end its own tag early', () => {
    const [script] = inlineScripts(html);
    expect(() => new vm.Script(script)).not.toThrow();
    expect(script).not.toMatch(/<\/script|<!--/i);
  });

  it('escapes closing tags inside inlined code without changing what the code does', () => {
    const source = 'var s = "</script><!-- x"; var t = `a</SCRIPT>`; var r = /<\\/script>/i.test("</Script>");';
    const escaped = inlineScript(source);
    expect(escaped).not.toMatch(/<\/script|<!--/i);
    const context = vm.createContext({});
    vm.runInContext(`${escaped}; this.out = [s, t, r];`, context);
    expect(plain(context.out)).toEqual(['</script><!-- x', 'a</SCRIPT>', true]);
  });

  it('runs in a browser: mounts without errors, and Insert sends a plain request to a server function Code.js defines', async () => {
    const calls: { name: string; args: unknown[] }[] = [];
    const stub = `<script>
      window.__calls = [];
      var answers = { salesopsListSheets: ['Sheet1', 'Deals'], salesopsReadSelection: [[1, null]], salesopsInsertTemplate: 'Examples' };
      function runner() {
        var ok = function () {}, fail = function () {};
        var r = new Proxy({}, { get: function (_t, name) {
          if (name === 'withSuccessHandler') return function (f) { ok = f; return r; };
          if (name === 'withFailureHandler') return function (f) { fail = f; return r; };
          return function () {
            window.__calls.push({ name: String(name), args: JSON.parse(JSON.stringify(Array.prototype.slice.call(arguments))) });
            setTimeout(function () { name in answers ? ok(answers[name]) : fail(new Error('Script function not found: ' + String(name))); }, 5);
          };
        } });
        return r;
      }
      window.google = { script: { get run() { return runner(); }, host: { close: function () {} } } };
    </script>`;
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 300, height: 700 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.setContent(html.replace('<head>', `<head>${stub}`));
      await page.waitForFunction(
        (id) => {
          const root = document.getElementById(id);
          return !!root && (root.childElementCount > 0 || (root.textContent ?? '').trim().length > 0);
        },
        SIDEBAR_ROOT_ID,
        { timeout: 5000 },
      );
      await page.getByRole('button', { name: /^insert/i }).first().click();
      await page.waitForFunction(() => (window as unknown as { __calls: { name: string }[] }).__calls.some((c) => c.name === 'salesopsInsertTemplate'), undefined, {
        timeout: 5000,
      });
      await page.waitForTimeout(100);
      calls.push(...(await page.evaluate(() => (window as unknown as { __calls: { name: string; args: unknown[] }[] }).__calls)));
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
    const code = builtFile('Code.js');
    for (const { name } of calls) expect(code).toMatch(new RegExp(`\\nfunction ${name}\\(`));
    const insert = calls.find((call) => call.name === 'salesopsInsertTemplate')!;
    expect(insert.args).toHaveLength(1);
    expect(insert.args[0]).toMatchObject({ template: expect.any(String) });
  });
});

/** google.script.run in front of the built Code.js: arguments and results cross as JSON, handlers run later. */
function scriptRun(code: LoadedCode): () => ScriptRunner {
  return () => {
    let onSuccess: (value: unknown) => void = () => {};
    let onFailure: (error: unknown) => void = () => {};
    const runner: ScriptRunner = new Proxy({} as ScriptRunner, {
      get(_target, name) {
        if (name === 'withSuccessHandler') {
          return (handler: (value: unknown) => void) => ((onSuccess = handler), runner);
        }
        if (name === 'withFailureHandler') {
          return (handler: (error: unknown) => void) => ((onFailure = handler), runner);
        }
        return (...args: unknown[]) => {
          const sent = args.map((arg) => (arg === undefined ? null : JSON.parse(JSON.stringify(arg))));
          setTimeout(() => {
            try {
              const result = code.run(String(name), ...sent);
              onSuccess(result === undefined ? null : JSON.parse(JSON.stringify(result)));
            } catch (error) {
              onFailure(new Error(`Error: ${(error as Error).message}`));
            }
          }, 1);
        };
      },
    });
    return runner;
  };
}

describe('the Google Sheets Host over google.script.run', () => {
  const zone = spreadsheetZones()[0];
  function setup() {
    const fake = fakeAppsScript({ timeZone: zone, sheetNames: ['Summary', 'Deals'] });
    const code = loadCode(fake);
    return { fake, code, host: createSheetsHost(scriptRun(code)) };
  }

  it('is named for messages', () => {
    expect(setup().host.name).toBe('Google Sheets');
  });

  it('lists the sheets', async () => {
    await expect(setup().host.listSheets()).resolves.toEqual(['Summary', 'Deals']);
  });

  it('reads the selection as plain values, dates as day serials', async () => {
    const { fake, code, host } = setup();
    const sheet = fake.spreadsheet.sheets[1];
    sheet.put(2, 1, [[code.newDate(instantIn(zone, '2026-01-01')), 'Won', '']]);
    fake.spreadsheet.activeRange = sheet.getRange('A2:C2');
    await expect(host.readSelection()).resolves.toEqual([[46023, 'Won', null]]);
  });

  it('inserts a template and resolves to the new sheet name', async () => {
    const { fake, host } = setup();
    const expected = planTemplate({ template: 'examples' }, sheetWords).name;
    await expect(host.insertTemplate({ template: 'examples' })).resolves.toBe(expected);
    expect(fake.spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(['Summary', 'Deals', expected]);
  });

  it('rejects with the server explanation, without the "Error:" prefix', async () => {
    const { fake, host } = setup();
    const error = await host.insertTemplate({ template: 'payroll' } as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/payroll/);
    expect((error as Error).message).not.toMatch(/^(Error|Exception):/);
    expect((error as Error).message).not.toMatch(CRASH);
    expect(fake.spreadsheet.sheets).toHaveLength(2);
  });

  it('turns whatever the failure handler receives into a readable message', () => {
    expect(failureMessage(new Error('Exception: The selection has 60,000 cells'))).toBe('The selection has 60,000 cells');
    expect(failureMessage({ message: 'ScriptError: Authorisation is required' })).toBe('Authorisation is required');
    expect(failureMessage('plain text')).toBe('plain text');
    expect(failureMessage(new Error(''))).toBe('The spreadsheet did not answer.');
  });
});
