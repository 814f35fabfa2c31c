/**
 * Sessions: a random 32-byte id in an HttpOnly, SameSite=Strict cookie; the store keeps its sha256,
 * the account, a CSRF token and the expiry. Expiry slides: 8 hours after the last request, and never
 * more than 7 days after sign-in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { deleteSession, findSession, insertSession, type Session, touchSession } from '../../store/sessions.ts';
import type { DB } from '../../store/tables.ts';
import type { UserWithHash } from '../../store/users.ts';
import type { Generations } from '../../store/generations.ts';

export const SESSION_COOKIE = 'chitieu_sid';
export const SESSION_IDLE_MS = 8 * 3600_000;
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
/** Activity is written at most once a minute per session: a write per request would double the cost of a read. */
const TOUCH_EVERY_MS = 60_000;

export const hashSessionId = (id: string): string => createHash('sha256').update(id).digest('hex');

export async function createSession(db: Kysely<DB>, userId: string, now: Date): Promise<{ cookie: string; session: Session }> {
  const cookie = randomBytes(32).toString('base64url');
  const session: Session = {
    idHash: hashSessionId(cookie),
    userId,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
    lastSeenAt: now,
  };
  await insertSession(db, session);
  return { cookie, session };
}

type Found = { session: Session; user: UserWithHash };

/**
 * Live sessions kept between requests, each tagged with the store's `auth` generation read before it
 * was looked up. A session ending (sign-out, expiry, password change) or an account changing (role,
 * units, disabled) bumps that generation in its own transaction, whichever process does it, so a
 * cached session is never used after it stopped being valid. Its expiry is checked on every use.
 */
export class SessionCache {
  private readonly entries = new Map<string, Found & { auth: number }>();

  constructor(private readonly max = 10_000) {}

  /**
   * The live session behind a cookie, touched; null when unknown, expired or the account is disabled.
   * @param generations read from the store by this request before the call
   */
  async resolve(db: Kysely<DB>, cookie: string, now: Date, generations: Generations): Promise<Found | null> {
    const idHash = hashSessionId(cookie);
    let found: Found | null = this.entries.get(idHash) ?? null;
    if (found && (found as Found & { auth: number }).auth !== generations.auth) found = null;
    if (!found) {
      found = await findSession(db, idHash);
      this.entries.delete(idHash);
      if (found) this.remember(idHash, { ...found, auth: generations.auth });
    }
    if (!found) return null;
    const { session, user } = found;
    const hardEnd = session.createdAt.getTime() + SESSION_MAX_MS;
    if (session.expiresAt.getTime() <= now.getTime() || hardEnd <= now.getTime() || !user.active) {
      this.entries.delete(idHash);
      await deleteSession(db, session.idHash);
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, hardEnd));
      await touchSession(db, session.idHash, now, expiresAt);
      const touched = { session: { ...session, lastSeenAt: now, expiresAt }, user };
      const cached = this.entries.get(idHash);
      if (cached) this.entries.set(idHash, { ...touched, auth: cached.auth });
      return touched;
    }
    return found;
  }

  private remember(idHash: string, entry: Found & { auth: number }): void {
    this.entries.set(idHash, entry);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** Constant-time comparison of two tokens. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
