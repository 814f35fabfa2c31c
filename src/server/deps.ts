/** What every route module receives: the database, the clock and a few settings (see createApp). */
import type { Kysely } from 'kysely';
import type { DB } from '../store/tables.ts';
import type { ScryptParams } from './auth/passwords.ts';
import type { SessionCache } from './auth/sessions.ts';
import type { CatalogueCache, ModelCache } from './catalogue.ts';

export interface ServerDeps {
  db: Kysely<DB>;
  now(): Date;
  /** Cost of new password hashes (tests lower it). */
  scrypt: ScryptParams;
  /** Where the official 2025 unit list lives, for POST /api/units/dvhcvn. */
  dvhcvnDir: string;
  /** Units, successions, indicators and resolutions between requests (never stale, see catalogue.ts). */
  catalogue: CatalogueCache;
  /** Evaluation models between requests (reused only while the store's generations are unchanged). */
  models: ModelCache;
  /** Live sessions between requests (dropped as soon as the store's auth generation moves). */
  sessions: SessionCache;
}
