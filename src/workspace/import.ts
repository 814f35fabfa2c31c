/**
 * Imports a workspace file into the store: everything or nothing (docs/workspace-format.md, "Nhập").
 *
 * 1. The whole file is validated first: its shape ({@link parseWorkspace}), its references against
 *    what the store already holds ({@link checkReferences}), duplicates against the store. Every
 *    problem found is reported at once, each with its JSON path, in a {@link WorkspaceImportError}.
 * 2. Then everything is written in one transaction. Any failure, including one thrown by the
 *    caller's progress callback, rolls all of it back.
 *
 * With `replace`, what the file defines wins: units, indicators and resolutions with an id already in
 * the store are overwritten, and a value whose key (indicator, unit, period, option) exists is
 * updated, its version bumped and a revision recorded (who, when, old → new, why).
 */
import type { Kysely } from 'kysely';
import type { Value } from '../core/values.ts';
import { toStoreError } from '../store/errors.ts';
import { listIndicators, upsertIndicators } from '../store/indicators.ts';
import { listResolutionIds, upsertResolutions } from '../store/resolutions.ts';
import { findExistingSuccessions, successionKey, upsertSuccessions } from '../store/successions.ts';
import type { DB } from '../store/tables.ts';
import { listUnitIds, upsertUnits } from '../store/units.ts';
import { findValues, insertRevisions, insertValues, listRevisions, type ExistingValue, type NewRevision, updateValues, type ValueKey, valueStoreKey } from '../store/values.ts';
import { toIndicator, toResolution, toSuccession, toUnit } from './model.ts';
import { checkReferences, type KnownRefs, parseWorkspace, type Workspace, type WorkspaceIssue, type WorkspaceValue } from './schema.ts';

/** The file was refused; nothing was written. `issues` lists every problem, in file order. */
export class WorkspaceImportError extends Error {
  override readonly name = 'WorkspaceImportError';
  readonly code = 'invalid_workspace';

  constructor(readonly issues: WorkspaceIssue[]) {
    super(
      `Tệp dữ liệu có ${issues.length} lỗi, không có gì được ghi vào kho:\n` +
        issues
          .slice(0, 20)
          .map((i) => `  ${i.path}: ${i.message}`)
          .join('\n') +
        (issues.length > 20 ? `\n  … và ${issues.length - 20} lỗi khác` : ''),
    );
  }
}

export interface ImportOptions {
  /** Overwrite what the store already holds under the same ids and keys (see the module comment). */
  replace?: boolean;
  /** Called after each batch written; may throw to abort (everything is rolled back). */
  onProgress?(done: number, total: number): void;
  /** Who imports: recorded as `updated_by` and as the author of replace revisions. */
  by?: string | null;
  /** Why, for replace revisions. Default: "Nhập lại từ tệp (ghi đè)". */
  reason?: string;
  /** The clock, for tests. */
  now?: Date;
  /** Runs inside the import's transaction after the writes (the server writes its audit entry here). */
  beforeCommit?(trx: Kysely<DB>, summary: ImportSummary): Promise<void>;
}

export interface ImportSummary {
  units: number;
  successions: number;
  indicators: number;
  resolutions: number;
  values: { inserted: number; replaced: number; unchanged: number };
  /** Revisions written: those from the file plus one per replaced value. */
  revisions: number;
}

/**
 * Validates `json` as a workspace file and writes it to the store in one transaction.
 * @throws WorkspaceImportError listing every problem (nothing written)
 * @throws StoreError 'conflict' when a concurrent writer made a key clash at write time (rolled back)
 * @example
 *   const summary = await importWorkspace(store.db, JSON.parse(text), { replace: false, by: 'nguyenvana' });
 */
export async function importWorkspace(db: Kysely<DB>, json: unknown, opts: ImportOptions = {}): Promise<ImportSummary> {
  const parsed = parseWorkspace(json);
  if (!parsed.ok) throw new WorkspaceImportError(sortIssues(parsed.issues));
  const ws = parsed.workspace;
  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await validateAgainstStore(trx, ws, opts.replace ?? false);
      const summary = await write(trx, ws, existing, opts);
      await opts.beforeCommit?.(trx, summary);
      return summary;
    });
  } catch (e) {
    throw toStoreError(e);
  }
}

/** Everything checkable before writing; throws with all issues. Returns the stored values the file replaces. */
async function validateAgainstStore(db: Kysely<DB>, ws: Workspace, replace: boolean): Promise<Map<string, ExistingValue>> {
  const issues = checkReferences(ws, await knownRefs(db, ws, replace));
  issues.push(...(await successionIssues(db, ws, replace)));
  const existing = await findValues(db, ws.values.map(valueKeyOf));
  if (!replace)
    ws.values.forEach((v, i) => {
      if (existing.has(valueStoreKey(valueKeyOf(v))))
        issues.push({
          path: `$.values[${i}]`,
          message: `Trùng số liệu đã có trong kho (chỉ số "${v.indicator}", đơn vị "${v.unit}", kỳ ${v.period}${v.option ? `, phân tổ "${v.option}"` : ''}). Dùng chế độ ghi đè (--replace) nếu muốn thay số liệu cũ.`,
        });
    });
  if (issues.length) throw new WorkspaceImportError(sortIssues(issues));
  return existing;
}

/**
 * What the file may refer to in the store. With `replace`, what the file itself defines is left out,
 * so that checkReferences reads it as new (and checks values against the file's definition).
 */
async function knownRefs(db: Kysely<DB>, ws: Workspace, replace: boolean): Promise<KnownRefs> {
  const unitIds = await listUnitIds(db);
  const indicators = new Map((await listIndicators(db)).map((i) => [i.code, i]));
  const resolutionIds = await listResolutionIds(db);
  if (replace) {
    for (const u of ws.units) unitIds.delete(u.id);
    for (const i of ws.indicators) indicators.delete(i.code);
    for (const r of ws.resolutions) resolutionIds.delete(r.id);
  }
  return { unitIds, indicators, resolutionIds };
}

/** A succession is identified by (from, to, effective date): twice in the file, or already stored. */
async function successionIssues(db: Kysely<DB>, ws: Workspace, replace: boolean): Promise<WorkspaceIssue[]> {
  const issues: WorkspaceIssue[] = [];
  const list = ws.successions.map(toSuccession);
  const stored = replace ? new Set<string>() : await findExistingSuccessions(db, list);
  const seen = new Map<string, number>();
  list.forEach((s, i) => {
    const key = successionKey(s);
    const prev = seen.get(key);
    if (prev !== undefined) issues.push({ path: `$.successions[${i}]`, message: `Trùng quan hệ kế thừa với $.successions[${prev}] (cùng đơn vị cũ, đơn vị mới và ngày hiệu lực)` });
    else if (stored.has(key))
      issues.push({ path: `$.successions[${i}]`, message: `Quan hệ kế thừa từ "${s.fromId}" sang "${s.toId}" ngày ${s.effectiveDate} đã có trong kho dữ liệu` });
    seen.set(key, prev ?? i);
  });
  return issues;
}

const valueKeyOf = (v: WorkspaceValue) => ({ indicator: v.indicator, unitId: v.unit, period: v.period, option: v.option });

async function write(db: Kysely<DB>, ws: Workspace, existing: Map<string, ExistingValue>, opts: ImportOptions): Promise<ImportSummary> {
  const stamp = { at: opts.now ?? new Date(), by: opts.by ?? null };
  const total = ws.units.length + ws.successions.length + ws.indicators.length + ws.resolutions.length + ws.values.length;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    opts.onProgress?.(done, total);
  };

  await upsertUnits(db, ws.units.map(toUnit), { mode: 'replace' });
  progress(ws.units.length);
  await upsertSuccessions(db, ws.successions.map(toSuccession));
  progress(ws.successions.length);
  await upsertIndicators(db, ws.indicators.map(toIndicator));
  progress(ws.indicators.length);
  await upsertResolutions(db, ws.resolutions.map(toResolution));
  progress(ws.resolutions.length);

  const plan = planValues(ws.values, existing, stamp, opts.reason ?? 'Nhập lại từ tệp (ghi đè)');
  await insertValues(db, plan.inserts, stamp, progress);
  await updateValues(db, plan.updates, stamp, progress);
  progress(plan.unchanged);
  // Ids of the new values that come with revisions (usually few), looked up after the insert.
  const newIds = await findValues(db, plan.revisions.filter((r) => !existing.has(r.key)).map((r) => r.valueKey));
  const revisions = plan.revisions.map(({ key, revision }) => {
    const valueId = (existing.get(key) ?? newIds.get(key))?.id;
    if (valueId === undefined) throw new Error(`Lỗi nội bộ: không tìm thấy số liệu vừa ghi cho khóa ${key.replace(/\u0000/g, ' | ')}`);
    return { ...revision, valueId };
  });
  const fileRevisionsOfExisting = await newFileRevisionsOfExisting(db, ws.values, existing);
  await insertRevisions(db, [...revisions, ...fileRevisionsOfExisting]);
  return {
    units: ws.units.length,
    successions: ws.successions.length,
    indicators: ws.indicators.length,
    resolutions: ws.resolutions.length,
    values: { inserted: plan.inserts.length, replaced: plan.updates.length, unchanged: plan.unchanged },
    revisions: revisions.length + fileRevisionsOfExisting.length,
  };
}

interface ValuePlan {
  inserts: Omit<Value, 'id'>[];
  updates: { id: number; value: number; status: Value['status']; source: Value['source'] }[];
  unchanged: number;
  /** Revisions to write, by value key: the file's for new values, and one per replaced value. */
  revisions: { key: string; valueKey: ValueKey; revision: Omit<NewRevision, 'valueId'> }[];
}

/** Splits the file's values into inserts and updates, and lists the revisions that go with them (pure). */
function planValues(values: readonly WorkspaceValue[], existing: Map<string, ExistingValue>, stamp: { at: Date; by: string | null }, reason: string): ValuePlan {
  const plan: ValuePlan = { inserts: [], updates: [], unchanged: 0, revisions: [] };
  for (const v of values) {
    const key = valueStoreKey(valueKeyOf(v));
    const old = existing.get(key);
    const value: Omit<Value, 'id'> = { indicator: v.indicator, unitId: v.unit, period: v.period, option: v.option, value: v.value, status: v.status, source: v.source };
    if (!old) {
      plan.inserts.push(value);
      for (const r of v.revisions) plan.revisions.push({ key, valueKey: valueKeyOf(v), revision: r });
      continue;
    }
    if (old.value === v.value && old.status === v.status && sameSource(old.source, v.source)) {
      plan.unchanged++;
      continue;
    }
    plan.updates.push({ id: old.id, value: v.value, status: v.status, source: v.source });
    plan.revisions.push({
      key,
      valueKey: valueKeyOf(v),
      revision: { at: stamp.at.toISOString(), by: stamp.by, oldValue: old.value, newValue: v.value, oldStatus: old.status, newStatus: v.status, reason },
    });
  }
  return plan;
}

const sameSource = (a: Value['source'], b: Value['source']) => a.document === b.document && a.place === b.place && a.person === b.person && a.note === b.note;

/**
 * The file's revisions of values that were already stored, minus those the store has already (a
 * re-import of an export must not double the history). Compared by instant, not by spelling, since
 * the store gives times back in UTC.
 */
async function newFileRevisionsOfExisting(db: Kysely<DB>, values: readonly WorkspaceValue[], existing: Map<string, ExistingValue>): Promise<NewRevision[]> {
  const withHistory = values.filter((v) => v.revisions.length > 0 && existing.has(valueStoreKey(valueKeyOf(v))));
  if (withHistory.length === 0) return [];
  const stored = await listRevisions(db, withHistory.map((v) => existing.get(valueStoreKey(valueKeyOf(v)))!.id));
  const out: NewRevision[] = [];
  for (const v of withHistory) {
    const valueId = existing.get(valueStoreKey(valueKeyOf(v)))!.id;
    const have = new Set((stored.get(valueId) ?? []).map(revisionKey));
    for (const r of v.revisions) if (!have.has(revisionKey(r))) out.push({ ...r, valueId });
  }
  return out;
}

const revisionKey = (r: WorkspaceValue['revisions'][number]) =>
  JSON.stringify([Date.parse(r.at), r.by, r.oldValue, r.newValue, r.oldStatus, r.newStatus, r.reason]);

const SECTION_ORDER = ['format', 'version', 'units', 'successions', 'indicators', 'resolutions', 'values'];

/**
 * Issues in file order: sections as a file lists them, `$.values[2]` before `$.values[10]`, a path
 * before its sub-paths; the order of checks is kept among equal paths (stable sort).
 */
export function sortIssues(issues: readonly WorkspaceIssue[]): WorkspaceIssue[] {
  const tokens = (p: string) => p.split(/[.[\]]+/).filter(Boolean);
  const rank = (t: string) => SECTION_ORDER.indexOf(t);
  const cmp = (a: string, b: string) => {
    const ta = tokens(a);
    const tb = tokens(b);
    for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
      const x = ta[i]!;
      const y = tb[i]!;
      if (x === y) continue;
      if (i === 1 && rank(x) >= 0 && rank(y) >= 0) return rank(x) - rank(y);
      const nx = Number(x);
      const ny = Number(y);
      if (Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
      return x < y ? -1 : 1;
    }
    return ta.length - tb.length;
  };
  return [...issues].sort((a, b) => cmp(a.path, b.path));
}
