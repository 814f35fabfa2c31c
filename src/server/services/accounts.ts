/**
 * Accounts: sign-in, creation and changes (with their audit entries), and the demo accounts the
 * server creates on first start.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertAudit } from '../../store/audit.ts';
import { toStoreError } from '../../store/errors.ts';
import { deleteSessionsOfUser } from '../../store/sessions.ts';
import type { DB } from '../../store/tables.ts';
import { findUserByUsername, getUser, insertUsers, type NewUser, type Role, updateUser, type User, type UserWithHash, withoutHash } from '../../store/users.ts';
import type { AuthContext } from '../auth/context.ts';
import { decoyHash, hashPassword, type ScryptParams, verifyPassword } from '../auth/passwords.ts';
import { ApiError } from '../errors.ts';
import { auditBy } from './audit.ts';

/** The account if the password is right and the account active; null otherwise (same time either way). */
export async function checkCredentials(db: Kysely<DB>, username: string, password: string): Promise<UserWithHash | null> {
  const user = await findUserByUsername(db, username.trim());
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  return user && ok && user.active ? user : null;
}

/** What the API shows of an account. */
export function userView(u: User) {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitIds: u.unitIds, locale: u.locale, active: u.active };
}

const auditView = (u: User) => userView(u);

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitIds: string[];
  locale: string | null;
  active: boolean;
}

/** Creates an account; a taken username is a conflict. */
export async function createUser(db: Kysely<DB>, auth: AuthContext | null, input: CreateUserInput, opts: { now: Date; scrypt: ScryptParams }): Promise<User> {
  const row: NewUser = { ...input, id: randomUUID(), username: input.username.toLowerCase(), passwordHash: await hashPassword(input.password, opts.scrypt) };
  try {
    return await db.transaction().execute(async (trx) => {
      if (await findUserByUsername(trx, row.username))
        throw new ApiError('conflict', { vi: `Tên đăng nhập "${row.username}" đã có`, en: `Username "${row.username}" is taken` });
      await insertUsers(trx, [row], opts.now);
      const user = withoutHash((await getUser(trx, row.id))!);
      await insertAudit(trx, [auditBy(auth, opts.now, { action: 'create', entity: 'user', entityId: user.id, unitId: null, after: auditView(user) })]);
      return user;
    });
  } catch (e) {
    throw toStoreError(e);
  }
}

export interface UpdateUserInput {
  displayName?: string;
  password?: string;
  role?: Role;
  unitIds?: string[];
  locale?: string | null;
  active?: boolean;
}

/** Changes an account; a new password or a disabled account signs it out everywhere. */
export async function changeUser(db: Kysely<DB>, auth: AuthContext, id: string, input: UpdateUserInput, opts: { now: Date; scrypt: ScryptParams }): Promise<User> {
  if (id === auth.user.id && ((input.role !== undefined && input.role !== auth.user.role) || input.active === false))
    throw new ApiError('conflict', { vi: 'Không thể tự đổi vai trò hoặc tự khóa tài khoản của chính mình', en: 'You cannot change your own role or disable your own account' });
  const { password, ...rest } = input;
  const passwordHash = password === undefined ? undefined : await hashPassword(password, opts.scrypt);
  return db.transaction().execute(async (trx) => {
    const before = await getUser(trx, id);
    if (!before) throw new ApiError('not_found', { vi: 'Không có tài khoản này', en: 'No such account' });
    const after = (await updateUser(trx, id, { ...rest, ...(passwordHash ? { passwordHash } : {}) }, opts.now))!;
    if (passwordHash || after.active === false) await deleteSessionsOfUser(trx, id);
    await insertAudit(trx, [
      auditBy(auth, opts.now, {
        action: 'update',
        entity: 'user',
        entityId: id,
        unitId: null,
        before: auditView(before),
        after: { ...auditView(after), ...(passwordHash ? { passwordChanged: true } : {}) },
      }),
    ]);
    return withoutHash(after);
  });
}

/** Demo accounts (docs/server.md): one per role, on the demo district's units. */
export const DEMO_PASSWORD = 'chitieu2025';
export const DEMO_ACCOUNTS: readonly Omit<CreateUserInput, 'password' | 'locale' | 'active'>[] = [
  { username: 'quantri', displayName: 'Quản trị hệ thống', role: 'quan_tri', unitIds: ['tinh-thai-nguyen'] },
  { username: 'vanphong', displayName: 'Văn phòng Huyện ủy Ngân Sơn', role: 'van_phong', unitIds: ['db-huyen-ngan-son'] },
  { username: 'lanhdao', displayName: 'Lãnh đạo huyện Ngân Sơn', role: 'lanh_dao', unitIds: ['huyen-ngan-son'] },
  { username: 'kiemtra', displayName: 'Ủy ban Kiểm tra Huyện ủy Ngân Sơn', role: 'kiem_tra', unitIds: ['huyen-ngan-son'] },
  { username: 'xa.thuongquan', displayName: 'Cán bộ nhập liệu xã Thượng Quan', role: 'nhap_lieu', unitIds: ['xa-thuong-quan'] },
  { username: 'xa.bangvan', displayName: 'Cán bộ nhập liệu xã Bằng Vân', role: 'nhap_lieu', unitIds: ['xa-bang-van-2025'] },
];

/** Creates the demo accounts (password {@link DEMO_PASSWORD}) with their audit entries. */
export async function createDemoAccounts(db: Kysely<DB>, opts: { now: Date; scrypt: ScryptParams }): Promise<User[]> {
  const out: User[] = [];
  for (const a of DEMO_ACCOUNTS) out.push(await createUser(db, null, { ...a, password: DEMO_PASSWORD, locale: null, active: true }, opts));
  return out;
}
