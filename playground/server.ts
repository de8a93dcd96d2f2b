/**
 * A tiny static file server for dist/playground, bound to 127.0.0.1 only.
 * Node-side (used by `npm start` and the end-to-end test), never bundled into the page.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export interface PlaygroundServer {
  readonly url: string;
  readonly port: number;
  /** The address the server listens on: always 127.0.0.1. */
  readonly address: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The folder to serve (dist/playground). */
  readonly root: string;
  /** The port to try first; 0 lets the system pick a free one. */
  readonly port: number;
  /** How many ports after `port` to try when it is taken. */
  readonly attempts?: number;
}

/** The file a request path names inside `root`, or undefined when it would leave `root`. */
export function resolveRequestPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.normalize(`/${relative}`)}`);
  return file === base || file.startsWith(base + path.sep) ? file : undefined;
}

function handler(root: string) {
  return async (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const send = (status: number, text: string) => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(405, 'Method not allowed');
      return;
    }
    const file = resolveRequestPath(root, req.url ?? '/');
    if (!file) {
      send(400, 'Bad request');
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      send(404, 'Not found');
    }
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/** The highest TCP port number. */
export const MAX_PORT = 65_535;

/**
 * Serves `root` on 127.0.0.1, trying the next port while one is taken, up to
 * `attempts` ports and never past 65535; when none is free it says which it tried.
 */
export async function servePlayground(options: ServeOptions): Promise<PlaygroundServer> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > MAX_PORT) {
    throw new Error(`The port must be a whole number from 0 to ${MAX_PORT}, not ${options.port}: set PORT to another port`);
  }
  const last = options.port === 0 ? 0 : Math.min(options.port + Math.max(1, options.attempts ?? 20) - 1, MAX_PORT);
  const server = createServer(handler(options.root));
  for (let tryPort = options.port; tryPort <= last; tryPort++) {
    try {
      const port = await listen(server, tryPort);
      const bound = server.address();
      return {
        port,
        address: typeof bound === 'object' && bound ? bound.address : '',
        url: `http://localhost:${port}/`,
        close: () =>
          new Promise<void>((resolve, reject) => {
            server.closeAllConnections?.();
            server.close((error) => (error ? reject(error) : resolve()));
          }),
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES') {
        throw new Error(`Port ${tryPort} needs administrator rights on this machine: set PORT to a port above 1023, e.g. PORT=8080 npm start`);
      }
      if (code !== 'EADDRINUSE') throw error;
    }
  }
  const tried = last === options.port ? `Port ${options.port} is` : `Ports ${options.port} to ${last} are all`;
  const hint = last === MAX_PORT ? ` (${MAX_PORT} is the last port there is)` : '';
  throw new Error(`${tried} in use on 127.0.0.1${hint}: set PORT to a free port, or PORT=0 to let the system pick one`);
}
