/**
 * inlineScript: code inside <script>…</script> must reach the JavaScript engine
 * whole and mean exactly what it meant in a file. Each sample runs twice, as
 * it is and after inlining, in a vm and through a real browser's HTML parser,
 * and must give the same answers; what cannot be escaped safely is refused.
 */
import vm from 'node:vm';
import { chromium } from 'playwright-core';
import { inlineScript } from '../scripts/build/inline-script';
import { plain } from './support/apps-script-load';

/** Samples whose last statement sets `out`; every one spells a sequence the HTML parser reacts to. */
const SAMPLES: readonly [string, string][] = [
  ['a /<!--/u regular expression', 'var out = [/<!--/u.test("a<!--b"), /<!--/u.source, /<!--/u.flags];'],
  ['a "</script>" string', 'var out = ["</script>", "</SCRIPT >".length, \'<script>\'];'],
  ['<!-- then <script> then </script> in one string', 'var out = "<!-- <script> x </script> -->";'],
  ['an identity escape \\< in a string', 'var out = ["\\<!--", "\\<script"];'],
  ['templates with substitutions', 'var a = 1, b = 2; var out = `x<!--${a}</script>${b}<script ${a + b}`;'],
  ['regular expressions in every mode', 'var out = [/<script/i.test("<SCRIPT"), /[<!--]/.test("<"), /<!--/v.test("<!--"), /<!--/g.exec("x<!--").index];'],
  ['an identity escape \\< in a regular expression', 'var out = [/\\<!--/.test("<!--"), /\\<script/.source];'],
  ['a regular expression class holding </script', 'var out = [/[</script]+/.exec("a</b")[0]];'],
  ['a negative lookbehind (?<!--)', 'var out = [/(?<!--)x/.exec("-x"), /(?<!--)x/.exec("ax").index];'],
  ['a group named script', 'var out = [/(?<script>a)\\k<script>/.exec("aa").groups.script, /(?<script>a)/.toString()];'],
  ['a regular expression in a loop, a new object each time, and after return', 'function f() { return/<!--/g } var a = f(), b = f(); a.lastIndex = 3; var out = [a !== b, b.lastIndex, String(a), [1, 2].map(() => /<script>/i.test("<SCRIPT>"))];'],
  ['property names and keys', 'var o = { "<!--": 1, "</script>": 2 }; var out = [o["<!--"], Object.keys(o)];'],
  ['code with none of the sequences, left exactly as it is', 'var out = [1 < 2, "<b>", /<\\/b>/.test("</b>")];'],
];

function run(code: string): unknown {
  const context = vm.createContext({});
  vm.runInContext(`${code}\nthis.result = out;`, context);
  return plain(context.result);
}

describe('inlineScript', () => {
  it.each(SAMPLES)('keeps the meaning of %s and leaves nothing the HTML parser reacts to', (_what, code) => {
    const inlined = inlineScript(code);
    expect(inlined).not.toMatch(/<\/script|<script|<!--/i);
    expect(run(inlined)).toEqual(run(code));
  });

  it('changes nothing when there is nothing to escape', () => {
    const code = 'var out = [1 < 2, a<-b, "<b>", /<\\/b>/.test("</b>")];';
    expect(inlineScript(code)).toBe(code);
  });

  it('gives the browser the whole script, with the same answers, inside a page', async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const scripts = SAMPLES.map(([, code], i) => `<script>${inlineScript(`${code}\nwindow.results[${i}] = out;`)}</script>`);
      await page.setContent(
        `<!doctype html><html><head><script>window.results = [];</script></head><body>${scripts.join('\n')}` +
          '<p id="after">after the scripts</p><script>window.done = true;</script></body></html>',
      );
      const results = await page.evaluate(() => (window as unknown as { results: unknown[] }).results);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { done?: boolean }).done)).toBe(true);
      expect(await page.locator('#after').textContent()).toBe('after the scripts');
      expect(plain(results)).toEqual(SAMPLES.map(([, code]) => run(code)));
    } finally {
      await browser.close();
    }
  });

  it('refuses, saying why, what it cannot escape without changing the script', () => {
    // A tag function can read the raw text, so no character of it may change.
    expect(() => inlineScript('var out = String.raw`<!--`;')).toThrow(/tagged template .* cannot be escaped/);
    // Outside any literal: here the comparison a < script > 1.
    expect(() => inlineScript('var a = 1, script = 2; var out = a<script>1;')).toThrow(/outside a string, template or regular expression/);
    // A regular expression is rebuilt with new RegExp, so RegExp must be the built-in wherever it stood.
    expect(() => inlineScript('var RegExp = Array; var out = /<!--/;')).toThrow(/rebinds RegExp or uses with/);
    expect(() => inlineScript('window.RegExp = Array; var out = /<!--/;')).toThrow(/rebinds RegExp or uses with/);
    expect(() => inlineScript('with (o) { var out = /<!--/; }')).toThrow(/rebinds RegExp or uses with/);
    expect(() => inlineScript('var out = "\0";')).toThrow(/NUL/);
  });
});
