import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { openStore, redactUrl, resolveStoreTarget } from './db.ts';
import { StoreError } from './errors.ts';

test('where the store lives: memory, explicit URL, explicit directory, CHITIEU_DATA_DIR, DATABASE_URL, ./data', () => {
  const env = { DATABASE_URL: 'postgres://u@h/db', CHITIEU_DATA_DIR: '/srv/chitieu' };
  assert.deepEqual(resolveStoreTarget({ memory: true, dataDir: 'x' }, env), { kind: 'memory', loadDataDir: undefined });
  assert.deepEqual(resolveStoreTarget({ databaseUrl: 'postgres://a/b', dataDir: 'x' }, env), { kind: 'pg', url: 'postgres://a/b' });
  assert.deepEqual(resolveStoreTarget({ dataDir: 'x' }, env), { kind: 'pglite', dataDir: resolve('x') }, 'an explicit --data wins over both variables');
  assert.deepEqual(resolveStoreTarget({}, env), { kind: 'pglite', dataDir: '/srv/chitieu' }, "the program's own variable wins over DATABASE_URL");
  assert.deepEqual(resolveStoreTarget({}, { DATABASE_URL: 'postgres://u@h/db' }), { kind: 'pg', url: 'postgres://u@h/db' });
  assert.deepEqual(resolveStoreTarget({}, {}), { kind: 'pglite', dataDir: resolve('./data') });
  assert.deepEqual(resolveStoreTarget({}, { CHITIEU_DATA_DIR: '' }), { kind: 'pglite', dataDir: resolve('./data') });
});

test('a connection string is shown without its password', () => {
  assert.equal(redactUrl('postgres://user:secret@db.local:5432/chitieu'), 'postgres://user:***@db.local:5432/chitieu');
  assert.equal(redactUrl('postgres://user@db.local/chitieu'), 'postgres://user@db.local/chitieu');
  assert.equal(redactUrl('host=db password=secret'), 'PostgreSQL');
});

test('a data directory that cannot be created is a clear store error', async () => {
  await assert.rejects(
    openStore({ dataDir: '/dev/null/data' }),
    (e) => e instanceof StoreError && e.code === 'open_failed' && /^Không tạo được tệp khóa trong thư mục dữ liệu \/dev\/null\/data: /.test(e.message),
  );
});
