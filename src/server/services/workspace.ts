/**
 * The workspace file over the API: an export limited to the caller's scope, and an import that may
 * only touch units in scope (or new units that hang below them).
 */
import type { Kysely } from 'kysely';
import { listIndicators } from '../../store/indicators.ts';
import { insertAudit } from '../../store/audit.ts';
import { listResolutions } from '../../store/resolutions.ts';
import { listSuccessions } from '../../store/successions.ts';
import type { DB } from '../../store/tables.ts';
import { listUnits } from '../../store/units.ts';
import { listRevisions, listValues } from '../../store/values.ts';
import { listLocks } from '../../store/workflow.ts';
import { snapshotToWorkspace } from '../../workspace/export.ts';
import { importWorkspace, type ImportSummary } from '../../workspace/import.ts';
import { parseWorkspace, type Workspace } from '../../workspace/schema.ts';
import type { AuthContext } from '../auth/context.ts';
import { computeScope, scopeRoots } from '../auth/scope.ts';
import { ApiError } from '../errors.ts';
import { auditBy } from './audit.ts';

/**
 * The units in scope with their successions among them, the resolutions they issued, every indicator,
 * and their approved figures with revisions (drafts are work in progress: a file has no workflow
 * state, and importing one makes its figures approved). Parent links and counterparts keep their ids
 * even when they point outside the scope, so the file imports back into the same store unchanged.
 */
export async function exportScoped(db: Kysely<DB>, auth: AuthContext): Promise<Workspace> {
  const scope = await auth.scope();
  const ids = [...scope.ids];
  const snapshot = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const [units, successions, indicators, resolutions, values] = await Promise.all([
        listUnits(trx, { ids }),
        listSuccessions(trx),
        listIndicators(trx),
        listResolutions(trx),
        listValues(trx, { unitIds: ids, states: ['approved'] }),
      ]);
      const revisions = await listRevisions(trx, values.map((v) => Number(v.id)));
      return {
        units,
        successions: successions.filter((s) => scope.has(s.fromId) && scope.has(s.toId)),
        indicators,
        resolutions: resolutions.filter((r) => scope.has(r.issuerId)),
        values,
        revisions,
      };
    });
  return snapshotToWorkspace(snapshot);
}

const outOfScope = (what: string[]) =>
  new ApiError('forbidden', {
    vi: `Tệp chạm tới đơn vị ngoài phạm vi của tài khoản: ${what.slice(0, 10).join(', ')}${what.length > 10 ? ` và ${what.length - 10} đơn vị khác` : ''}`,
    en: `The file touches units outside your scope: ${what.slice(0, 10).join(', ')}`,
  });

/**
 * Checks the file's scope, then imports it (docs/workspace-format.md: validated whole, one
 * transaction). Existing units and resolutions it rewrites must be in scope now; new units must land
 * in scope once the file's own links are added; figures must not fall in a locked unit-period.
 */
export async function importScoped(db: Kysely<DB>, auth: AuthContext, json: unknown, opts: { replace: boolean; now: Date }): Promise<ImportSummary> {
  const parsed = parseWorkspace(json);
  // A malformed file is refused by importWorkspace itself, with every issue and its path.
  if (!parsed.ok) return importWorkspace(db, json, { replace: opts.replace, by: auth.user.username, now: opts.now });
  const ws = parsed.workspace;
  const scope = await auth.scope();
  const known = new Set(scope.graph.units.map((u) => u.id));
  const roots = scopeRoots(auth.user);
  const extendedUnits = [
    ...scope.graph.units.filter((u) => !ws.units.some((f) => f.id === u.id)),
    ...ws.units.map((u) => ({ id: u.id, kind: u.kind, counterpartId: u.counterpartId, parents: u.parents })),
  ];
  const extended = roots === 'all' ? new Set(extendedUnits.map((u) => u.id)) : computeScope(
    { units: extendedUnits, successions: [...scope.graph.successions, ...ws.successions.map((s) => ({ fromId: s.from, toId: s.to }))] },
    roots,
  );
  // A unit already in the store must be in scope now (a file cannot pull one in by linking to it); a
  // new one must be in scope once the file's links are added.
  const bad = new Set<string>();
  const inFile = new Set(ws.units.map((u) => u.id));
  const check = (id: string | null) => {
    // An id nowhere (store or file) is a reference error, reported with its path by the import.
    if (id === null || (!known.has(id) && !inFile.has(id))) return;
    if (!(known.has(id) ? scope.has(id) : extended.has(id))) bad.add(id);
  };
  for (const u of ws.units) [u.id, u.counterpartId, ...u.parents.map((p) => p.parentId)].forEach(check);
  for (const s of ws.successions) [s.from, s.to].forEach(check);
  for (const v of ws.values) check(v.unit);
  const stored = new Map((await listResolutions(db)).map((r) => [r.id, r]));
  for (const r of ws.resolutions) {
    check(r.issuerId);
    const old = stored.get(r.id);
    if (old) check(old.issuerId);
  }
  if (bad.size) throw outOfScope([...bad]);
  const locks = await listLocks(db, [...new Set(ws.values.map((v) => v.unit))], [...new Set(ws.values.map((v) => v.period))]);
  const hit = locks.filter((l) => ws.values.some((v) => v.unit === l.unitId && v.period === l.period));
  if (hit.length)
    throw new ApiError('locked', {
      vi: `Tệp có số liệu thuộc kỳ đã duyệt và khóa: ${hit.slice(0, 10).map((l) => `${l.unitId} kỳ ${l.period}`).join(', ')}`,
      en: `The file has figures in locked periods: ${hit.slice(0, 10).map((l) => `${l.unitId} ${l.period}`).join(', ')}`,
    });
  return importWorkspace(db, json, {
    replace: opts.replace,
    by: auth.user.username,
    now: opts.now,
    reason: 'Nhập tệp dữ liệu trên web (ghi đè)',
    beforeCommit: (trx, summary) =>
      insertAudit(trx, [auditBy(auth, opts.now, { action: 'import', entity: 'workspace', entityId: null, unitId: null, after: { ...summary, replace: opts.replace } })]),
  });
}
