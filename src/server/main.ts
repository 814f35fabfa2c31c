/**
 * `npm start`: opens the store, loads the demo district and its accounts on an empty store, and
 * serves the API and the web UI. docs/server.md.
 *
 *   PORT (3000), HOST (127.0.0.1; 0.0.0.0 to listen on every interface), CHITIEU_DATA_DIR (./data),
 *   DATABASE_URL (PostgreSQL instead of PGlite), CHITIEU_DEMO=0 (do not load the demo on an empty store),
 *   CHITIEU_COOKIE_SECURE (1/0; default: Secure when the request came over HTTPS), TRUST_PROXY=1.
 */
import { openStore, type Store } from '../store/db.ts';
import { StoreError } from '../store/errors.ts';
import { createApp } from './app.ts';
import { firstStart } from './first-start.ts';

function flag(v: string | undefined): boolean | undefined {
  if (v === undefined || v === '') return undefined;
  return v === '1' || v.toLowerCase() === 'true';
}

async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST || '127.0.0.1';
  let store: Store;
  try {
    store = await openStore();
  } catch (e) {
    if (e instanceof StoreError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const notes = await firstStart(store, { demo: env.CHITIEU_DEMO !== '0' });
  const app = await createApp({
    store,
    logger: { level: env.LOG_LEVEL ?? 'warn' },
    ...(flag(env.CHITIEU_COOKIE_SECURE) !== undefined ? { secureCookie: flag(env.CHITIEU_COOKIE_SECURE)! } : {}),
    trustProxy: flag(env.TRUST_PROXY) ?? false,
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\nNhận ${signal}: đang dừng máy chủ…\n`);
    try {
      await app.close();
    } finally {
      await store.close();
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port, host });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const lines = [
    `chitieu đang chạy: http://${shown}:${port}/  (API: http://${shown}:${port}/api/docs)`,
    `Kho dữ liệu: ${store.location}`,
    ...notes,
    'Dừng: Ctrl+C.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
