/**
 * Table types of the store, as Kysely sees them. The DDL is in migrations.ts; keep both in step.
 *
 * Conventions at the boundary (set up in db.ts so that PGlite and pg agree):
 * - `date` columns come back as ISO strings "YYYY-MM-DD" (a type parser, never a JS Date: a Date
 *   would shift by the time zone offset);
 * - int8 (`bigint`, `count(*)`) comes back as a JS number;
 * - `timestamptz` comes back as a JS Date;
 * - jsonb comes back parsed and is written as a JSON string (pg would turn a JS array parameter into
 *   a PostgreSQL array literal, not JSON).
 */
import type { ColumnType, Generated } from 'kysely';
import type { Disaggregation } from '../core/indicators.ts';
import type { Basis, EvaluationSettings, ResolutionScope, Rule } from '../core/resolutions.ts';
import type { Provenance } from '../core/values.ts';

/** A jsonb column: parsed on read, a JSON string on write. */
export type Json<T> = ColumnType<T, string, string>;
/** timestamptz: a Date on read; a Date or an ISO string on write. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UnitsTable {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  valid_from: string | null;
  valid_to: string | null;
  counterpart_id: string | null;
  note: string | null;
  /** foldForSearch(display name): "xa ngan son", for diacritic-insensitive search. */
  search_name: string;
}

export interface UnitParentsTable {
  unit_id: string;
  /** Order of the links as given, so an export gives them back unchanged. */
  position: number;
  parent_id: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface UnitSuccessionsTable {
  id: Generated<number>;
  from_unit_id: string;
  to_unit_id: string;
  kind: string;
  share: number | null;
  effective_date: string;
  legal_basis: string | null;
}

export interface IndicatorsTable {
  code: string;
  name: string;
  aliases: Json<string[]>;
  measure_unit: string;
  field: string;
  direction: string;
  value_type: string;
  time_aggregation: string;
  unit_aggregation: string;
  ratio: Json<{ numerator: string; denominator: string; scale: number } | null>;
  precision: number;
  disaggregation: Json<Disaggregation | null>;
  tree: string;
  price_basis: string | null;
  description: string | null;
}

export interface ResolutionsTable {
  id: string;
  number: string;
  title: string;
  issuer_id: string;
  issued_on: string | null;
  scope: Json<ResolutionScope>;
  settings: Json<EvaluationSettings>;
}

export interface TargetsTable {
  resolution_id: string;
  id: string;
  position: number;
  code: string;
  indicator_code: string;
  wording: string;
  basis: Json<Basis>;
  rule: Json<Rule>;
  recurrence: string;
  precision: number | null;
  field: string | null;
  year_plans: Json<Record<string, number> | null>;
  note: string | null;
}

export interface DataValuesTable {
  id: Generated<number>;
  indicator_code: string;
  unit_id: string;
  /** Canonical period code ("2025-Q1"). */
  period: string;
  /** Absolute month indices of the period (core periods `monthSpan`), for range queries. */
  period_from: number;
  period_to: number;
  /** Disaggregation option; '' = the total (a unique key cannot hold NULL as a value). */
  option: Generated<string>;
  value: number;
  status: string;
  source: Json<Provenance>;
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
  /** Workflow state: 'draft' | 'submitted' | 'approved' | 'returned'; imported figures are approved. */
  state: Generated<string>;
  /** The person's note on the figure (web entry). */
  note: Generated<string | null>;
  /** Why the office returned (or reopened) it. */
  state_reason: Generated<string | null>;
}

export interface ValueRevisionsTable {
  id: Generated<number>;
  value_id: number;
  at: Timestamp;
  by: string | null;
  old_value: number | null;
  new_value: number | null;
  old_status: string | null;
  new_status: string | null;
  reason: string | null;
  /** Workflow states around the change, when it changed (null for imports). */
  old_state: Generated<string | null>;
  new_state: Generated<string | null>;
}

export interface UsersTable {
  id: string;
  /** Lower case; unique. */
  username: string;
  display_name: string;
  /** "scrypt$N$r$p$salt$hash" (base64url), see src/server/auth/passwords.ts. */
  password_hash: string;
  role: string;
  /** Root units of the account's scope. */
  unit_ids: Json<string[]>;
  locale: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** sha256 (hex) of the cookie's random id: a leaked table does not give sessions away. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_id: string | null;
  /** The username at the time. */
  actor: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_id: string | null;
  before: Json<unknown>;
  after: Json<unknown>;
  reason: string | null;
}

export interface UnitPeriodLocksTable {
  unit_id: string;
  /** Canonical period code. */
  period: string;
  locked_at: Timestamp;
  locked_by: string | null;
}

/** One row (id 1): counters bumped by triggers on every change (migration 2026-11-25-03). */
export interface StoreGenerationsTable {
  id: number;
  catalogue: number;
  data: number;
  auth: number;
}

/** Free-text parts of a report, by unit, canonical period code and resolution (migration 2026-11-26-01). */
export interface ReportNotesTable {
  unit_id: string;
  period: string;
  resolution_id: string;
  free_text: Json<Record<string, string>>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  updated_by: string | null;
}

export interface DB {
  units: UnitsTable;
  unit_parents: UnitParentsTable;
  unit_successions: UnitSuccessionsTable;
  indicators: IndicatorsTable;
  resolutions: ResolutionsTable;
  targets: TargetsTable;
  data_values: DataValuesTable;
  value_revisions: ValueRevisionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  unit_period_locks: UnitPeriodLocksTable;
  store_generations: StoreGenerationsTable;
  report_notes: ReportNotesTable;
}
