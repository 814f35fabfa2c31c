/**
 * Builds the report model from the evaluation context (pure: no I/O, no clock).
 *
 * One evaluation of the governing resolution feeds every part: the counts, the sentences by field, the
 * standouts, the shortcomings and the appendix. Charts and the next period's targets read further
 * evaluations of the same model (other years, child units, the next resolution).
 */
import { type EvaluationResult, EvaluationError, STATUS_LABEL, type TargetResult, evaluateResolution, findGoverningResolution } from '../core/evaluate.ts';
import { FIELDS, FIELD_ORDER, type Field, type Indicator } from '../core/indicators.ts';
import { type Flag, Measurer } from '../core/measure.ts';
import { decimalsOf, formatViNumber, truncate } from '../core/numbers.ts';
import { type Period, calendarRange, monthSpan, periodCode, periodLabel } from '../core/periods.ts';
import type { Resolution } from '../core/resolutions.ts';
import { type Unit, UNIT_KINDS, treeOfKind, unitDisplayName } from '../core/units.ts';
import type { Model } from '../workspace/model.ts';
import {
  type DocumentLayout,
  type DocumentSettings,
  PARTY_DEFAULTS,
  STATE_DEFAULTS,
  resolveLayout,
  upperVi,
} from './layout.ts';
import {
  type Appendix,
  type AppendixRow,
  type FreeText,
  type FreeTextKey,
  type NextPlan,
  type Report,
  type ReportBlock,
  type ReportChart,
  ReportError,
  type ReportFact,
  type ReportSection,
} from './model.ts';
import { type TargetContext, countsSentence, idsByStatus, standoutPhrase, targetSentence, writeCount } from './prose.ts';
import { type Sentence, SentenceBuilder, citeResolution, joinSentences, lowerFirst, resolutionCitation } from './sentence.ts';

export interface BuildReportOptions {
  /** The unit reported on (state unit or party organisation; either finds the other through counterpartId). */
  unitId: string;
  period: Period;
  /** Resolution id or number; default: the one governing the period (annual if any, else the term's). */
  resolutionId?: string;
  /** The parts written by people, kept verbatim. */
  freeText?: FreeText;
  /** Layout overrides: standard, number, date, signer, recipients, sizes, margins… */
  document?: DocumentSettings;
  prose?: {
    /** Changes in points written "giảm 4,07%" as resolutions do (default), or "giảm 4,07 điểm %". */
    pointsAsPercent?: boolean;
    /** How many standouts to name (default 5). */
    standouts?: number;
  };
  charts?: {
    /** Indicator codes to chart over the term; default: the first standouts measured as levels. */
    indicators?: string[];
    /** At most this many term charts (default 2); 0 turns charts off. */
    max?: number;
    /** Chart by child unit for the first charted indicator (default true). */
    byChildUnit?: boolean;
  };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

const FIELD_HEADING: Record<Field, string> = {
  kinh_te: 'Lĩnh vực kinh tế',
  van_hoa_xa_hoi: 'Lĩnh vực văn hóa – xã hội',
  quoc_phong_an_ninh: 'Lĩnh vực quốc phòng – an ninh',
  xay_dung_dang: 'Công tác xây dựng Đảng và hệ thống chính trị',
};

const FLAG_NOTE: Record<Flag['code'], string> = {
  estimate: 'Số ước',
  missing_units: 'Thiếu số liệu một số đơn vị',
  rebuilt: 'Dựng lại từ đơn vị cũ',
  partial_split: 'Ước theo chia tách',
  children_mismatch: 'Lệch tổng các đơn vị',
  in_progress: 'Tiến độ so với kế hoạch cả kỳ',
};

/**
 * Builds a report for a unit and a period.
 * @throws ReportError when the unit is unknown or no resolution governs the period.
 * @example
 * const report = buildReport(model, { unitId: 'huyen-ngan-son', period: parsePeriod('2024'),
 *   freeText: { causes: '…' }, document: { number: '123', date: '2024-12-15' } });
 */
export function buildReport(model: Model, opts: BuildReportOptions): Report {
  const unit = model.ctx.units.get(opts.unitId);
  if (!unit) throw new ReportError(`Không có đơn vị id "${opts.unitId}"`);
  const period = opts.period;
  const counterpart = model.ctx.units.counterpart(unit);
  const issuerIds = [unit.id, ...(counterpart ? [counterpart.id] : [])];
  const resolution = pickResolution(model, issuerIds, period, opts.resolutionId);
  let evaluation: EvaluationResult;
  try {
    evaluation = evaluateResolution(model.ctx, resolution, unit.id, period);
  } catch (e) {
    if (e instanceof EvaluationError) throw new ReportError(e.message);
    throw e;
  }
  const indicators = model.ctx.indicators;
  const pointsAsPercent = opts.prose?.pointsAsPercent ?? true;
  const ctxOf = (t: TargetResult): TargetContext => {
    const horizon = horizonOf(resolution, t, period);
    return {
      reference: horizon === 'year' ? 'kế hoạch' : 'chỉ tiêu Nghị quyết',
      horizon,
      termPeriod: period.kind === 'term',
      pointsAsPercent,
    };
  };
  const freeText = opts.freeText ?? {};
  const nextPeriod = followingPeriod(period);
  const nextResolution = findGoverningResolution(model.resolutions, issuerIds, nextPeriod);
  const next: NextPlan | null = nextResolution
    ? {
        period: { code: periodCode(nextPeriod), label: periodLabel(nextPeriod) },
        resolution: { id: nextResolution.id, number: nextResolution.number, title: nextResolution.title, scope: nextResolution.scope },
        targets: nextResolution.targets.map((t) => ({
          targetId: t.id,
          code: t.code,
          field: t.field ?? indicators.get(t.indicator)?.field ?? 'kinh_te',
          wording: t.wording,
        })),
      }
    : null;

  const layout = defaultLayout(model, unit, resolution, period, nextPeriod, opts.document);
  const facts = measureFacts(model, unit, period, evaluation);
  const standouts = pickStandouts(evaluation.targets, opts.prose?.standouts ?? 5);
  const charts = buildCharts(model, unit, issuerIds, period, evaluation, standouts, opts.charts);

  const intro = [introSentence(resolution, period, layout)];
  const sections: ReportSection[] = [
    resultsSection(evaluation, indicators, ctxOf, standouts, facts, charts, freeText, period),
    limitationsSection(evaluation, indicators, ctxOf, freeText),
    directionsSection(next, nextPeriod, freeText),
  ];
  if (freeText.proposals) sections.push({ id: 'proposals', number: 'IV', title: 'KIẾN NGHỊ, ĐỀ XUẤT', blocks: [free('proposals', null, freeText.proposals)] });

  return {
    unit: evaluation.unit,
    period: { code: evaluation.period.code, label: evaluation.period.label, value: period },
    resolution: { id: resolution.id, number: resolution.number, title: resolution.title, scope: resolution.scope },
    layout,
    intro,
    introFree: splitParagraphs(freeText.intro),
    sections,
    appendix: buildAppendix(evaluation, indicators, resolution, period),
    charts,
    evaluation,
    facts,
    indicators: Object.fromEntries(evaluation.targets.flatMap((t) => (indicators.has(t.indicator) ? [[t.indicator, indicators.get(t.indicator)!]] : []))),
    contexts: Object.fromEntries(evaluation.targets.map((t) => [t.targetId, ctxOf(t)])),
    next,
    standoutIds: standouts.map((t) => t.targetId),
    freeText,
  };
}

function pickResolution(model: Model, issuerIds: string[], period: Period, wanted: string | undefined): Resolution {
  if (wanted !== undefined) {
    const r = model.resolutions.find((x) => x.id === wanted) ?? model.resolutions.find((x) => x.number === wanted);
    if (!r) throw new ReportError(`Không có Nghị quyết "${wanted}"`);
    return r;
  }
  const r = findGoverningResolution(model.resolutions, issuerIds, period);
  if (!r) throw new ReportError(`Không có Nghị quyết nào của đơn vị áp dụng cho ${periodLabel(period)}`);
  return r;
}

/** The span a target is judged over, as evaluate.ts decides it: a year or the term. */
function horizonOf(r: Resolution, t: TargetResult, p: Period): 'year' | 'term' {
  if (r.scope.kind === 'year') return 'year';
  if (t.recurrence === 'each_year' || t.basis.kind === 'level' || t.basis.kind === 'change' || t.basis.kind === 'ratio_to_base')
    return p.kind === 'term' ? 'term' : 'year';
  return 'term';
}

/** The period that follows: 2024 → 2025, quý I → quý II, 6 tháng đầu năm → 6 tháng cuối năm, a term → the next term. */
/**
 * The years whose figures a report needs: its period and, for the charts over the term, the years of a
 * five-year term before it (the evaluation alone needs only the period and the year before).
 */
export function reportYears(p: Period): [number, number] {
  return p.kind === 'term' ? [p.startYear, p.endYear] : [p.year - 4, p.year];
}

export function followingPeriod(p: Period): Period {
  switch (p.kind) {
    case 'year':
      return { kind: 'year', year: p.year + 1 };
    case 'quarter':
      return p.quarter === 4 ? { kind: 'quarter', year: p.year + 1, quarter: 1 } : { kind: 'quarter', year: p.year, quarter: (p.quarter + 1) as 2 | 3 | 4 };
    case 'month':
      return p.month === 12 ? { kind: 'month', year: p.year + 1, month: 1 } : { kind: 'month', year: p.year, month: p.month + 1 };
    case 'ytd':
      if (p.months === 6) return { kind: 'half', year: p.year, half: 2 };
      if (p.months === 9) return { kind: 'quarter', year: p.year, quarter: 4 };
      return { kind: 'month', year: p.year, month: p.months + 1 };
    case 'half':
      return { kind: 'year', year: p.year + 1 };
    case 'term':
      return { kind: 'term', startYear: p.endYear, endYear: p.endYear + (p.endYear - p.startYear) };
  }
}

// ---------------------------------------------------------------------------------------------
// Layout defaults from the unit

const PARTY_ISSUER: Partial<Record<Unit['kind'], { line: (name: string) => string; symbol: string; committee: string }>> = {
  dang_bo_tinh: { line: (n) => `TỈNH ỦY ${n}`, symbol: 'TU', committee: 'Tỉnh ủy' },
  dang_bo_huyen: { line: (n) => `HUYỆN ỦY ${n}`, symbol: 'HU', committee: 'Huyện ủy' },
  dang_bo_xa: { line: (n) => `ĐẢNG ỦY XÃ ${n}`, symbol: 'ĐU', committee: 'Đảng ủy' },
  dang_bo_co_so: { line: (n) => `ĐẢNG ỦY ${n}`, symbol: 'ĐU', committee: 'Đảng ủy' },
  chi_bo: { line: (n) => `CHI BỘ ${n}`, symbol: 'CB', committee: 'Chi bộ' },
};

/** The party committee that matches a state unit kind, when the party organisation is not in the data. */
const PARTY_OF_STATE: Partial<Record<Unit['kind'], Unit['kind']>> = {
  tinh: 'dang_bo_tinh',
  thanh_pho_tw: 'dang_bo_tinh',
  huyen: 'dang_bo_huyen',
  quan: 'dang_bo_huyen',
  thi_xa: 'dang_bo_huyen',
  thanh_pho: 'dang_bo_huyen',
  xa: 'dang_bo_xa',
  phuong: 'dang_bo_xa',
  thi_tran: 'dang_bo_xa',
  dac_khu: 'dang_bo_xa',
};

function defaultLayout(model: Model, unit: Unit, resolution: Resolution, period: Period, nextPeriod: Period, over: DocumentSettings | undefined): DocumentLayout {
  const units = model.ctx.units;
  const other = units.counterpart(unit);
  const party = treeOfKind(unit.kind) === 'party' ? unit : other && treeOfKind(other.kind) === 'party' ? other : null;
  const state = treeOfKind(unit.kind) === 'state' ? unit : other && treeOfKind(other.kind) === 'state' ? other : null;
  const issuer = units.get(resolution.issuerId);
  const standard = over?.standard ?? (issuer && treeOfKind(issuer.kind) === 'state' ? 'state' : 'party');
  const range = calendarRange(period);
  const onDate = range.end;
  const place = (state ?? unit).name;
  const blankDateYear = Number(range.end.slice(0, 4));
  const summary = `kết quả thực hiện các chỉ tiêu Nghị quyết ${periodLabel(period)}, phương hướng, nhiệm vụ ${periodLabel(nextPeriod)}`;

  let base: DocumentLayout;
  if (standard === 'party') {
    const kind = party?.kind ?? PARTY_OF_STATE[unit.kind] ?? 'dang_bo_huyen';
    const info = PARTY_ISSUER[kind] ?? PARTY_ISSUER.dang_bo_huyen!;
    const name = (party ?? state ?? unit).name;
    const parent = party ? units.ancestorsOn(party.id, onDate)[0] : undefined;
    const parentInfo = parent ? PARTY_ISSUER[parent.kind] : undefined;
    const superiorCommittee = parentInfo?.committee ?? 'Tỉnh ủy';
    base = {
      ...PARTY_DEFAULTS,
      header: { superior: parent ? upperVi(unitDisplayName(parent)) : '', issuer: [upperVi(info.line(name))] },
      issuerSymbol: info.symbol,
      place,
      blankDateYear,
      summary,
      signature: { authority: kind === 'chi_bo' ? 'T/M CHI BỘ' : 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: '' },
      recipients: [
        `Ban Thường vụ ${superiorCommittee} (b/c),`,
        `Các đồng chí ${info.committee === 'Chi bộ' ? 'đảng viên' : `${info.committee} viên`},`,
        ...(kind === 'chi_bo' ? [] : ['Các chi, đảng bộ trực thuộc,']),
        `Lưu Văn phòng ${info.committee}.`,
      ],
    };
  } else {
    const s = state ?? unit;
    const level = UNIT_KINDS[s.kind];
    base = {
      ...STATE_DEFAULTS,
      header: { superior: '', issuer: ['ỦY BAN NHÂN DÂN', upperVi(unitDisplayName(s))] },
      issuerSymbol: 'UBND',
      place,
      blankDateYear,
      summary,
      signature: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: '' },
      recipients: ['UBND tỉnh (b/c);', `TT Huyện ủy, TT HĐND ${level};`.replace('TT Huyện ủy', level === 'xã' ? 'TT Đảng ủy' : 'TT Huyện ủy'), 'Lưu: VT, VP.'],
    };
  }
  return resolveLayout(base, over);
}

// ---------------------------------------------------------------------------------------------
// Section I

/** Who reports, in the body: "Ban Thường vụ Huyện ủy", "Chi bộ", "Ủy ban nhân dân huyện". */
function collectiveName(layout: DocumentLayout): string {
  const issuer = layout.header.issuer.join(' ');
  const cap = (s: string) => s.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_m, a: string, c: string) => a + c.toLocaleUpperCase('vi'));
  if (layout.standard === 'state') return `Ủy ban nhân dân ${issuer.replace(/^ỦY BAN NHÂN DÂN\s*/, '').split(' ')[0]?.toLocaleLowerCase('vi') ?? ''}`.trim();
  if (/^CHI BỘ/.test(issuer)) return 'Chi bộ';
  const committee = /^(HUYỆN ỦY|TỈNH ỦY|ĐẢNG ỦY)/.exec(issuer)?.[1];
  return committee ? `Ban Thường vụ ${cap(committee).replace('Ủy', 'ủy')}` : 'Ban Thường vụ';
}

function introSentence(r: Resolution, p: Period, layout: DocumentLayout): Sentence {
  const who = collectiveName(layout);
  const b = new SentenceBuilder();
  citeResolution(b.text('Thực hiện '), r).text(', ');
  b.text(`${who} báo cáo kết quả thực hiện các chỉ tiêu `).label(periodLabel(p), 'period', periodCode(p)).text(' như sau:');
  return b.build();
}

function pickStandouts(targets: readonly TargetResult[], n: number): TargetResult[] {
  return targets
    .filter((t) => t.status === 'vuot' && t.actual !== null && (t.percentOfPlan !== null || t.basis.kind === 'change'))
    .sort((a, b) => (b.percentOfPlan ?? 0) - (a.percentOfPlan ?? 0))
    .slice(0, n);
}

const para = (sentences: Sentence[], bullet = false): ReportBlock => ({ kind: 'paragraph', sentences, ...(bullet ? { bullet } : {}) });

function splitParagraphs(s: string | undefined): string[] {
  if (!s) return [];
  return s
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function free(key: FreeTextKey, title: string | null, text: string): ReportBlock {
  return { kind: 'free_text', key, title, paragraphs: splitParagraphs(text) };
}

function resultsSection(
  ev: EvaluationResult,
  indicators: ReadonlyMap<string, Indicator>,
  ctxOf: (t: TargetResult) => TargetContext,
  standouts: TargetResult[],
  facts: ReportFact[],
  charts: ReportChart[],
  freeText: FreeText,
  period: Period,
): ReportSection {
  const blocks: ReportBlock[] = [];
  const s = ev.summary;
  const judged = s.exceeded + s.met + s.basicallyMet + s.notMet;
  if (s.inProgress > 0 && judged === 0) {
    const g = idsByStatus(ev.targets);
    const b = new SentenceBuilder();
    b.text('Trong ').label(periodLabel(period), 'period', periodCode(period)).text(', ');
    writeCount(b, g.inProgress);
    b.text(' chỉ tiêu của Nghị quyết đang trong kỳ thực hiện; kết quả dưới đây là tiến độ so với kế hoạch của cả kỳ, chưa phải kết quả đánh giá cuối kỳ');
    if (g.noData.length > 0) {
      b.text('; ');
      writeCount(b, g.noData);
      b.text(' chỉ tiêu chưa có số liệu');
    }
    b.text('.');
    blocks.push(para([b.build()]));
  } else blocks.push(para([countsSentence(ev.targets, s)]));
  if (standouts.length > 0) {
    const b = new SentenceBuilder().text(standouts.length > 1 ? 'Một số chỉ tiêu đạt cao như: ' : 'Chỉ tiêu đạt cao: ');
    b.append(joinSentences(standouts.map((t) => standoutPhrase(t, ctxOf(t))), '; ')).text('.');
    blocks[0] = para([...(blocks[0] as { sentences: Sentence[] }).sentences, b.build()]);
  }
  for (const c of charts) if (c.kind === 'term_years') blocks.push({ kind: 'chart', chartId: c.id });

  let n = 0;
  for (const f of FIELD_ORDER) {
    const ts = ev.targets.filter((t) => t.field === f);
    const fieldFacts = facts.filter((x) => x.field === f);
    if (ts.length === 0 && fieldFacts.length === 0) continue;
    blocks.push({ kind: 'heading', text: `${++n}. ${FIELD_HEADING[f]}` });
    const c = s.byField[f];
    if (c && ts.length > 0) {
      const judgedHere = c.exceeded + c.met + c.basicallyMet + c.notMet;
      if (judgedHere > 0) blocks.push(para([countsSentence(ts, c, `${FIELD_HEADING[f]} có `, true)]));
    }
    const shown = ts.filter((t) => t.status !== 'khong_dat' && t.status !== 'co_ban_dat' && t.status !== 'chua_co_so_lieu');
    for (const t of shown) blocks.push(para([targetSentence(t, indicators.get(t.indicator), ctxOf(t))], true));
    const missedHere = ts.filter((t) => t.status === 'khong_dat' || t.status === 'co_ban_dat');
    const noDataHere = ts.filter((t) => t.status === 'chua_co_so_lieu');
    if (missedHere.length > 0 || noDataHere.length > 0) {
      const b = new SentenceBuilder();
      if (missedHere.length > 0) {
        b.text('Có ');
        writeCount(b, missedHere);
        b.text(' chỉ tiêu của lĩnh vực chưa đạt, nêu tại phần tồn tại, hạn chế');
      }
      if (noDataHere.length > 0) {
        b.text(missedHere.length > 0 ? '; ' : 'Có ');
        writeCount(b, noDataHere);
        b.text(' chỉ tiêu chưa có số liệu ').label(periodLabel(period), 'period', periodCode(period));
      }
      blocks.push(para([b.text('.').build()]));
    }
    for (const x of fieldFacts) blocks.push(para([factSentence(x)], true));
  }
  for (const c of charts) if (c.kind === 'child_units') blocks.push({ kind: 'chart', chartId: c.id });
  if (freeText.achievements) blocks.push(free('achievements', null, freeText.achievements));
  return { id: 'results', number: 'I', title: 'KẾT QUẢ ĐẠT ĐƯỢC', blocks };
}

/** "Số đảng viên bị thi hành kỷ luật: 17 đảng viên (khiển trách 10, cảnh cáo 02, khai trừ 05)." */
export function factSentence(x: ReportFact): Sentence {
  const b = new SentenceBuilder();
  b.label(x.name, 'indicator_name', x.indicator).text(': ');
  if (x.value === 0) return b.text('không có.').build();
  if (x.estimate) b.text('ước ');
  const display = x.integer ? ({ mode: 'count', decimals: 0, absolute: false } as const) : ({ mode: 'round', decimals: 2, absolute: false } as const);
  b.num({ value: x.value, kind: 'fact', display, sources: x.sources, key: x.indicator });
  if (x.unit) {
    if (!x.unit.startsWith('%')) b.text(' ');
    b.label(x.unit, 'measure_unit', x.indicator);
  }
  const opts = x.options.filter((o) => o.value !== 0);
  if (opts.length > 0) {
    b.text(' (');
    opts.forEach((o, i) => {
      if (i > 0) b.text(', ');
      b.label(lowerFirst(o.label), 'option', `${x.indicator}:${o.code}`).text(' ');
      b.num({ value: o.value, kind: 'fact', display, sources: o.sources, key: `${x.indicator}:${o.code}` });
    });
    b.text(')');
  }
  return b.text('.').build();
}

/**
 * Figures of party building that are not targets (inspections, discipline by form, staffing…): every
 * indicator of the field "xây dựng Đảng" with a figure for the unit over the period.
 */
function measureFacts(model: Model, unit: Unit, period: Period, ev: EvaluationResult): ReportFact[] {
  const used = new Set(ev.targets.map((t) => t.indicator));
  const m = new Measurer(model.ctx);
  const span = monthSpan(period);
  const out: ReportFact[] = [];
  for (const ind of model.ctx.indicators.values()) {
    if (ind.field !== 'xay_dung_dang' || used.has(ind.code) || ind.valueType === 'boolean') continue;
    const subject = m.subjectUnit(ind, unit);
    const total = m.measure(ind.code, subject.id, span);
    if (!total) continue;
    const options = (ind.disaggregation?.options ?? []).flatMap((o) => {
      const x = m.measure(ind.code, subject.id, span, o.code);
      return x ? [{ code: o.code, label: o.label, value: x.value, sources: x.sources }] : [];
    });
    out.push({
      indicator: ind.code,
      name: ind.name,
      unit: ind.measureUnit,
      field: ind.field,
      value: total.value,
      integer: ind.valueType === 'integer',
      estimate: total.flags.some((f) => f.code === 'estimate'),
      sources: total.sources,
      options,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Section II

function limitationsSection(
  ev: EvaluationResult,
  indicators: ReadonlyMap<string, Indicator>,
  ctxOf: (t: TargetResult) => TargetContext,
  freeText: FreeText,
): ReportSection {
  const blocks: ReportBlock[] = [];
  const g = idsByStatus(ev.targets);
  const missed = [...g.notMet, ...g.basicallyMet];
  if (missed.length > 0) {
    const b = new SentenceBuilder().text('Còn ');
    writeCount(b, g.notMet);
    b.text(' chỉ tiêu không đạt kế hoạch đề ra');
    if (g.basicallyMet.length > 0) {
      b.text(' và ');
      writeCount(b, g.basicallyMet);
      b.text(' chỉ tiêu cơ bản đạt');
    }
    b.text(', gồm:');
    blocks.push(para([b.build()]));
    for (const t of missed) blocks.push(para([targetSentence(t, indicators.get(t.indicator), ctxOf(t))], true));
  } else if (g.inProgress.length === 0 && g.noData.length === 0) {
    blocks.push(para([new SentenceBuilder().text('Các chỉ tiêu đều đạt và vượt kế hoạch đề ra.').build()]));
  }
  if (g.noData.length > 0) {
    const b = new SentenceBuilder().text('Có ');
    writeCount(b, g.noData);
    b.text(' chỉ tiêu chưa có số liệu để đánh giá: ');
    g.noData.forEach((t, i) => {
      if (i > 0) b.text('; ');
      b.label(lowerFirst(t.name), 'target_name', t.targetId);
    });
    blocks.push(para([b.text('.').build()]));
  }
  const estimated = ev.targets.filter((t) => t.flags.some((f) => f.code === 'estimate'));
  if (estimated.length > 0) {
    const b = new SentenceBuilder().text('Số liệu của ');
    writeCount(b, estimated);
    b.text(' chỉ tiêu là số ước thực hiện, cần cập nhật khi có số liệu chính thức: ');
    estimated.forEach((t, i) => {
      if (i > 0) b.text('; ');
      b.label(lowerFirst(t.name), 'target_name', t.targetId);
    });
    blocks.push(para([b.text('.').build()]));
  }
  const incomplete = ev.targets.filter((t) => t.flags.some((f) => f.code === 'missing_units'));
  if (incomplete.length > 0) {
    const b = new SentenceBuilder().text('Số liệu của ');
    writeCount(b, incomplete);
    b.text(' chỉ tiêu chưa đủ báo cáo của các đơn vị trực thuộc: ');
    incomplete.forEach((t, i) => {
      if (i > 0) b.text('; ');
      b.label(lowerFirst(t.name), 'target_name', t.targetId);
    });
    blocks.push(para([b.text('.').build()]));
  }
  if (freeText.limitations) blocks.push(free('limitations', null, freeText.limitations));
  if (freeText.causes) blocks.push(free('causes', 'Nguyên nhân', freeText.causes));
  return { id: 'limitations', number: 'II', title: 'TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN', blocks };
}

// ---------------------------------------------------------------------------------------------
// Section III

function directionsSection(next: NextPlan | null, nextPeriod: Period, freeText: FreeText): ReportSection {
  const blocks: ReportBlock[] = [];
  if (next) {
    const b = new SentenceBuilder()
      .text('Tiếp tục thực hiện ');
    citeResolution(b, next.resolution)
      .text(', phấn đấu hoàn thành các chỉ tiêu chủ yếu ')
      .label(next.period.label, 'period', next.period.code)
      .text(':');
    blocks.push(para([b.build()]));
    let n = 0;
    for (const f of FIELD_ORDER) {
      const ts = next.targets.filter((t) => t.field === f);
      if (ts.length === 0) continue;
      blocks.push({ kind: 'heading', text: `${++n}. ${FIELD_HEADING[f]}` });
      ts.forEach((t, i) => {
        const w = t.wording.replace(/[.;,]\s*$/, '');
        const s = new SentenceBuilder().label(w, 'target_wording', t.targetId).text(i === ts.length - 1 ? '.' : ';').build();
        blocks.push(para([s], true));
      });
    }
  } else {
    const b = new SentenceBuilder()
      .text('Phấn đấu hoàn thành các mục tiêu, chỉ tiêu ')
      .label(periodLabel(nextPeriod), 'period', periodCode(nextPeriod))
      .text(' theo nghị quyết, kế hoạch được cấp có thẩm quyền ban hành.');
    blocks.push(para([b.build()]));
  }
  if (freeText.directions) blocks.push(free('directions', 'Nhiệm vụ, giải pháp trọng tâm', freeText.directions));
  return { id: 'directions', number: 'III', title: `PHƯƠNG HƯỚNG, NHIỆM VỤ ${upperVi(periodLabel(nextPeriod))}`, blocks };
}

// ---------------------------------------------------------------------------------------------
// Appendix

/** The plan as a table writes it: "450", "< 1", "≤ 50", "3,5 – 4", "Đạt". */
export function planCellText(t: Pick<TargetResult, 'rule' | 'plan' | 'planHigh'>, decimals: number): string {
  if (t.rule.op === 'status') return 'Đạt';
  if (t.plan === null) return '—';
  const f = (v: number) => formatViNumber(v, { maxDecimals: decimals });
  if (t.planHigh !== null) return `${f(t.plan)} – ${f(t.planHigh)}`;
  const r = t.rule;
  const sign = r.op === 'max' ? (r.strict ? '< ' : '≤ ') : r.op === 'min' && r.strict ? '> ' : '';
  return sign + f(t.plan);
}

function decimalsFor(t: TargetResult, ind: Indicator | undefined): number {
  const ds = [ind?.precision ?? 0, t.actual !== null ? decimalsOf(t.actual) : 0, t.plan !== null ? decimalsOf(t.plan) : 0];
  return Math.min(2, Math.max(...ds));
}

function buildAppendix(ev: EvaluationResult, indicators: ReadonlyMap<string, Indicator>, r: Resolution, p: Period): Appendix {
  const groups = FIELD_ORDER.filter((f) => ev.targets.some((t) => t.field === f)).map((f, gi) => ({
    field: f,
    number: ROMAN[gi] ?? String(gi + 1),
    title: upperVi(FIELDS[f]),
    rows: ev.targets
      .filter((t) => t.field === f)
      .map((t, i): AppendixRow => {
        const ind = indicators.get(t.indicator);
        const d = decimalsFor(t, ind);
        const fmt = (v: number | null) => (v === null ? '' : formatViNumber(v, { maxDecimals: d }));
        const status = t.rule.op === 'status';
        const level = t.basis.kind === 'level' && !status;
        return {
          targetId: t.targetId,
          no: i + 1,
          code: t.code,
          name: t.name,
          wording: t.wording,
          unit: t.actualUnit,
          plan: t.plan,
          planHigh: t.planHigh,
          planText: planCellText(t, d),
          actual: t.actual,
          actualText: t.actual === null ? 'Chưa có số liệu' : status ? (t.actual !== 0 ? 'Đạt' : 'Chưa đạt') : fmt(t.actual),
          percentOfPlan: t.percentOfPlan,
          // Truncated, never rounded up: a missed target must not show 100,0%.
          percentText: t.percentOfPlan === null ? '' : `${formatViNumber(truncate(t.percentOfPlan, 1), { maxDecimals: 1 })}%`,
          // The same period is the indicator's level a year before: shown only where the actual is that level.
          samePeriodValue: level ? t.samePeriodValue : null,
          samePeriodText: level ? fmt(t.samePeriodValue) : '',
          samePeriodPercent: level ? t.samePeriodPercent : null,
          samePeriodPercentText: !level || t.samePeriodPercent === null ? '' : `${formatViNumber(t.samePeriodPercent, { maxDecimals: 1 })}%`,
          status: t.status,
          statusLabel: STATUS_LABEL[t.status],
          note: [...new Set(t.flags.map((fl) => FLAG_NOTE[fl.code]))].join('; '),
          decimals: d,
          estimate: t.flags.some((fl) => fl.code === 'estimate'),
          sources: t.sources,
        };
      }),
  }));
  return {
    title: 'PHỤ LỤC',
    subtitle: `Kết quả thực hiện các chỉ tiêu ${resolutionCitation(r, true)} ${periodLabel(p)}`,
    columns: [
      { key: 'no', label: 'TT' },
      { key: 'name', label: 'Chỉ tiêu' },
      { key: 'unit', label: 'Đơn vị tính' },
      { key: 'plan', label: 'Kế hoạch' },
      { key: 'actual', label: 'Thực hiện' },
      { key: 'percent', label: '% KH' },
      { key: 'samePeriod', label: 'Cùng kỳ' },
      { key: 'samePeriodPercent', label: 'So cùng kỳ' },
      { key: 'status', label: 'Đánh giá' },
      { key: 'note', label: 'Ghi chú' },
    ],
    groups,
  };
}

// ---------------------------------------------------------------------------------------------
// Charts

function buildCharts(
  model: Model,
  unit: Unit,
  issuerIds: string[],
  period: Period,
  ev: EvaluationResult,
  standouts: TargetResult[],
  opts: BuildReportOptions['charts'],
): ReportChart[] {
  const max = opts?.max ?? 2;
  if (max <= 0) return [];
  const levelTargets = ev.targets.filter((t) => t.basis.kind === 'level' && t.rule.op !== 'status' && t.plan !== null && t.actual !== null);
  // Standouts in the resolution's own order (it lists the main targets first), not by how far above
  // plan they are: 300% of one new cooperative says less in a chart than forest planting over the term.
  const standoutsInOrder = levelTargets.filter((t) => standouts.includes(t));
  const candidates = opts?.indicators ?? [...new Set([...standoutsInOrder, ...levelTargets].map((t) => t.indicator))];
  const out: ReportChart[] = [];
  const reportYear = period.kind === 'term' ? period.endYear : period.year;
  const term = model.resolutions.find(
    (r) => issuerIds.includes(r.issuerId) && r.scope.kind === 'term' && r.scope.startYear < reportYear && reportYear <= r.scope.endYear,
  );
  const m = new Measurer(model.ctx);
  // The plan of a year: the level target on the indicator in the resolution governing that year.
  const planOf = (code: string, y: number): number | null => {
    const r = findGoverningResolution(model.resolutions, issuerIds, { kind: 'year', year: y });
    const t = r?.targets.find((x) => x.indicator === code && x.basis.kind === 'level' && x.recurrence === 'once');
    const each = r?.targets.find((x) => x.indicator === code && x.recurrence === 'each_year');
    const pick = t ?? each;
    if (!pick) return null;
    const yp = pick.yearPlans?.[String(y)];
    if (yp !== undefined) return yp;
    return pick.rule.op === 'min' || pick.rule.op === 'max' ? pick.rule.value : pick.rule.op === 'range' ? pick.rule.low : null;
  };
  const charted: string[] = [];
  if (term && term.scope.kind === 'term') {
    const years: number[] = [];
    for (let y = term.scope.startYear + 1; y <= Math.min(term.scope.endYear, reportYear); y++) years.push(y);
    const partial = period.kind !== 'year' && period.kind !== 'term';
    const built: ReportChart[] = [];
    for (const code of candidates) {
      const ind = model.ctx.indicators.get(code);
      if (!ind || years.length < 2) continue;
      const subject = m.subjectUnit(ind, unit).id;
      const actual: (number | null)[] = [];
      const plan: (number | null)[] = [];
      const sources: string[] = [];
      for (const y of years) {
        // The report's own year shows the period reported (quý I/2025 against the plan of 2025).
        const span = y === reportYear && partial ? monthSpan(period) : monthSpan({ kind: 'year', year: y });
        const x = m.measure(code, subject, span);
        actual.push(x?.value ?? null);
        plan.push(planOf(code, y));
        if (x) sources.push(...x.sources);
      }
      if (actual.filter((v) => v !== null).length < 2 || plan.every((v) => v === null)) continue;
      built.push({
        id: `term-${code}`,
        kind: 'term_years',
        title: `${ind.name}: thực hiện so với kế hoạch, ${years[0]} – ${years[years.length - 1]}${partial ? ` (năm ${reportYear}: ${periodLabel(period)})` : ''}`,
        unit: ind.measureUnit,
        categories: years.map(String),
        series: [
          { name: 'Kế hoạch', role: 'plan', values: plan },
          { name: 'Thực hiện', role: 'actual', values: actual },
        ],
        sources: [...new Set(sources)],
        indicator: code,
      });
    }
    // The charts with the most years of figures, in the candidates' order among equals: a chart of two
    // bars out of four years says less than a full one.
    const yearsWithFigures = (c: ReportChart) => c.series.find((x) => x.role === 'actual')!.values.filter((v) => v !== null).length;
    for (const c of [...built].sort((a, b) => yearsWithFigures(b) - yearsWithFigures(a)).slice(0, max)) {
      charted.push(c.indicator);
      out.push(c);
    }
  }
  if (opts?.byChildUnit !== false) {
    for (const code of [...charted, ...candidates]) {
      const chart = childUnitChart(model, unit, period, code);
      if (chart) {
        out.push(chart);
        break;
      }
    }
  }
  return out;
}

function childUnitChart(model: Model, unit: Unit, period: Period, code: string): ReportChart | null {
  const ind = model.ctx.indicators.get(code);
  if (!ind) return null;
  const m = new Measurer(model.ctx);
  const subject = m.subjectUnit(ind, unit);
  const range = calendarRange(period);
  const children = model.ctx.units.childrenDuring(subject.id, range.start, range.end);
  const span = monthSpan(period);
  const rows: { name: string; actual: number; plan: number | null; sources: string[] }[] = [];
  for (const c of children) {
    const x = m.measure(code, c.id, span);
    if (!x) continue;
    // The child's own plan, when its committee's resolution has a target on the same indicator.
    let plan: number | null = null;
    const cp = model.ctx.units.counterpart(c);
    const r = findGoverningResolution(model.resolutions, [c.id, ...(cp ? [cp.id] : [])], period);
    if (r) {
      try {
        plan = evaluateResolution(model.ctx, r, c.id, period).targets.find((t) => t.indicator === code && t.basis.kind === 'level')?.plan ?? null;
      } catch (e) {
        if (!(e instanceof EvaluationError)) throw e;
      }
    }
    rows.push({ name: c.name, actual: x.value, plan, sources: x.sources });
  }
  if (rows.length < 2) return null;
  const hasPlan = rows.some((r) => r.plan !== null);
  return {
    id: `units-${code}`,
    kind: 'child_units',
    title: `${ind.name} theo đơn vị, ${periodLabel(period)}`,
    unit: ind.measureUnit,
    categories: rows.map((r) => r.name),
    series: [
      ...(hasPlan ? [{ name: 'Kế hoạch', role: 'plan' as const, values: rows.map((r) => r.plan) }] : []),
      { name: 'Thực hiện', role: 'actual' as const, values: rows.map((r) => r.actual) },
    ],
    sources: rows.flatMap((r) => r.sources),
    indicator: code,
  };
}
