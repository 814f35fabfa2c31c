/**
 * Schema migrations, defined in code (no file-system glob, so they work from a bundled or tsx-run
 * build alike) and run by Kysely's Migrator every time the store opens. Add a migration with a new,
 * later key; never edit one that has shipped.
 *
 * DDL is plain SQL, one statement per call: PGlite runs parameterless queries through the extended
 * protocol, which refuses several statements in one string.
 */
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import { StoreError } from './errors.ts';

async function run(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

const initial: Migration = {
  async up(db) {
    await run(db, [
      // Unit references are DEFERRABLE INITIALLY DEFERRED: a batch may name a parent or counterpart
      // that a later batch of the same transaction inserts.
      `create table units (
        id text primary key,
        code text,
        name text not null,
        kind text not null,
        valid_from date,
        valid_to date,
        counterpart_id text references units (id) deferrable initially deferred,
        note text,
        search_name text not null
      )`,
      `create index units_code on units (code)`,
      `create table unit_parents (
        unit_id text not null references units (id) on delete cascade deferrable initially deferred,
        position int not null,
        parent_id text not null references units (id) deferrable initially deferred,
        valid_from date,
        valid_to date,
        primary key (unit_id, position)
      )`,
      `create index unit_parents_parent on unit_parents (parent_id)`,
      `create table unit_successions (
        id serial primary key,
        from_unit_id text not null references units (id) deferrable initially deferred,
        to_unit_id text not null references units (id) deferrable initially deferred,
        kind text not null check (kind in ('merge', 'split', 'rename')),
        share double precision check (share is null or (share > 0 and share <= 1)),
        effective_date date not null,
        legal_basis text,
        unique (from_unit_id, to_unit_id, effective_date)
      )`,
      `create index unit_successions_to on unit_successions (to_unit_id)`,
      `create table indicators (
        code text primary key,
        name text not null,
        aliases jsonb not null default '[]',
        measure_unit text not null,
        field text not null,
        direction text not null,
        value_type text not null,
        time_aggregation text not null,
        unit_aggregation text not null,
        ratio jsonb,
        precision int not null default 0,
        disaggregation jsonb,
        tree text not null,
        price_basis text,
        description text
      )`,
      `create table resolutions (
        id text primary key,
        number text not null,
        title text not null,
        issuer_id text not null references units (id) deferrable initially deferred,
        issued_on date,
        scope jsonb not null,
        settings jsonb not null
      )`,
      `create table targets (
        resolution_id text not null references resolutions (id) on delete cascade deferrable initially deferred,
        id text not null,
        position int not null,
        code text not null,
        indicator_code text not null references indicators (code) deferrable initially deferred,
        wording text not null,
        basis jsonb not null,
        rule jsonb not null,
        recurrence text not null,
        precision int,
        field text,
        year_plans jsonb,
        note text,
        primary key (resolution_id, id)
      )`,
      `create table data_values (
        id bigint generated always as identity primary key,
        indicator_code text not null references indicators (code) deferrable initially deferred,
        unit_id text not null references units (id) deferrable initially deferred,
        period text not null,
        period_from int not null,
        period_to int not null,
        option text not null default '',
        value double precision not null,
        status text not null check (status in ('thuc_hien', 'uoc', 'so_bo')),
        source jsonb not null,
        version int not null default 1,
        updated_at timestamptz not null default now(),
        updated_by text,
        unique (indicator_code, unit_id, period, option)
      )`,
      `create index data_values_unit_period on data_values (unit_id, period_from)`,
      `create table value_revisions (
        id bigint generated always as identity primary key,
        value_id bigint not null references data_values (id) on delete cascade,
        at timestamptz not null,
        by text,
        old_value double precision,
        new_value double precision,
        old_status text,
        new_status text,
        reason text
      )`,
      `create index value_revisions_value on value_revisions (value_id)`,
    ]);
  },
  async down(db) {
    await run(
      db,
      ['value_revisions', 'data_values', 'targets', 'resolutions', 'indicators', 'unit_successions', 'unit_parents', 'units'].map((t) => `drop table ${t}`),
    );
  },
};

/**
 * The web server's accounts: users (scrypt hashes, role, root units), sessions (only a hash of the
 * cookie's id is stored) and the audit log (who changed what, before and after, written in the same
 * transaction as the change). docs/server.md.
 */
const accounts: Migration = {
  async up(db) {
    await run(db, [
      `create table users (
        id text primary key,
        username text not null unique,
        display_name text not null,
        password_hash text not null,
        role text not null check (role in ('quan_tri', 'van_phong', 'nhap_lieu', 'lanh_dao', 'kiem_tra')),
        unit_ids jsonb not null default '[]',
        locale text,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`,
      `create table sessions (
        id_hash text primary key,
        user_id text not null references users (id) on delete cascade,
        csrf_token text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        last_seen_at timestamptz not null
      )`,
      `create index sessions_user on sessions (user_id)`,
      // No foreign keys: an audit entry outlives what it describes.
      `create table audit_log (
        id bigint generated always as identity primary key,
        at timestamptz not null,
        actor_id text,
        actor text,
        action text not null,
        entity text not null,
        entity_id text,
        unit_id text,
        before jsonb,
        after jsonb,
        reason text
      )`,
      `create index audit_log_at on audit_log (at desc, id desc)`,
      `create index audit_log_unit on audit_log (unit_id, at desc)`,
      `create index audit_log_entity on audit_log (entity, entity_id)`,
    ]);
  },
  async down(db) {
    await run(db, ['audit_log', 'sessions', 'users'].map((t) => `drop table ${t}`));
  },
};

/**
 * Data-entry workflow: each figure has a state (draft → submitted → approved, or returned with a
 * reason) and a note; figures already in the store were imported, so they are approved. Approved
 * unit-periods are locked until the office reopens them. Revisions also record state changes.
 */
const workflow: Migration = {
  async up(db) {
    await run(db, [
      `alter table data_values add column state text not null default 'approved'
        check (state in ('draft', 'submitted', 'approved', 'returned'))`,
      `alter table data_values add column note text`,
      `alter table data_values add column state_reason text`,
      `create index data_values_unit_period_code on data_values (unit_id, period)`,
      `alter table value_revisions add column old_state text`,
      `alter table value_revisions add column new_state text`,
      `create table unit_period_locks (
        unit_id text not null references units (id) deferrable initially deferred,
        period text not null,
        locked_at timestamptz not null,
        locked_by text,
        primary key (unit_id, period)
      )`,
    ]);
  },
  async down(db) {
    await run(db, [
      'drop table unit_period_locks',
      'alter table value_revisions drop column new_state',
      'alter table value_revisions drop column old_state',
      'drop index data_values_unit_period_code',
      'alter table data_values drop column state_reason',
      'alter table data_values drop column note',
      'alter table data_values drop column state',
    ]);
  },
};

/**
 * Generation counters, bumped by statement triggers in the transaction of every change: `catalogue`
 * for units, parent links, successions, indicators, resolutions and targets; `data` for figures;
 * `auth` when a session ends or an account changes (a new session or a sign-in's activity bumps
 * nothing). A reader that keeps copies (the web server) checks one small row per request instead of
 * reloading them, and is never stale: a rolled-back change rolls its bump back, and changes made by
 * another process (the CLI, a second server on PostgreSQL) bump the same row.
 */
const generations: Migration = {
  async up(db) {
    const catalogueTables = ['units', 'unit_parents', 'unit_successions', 'indicators', 'resolutions', 'targets'];
    await run(db, [
      `create table store_generations (
        id int primary key check (id = 1),
        catalogue bigint not null default 0,
        data bigint not null default 0,
        auth bigint not null default 0
      )`,
      `insert into store_generations (id) values (1)`,
      `create function chitieu_bump_catalogue() returns trigger language plpgsql as $$
        begin update store_generations set catalogue = catalogue + 1 where id = 1; return null; end $$`,
      `create function chitieu_bump_data() returns trigger language plpgsql as $$
        begin update store_generations set data = data + 1 where id = 1; return null; end $$`,
      ...catalogueTables.map(
        (t) => `create trigger ${t}_generation after insert or update or delete or truncate on ${t} for each statement execute function chitieu_bump_catalogue()`,
      ),
      `create trigger data_values_generation after insert or update or delete or truncate on data_values for each statement execute function chitieu_bump_data()`,
      // Only when rows changed: clearing expired sessions at each sign-in usually deletes none.
      `create function chitieu_bump_auth() returns trigger language plpgsql as $$
        begin
          if exists (select 1 from changed) then update store_generations set auth = auth + 1 where id = 1; end if;
          return null;
        end $$`,
      `create trigger sessions_generation after delete on sessions referencing old table as changed for each statement execute function chitieu_bump_auth()`,
      `create trigger users_generation after update on users referencing old table as changed for each statement execute function chitieu_bump_auth()`,
      `create trigger users_generation_delete after delete on users referencing old table as changed for each statement execute function chitieu_bump_auth()`,
    ]);
  },
  async down(db) {
    const tables = ['units', 'unit_parents', 'unit_successions', 'indicators', 'resolutions', 'targets', 'data_values'];
    await run(db, [
      ...[...tables, 'sessions', 'users'].map((t) => `drop trigger ${t}_generation on ${t}`),
      'drop trigger users_generation_delete on users',
      'drop function chitieu_bump_auth()',
      'drop function chitieu_bump_data()',
      'drop function chitieu_bump_catalogue()',
      'drop table store_generations',
    ]);
  },
};

/** Free-text parts of progress reports (báo cáo), kept apart from the figures (src/store/reports.ts). */
const reportNotes: Migration = {
  async up(db) {
    await run(db, [
      // No foreign keys: a workspace import may replace units and resolutions; notes of ids that are
      // gone are simply never read.
      `create table report_notes (
        unit_id text not null,
        period text not null,
        resolution_id text not null,
        free_text jsonb not null default '{}'::jsonb,
        updated_at timestamptz not null,
        updated_by text,
        primary key (unit_id, period, resolution_id)
      )`,
    ]);
  },
  async down(db) {
    await run(db, ['drop table report_notes']);
  },
};

/** Every migration, by name; names sort in the order they run. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-01-initial': initial,
  '2026-11-25-01-accounts': accounts,
  '2026-11-25-02-workflow': workflow,
  '2026-11-25-03-generations': generations,
  '2026-11-26-01-report-notes': reportNotes,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Brings the schema up to date. Idempotent; safe on every open.
 * @throws StoreError 'open_failed' naming the migration that failed.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new StoreError('open_failed', `Không cập nhật được cấu trúc kho dữ liệu (bước "${failed}"): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
