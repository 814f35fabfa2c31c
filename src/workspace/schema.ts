/**
 * The workspace file: one JSON document holding units, successions, indicators, resolutions with their
 * targets, and values with their revisions. Documented in docs/workspace-format.md. Validated whole
 * here (shape) and in {@link checkReferences} (cross-references), with Vietnamese messages that name
 * the JSON path.
 */
import { z } from 'zod';
import { FIELDS } from '../core/indicators.ts';
import { parsePeriod, periodCode, PeriodError } from '../core/periods.ts';
import { UNIT_KINDS } from '../core/units.ts';

z.config(z.locales.vi());

export const WORKSPACE_FORMAT = 'chitieu-workspace';
export const WORKSPACE_VERSION = 1;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải viết dạng YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Ngày không tồn tại');
const id = z.string().min(1, 'Không được để trống').max(200).regex(/^[^\s\u0000]+$/, 'Mã/id không được chứa khoảng trắng hay ký tự NUL');
// PostgreSQL cannot store U+0000 in text: refuse it here, with the path, rather than at write time.
const noNul = (s: string) => !s.includes('\u0000');
const NUL_MESSAGE = 'Văn bản chứa ký tự NUL (U+0000), không lưu được';
const text = z.string().refine(noNul, NUL_MESSAGE).transform((s) => s.normalize('NFC'));
const nonEmptyText = z.string().trim().min(1, 'Không được để trống').refine(noNul, NUL_MESSAGE).transform((s) => s.normalize('NFC'));
const year = z.number().int('Năm phải là số nguyên').min(1945, 'Năm không hợp lệ').max(2200, 'Năm không hợp lệ');
const finite = z.number().refine(Number.isFinite, 'Phải là số hữu hạn');

export const UnitSchema = z.strictObject({
  id,
  code: z.string().min(1).nullable().default(null),
  name: nonEmptyText,
  kind: z.enum(Object.keys(UNIT_KINDS) as [keyof typeof UNIT_KINDS], { message: `Loại đơn vị phải là một trong: ${Object.keys(UNIT_KINDS).join(', ')}` }),
  validFrom: isoDate.nullable().default(null),
  validTo: isoDate.nullable().default(null),
  parents: z
    .array(z.strictObject({ parentId: id, from: isoDate.nullable().default(null), to: isoDate.nullable().default(null) }))
    .default([]),
  counterpartId: id.nullable().default(null),
  note: text.nullable().default(null),
});

export const SuccessionSchema = z.strictObject({
  from: id,
  to: id,
  kind: z.enum(['merge', 'split', 'rename'], { message: 'Kiểu kế thừa phải là merge (sáp nhập toàn bộ), split (một phần) hoặc rename (đổi tên)' }),
  share: z.number().gt(0, 'Tỷ lệ phải lớn hơn 0').max(1, 'Tỷ lệ không quá 1').nullable().default(null),
  effectiveDate: isoDate,
  legalBasis: text.nullable().default(null),
});

export const IndicatorSchema = z.strictObject({
  code: id,
  name: nonEmptyText,
  aliases: z.array(nonEmptyText).default([]),
  measureUnit: text,
  field: z.enum(Object.keys(FIELDS) as [keyof typeof FIELDS], { message: `Lĩnh vực phải là một trong: ${Object.keys(FIELDS).join(', ')}` }),
  direction: z.enum(['higher', 'lower', 'none']).default('higher'),
  valueType: z.enum(['number', 'integer', 'percent', 'boolean']).default('number'),
  timeAggregation: z.enum(['sum', 'last', 'average']),
  unitAggregation: z.enum(['sum', 'ratio', 'none']),
  ratio: z.strictObject({ numerator: id, denominator: id, scale: z.number().positive().default(100) }).nullable().default(null),
  precision: z.number().int().min(0).max(6).default(0),
  disaggregation: z
    .object({ label: nonEmptyText, options: z.array(z.strictObject({ code: id, label: nonEmptyText })).min(1) })
    .nullable()
    .default(null),
  tree: z.enum(['state', 'party']).default('state'),
  priceBasis: text.nullable().default(null),
  description: text.nullable().default(null),
});

export const BasisSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('level') }),
  z.strictObject({ kind: z.literal('change'), unit: z.enum(['pct', 'pp']), sense: z.enum(['increase', 'decrease']) }),
  z.strictObject({ kind: z.literal('cumulative') }),
  z.strictObject({ kind: z.literal('end_of_term') }),
  z.strictObject({ kind: z.literal('average'), method: z.enum(['mean', 'cagr', 'pp_per_year']) }),
  z.strictObject({ kind: z.literal('ratio_to_base'), baseIndicator: id }),
  z.strictObject({ kind: z.literal('maintain') }),
]);

export const RuleSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('min'), value: finite, strict: z.boolean().optional() }),
  z.strictObject({ op: z.literal('max'), value: finite, strict: z.boolean().optional() }),
  z.strictObject({ op: z.literal('range'), low: finite, high: finite }).refine((r) => r.low <= r.high, 'Cận dưới phải nhỏ hơn hoặc bằng cận trên'),
  z.strictObject({ op: z.literal('status') }),
]);

export const TargetSchema = z.strictObject({
  id,
  code: nonEmptyText,
  indicator: id,
  wording: nonEmptyText,
  basis: BasisSchema.default({ kind: 'level' }),
  rule: RuleSchema,
  recurrence: z.enum(['once', 'each_year']).default('once'),
  precision: z.number().int().min(0).max(6).nullable().default(null),
  field: z.enum(Object.keys(FIELDS) as [keyof typeof FIELDS]).nullable().default(null),
  yearPlans: z.record(z.string().regex(/^\d{4}$/, 'Khóa phải là năm'), finite).nullable().default(null),
  note: text.nullable().default(null),
});

export const SettingsSchema = z.strictObject({
  tolerance: z.enum(['stated_precision', 'exact']).default('stated_precision'),
  exceed: z.union([z.literal('beyond_plan'), z.number().min(100)]).default('beyond_plan'),
  basicallyMetPercent: z.number().min(0).max(100).nullable().default(null),
  recurringTermRule: z.enum(['all_years', 'average']).default('all_years'),
});

export const ResolutionSchema = z.strictObject({
  id,
  number: nonEmptyText,
  title: nonEmptyText,
  issuerId: id,
  issuedOn: isoDate.nullable().default(null),
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('term'), startYear: year, endYear: year }).refine((s) => s.endYear > s.startYear, 'Năm cuối nhiệm kỳ phải sau năm đầu'),
    z.strictObject({ kind: z.literal('year'), year }),
  ]),
  settings: SettingsSchema.default(SettingsSchema.parse({})),
  targets: z.array(TargetSchema).default([]),
});

const periodCodeSchema = z.string().transform((s, ctx) => {
  try {
    return periodCode(parsePeriod(s));
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: e instanceof PeriodError ? e.message : String(e) });
    return z.NEVER;
  }
});

export const ProvenanceSchema = z.strictObject({
  document: text.nullable().default(null),
  place: text.nullable().default(null),
  person: text.nullable().default(null),
  note: text.nullable().default(null),
});

const valueStatus = z.enum(['thuc_hien', 'uoc', 'so_bo'], { message: 'Trạng thái số liệu phải là thuc_hien, uoc hoặc so_bo' });

export const RevisionSchema = z.strictObject({
  at: z.string().datetime({ offset: true, message: 'Thời điểm phải theo ISO 8601, ví dụ 2024-12-15T08:00:00Z' }),
  by: text.nullable().default(null),
  oldValue: finite.nullable(),
  newValue: finite.nullable(),
  oldStatus: valueStatus.nullable().default(null),
  newStatus: valueStatus.nullable().default(null),
  reason: text.nullable().default(null),
});

export const ValueSchema = z.strictObject({
  indicator: id,
  unit: id,
  period: periodCodeSchema,
  option: id.nullable().default(null),
  value: finite,
  status: valueStatus.default('thuc_hien'),
  source: ProvenanceSchema.default(ProvenanceSchema.parse({})),
  revisions: z.array(RevisionSchema).default([]),
});

export const WorkspaceSchema = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT, { message: `Trường "format" phải là "${WORKSPACE_FORMAT}"` }),
  version: z.literal(WORKSPACE_VERSION, { message: `Phiên bản định dạng phải là ${WORKSPACE_VERSION}` }),
  units: z.array(UnitSchema).default([]),
  successions: z.array(SuccessionSchema).default([]),
  indicators: z.array(IndicatorSchema).default([]),
  resolutions: z.array(ResolutionSchema).default([]),
  values: z.array(ValueSchema).default([]),
});

export type WorkspaceInput = z.input<typeof WorkspaceSchema>;
export type Workspace = z.output<typeof WorkspaceSchema>;
export type WorkspaceUnit = Workspace['units'][number];
export type WorkspaceIndicator = Workspace['indicators'][number];
export type WorkspaceResolution = Workspace['resolutions'][number];
export type WorkspaceValue = Workspace['values'][number];
export type WorkspaceSuccession = Workspace['successions'][number];

/** One problem in a workspace file: where (a JSON path like `$.values[12].unit`) and what, in Vietnamese. */
export interface WorkspaceIssue {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return (
    '$' +
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
  );
}

/** Shape validation of a parsed JSON document. */
export function parseWorkspace(json: unknown): { ok: true; workspace: Workspace } | { ok: false; issues: WorkspaceIssue[] } {
  const r = WorkspaceSchema.safeParse(json);
  if (r.success) return { ok: true, workspace: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}

/** What already exists in the store, for references from an imported file. */
export interface KnownRefs {
  unitIds: ReadonlySet<string>;
  indicators: ReadonlyMap<string, { valueType: string; disaggregation: { options: { code: string }[] } | null }>;
  resolutionIds: ReadonlySet<string>;
}

export const NO_REFS: KnownRefs = { unitIds: new Set(), indicators: new Map(), resolutionIds: new Set() };

/**
 * Cross-reference checks the schema cannot express: every id named exists (in the file or the store),
 * no duplicates, values fit their indicator's type and disaggregation.
 */
export function checkReferences(ws: Workspace, known: KnownRefs = NO_REFS): WorkspaceIssue[] {
  const issues: WorkspaceIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const unitIds = new Set(known.unitIds);
  ws.units.forEach((u, i) => {
    if (unitIds.has(u.id) && !known.unitIds.has(u.id)) add(`$.units[${i}].id`, `Trùng id đơn vị "${u.id}"`);
    else if (known.unitIds.has(u.id)) add(`$.units[${i}].id`, `Đơn vị id "${u.id}" đã có trong kho dữ liệu`);
    unitIds.add(u.id);
    if (u.validFrom && u.validTo && u.validFrom > u.validTo) add(`$.units[${i}].validTo`, 'Ngày hết hiệu lực trước ngày bắt đầu hiệu lực');
  });
  ws.units.forEach((u, i) => {
    u.parents.forEach((p, j) => {
      if (!unitIds.has(p.parentId)) add(`$.units[${i}].parents[${j}].parentId`, `Không có đơn vị cấp trên id "${p.parentId}"`);
      if (p.parentId === u.id) add(`$.units[${i}].parents[${j}].parentId`, 'Đơn vị không thể là cấp trên của chính nó');
    });
    if (u.counterpartId && !unitIds.has(u.counterpartId)) add(`$.units[${i}].counterpartId`, `Không có đơn vị tương ứng id "${u.counterpartId}"`);
  });
  ws.successions.forEach((s, i) => {
    if (!unitIds.has(s.from)) add(`$.successions[${i}].from`, `Không có đơn vị id "${s.from}"`);
    if (!unitIds.has(s.to)) add(`$.successions[${i}].to`, `Không có đơn vị id "${s.to}"`);
    if (s.kind !== 'split' && s.share !== null) add(`$.successions[${i}].share`, 'Chỉ kiểu split (chia tách một phần) mới có tỷ lệ');
  });
  const indicators = new Map(known.indicators);
  ws.indicators.forEach((ind, i) => {
    if (known.indicators.has(ind.code)) add(`$.indicators[${i}].code`, `Chỉ số mã "${ind.code}" đã có trong kho dữ liệu`);
    else if (indicators.has(ind.code)) add(`$.indicators[${i}].code`, `Trùng mã chỉ số "${ind.code}"`);
    indicators.set(ind.code, ind);
  });
  ws.indicators.forEach((ind, i) => {
    if (ind.unitAggregation === 'ratio' && !ind.ratio) add(`$.indicators[${i}].ratio`, 'Chỉ số tính theo tỷ lệ cần có tử số và mẫu số (ratio)');
    if (ind.ratio) {
      for (const k of ['numerator', 'denominator'] as const)
        if (!indicators.has(ind.ratio[k])) add(`$.indicators[${i}].ratio.${k}`, `Không có chỉ số mã "${ind.ratio[k]}"`);
    }
  });
  const resolutionIds = new Set(known.resolutionIds);
  ws.resolutions.forEach((r, i) => {
    if (resolutionIds.has(r.id)) add(`$.resolutions[${i}].id`, `Nghị quyết id "${r.id}" đã có`);
    resolutionIds.add(r.id);
    if (!unitIds.has(r.issuerId)) add(`$.resolutions[${i}].issuerId`, `Không có đơn vị ban hành id "${r.issuerId}"`);
    const targetIds = new Set<string>();
    r.targets.forEach((t, j) => {
      const p = `$.resolutions[${i}].targets[${j}]`;
      if (targetIds.has(t.id)) add(`${p}.id`, `Trùng id chỉ tiêu "${t.id}"`);
      targetIds.add(t.id);
      if (!indicators.has(t.indicator)) add(`${p}.indicator`, `Không có chỉ số mã "${t.indicator}"`);
      if (t.basis.kind === 'ratio_to_base' && !indicators.has(t.basis.baseIndicator))
        add(`${p}.basis.baseIndicator`, `Không có chỉ số mã "${t.basis.baseIndicator}"`);
      if (r.scope.kind === 'year' && (t.recurrence === 'each_year' || ['cumulative', 'end_of_term', 'average'].includes(t.basis.kind)))
        add(`${p}.basis`, 'Nghị quyết năm không có chỉ tiêu lặp lại hằng năm, cộng dồn, cuối nhiệm kỳ hay bình quân nhiệm kỳ');
      if (t.rule.op === 'status' && indicators.get(t.indicator)?.valueType !== 'boolean' && t.basis.kind !== 'maintain')
        add(`${p}.rule`, 'Chỉ tiêu dạng đạt/không đạt (status) cần chỉ số kiểu boolean');
    });
  });
  const seen = new Map<string, number>();
  ws.values.forEach((v, i) => {
    const p = `$.values[${i}]`;
    const ind = indicators.get(v.indicator);
    if (!ind) add(`${p}.indicator`, `Không có chỉ số mã "${v.indicator}"`);
    if (!unitIds.has(v.unit)) add(`${p}.unit`, `Không có đơn vị id "${v.unit}"`);
    if (ind) {
      if (ind.valueType === 'integer' && !Number.isInteger(v.value)) add(`${p}.value`, `Chỉ số "${v.indicator}" nhận số nguyên, không nhận ${v.value}`);
      if (ind.valueType === 'boolean' && v.value !== 0 && v.value !== 1) add(`${p}.value`, `Chỉ số "${v.indicator}" kiểu đạt/không đạt nhận 1 hoặc 0`);
      if (v.option !== null && !ind.disaggregation?.options.some((o) => o.code === v.option))
        add(`${p}.option`, `Chỉ số "${v.indicator}" không có phân tổ "${v.option}"`);
    }
    const key = `${v.indicator}|${v.unit}|${v.period}|${v.option ?? ''}`;
    const prev = seen.get(key);
    if (prev !== undefined) add(`${p}`, `Trùng số liệu với $.values[${prev}] (cùng chỉ số, đơn vị, kỳ và phân tổ)`);
    else seen.set(key, i);
  });
  return issues;
}
