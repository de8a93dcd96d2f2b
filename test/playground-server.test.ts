/** The playground's static server: local only, the built files and nothing else. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { resolveRequestPath, servePlayground } from '../playground/server';
import { answers, outsideAddresses } from './support/network';

const root = mkdtempSync(path.join(os.tmpdir(), 'salesops-serve-'));
const outside = `${root}-secret.txt`;
beforeAll(() => {
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>pg</title>');
  writeFileSync(path.join(root, 'app.js'), 'console.log(1)');
  mkdirSync(path.join(root, 'licenses'));
  writeFileSync(path.join(root, 'licenses', 'hyperformula.txt'), 'GPL');
  writeFileSync(outside, 'secret');
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { force: true });
});

function get(port: number, pathname: string, method = 'GET') {
  return new Promise<{ status: number; type: string; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body, headers: res.headers }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('servePlayground', () => {
  it('serves the page and its files with their content types and a strict CSP', async () => {
    const server = await servePlayground({ root, port: 0 });
    try {
      expect(server.url).toBe(`http://localhost:${server.port}/`);
      const page = await get(server.port, '/');
      expect(page.status).toBe(200);
      expect(page.type).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('<title>pg</title>');
      expect(String(page.headers['content-security-policy'])).toContain("connect-src 'none'");
      expect((await get(server.port, '/app.js')).type).toBe('text/javascript; charset=utf-8');
      expect((await get(server.port, '/licenses/hyperformula.txt')).body).toBe('GPL');
      expect((await get(server.port, '/missing.js')).status).toBe(404);
      expect((await get(server.port, '/licenses/')).status).toBe(404);
      expect((await get(server.port, '/', 'POST')).status).toBe(405);
    } finally {
      await server.close();
    }
  });

  it('never serves a file outside its folder', async () => {
    const server = await servePlayground({ root, port: 0 });
    try {
      const name = path.basename(outside);
      for (const attempt of [`/../${name}`, `/%2e%2e/${name}`, `/..%2f${name}`, `/%2e%2e%5c${name}`]) {
        const response = await get(server.port, attempt);
        expect({ attempt, leaked: response.body.includes('secret') }).toEqual({ attempt, leaked: false });
      }
      expect(resolveRequestPath(root, '/%E0%A4%A')).toBeUndefined();
      expect(resolveRequestPath(root, '/a\0b')).toBeUndefined();
      expect(resolveRequestPath(root, '/licenses/../index.html')).toBe(path.join(root, 'index.html'));
    } finally {
      await server.close();
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    const server = await servePlayground({ root, port: 0 });
    try {
      expect(server.address).toBe('127.0.0.1');
      for (const address of outsideAddresses('IPv4')) {
        const reached = await answers(address, server.port);
        expect({ address, reached }).toEqual({ address, reached: false });
      }
    } finally {
      await server.close();
    }
  });

  it('moves to the next port when the asked one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const server = await servePlayground({ root, port: taken, attempts: 10 });
      try {
        expect(server.port).toBeGreaterThan(taken);
        expect((await get(server.port, '/')).status).toBe(200);
      } finally {
        await server.close();
      }
    } finally {
      blocker.close();
    }
  });

  it('stops at port 65535 with a clear message instead of running past it', async () => {
    // Hold the last two ports (if something else already holds one, it is just as taken).
    const blockers = await Promise.all(
      [65534, 65535].map(
        (port) =>
          new Promise<ReturnType<typeof createServer> | undefined>((resolve) => {
            const blocker = createServer();
            blocker.once('error', () => resolve(undefined));
            blocker.listen(port, '127.0.0.1', () => resolve(blocker));
          }),
      ),
    );
    try {
      const refused = servePlayground({ root, port: 65534, attempts: 20 });
      await expect(refused).rejects.toThrow(
        'Ports 65534 to 65535 are all in use on 127.0.0.1 (65535 is the last port there is): set PORT to a free port, or PORT=0 to let the system pick one',
      );
      await expect(servePlayground({ root, port: 65535 })).rejects.toThrow(/^Port 65535 is in use on 127\.0\.0\.1 \(65535 is the last port there is\)/);
      const message = await refused.catch((error: Error) => error.message);
      expect(message).not.toMatch(/ERR_SOCKET_BAD_PORT|Received|65536/);
    } finally {
      for (const blocker of blockers) blocker?.close();
    }
  });

  it('refuses a port that is not one, saying so', async () => {
    for (const port of [65536, -1, 80.5]) {
      await expect(servePlayground({ root, port })).rejects.toThrow(`The port must be a whole number from 0 to 65535, not ${port}`);
    }
  });
});
