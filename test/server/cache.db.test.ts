/**
 * The server keeps the catalogue and evaluation models between requests; they must never be stale,
 * even when the store is changed behind the server's back (the CLI on the same PostgreSQL, a second
 * server process): the store's generation counters are bumped by triggers in the changing transaction.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { readGenerations } from '../../src/store/generations.ts';
import { upsertIndicators } from '../../src/store/indicators.ts';
import { type Client, query, signIn, startTestServer, type TestServer } from './support.ts';

let s: TestServer;
let leader: Client;
before(async () => {
  s = await startTestServer();
  leader = await signIn(s.app, 'lanhdao');
});
after(() => s.close());

const forest2024 = async () => (await leader.get(query('/api/units/xa-coc-dan/history', { indicator: 'trong_rung', from: 2024, to: 2024 }))).body.years[0].value as number;

test('a figure changed directly in the store shows in the next evaluation', async () => {
  const before = await forest2024();
  assert.equal(await forest2024(), before, 'served from the cache the second time');
  await sql`update data_values set value = value + 1 where unit_id = 'xa-coc-dan' and indicator_code = 'trong_rung' and period = '2024'`.execute(s.store.db);
  assert.equal(await forest2024(), before + 1);
});

test('a catalogue change made directly in the store shows in the next request', async () => {
  const list = async () => (await leader.get('/api/indicators')).body.indicators.map((i: { code: string }) => i.code) as string[];
  assert.ok(!(await list()).includes('moi_them'));
  await upsertIndicators(s.store.db, [
    { code: 'moi_them', name: 'Mới thêm', aliases: [], measureUnit: '', field: 'kinh_te', direction: 'higher', valueType: 'number', timeAggregation: 'sum', unitAggregation: 'sum', ratio: null, precision: 0, disaggregation: null, tree: 'state', priceBasis: null, description: null },
  ]);
  assert.ok((await list()).includes('moi_them'));
  await sql`update units set name = 'Cốc Đán Mới', search_name = 'xa coc dan moi' where id = 'xa-coc-dan'`.execute(s.store.db);
  assert.equal((await leader.get('/api/units/xa-coc-dan')).body.unit.name, 'Cốc Đán Mới');
});

test('a rolled-back change bumps nothing', async () => {
  const g0 = await readGenerations(s.store.db);
  await s.store.db
    .transaction()
    .execute(async (trx) => {
      await sql`update data_values set value = 0 where unit_id = 'xa-coc-dan'`.execute(trx);
      await sql`update units set note = 'x' where id = 'xa-coc-dan'`.execute(trx);
      throw new Error('rollback');
    })
    .catch((e: unknown) => {
      // The rollback is the point of the test; any other error fails it.
      if (!(e instanceof Error) || e.message !== 'rollback') throw e;
    });
  assert.deepEqual(await readGenerations(s.store.db), g0);
});

test('sessions: ended or an account changed directly in the store takes effect at the next request', async () => {
  const c = await signIn(s.app, 'kiemtra');
  assert.equal((await c.get('/api/audit')).status, 200);
  assert.equal((await c.get('/api/audit')).status, 200, 'the session is now cached');
  await sql`update users set role = 'lanh_dao' where username = 'kiemtra'`.execute(s.store.db);
  assert.equal((await c.get('/api/audit')).status, 403, 'the new role applies at once');
  await sql`delete from sessions where user_id = (select id from users where username = 'kiemtra')`.execute(s.store.db);
  assert.equal((await c.get('/api/auth/me')).status, 401, 'a session ended elsewhere is gone at once');
});
