/** npm run dev:excel: what it does on each platform, and the static server it runs. */
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { allowedOrigin, planDev, startDevServer } from '../office-addin/dev-server';
import { OFFICE_ADDIN_DIST, distFile } from './support/excel-custom-functions';
import { answers, outsideAddresses } from './support/network';

describe('dev:excel plan', () => {
  it('sideloads into Excel desktop by default on Windows and macOS', () => {
    expect(planDev([], 'win32')).toEqual({ target: 'desktop', document: undefined, host: '127.0.0.1' });
    expect(planDev(['desktop'], 'darwin')).toEqual({ target: 'desktop', document: undefined, host: '127.0.0.1' });
  });

  it('explains, without a stack trace, that Linux has no Excel desktop and what to do instead', () => {
    const plan = planDev([], 'linux');
    expect(plan).toHaveProperty('error');
    const message = (plan as { error: string }).error;
    expect(message).toContain('Excel desktop runs only on Windows and macOS');
    expect(message).toContain('npm run dev:excel -- serve');
    expect(message).not.toMatch(/\n[ \t]+at /);
  });

  it('serves for Excel on the web anywhere, with the workbook to open', () => {
    expect(planDev(['web', '--document', 'https://contoso-my.sharepoint.com/book.xlsx'], 'linux')).toEqual({
      target: 'web',
      document: 'https://contoso-my.sharepoint.com/book.xlsx',
      host: '127.0.0.1',
    });
    expect(planDev(['--document', 'https://x/book.xlsx', 'web'], 'linux')).toEqual({ target: 'web', document: 'https://x/book.xlsx', host: '127.0.0.1' });
    expect((planDev(['web'], 'darwin') as { error: string }).error).toContain('--document');
    expect(planDev(['serve'], 'linux')).toEqual({ target: 'serve', document: undefined, host: '127.0.0.1' });
  });

  it('listens on this machine only unless --host names another address', () => {
    expect(planDev(['serve', '--host', '0.0.0.0'], 'linux')).toEqual({ target: 'serve', document: undefined, host: '0.0.0.0' });
    expect(planDev(['--host', '::', 'serve'], 'linux')).toEqual({ target: 'serve', document: undefined, host: '::' });
    for (const args of [['serve', '--host'], ['serve', '--host', 'everywhere'], ['serve', '--host', '--document']]) {
      const message = (planDev(args, 'linux') as { error: string }).error;
      expect({ args, message }).toEqual({ args, message: expect.stringContaining('--host needs an IP address') });
    }
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
    // As npm run dev:excel starts it, but over plain HTTP on a free port.
    server = await startDevServer({ root: OFFICE_ADDIN_DIST, port: 0 });
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  type Answer = { status: number; type: string; body: Buffer; headers: Record<string, string | string[] | undefined> };
  function get(pathname: string, method = 'GET', headers: Record<string, string> = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: Buffer.concat(chunks), headers: res.headers }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('listens on 127.0.0.1 by default: no other interface of this machine reaches it', async () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    for (const address of outsideAddresses()) {
      const reached = await answers(address, port);
      expect({ address, reached }).toEqual({ address, reached: false });
    }
  });

  it('says when its port is taken', async () => {
    await expect(startDevServer({ root: OFFICE_ADDIN_DIST, port })).rejects.toThrow(`port ${port} is in use on 127.0.0.1`);
  });

  it('sends nosniff with every answer and no wildcard CORS header', async () => {
    for (const [pathname, method] of [['/taskpane.html', 'GET'], ['/functions.json', 'GET'], ['/nope.js', 'GET'], ['/', 'POST']]) {
      const { status, headers } = await get(pathname, method, { Origin: 'https://evil.example' });
      expect({ pathname, status, nosniff: headers['x-content-type-options'], cors: headers['access-control-allow-origin'] }).toEqual({
        pathname,
        status,
        nosniff: 'nosniff',
        cors: undefined,
      });
    }
    expect((await get('/functions.json')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets only Excel on the web read the files cross-origin (it fetches functions.json from its own origin)', async () => {
    const excel = await get('/functions.json', 'GET', { Origin: 'https://excel.officeapps.live.com' });
    expect(excel.headers['access-control-allow-origin']).toBe('https://excel.officeapps.live.com');
    expect(excel.headers.vary).toBe('Origin');
    expect(allowedOrigin('https://inc-excel.officeapps.live.com')).toBe('https://inc-excel.officeapps.live.com');
    for (const origin of [undefined, 'null', '*', 'http://excel.officeapps.live.com', 'https://officeapps.live.com.evil.example', 'https://evilofficeapps.live.com']) {
      expect({ origin, allowed: allowedOrigin(origin) }).toEqual({ origin, allowed: undefined });
    }
  });

  it('never echoes the requested path in an error answer', async () => {
    const probe = '/<script>alert(1)</script>.js';
    for (const pathname of [probe, encodeURI(probe), '/..%2f..%2fsecret-<b>.txt', '/%E0%A4%A']) {
      const answer = await get(pathname);
      const body = answer.body.toString();
      expect({ pathname, status: answer.status, type: answer.type }).toEqual({
        pathname,
        status: answer.status >= 400 ? answer.status : -1,
        type: 'text/plain; charset=utf-8',
      });
      expect({ pathname, body }).toEqual({ pathname, body: expect.not.stringMatching(/script|alert|secret|<|%/i) });
    }
    expect((await get('/missing-file.js')).body.toString()).toBe('not found');
  });

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
