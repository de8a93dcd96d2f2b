/**
 * Pieces of `npm run dev:excel` (scripts/dev-excel.ts) that run in Node: what
 * the command can do on this machine, and a small static file server for
 * dist/office-addin.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

export type DevTarget = 'desktop' | 'web' | 'serve';

export interface DevPlan {
  readonly target: DevTarget;
  /** For `web`: the Excel on the web workbook (OneDrive/SharePoint URL) to sideload into. */
  readonly document?: string;
}

export const DEV_USAGE = `usage: npm run dev:excel [-- desktop | web --document <workbook URL> | serve]
  desktop  (default) build, serve https://localhost:3000 and sideload into Excel desktop (Windows or macOS)
  web      build, serve and sideload into Excel on the web, opening the workbook at --document
  serve    build and serve only; upload dist/office-addin/manifest.xml yourself`;

/**
 * What `npm run dev:excel <args>` should do on `platform`, or why it cannot:
 * a message for the user rather than a stack trace.
 */
export function planDev(args: readonly string[], platform: NodeJS.Platform): DevPlan | { readonly error: string } {
  const documentIndex = args.indexOf('--document');
  const document = documentIndex >= 0 ? args[documentIndex + 1] : undefined;
  const words = args.filter((arg, i) => !arg.startsWith('-') && !(documentIndex >= 0 && i === documentIndex + 1));
  const target = (words[0] ?? 'desktop') as DevTarget;
  if (!['desktop', 'web', 'serve'].includes(target) || words.length > 1) {
    return { error: `unknown arguments "${words.join(' ')}"\n${DEV_USAGE}` };
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
  return { target, document };
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * Serves the files under `root` (GET and HEAD only, never outside `root`), with
 * caching off so a rebuilt add-in is picked up at once.
 */
export function staticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const base = path.resolve(root);
  return (req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
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
      if (!info?.isFile()) return send(res, 404, `not found: ${pathname}`);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': 'no-store',
        'Access-Control-Allow-Origin': '*',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, String(error));
      else res.destroy();
    });
  };
}
