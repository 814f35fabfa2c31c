import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Store } from '../store/db.ts';
import { listSuccessions } from '../store/successions.ts';
import { getUnit, listUnits, upsertUnits } from '../store/units.ts';
import { openTestStore } from '../../test/support/db.ts';
import { importDvhcvn } from './import.ts';
import { DvhcvnError, newCommuneId, oldCommuneId } from './parse.ts';

const dir = process.env.DVHCVN_DIR ?? fileURLToPath(new URL('../../../shared/data/dvhcvn-20250701', import.meta.url));

async function counts(store: Store): Promise<{ units: number; parents: number; successions: number }> {
  const n = async (t: 'units' | 'unit_parents' | 'unit_successions') =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(store.db)).rows[0]!.n);
  return { units: await n('units'), parents: await n('unit_parents'), successions: await n('unit_successions') };
}

describe('importDvhcvn', { skip: existsSync(dir) ? false : `no dataset at ${dir}` }, () => {
  let store: Store;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  test('one province: Ngân Sơn and its three predecessors land in the store', async () => {
    const progress: number[] = [];
    const s = await importDvhcvn(store.db, { dir, province: '19', onProgress: (done, total) => progress.push(done / total) });
    assert.deepEqual(s.units, { inserted: 375, updated: 0 });
    assert.deepEqual(s.successions, { inserted: 285, updated: 0 });
    assert.equal(progress.at(-1), 1);
    const ns = await getUnit(store.db, newCommuneId('01954'));
    assert.equal(ns!.name, 'Ngân Sơn');
    const preds = await listSuccessions(store.db, { unitIds: [ns!.id] });
    assert.deepEqual(preds.map((p) => p.fromId).sort(), [oldCommuneId('01945'), oldCommuneId('01951'), oldCommuneId('01954')]);
    assert.deepEqual(
      (await listUnits(store.db, { search: 'ngan son' })).map((u) => u.id),
      [newCommuneId('01954')],
    );
  });

  test('a re-run updates, duplicates nothing, and keeps what the user added', async () => {
    // The user pairs the new commune with its party organisation and hangs a unit under it.
    await upsertUnits(
      store.db,
      [
        { id: 'dbx-ngan-son', code: null, name: 'xã Ngân Sơn', kind: 'dang_bo_xa', validFrom: '2025-07-01', validTo: null, parents: [], counterpartId: newCommuneId('01954'), note: null },
        { ...(await getUnit(store.db, newCommuneId('01954')))!, counterpartId: 'dbx-ngan-son' },
      ],
      { mode: 'replace' },
    );
    const cocDan = (await getUnit(store.db, oldCommuneId('01945')))!;
    await upsertUnits(store.db, [{ ...cocDan, parents: [...cocDan.parents, { parentId: 'dbx-ngan-son', from: null, to: null }] }], { mode: 'replace' });
    const before = await counts(store);
    const s = await importDvhcvn(store.db, { dir, province: '19' });
    assert.deepEqual(s.units, { inserted: 0, updated: 375 });
    assert.deepEqual(s.successions, { inserted: 0, updated: 285 });
    assert.deepEqual(await counts(store), before);
    assert.equal((await getUnit(store.db, newCommuneId('01954')))!.counterpartId, 'dbx-ngan-son');
    assert.equal((await getUnit(store.db, oldCommuneId('01945')))!.parents.length, 2);
  });

  test('the whole country, in one transaction, then again without duplicates', async () => {
    const t0 = performance.now();
    const s = await importDvhcvn(store.db, { dir });
    const ms = performance.now() - t0;
    assert.deepEqual(s.counts, { newProvinces: 34, newCommunes: 3321, oldProvinces: 63, oldCommunes: 10047, oldDistricts: 5 });
    assert.equal(s.units.inserted + s.units.updated, 34 + 3321 + 63 + 10047 + 5);
    const after1 = await counts(store);
    assert.equal(after1.units, 13470 + 1, 'plus the party organisation added above');
    await importDvhcvn(store.db, { dir });
    assert.deepEqual(await counts(store), after1);
    console.log(`importDvhcvn (cả nước, ${after1.units} đơn vị, ${after1.successions} quan hệ kế thừa): ${Math.round(ms)} ms`);
  });

  test('an unknown province or a missing folder writes nothing', async () => {
    const before = await counts(store);
    await assert.rejects(importDvhcvn(store.db, { dir, province: '99' }), DvhcvnError);
    await assert.rejects(importDvhcvn(store.db, { dir: '/khong/co' }), DvhcvnError);
    assert.deepEqual(await counts(store), before);
  });
});
