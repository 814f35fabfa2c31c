/**
 * Accounts of the web server (tài khoản): queries only. Passwords are hashed by the caller
 * (src/server/auth/passwords.ts); this file never sees one in clear.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, UsersTable } from './tables.ts';

/**
 * quản trị (administrator), văn phòng cấp ủy (the party committee's office), nhập liệu (data entry),
 * lãnh đạo (leaders: read only), kiểm tra (inspection: figures and the audit log). docs/api.md.
 */
export type Role = 'quan_tri' | 'van_phong' | 'nhap_lieu' | 'lanh_dao' | 'kiem_tra';
export const ROLES: readonly Role[] = ['quan_tri', 'van_phong', 'nhap_lieu', 'lanh_dao', 'kiem_tra'];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Root units of the account's scope. */
  unitIds: string[];
  locale: string | null;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

export function rowToUser(row: Selectable<UsersTable>): UserWithHash {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    unitIds: row.unit_ids,
    locale: row.locale,
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordHash: row.password_hash,
  };
}

/** Drops the hash. */
export function withoutHash(u: UserWithHash): User {
  const { passwordHash: _hash, ...user } = u;
  return user;
}

/** Every account, by username. */
export async function listUsers(db: Kysely<DB>): Promise<User[]> {
  return (await db.selectFrom('users').selectAll().orderBy('username').execute()).map((r) => withoutHash(rowToUser(r)));
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function getUser(db: Kysely<DB>, id: string): Promise<UserWithHash | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToUser(row) : null;
}

/** By username, compared in lower case. */
export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserWithHash | null> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
  return row ? rowToUser(row) : null;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  unitIds: string[];
  locale: string | null;
  active: boolean;
}

/** Inserts accounts (a few at a time: one multi-row statement). A taken username fails with 23505. */
export async function insertUsers(db: Kysely<DB>, users: readonly NewUser[], at: Date): Promise<void> {
  if (users.length === 0) return;
  await db
    .insertInto('users')
    .values(
      users.map((u) => ({
        id: u.id,
        username: u.username.toLowerCase(),
        display_name: u.displayName,
        password_hash: u.passwordHash,
        role: u.role,
        unit_ids: JSON.stringify(u.unitIds),
        locale: u.locale,
        active: u.active,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

export type UserPatch = Partial<Pick<NewUser, 'displayName' | 'passwordHash' | 'role' | 'unitIds' | 'locale' | 'active'>>;

/** Applies the fields given; returns the account as stored after the change, or null when there is none. */
export async function updateUser(db: Kysely<DB>, id: string, patch: UserPatch, at: Date): Promise<UserWithHash | null> {
  const row = await db
    .updateTable('users')
    .set({
      updated_at: at,
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.unitIds !== undefined ? { unit_ids: JSON.stringify(patch.unitIds) } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? rowToUser(row) : null;
}
