/** Units: the detail view, creation and changes with their audit entries, yearly history. */
import type { Kysely } from 'kysely';
import { type Flag, Measurer } from '../../core/measure.ts';
import { monthIndex } from '../../core/periods.ts';
import { type Unit, unitDisplayName } from '../../core/units.ts';
import { importDvhcvn, type ImportDvhcvnSummary } from '../../dvhcvn/import.ts';
import { insertAudit } from '../../store/audit.ts';
import { toStoreError } from '../../store/errors.ts';
import type { DB } from '../../store/tables.ts';
import { getUnit, listUnits, upsertUnits } from '../../store/units.ts';
import { toUnit } from '../../workspace/model.ts';
import type { WorkspaceUnit } from '../../workspace/schema.ts';
import type { AuthContext, Scope } from '../auth/context.ts';
import { ApiError } from '../errors.ts';
import { auditBy } from './audit.ts';
import { unitView } from './unit-views.ts';

const notFound = (id: string) => new ApiError('not_found', { vi: `Không có đơn vị "${id}"`, en: `No unit "${id}"` });

/** A unit with its parents over time, predecessors, successors and children (those in scope). */
export async function unitDetail(auth: AuthContext, id: string, at: string) {
  const [c, scope] = await Promise.all([auth.catalogue(), auth.scope()]);
  scope.require(id);
  const all = c.units;
  const successions = c.successions.filter((s) => s.fromId === id || s.toId === id);
  const byId = c.index.byId;
  const unit = byId.get(id);
  if (!unit) throw notFound(id);
  const name = (uid: string) => {
    const u = byId.get(uid);
    return u ? { name: u.name, displayName: unitDisplayName(u) } : { name: uid, displayName: uid };
  };
  const succession = (s: (typeof successions)[number], other: string) => ({
    fromId: s.fromId,
    toId: s.toId,
    kind: s.kind,
    share: s.share,
    effectiveDate: s.effectiveDate,
    legalBasis: s.legalBasis,
    ...name(other),
  });
  const parents = unit.parents.map((p) => ({ parentId: p.parentId, from: p.from, to: p.to, ...name(p.parentId) }));
  return {
    unit: { ...unitView(unit, at), parents, note: unit.note },
    parents,
    predecessors: successions.filter((s) => s.toId === id && scope.has(s.fromId)).map((s) => succession(s, s.fromId)),
    successors: successions.filter((s) => s.fromId === id && scope.has(s.toId)).map((s) => succession(s, s.toId)),
    children: all.filter((u) => u.parents.some((p) => p.parentId === id) && scope.has(u.id)).map((u) => unitView(u, at)),
  };
}

/**
 * The unit's parents and counterpart must be in the caller's scope (a unit cannot be hung under
 * someone else's district), and a new unit must land inside the scope.
 */
function checkLinks(scope: Scope, u: Unit): void {
  scope.require(...u.parents.map((p) => p.parentId), u.counterpartId);
  if (!u.parents.some((p) => scope.has(p.parentId)) && !(u.counterpartId && scope.has(u.counterpartId)))
    throw new ApiError('forbidden', {
      vi: 'Đơn vị mới phải có cấp trên (hoặc đơn vị tương ứng) thuộc phạm vi của tài khoản',
      en: 'A new unit needs a parent (or counterpart) within your scope',
    });
}

async function checkExists(db: Kysely<DB>, ids: (string | null)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return;
  const found = new Set((await listUnits(db, { ids: wanted })).map((u) => u.id));
  const missing = wanted.filter((x) => !found.has(x));
  if (missing.length) throw new ApiError('validation', { vi: `Không có đơn vị: ${missing.join(', ')}`, en: `Unknown units: ${missing.join(', ')}` });
}

/** Creates a unit (id must be new) or replaces one; audited. */
export async function saveUnit(db: Kysely<DB>, auth: AuthContext, scope: Scope, input: WorkspaceUnit, mode: 'create' | 'update', now: Date, at: string) {
  const unit = toUnit(input);
  if (mode === 'create') checkLinks(scope, unit);
  else scope.require(unit.id, ...unit.parents.map((p) => p.parentId), unit.counterpartId);
  if (unit.parents.some((p) => p.parentId === unit.id)) throw new ApiError('validation', { vi: 'Đơn vị không thể là cấp trên của chính nó', en: 'A unit cannot be its own parent' });
  await checkExists(db, [...unit.parents.map((p) => p.parentId), unit.counterpartId]);
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await getUnit(trx, unit.id);
      if (mode === 'create' && before) throw new ApiError('conflict', { vi: `Đơn vị id "${unit.id}" đã có`, en: `Unit "${unit.id}" exists` });
      if (mode === 'update' && !before) throw notFound(unit.id);
      await upsertUnits(trx, [unit], { mode: 'replace' });
      await insertAudit(trx, [auditBy(auth, now, { action: mode, entity: 'unit', entityId: unit.id, unitId: unit.id, before, after: unit })]);
      return unitView(unit, at);
    });
  } catch (e) {
    throw toStoreError(e);
  }
}

/** Applies the official 2025 unit list; one audit entry with the counts. */
export async function applyDvhcvn(db: Kysely<DB>, auth: AuthContext, opts: { dir: string; province?: string; now: Date }): Promise<ImportDvhcvnSummary> {
  return importDvhcvn(db, {
    dir: opts.dir,
    province: opts.province,
    beforeCommit: (trx, summary) =>
      insertAudit(trx, [auditBy(auth, opts.now, { action: 'apply_dvhcvn', entity: 'unit', entityId: opts.province ?? null, unitId: null, after: summary })]),
  });
}

export interface UnitHistoryYear {
  year: number;
  value: number | null;
  flags: Flag['code'][];
  sources: string[];
}

/**
 * Yearly figures of an indicator for a unit, rebuilt from predecessors for the years before it existed
 * (flags: rebuilt, partial_split, estimate…). Approved figures only.
 */
export async function unitHistory(auth: AuthContext, opts: { unitId: string; indicator: string; from: number; to: number }) {
  (await auth.scope()).require(opts.unitId);
  const model = await auth.model(opts.unitId, opts.from, opts.to);
  const unit = model.ctx.units.get(opts.unitId);
  if (!unit) throw notFound(opts.unitId);
  const ind = model.ctx.indicators.get(opts.indicator);
  if (!ind) throw new ApiError('not_found', { vi: `Không có chỉ số "${opts.indicator}"`, en: `No indicator "${opts.indicator}"` });
  const m = new Measurer(model.ctx);
  const subject = m.subjectUnit(ind, unit);
  const years: UnitHistoryYear[] = [];
  for (let y = opts.from; y <= opts.to; y++) {
    const x = m.measure(ind.code, subject.id, { from: monthIndex(y, 1), to: monthIndex(y, 12) });
    years.push({ year: y, value: x?.value ?? null, flags: x ? x.flags.map((f) => f.code) : [], sources: x?.sources ?? [] });
  }
  return { unitId: unit.id, indicator: { code: ind.code, name: ind.name, measureUnit: ind.measureUnit }, years };
}
