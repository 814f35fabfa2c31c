/**
 * The first start of a server on a store: on an empty store, the demo district and one account per
 * role (password {@link DEMO_PASSWORD}); on a store with data but no account (loaded with the CLI),
 * one administrator over the whole store with a random password. Returns what to tell the person.
 */
import { randomBytes } from 'node:crypto';
import { loadDemo } from '../cli/commands/demo.ts';
import { type Unit, unitDisplayName } from '../core/units.ts';
import type { Store } from '../store/db.ts';
import { listUnits } from '../store/units.ts';
import { countUsers } from '../store/users.ts';
import { countValues } from '../store/values.ts';
import { DEFAULT_SCRYPT, type ScryptParams } from './auth/passwords.ts';
import { createDemoAccounts, createUser, DEMO_ACCOUNTS, DEMO_PASSWORD } from './services/accounts.ts';

const ROLE_LABEL = { quan_tri: 'quản trị', van_phong: 'văn phòng cấp ủy', nhap_lieu: 'nhập liệu', lanh_dao: 'lãnh đạo', kiem_tra: 'kiểm tra' } as const;

/** "xã Thượng Quan (đến 30/6/2025)" */
function unitName(u: Unit): string {
  const d = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
  const span = u.validFrom && u.validTo ? ` (${d(u.validFrom)} – ${d(u.validTo)})` : u.validTo ? ` (đến ${d(u.validTo)})` : u.validFrom ? ` (từ ${d(u.validFrom)})` : '';
  return `${unitDisplayName(u)}${span}`;
}

export interface FirstStartOptions {
  /** Load the demo district into an empty store (default true). */
  demo?: boolean;
  scrypt?: ScryptParams;
  now?: Date;
}

/** Prepares the store for its first server start; does nothing once an account exists. */
export async function firstStart(store: Store, opts: FirstStartOptions = {}): Promise<string[]> {
  if ((await countUsers(store.db)) > 0) return [];
  const now = opts.now ?? new Date();
  const scrypt = opts.scrypt ?? DEFAULT_SCRYPT;
  const empty = (await countValues(store.db)) === 0 && (await store.db.selectFrom('units').select('id').limit(1).execute()).length === 0;
  if (empty && opts.demo !== false) {
    const r = await loadDemo(store.db);
    await createDemoAccounts(store.db, { now, scrypt });
    const lines = [`Kho dữ liệu trống: đã nạp dữ liệu mẫu huyện Ngân Sơn (${r.loaded ? r.values : 0} số liệu) và tạo các tài khoản mẫu (mật khẩu: ${DEMO_PASSWORD}):`];
    const names = new Map((await listUnits(store.db, { ids: DEMO_ACCOUNTS.flatMap((a) => a.unitIds) })).map((u) => [u.id, unitName(u)]));
    lines.push(`  ${'tên đăng nhập'.padEnd(14)} ${'vai trò'.padEnd(17)} đơn vị`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.username.padEnd(14)} ${ROLE_LABEL[a.role].padEnd(17)} ${a.unitIds.map((id) => names.get(id) ?? id).join(', ')}`);
    return lines;
  }
  // An administrator without units: the whole store is its scope (auth/scope.ts, scopeRoots).
  const password = randomBytes(9).toString('base64url');
  await createUser(store.db, null, { username: 'quantri', displayName: 'Quản trị hệ thống', password, role: 'quan_tri', unitIds: [], locale: null, active: true }, { now, scrypt });
  return [`Chưa có tài khoản nào: đã tạo tài khoản quản trị "quantri" (toàn bộ kho dữ liệu) với mật khẩu ${password}; hãy đổi ngay.`];
}
