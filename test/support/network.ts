/** Whether an HTTP server at `host`:`port` answers (a refused or silent connection is false). */
import { request } from 'node:http';
import os from 'node:os';

export function answers(host: string, port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const req = request({ host, port, path: '/', timeout: 1000 }, () => resolve(true));
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

/** This machine's addresses other than loopback, where a server bound to 127.0.0.1 must not answer. */
export function outsideAddresses(family?: 'IPv4'): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((info) => info && !info.internal && (!family || info.family === family))
    .map((info) => info!.address);
}
