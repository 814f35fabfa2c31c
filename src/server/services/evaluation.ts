/**
 * The dashboard: the evaluation of a resolution for a unit and a period (the `evaluate --json` object,
 * docs/evaluate-json.md), one target's history over the term and across the units below, and the
 * table as XLSX. Same path as `chitieu evaluate`: the store loads the model with a handful of batched
 * queries (approved figures only), the pure core evaluates it.
 */
import { type EvaluationResult, evaluateResolution, findGoverningResolution, type Status } from '../../core/evaluate.ts';
import { calendarRange, type Period, periodCode, periodLabel, termYears } from '../../core/periods.ts';
import type { Resolution } from '../../core/resolutions.ts';
import { type Unit, treeOfKind, unitDisplayName } from '../../core/units.ts';
import { buildReport } from '../../report/build.ts';
import { xlsxRenderer } from '../../report/render/xlsx.ts';
import type { Model } from '../../workspace/model.ts';
import type { AuthContext, Scope } from '../auth/context.ts';
import { ApiError } from '../errors.ts';
import { VI_COLLATOR } from '../i18n.ts';

/** Years whose figures an evaluation of `p` reads (the year before is loaded by the store). */
const yearsOf = (p: Period): [number, number] => (p.kind === 'term' ? [p.startYear, p.endYear] : [p.year, p.year]);

interface Loaded {
  scope: Scope;
  unit: Unit;
  model: Model;
}

/** The scope is checked before anything is loaded; the model comes from the cache or one query. */
async function load(auth: AuthContext, unitId: string, years: [number, number]): Promise<Loaded> {
  const scope = await auth.scope();
  scope.require(unitId);
  const model = await auth.model(unitId, years[0], years[1]);
  const unit = model.ctx.units.get(unitId);
  if (!unit) throw new ApiError('not_found', { vi: `Không có đơn vị "${unitId}"`, en: `No unit "${unitId}"` });
  return { scope, unit, model };
}

/** The resolution named (id or number), else the one governing the period for the unit; its issuer must be in scope. */
function pickResolution({ scope, unit, model }: Loaded, period: Period, wanted: string | undefined): Resolution {
  let r: Resolution | undefined;
  if (wanted) {
    r = model.resolutions.find((x) => x.id === wanted) ?? model.resolutions.find((x) => x.number === wanted);
    if (!r) throw new ApiError('not_found', { vi: `Không có Nghị quyết "${wanted}"`, en: `No resolution "${wanted}"` });
  } else {
    r = findGoverningResolution(model.resolutions, [unit.id, ...(unit.counterpartId ? [unit.counterpartId] : [])], period) ?? undefined;
    if (!r)
      throw new ApiError('not_found', {
        vi: `Không có Nghị quyết nào của ${unitDisplayName(unit)} áp dụng cho ${periodLabel(period)}`,
        en: `No resolution of this unit covers ${periodCode(period)}`,
      });
  }
  scope.require(r.issuerId);
  return r;
}

export async function evaluate(auth: AuthContext, q: { unitId: string; period: Period; resolutionId?: string }): Promise<EvaluationResult> {
  const loaded = await load(auth, q.unitId, yearsOf(q.period));
  return evaluateResolution(loaded.model.ctx, pickResolution(loaded, q.period, q.resolutionId), q.unitId, q.period);
}

export interface TargetHistory {
  years: { year: number; plan: number | null; actual: number | null; status: Status }[];
  children: { unitId: string; name: string; actual: number | null; plan: number | null; percentOfPlan: number | null; status: Status }[];
}

/** One target: each year of the resolution's scope, and each unit below (in scope) in the period. */
export async function targetHistory(
  auth: AuthContext,
  q: { unitId: string; resolutionId: string; targetId: string; period: Period },
): Promise<TargetHistory> {
  // The years to load are those of the period and of the resolution's scope.
  const [py0, py1] = yearsOf(q.period);
  const scoped = (await auth.catalogue()).resolutions.find((x) => x.id === q.resolutionId)?.scope;
  const [sy0, sy1] = scoped ? (scoped.kind === 'term' ? [scoped.startYear, scoped.endYear] : [scoped.year, scoped.year]) : [py0, py1];
  const loaded = await load(auth, q.unitId, [Math.min(py0, sy0), Math.max(py1, sy1)]);
  const r = pickResolution(loaded, q.period, q.resolutionId);
  const target = r.targets.find((t) => t.id === q.targetId);
  if (!target) throw new ApiError('not_found', { vi: `Không có chỉ tiêu "${q.targetId}"`, en: `No target "${q.targetId}"` });
  const single: Resolution = { ...r, targets: [target] };
  const ctx = loaded.model.ctx;
  const years = (r.scope.kind === 'term' ? termYears(r.scope) : [r.scope.year]).map((year) => {
    const t = evaluateResolution(ctx, single, q.unitId, { kind: 'year', year }).targets[0]!;
    return { year, plan: t.plan, actual: t.actual, status: t.status };
  });
  const range = calendarRange(q.period);
  const tree = treeOfKind(loaded.unit.kind);
  const children = ctx.units
    .childrenDuring(q.unitId, range.start, range.end)
    .filter((c) => loaded.scope.has(c.id) && treeOfKind(c.kind) === tree)
    .sort((a, b) => VI_COLLATOR.compare(unitDisplayName(a), unitDisplayName(b)))
    .map((c) => {
      const t = evaluateResolution(ctx, single, c.id, q.period).targets[0]!;
      return { unitId: c.id, name: unitDisplayName(c), actual: t.actual, plan: t.plan, percentOfPlan: t.percentOfPlan, status: t.status };
    });
  return { years, children };
}

/** The dashboard table as XLSX (the report's appendix renderer). */
export async function evaluationXlsx(auth: AuthContext, q: { unitId: string; period: Period; resolutionId?: string }) {
  const loaded = await load(auth, q.unitId, yearsOf(q.period));
  const r = pickResolution(loaded, q.period, q.resolutionId);
  const report = buildReport(loaded.model, { unitId: q.unitId, period: q.period, resolutionId: r.id, charts: { max: 0, byChildUnit: false } });
  const bytes = (await xlsxRenderer.render(report)) as Uint8Array;
  return { bytes, fileName: `danh-gia-${q.unitId}-${periodCode(q.period)}.xlsx`, mediaType: xlsxRenderer.mediaType };
}
