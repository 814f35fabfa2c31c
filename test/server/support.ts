/**
 * Helpers for the server's tests: a store holding the demo district and its accounts (PGlite: cloned
 * from a template made once per test file; PostgreSQL: a fresh database), an app on it called
 * in-process, and signed-in clients.
 */
import { loadDemo } from '../../src/cli/commands/demo.ts';
import { openStore, type Store } from '../../src/store/db.ts';
import { type App, createApp, type CreateAppOptions } from '../../src/server/app.ts';
import type { ScryptParams } from '../../src/server/auth/passwords.ts';
import { createDemoAccounts, DEMO_PASSWORD } from '../../src/server/services/accounts.ts';
import { openTestStore, testDbKind } from '../support/db.ts';

/** Cheap hashes: the tests sign in hundreds of times. */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

async function seed(store: Store): Promise<void> {
  await loadDemo(store.db);
  await createDemoAccounts(store.db, { now: new Date(), scrypt: TEST_SCRYPT });
}

let template: Promise<Blob> | null = null;

/** A store with the demo district and the demo accounts; close() discards it. */
export async function openDemoStore(): Promise<Store> {
  if (testDbKind() === 'pg') {
    const store = await openTestStore();
    await seed(store);
    return store;
  }
  template ??= (async () => {
    const base = await openStore({ memory: true });
    try {
      await seed(base);
      return await base.dumpDataDir!();
    } finally {
      await base.close();
    }
  })();
  return openStore({ memory: true, loadDataDir: await template });
}

export interface TestServer {
  app: App;
  store: Store;
  close(): Promise<void>;
}

export async function startTestServer(opts: Partial<CreateAppOptions> = {}): Promise<TestServer> {
  const store = opts.store ?? (await openDemoStore());
  const app = await createApp({ scrypt: TEST_SCRYPT, ...opts, store });
  return {
    app,
    store,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export interface Res {
  status: number;
  body: any;
  text: string;
  headers: Record<string, string | string[] | number | undefined>;
  raw: Buffer;
}

/** A signed-in (or anonymous) client that keeps the cookie and sends the CSRF token. */
export class Client {
  constructor(
    readonly app: App,
    public cookie: string | null = null,
    public csrf: string | null = null,
    readonly username: string | null = null,
  ) {}

  async request(method: string, url: string, body?: unknown, opts: { csrf?: boolean; headers?: Record<string, string>; payload?: Buffer | string } = {}): Promise<Res> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookie) headers.cookie = `chitieu_sid=${this.cookie}`;
    if (this.csrf && (opts.csrf ?? true) && method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = this.csrf;
    const r = await this.app.inject({ method: method as 'GET', url, headers, ...(opts.payload !== undefined ? { payload: opts.payload } : body !== undefined ? { payload: body as object } : {}) });
    let parsed: unknown = null;
    if (String(r.headers['content-type'] ?? '').includes('json') && r.body) parsed = JSON.parse(r.body);
    return { status: r.statusCode, body: parsed, text: r.body, headers: r.headers, raw: r.rawPayload };
  }

  get = (url: string, opts?: Parameters<Client['request']>[3]) => this.request('GET', url, undefined, opts);
  post = (url: string, body: unknown = {}, opts?: Parameters<Client['request']>[3]) => this.request('POST', url, body, opts);
  put = (url: string, body: unknown, opts?: Parameters<Client['request']>[3]) => this.request('PUT', url, body, opts);
  del = (url: string, opts?: Parameters<Client['request']>[3]) => this.request('DELETE', url, undefined, opts);
}

/** Signs in and returns a client holding the session cookie and the CSRF token. */
export async function signIn(app: App, username: string, password: string = DEMO_PASSWORD): Promise<Client> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${r.statusCode} ${r.body}`);
  const cookie = r.cookies.find((c) => c.name === 'chitieu_sid')?.value;
  if (!cookie) throw new Error('no session cookie');
  const body = JSON.parse(r.body) as { csrfToken: string };
  return new Client(app, cookie, body.csrfToken, username);
}

export const query = (path: string, params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  return `${path}?${q}`;
};
