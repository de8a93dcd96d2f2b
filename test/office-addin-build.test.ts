/**
 * What npm run build puts in dist/office-addin besides the functions: the
 * shared-runtime page, its scripts and the icons.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import vm from 'node:vm';
import { OFFICE_ADDIN_DIST, distFile } from './support/excel-custom-functions';
import { REPO_ROOT } from './support/excel-manifest';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

describe('taskpane.html', () => {
  const page = () => readFileSync(distFile('taskpane.html'), 'utf8');

  it('loads office.js from Microsoft\'s CDN and nothing else from the network', () => {
    const urls = [...page().matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.filter((url) => /^(?:https?:)?\/\//.test(url))).toEqual([OFFICE_JS]);
  });

  it('loads office.js, then functions.js, then taskpane.js, all served beside it', () => {
    const scripts = [...page().matchAll(/<script\b[^>]+\bsrc="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([OFFICE_JS, 'functions.js', 'taskpane.js']);
    for (const file of scripts.slice(1)) expect(existsSync(path.join(OFFICE_ADDIN_DIST, file))).toBe(true);
  });

  it('links the sidebar stylesheet when the sidebar has one', () => {
    const hasCss = existsSync(path.join(REPO_ROOT, 'sidebar/sidebar.css'));
    expect(page().includes('href="sidebar.css"')).toBe(hasCss);
    expect(existsSync(path.join(OFFICE_ADDIN_DIST, 'sidebar.css'))).toBe(hasCss);
    if (hasCss) {
      expect(readFileSync(path.join(OFFICE_ADDIN_DIST, 'sidebar.css'), 'utf8')).toBe(
        readFileSync(path.join(REPO_ROOT, 'sidebar/sidebar.css'), 'utf8'),
      );
    }
  });

  it('has the element the sidebar mounts into', () => {
    expect(page()).toMatch(/<main id="app">/);
  });
});

describe('the add-in scripts', () => {
  it.each(['functions.js', 'taskpane.js'])('%s makes no network calls of its own', (file) => {
    const code = readFileSync(distFile(file), 'utf8');
    expect(code.match(/\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\b/g)).toBeNull();
  });

  it('taskpane.js waits for Office.onReady before touching Excel or the page', () => {
    const ready: (() => void)[] = [];
    const context = vm.createContext({ Office: { onReady: (callback: () => void) => ready.push(callback) }, console });
    vm.runInContext(readFileSync(distFile('taskpane.js'), 'utf8'), context, { filename: 'taskpane.js' });
    expect(ready).toHaveLength(1);
  });
});

/** Width and height from a PNG's IHDR chunk, after checking the signature and that the image data inflates. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.indexOf('IDAT');
  const length = png.readUInt32BE(idat - 4);
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + length));
  expect(raw.length).toBe((width * 4 + 1) * height);
  return { width, height };
}

describe('icons', () => {
  it.each([16, 32, 64, 80])('assets/icon-%i.png is a square PNG of that many pixels', (size) => {
    expect(pngSize(distFile(`assets/icon-${size}.png`))).toEqual({ width: size, height: size });
  });
});
