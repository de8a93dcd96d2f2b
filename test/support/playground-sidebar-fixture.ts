/**
 * A page for the sidebar tests: the sidebar mounted on a fake Host that the
 * test drives from outside (window.__host): it records each call and answers
 * insertTemplate when the test says so.
 */
import type { Host } from '../../sidebar/host';
import { mountSidebar } from '../../sidebar/mount';

interface Pending {
  resolve(name: string): void;
  reject(error: unknown): void;
}

const pending: Pending[] = [];
const control = {
  calls: [] as { method: string; args: unknown[] }[],
  hostName: (window as unknown as { __hostName?: string }).__hostName ?? 'Playground',
  functionPrefix: (window as unknown as { __functionPrefix?: string }).__functionPrefix ?? '',
  answer(name: string) {
    pending.shift()?.resolve(name);
  },
  fail(message: string) {
    pending.shift()?.reject(new Error(message));
  },
  failWith(value: unknown) {
    pending.shift()?.reject(value);
  },
};
(window as unknown as { __host: typeof control }).__host = control;

const host: Host = {
  name: control.hostName,
  functionPrefix: control.functionPrefix,
  async listSheets() {
    control.calls.push({ method: 'listSheets', args: [] });
    return ['Sheet1'];
  },
  async readSelection() {
    control.calls.push({ method: 'readSelection', args: [] });
    return [[null]];
  },
  insertTemplate(request) {
    control.calls.push({ method: 'insertTemplate', args: [JSON.parse(JSON.stringify(request))] });
    return new Promise<string>((resolve, reject) => pending.push({ resolve, reject }));
  },
};

mountSidebar(document.getElementById('root')!, host);
