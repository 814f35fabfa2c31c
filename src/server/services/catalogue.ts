/**
 * The catalogue: indicators (chỉ số), resolutions (Nghị quyết) and their targets (chỉ tiêu). Every
 * change is checked against the store with the workspace file's own reference checks, written in one
 * transaction with its audit entry.
 */
import type { Kysely } from 'kysely';
import type { Indicator } from '../../core/indicators.ts';
import type { Resolution, Target } from '../../core/resolutions.ts';
import { insertAudit } from '../../store/audit.ts';
import { toStoreError } from '../../store/errors.ts';
import { listIndicators, upsertIndicators } from '../../store/indicators.ts';
import { listResolutions, upsertResolutions } from '../../store/resolutions.ts';
import type { DB } from '../../store/tables.ts';
import { listUnitIds } from '../../store/units.ts';
import { toIndicator, toResolution } from '../../workspace/model.ts';
import { checkReferences, type WorkspaceIndicator, type WorkspaceResolution } from '../../workspace/schema.ts';
import type { AuthContext, Scope } from '../auth/context.ts';
import { ApiError, type FieldProblem } from '../errors.ts';
import { auditBy } from './audit.ts';

/** Issues of checkReferences on a one-item file, with paths relative to the body. */
function refIssues(issues: { path: string; message: string }[], prefix: string): FieldProblem[] {
  return issues.map((i) => ({ path: i.path.startsWith(prefix) ? i.path.slice(prefix.length).replace(/^\./, '') || '(body)' : i.path, message: i.message }));
}

function refuse(fields: FieldProblem[]): never {
  throw new ApiError('validation', {}, { fields });
}

const indicatorNotFound = (code: string) => new ApiError('not_found', { vi: `Không có chỉ số "${code}"`, en: `No indicator "${code}"` });
const resolutionNotFound = (id: string) => new ApiError('not_found', { vi: `Không có Nghị quyết "${id}"`, en: `No resolution "${id}"` });

/** Creates or replaces an indicator (ratio parts must exist). */
export async function saveIndicator(db: Kysely<DB>, auth: AuthContext, input: WorkspaceIndicator, mode: 'create' | 'update', now: Date): Promise<Indicator> {
  try {
    return await db.transaction().execute(async (trx) => {
      const all = new Map((await listIndicators(trx)).map((i) => [i.code, i]));
      const before = all.get(input.code) ?? null;
      if (mode === 'create' && before) throw new ApiError('conflict', { vi: `Chỉ số mã "${input.code}" đã có`, en: `Indicator "${input.code}" exists` });
      if (mode === 'update' && !before) throw indicatorNotFound(input.code);
      all.delete(input.code);
      const issues = checkReferences(
        { format: 'chitieu-workspace', version: 1, units: [], successions: [], indicators: [input], resolutions: [], values: [] },
        { unitIds: new Set(), indicators: all, resolutionIds: new Set() },
      );
      if (issues.length) refuse(refIssues(issues, '$.indicators[0]'));
      const indicator = toIndicator(input);
      await upsertIndicators(trx, [indicator]);
      await insertAudit(trx, [auditBy(auth, now, { action: mode, entity: 'indicator', entityId: indicator.code, unitId: null, before, after: indicator })]);
      return indicator;
    });
  } catch (e) {
    throw toStoreError(e);
  }
}

/** The resolutions whose issuer is in scope, or those issued by a unit (and its counterpart). */
export async function listResolutionsInScope(auth: AuthContext, unitId: string | undefined): Promise<readonly Resolution[]> {
  const scope = await auth.scope();
  scope.require(unitId);
  const all = (await auth.catalogue()).resolutions;
  if (!unitId) return all.filter((r) => scope.has(r.issuerId));
  const cp = scope.graph.units.find((u) => u.id === unitId)?.counterpartId ?? null;
  return all.filter((r) => (r.issuerId === unitId || r.issuerId === cp) && scope.has(r.issuerId));
}

/** One resolution, if its issuer is in scope. */
export async function getResolutionInScope(auth: AuthContext, id: string): Promise<Resolution> {
  const scope = await auth.scope();
  const r = (await auth.catalogue()).resolutions.find((x) => x.id === id);
  if (!r) throw resolutionNotFound(id);
  scope.require(r.issuerId);
  return r;
}

/**
 * Writes a resolution whole (targets included), after checking it like a file would be checked:
 * issuer, indicators, forms allowed by its scope. The issuer, old and new, must be in scope.
 */
async function writeResolution(
  db: Kysely<DB>,
  auth: AuthContext,
  scope: Scope,
  id: string,
  change: (before: Resolution | null) => WorkspaceResolution,
  audit: { action: 'create' | 'update' | 'delete'; entity: 'resolution' | 'target'; entityId: string; pathPrefix: string },
  now: Date,
): Promise<Resolution> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = (await listResolutions(trx)).find((r) => r.id === id) ?? null;
      if (before) scope.require(before.issuerId);
      const next = change(before);
      scope.require(next.issuerId);
      const issues = checkReferences(
        { format: 'chitieu-workspace', version: 1, units: [], successions: [], indicators: [], resolutions: [next], values: [] },
        { unitIds: await listUnitIds(trx), indicators: new Map((await listIndicators(trx)).map((i) => [i.code, i])), resolutionIds: new Set() },
      );
      if (issues.length) refuse(refIssues(issues, audit.pathPrefix));
      const resolution = toResolution(next);
      await upsertResolutions(trx, [resolution]);
      const pick = (r: Resolution | null) => (audit.entity === 'target' ? (r?.targets.find((t) => t.id === audit.entityId) ?? null) : r);
      await insertAudit(trx, [
        auditBy(auth, now, {
          action: audit.action,
          entity: audit.entity,
          entityId: audit.entity === 'target' ? `${id}/${audit.entityId}` : id,
          unitId: resolution.issuerId,
          before: pick(before),
          after: audit.action === 'delete' ? null : pick(resolution),
        }),
      ]);
      return resolution;
    });
  } catch (e) {
    throw toStoreError(e);
  }
}

const asInput = (r: Resolution): WorkspaceResolution => ({ ...r, targets: r.targets.map((t) => ({ ...t })) });

export function createResolution(db: Kysely<DB>, auth: AuthContext, scope: Scope, input: WorkspaceResolution, now: Date): Promise<Resolution> {
  return writeResolution(
    db,
    auth,
    scope,
    input.id,
    (before) => {
      if (before) throw new ApiError('conflict', { vi: `Nghị quyết id "${input.id}" đã có`, en: `Resolution "${input.id}" exists` });
      return input;
    },
    { action: 'create', entity: 'resolution', entityId: input.id, pathPrefix: '$.resolutions[0]' },
    now,
  );
}

/** Replaces a resolution's fields; its targets are kept unless the body gives them. */
export function updateResolution(
  db: Kysely<DB>,
  auth: AuthContext,
  scope: Scope,
  id: string,
  input: Omit<WorkspaceResolution, 'id' | 'targets'> & { targets?: WorkspaceResolution['targets'] },
  now: Date,
): Promise<Resolution> {
  return writeResolution(
    db,
    auth,
    scope,
    id,
    (before) => {
      if (!before) throw resolutionNotFound(id);
      return { ...input, id, targets: input.targets ?? asInput(before).targets };
    },
    { action: 'update', entity: 'resolution', entityId: id, pathPrefix: '$.resolutions[0]' },
    now,
  );
}

/** Adds, replaces or removes one target of a resolution. */
export function changeTarget(
  db: Kysely<DB>,
  auth: AuthContext,
  scope: Scope,
  resolutionId: string,
  op: { kind: 'create'; target: Target } | { kind: 'update'; target: Target } | { kind: 'delete'; targetId: string },
  now: Date,
): Promise<Resolution> {
  const targetId = op.kind === 'delete' ? op.targetId : op.target.id;
  return writeResolution(
    db,
    auth,
    scope,
    resolutionId,
    (before) => {
      if (!before) throw resolutionNotFound(resolutionId);
      const targets = asInput(before).targets;
      const index = targets.findIndex((t) => t.id === targetId);
      if (op.kind === 'create') {
        if (index >= 0) throw new ApiError('conflict', { vi: `Chỉ tiêu id "${targetId}" đã có trong Nghị quyết`, en: `Target "${targetId}" exists` });
        return { ...asInput(before), targets: [...targets, op.target] };
      }
      if (index < 0) throw new ApiError('not_found', { vi: `Không có chỉ tiêu "${targetId}"`, en: `No target "${targetId}"` });
      if (op.kind === 'delete') return { ...asInput(before), targets: targets.filter((t) => t.id !== targetId) };
      return { ...asInput(before), targets: targets.map((t) => (t.id === targetId ? op.target : t)) };
    },
    { action: op.kind, entity: 'target', entityId: targetId, pathPrefix: '$.resolutions[0]' },
    now,
  );
}
