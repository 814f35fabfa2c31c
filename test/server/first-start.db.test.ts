/** What `npm start` does to a store the first time: the demo and its accounts, or an administrator. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDemo } from '../../src/cli/commands/demo.ts';
import { createApp } from '../../src/server/app.ts';
import { firstStart } from '../../src/server/first-start.ts';
import { listUsers } from '../../src/store/users.ts';
import { openTestStore } from '../support/db.ts';
import { Client, signIn, TEST_SCRYPT } from './support.ts';

test('an empty store gets the demo district and one account per role; a second start changes nothing', async () => {
  const store = await openTestStore();
  try {
    const lines = await firstStart(store, { scrypt: TEST_SCRYPT });
    assert.match(lines[0]!, /đã nạp dữ liệu mẫu huyện Ngân Sơn \(4507 số liệu\)/);
    assert.ok(lines.some((l) => /xa\.thuongquan\s+nhập liệu\s+xã Thượng Quan \(đến 30\/6\/2025\)/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /xa\.bangvan\s+nhập liệu\s+xã Bằng Vân \(từ 1\/7\/2025\)/.test(l)), lines.join('\n'));
    const users = await listUsers(store.db);
    assert.deepEqual(users.map((u) => [u.username, u.role]).sort(), [
      ['kiemtra', 'kiem_tra'],
      ['lanhdao', 'lanh_dao'],
      ['quantri', 'quan_tri'],
      ['vanphong', 'van_phong'],
      ['xa.bangvan', 'nhap_lieu'],
      ['xa.thuongquan', 'nhap_lieu'],
    ]);
    assert.deepEqual(await firstStart(store, { scrypt: TEST_SCRYPT }), []);
  } finally {
    await store.close();
  }
});

test('a store with data but no account gets an administrator over the whole store', async () => {
  const store = await openTestStore();
  try {
    await loadDemo(store.db);
    const lines = await firstStart(store, { scrypt: TEST_SCRYPT });
    const password = /mật khẩu (\S+);/.exec(lines[0]!)![1]!;
    const app = await createApp({ store, scrypt: TEST_SCRYPT });
    try {
      const admin = await signIn(app, 'quantri', password);
      const units = (await admin.get('/api/units')).body.units.map((u: { id: string }) => u.id);
      assert.ok(units.includes('tinh-lang-son') && units.includes('tinh-thai-nguyen'));
      const ws = await admin.post('/api/workspace', { format: 'chitieu-workspace', version: 1, units: [{ id: 'tinh-moi', name: 'Mới', kind: 'tinh' }] });
      assert.equal(ws.status, 200, 'a new top-level unit is within a whole-store administrator\'s reach');
      assert.equal((await new Client(app).get('/api/units')).status, 401);
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
});
