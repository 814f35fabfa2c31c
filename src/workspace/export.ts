/**
 * Exports the whole store as a workspace file (docs/workspace-format.md). The output is
 * deterministic (every array sorted, keys in the format's order), so two exports of the same data are
 * byte-identical and diff well; importing it into an empty store gives the same data back.
 */
import type { Kysely } from 'kysely';
import { monthSpan, parsePeriod } from '../core/periods.ts';
import { loadAll, type StoreSnapshot } from '../store/load-model.ts';
import type { DB } from '../store/tables.ts';
import { formatPath, type Workspace, WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceInput, WorkspaceSchema, type WorkspaceIssue } from './schema.ts';

/** The store holds something the file format cannot express: a bug or a newer store; nothing to fix in a file. */
export class WorkspaceExportError extends Error {
  override readonly name = 'WorkspaceExportError';

  constructor(readonly issues: WorkspaceIssue[]) {
    super(`Dữ liệu trong kho không khớp định dạng tệp: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

/**
 * Reads the whole store, in one repeatable-read transaction so that a concurrent import on
 * PostgreSQL cannot give a half-old, half-new file, and returns it as a validated workspace.
 * @throws WorkspaceExportError when the result does not pass the schema
 * @example
 *   const ws = await exportWorkspace(store.db);
 *   writeFileSync('ws.json', `${JSON.stringify(ws, null, 2)}\n`);
 */
export async function exportWorkspace(db: Kysely<DB>): Promise<Workspace> {
  const snapshot = await db.transaction().setIsolationLevel('repeatable read').execute((trx) => loadAll(trx));
  return snapshotToWorkspace(snapshot);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The workspace of a store snapshot, sorted and validated (pure). */
export function snapshotToWorkspace(s: StoreSnapshot): Workspace {
  const input: WorkspaceInput = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    units: [...s.units]
      .sort((a, b) => byText(a.id, b.id))
      .map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind,
        validFrom: u.validFrom,
        validTo: u.validTo,
        parents: u.parents.map((p) => ({ parentId: p.parentId, from: p.from, to: p.to })),
        counterpartId: u.counterpartId,
        note: u.note,
      })),
    successions: [...s.successions]
      .sort((a, b) => byText(a.fromId, b.fromId) || byText(a.toId, b.toId) || byText(a.effectiveDate, b.effectiveDate))
      .map((x) => ({ from: x.fromId, to: x.toId, kind: x.kind, share: x.share, effectiveDate: x.effectiveDate, legalBasis: x.legalBasis })),
    indicators: [...s.indicators].sort((a, b) => byText(a.code, b.code)),
    resolutions: [...s.resolutions]
      .sort((a, b) => byText(a.id, b.id))
      .map((r) => ({
        id: r.id,
        number: r.number,
        title: r.title,
        issuerId: r.issuerId,
        issuedOn: r.issuedOn,
        scope: r.scope,
        settings: r.settings,
        targets: r.targets,
      })),
    values: sortValues(s.values).map((v) => ({
      indicator: v.indicator,
      unit: v.unitId,
      period: v.period,
      option: v.option,
      value: v.value,
      status: v.status,
      source: v.source,
      revisions: s.revisions.get(Number(v.id)) ?? [],
    })),
  };
  const r = WorkspaceSchema.safeParse(input);
  if (!r.success) throw new WorkspaceExportError(r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  return r.data;
}

/** By indicator, unit, period (start, then end), then option with the total first. */
function sortValues<V extends StoreSnapshot['values'][number]>(values: readonly V[]): V[] {
  const span = new Map<string, { from: number; to: number }>();
  const spanOf = (code: string) => span.get(code) ?? span.set(code, monthSpan(parsePeriod(code))).get(code)!;
  return [...values].sort(
    (a, b) =>
      byText(a.indicator, b.indicator) ||
      byText(a.unitId, b.unitId) ||
      spanOf(a.period).from - spanOf(b.period).from ||
      spanOf(a.period).to - spanOf(b.period).to ||
      byText(a.option ?? '', b.option ?? ''),
  );
}
