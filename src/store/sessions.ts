/**
 * Sessions of the web server: queries only. The cookie carries a random id; only its sha256 is
 * stored, so a copy of the table does not let anyone in.
 */
import type { Kysely } from 'kysely';
import type { DB } from './tables.ts';
import { rowToUser, type UserWithHash } from './users.ts';

export interface Session {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

export async function insertSession(db: Kysely<DB>, s: Session): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id_hash: s.idHash, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt, last_seen_at: s.lastSeenAt })
    .execute();
}

/** The session and its account, in one query; null when there is no such session. Expiry is the caller's to judge. */
export async function findSession(db: Kysely<DB>, idHash: string): Promise<{ session: Session; user: UserWithHash } | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.id_hash', 's.csrf_token', 's.created_at as s_created_at', 's.expires_at', 's.last_seen_at'])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  return {
    session: { idHash: row.id_hash, userId: row.id, csrfToken: row.csrf_token, createdAt: row.s_created_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at },
    user: rowToUser(row),
  };
}

/** Sliding expiry: records activity and pushes the expiry back. */
export async function touchSession(db: Kysely<DB>, idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Signs an account out everywhere (password changed, account disabled). */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Removes sessions that expired before `now`. */
export async function deleteExpiredSessions(db: Kysely<DB>, now: Date): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
