/** npm run dev:excel: what it does on each platform, and the static server it runs. */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { planDev, staticHandler } from '../office-addin/dev-server';
import { OFFICE_ADDIN_DIST, distFile } from './support/excel-custom-functions';

describe('dev:excel plan', () => {
  it('sideloads into Excel desktop by default on Windows and macOS', () => {
    expect(planDev([], 'win32')).toEqual({ target: 'desktop', document: undefined });
    expect(planDev(['desktop'], 'darwin')).toEqual({ target: 'desktop', document: undefined });
  });

  it('explains, without a stack trace, that Linux has no Excel desktop and what to do instead', () => {
    const plan = planDev([], 'linux');
    expect(plan).toHaveProperty('error');
    const message = (plan as { error: string }).error;
    expect(message).toContain('Excel desktop runs only on Windows and macOS');
    expect(message).toContain('npm run dev:excel -- serve');
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('serves for Excel on the web anywhere, with the workbook to open', () => {
    expect(planDev(['web', '--document', 'https://contoso-my.sharepoint.com/book.xlsx'], 'linux')).toEqual({
      target: 'web',
      document: 'https://contoso-my.sharepoint.com/book.xlsx',
    });
    expect(planDev(['--document', 'https://x/book.xlsx', 'web'], 'linux')).toEqual({ target: 'web', document: 'https://x/book.xlsx' });
    expect((planDev(['web'], 'darwin') as { error: string }).error).toContain('--document');
    expect(planDev(['serve'], 'linux')).toEqual({ target: 'serve', document: undefined });
  });

  it('names unknown arguments and shows the usage', () => {
    const message = (planDev(['dekstop'], 'win32') as { error: string }).error;
    expect(message).toContain('"dekstop"');
    expect(message).toContain('usage: npm run dev:excel');
  });
});

describe('dev:excel static server', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    distFile('taskpane.html');
    server = createServer(staticHandler(OFFICE_ADDIN_DIST));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function get(pathname: string, method = 'GET'): Promise<{ status: number; type: string; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: pathname, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('serves the built files with their content types', async () => {
    const page = await get('/taskpane.html');
    expect([page.status, page.type]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.body.toString()).toBe(readFileSync(distFile('taskpane.html'), 'utf8'));
    expect((await get('/functions.json')).type).toBe('application/json; charset=utf-8');
    expect((await get('/functions.js')).type).toBe('text/javascript; charset=utf-8');
    const icon = await get('/assets/icon-32.png');
    expect([icon.status, icon.type]).toEqual([200, 'image/png']);
    expect(icon.body.equals(readFileSync(distFile('assets/icon-32.png')))).toBe(true);
  });

  it('serves the task pane at /', async () => {
    expect((await get('/')).body.toString()).toContain('office.js');
  });

  it('answers 404 for missing files and never serves files outside dist/office-addin', async () => {
    expect((await get('/nope.js')).status).toBe(404);
    expect((await get('/../package.json')).status).toBe(404);
    expect((await get('/..%2f..%2fpackage.json')).status).toBe(403);
    expect((await get('/assets')).status).toBe(404);
  });

  it('serves reads only', async () => {
    expect((await get('/taskpane.html', 'POST')).status).toBe(405);
  });
});
