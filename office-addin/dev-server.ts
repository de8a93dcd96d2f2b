/**
 * Pieces of `npm run dev:excel` (scripts/dev-excel.ts) that run in Node: what
 * the command can do on this machine, and a small static file server for
 * dist/office-addin.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer as createHttpServer } from 'node:http';
import { type ServerOptions as TlsOptions, createServer as createHttpsServer } from 'node:https';
import { isIP } from 'node:net';
import path from 'node:path';

export type DevTarget = 'desktop' | 'web' | 'serve';

export interface DevPlan {
  readonly target: DevTarget;
  /** For `web`: the Excel on the web workbook (OneDrive/SharePoint URL) to sideload into. */
  readonly document?: string;
  /** The address the server listens on: loopback unless the user asks for another with --host. */
  readonly host: string;
}

/** Only this machine can reach the dev server unless the user says otherwise. */
export const DEFAULT_DEV_HOST = '127.0.0.1';

export const DEV_USAGE = `usage: npm run dev:excel [-- desktop | web --document <workbook URL> | serve] [--host <address>]
  desktop  (default) build, serve https://localhost:3000 and sideload into Excel desktop (Windows or macOS)
  web      build, serve and sideload into Excel on the web, opening the workbook at --document
  serve    build and serve only; upload dist/office-addin/manifest.xml yourself
  --host   the address to listen on (default ${DEFAULT_DEV_HOST}, this machine only); --host 0.0.0.0
           lets other machines on your network fetch the add-in's files`;

/** The value after `--name`, and the indexes both take, so they are not read as words. */
function optionValue(args: readonly string[], name: string): { value?: string; indexes: number[] } {
  const i = args.indexOf(name);
  return i >= 0 ? { value: args[i + 1], indexes: [i, i + 1] } : { indexes: [] };
}

/**
 * What `npm run dev:excel <args>` should do on `platform`, or why it cannot:
 * a message for the user rather than a stack trace.
 */
export function planDev(args: readonly string[], platform: NodeJS.Platform): DevPlan | { readonly error: string } {
  const documentOption = optionValue(args, '--document');
  const hostOption = optionValue(args, '--host');
  const document = documentOption.value;
  const taken = new Set([...documentOption.indexes, ...hostOption.indexes]);
  const words = args.filter((arg, i) => !arg.startsWith('-') && !taken.has(i));
  const target = (words[0] ?? 'desktop') as DevTarget;
  if (!['desktop', 'web', 'serve'].includes(target) || words.length > 1) {
    return { error: `unknown arguments "${words.join(' ')}"\n${DEV_USAGE}` };
  }
  const host = hostOption.indexes.length > 0 ? hostOption.value : DEFAULT_DEV_HOST;
  if (!host || host.startsWith('-') || !isIP(host)) {
    return { error: `--host needs an IP address to listen on, such as ${DEFAULT_DEV_HOST} or 0.0.0.0\n${DEV_USAGE}` };
  }
  if (target === 'desktop' && platform !== 'win32' && platform !== 'darwin') {
    return {
      error: [
        `Excel desktop runs only on Windows and macOS, and this machine is ${platform}, so there is no Excel to sideload into.`,
        'From here you can instead:',
        '  npm run dev:excel -- serve                               serve https://localhost:3000, then upload',
        '                                                           dist/office-addin/manifest.xml in Excel on the web',
        '  npm run dev:excel -- web --document <workbook URL>       the same, sideloaded into that workbook',
        '  npm run build -- --base-url https://your.host/salesops   to host dist/office-addin anywhere over HTTPS',
      ].join('\n'),
    };
  }
  if (target === 'web' && !document) {
    return { error: `web needs the workbook to open: --document https://<tenant>-my.sharepoint.com/...xlsx\n${DEV_USAGE}` };
  }
  return { target, document, host };
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Sent with every answer: caching off (a rebuilt add-in is picked up at once), and no content sniffing. */
const COMMON_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

/**
 * Excel on the web fetches functions.json (and the scripts) from its own origin,
 * so those origins, and only those, may read the files cross-origin. Microsoft
 * publishes no fixed list: these are the domains Office on the web is served from.
 */
const OFFICE_ORIGIN = /^https:\/\/(?:[a-z0-9-]+\.)*(?:officeapps\.live\.com|office\.com|cloud\.microsoft)$/;

/** The CORS header for a request's Origin: the origin itself when it is Office on the web, else none. */
export function allowedOrigin(origin: string | undefined): string | undefined {
  return origin && OFFICE_ORIGIN.test(origin) ? origin : undefined;
}

/** Error answers are fixed text: nothing from the request (its path, its headers) is echoed back. */
function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * Serves the files under `root` (GET and HEAD only, never outside `root`), with
 * caching off so a rebuilt add-in is picked up at once. Only Office on the web
 * may read them cross-origin (see allowedOrigin).
 */
export function staticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const base = path.resolve(root);
  return (req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return send(res, 405, 'method not allowed');
      }
      let pathname: string;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
      } catch {
        return send(res, 400, 'bad request');
      }
      if (pathname.endsWith('/')) pathname += 'taskpane.html';
      const file = path.resolve(base, `.${pathname}`);
      if (file !== base && !file.startsWith(base + path.sep)) return send(res, 403, 'forbidden');
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return send(res, 404, 'not found');
      const origin = allowedOrigin(req.headers.origin);
      res.writeHead(200, {
        ...COMMON_HEADERS,
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        Vary: 'Origin',
        ...(origin ? { 'Access-Control-Allow-Origin': origin } : {}),
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    })().catch((error: unknown) => {
      console.error(`dev:excel: could not serve a file: ${String(error)}`);
      if (!res.headersSent) send(res, 500, 'server error');
      else res.destroy();
    });
  };
}

export interface DevServerOptions {
  /** The folder to serve (dist/office-addin). */
  readonly root: string;
  readonly port: number;
  /** The address to listen on; DEFAULT_DEV_HOST (this machine only) unless given. */
  readonly host?: string;
  /** Certificate and key for HTTPS (what Office needs); plain HTTP without them (tests). */
  readonly tls?: TlsOptions;
}

/** Starts the static server for `root` and resolves once it listens; a taken port is an error that says so. */
export async function startDevServer(options: DevServerOptions): Promise<Server> {
  const handler = staticHandler(options.root);
  const server = options.tls ? createHttpsServer(options.tls, handler) : createHttpServer(handler);
  const host = options.host ?? DEFAULT_DEV_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${options.port} is in use on ${host}: stop whatever serves it and retry`)
          : error,
      ),
    );
    server.listen(options.port, host, resolve);
  });
  return server;
}
