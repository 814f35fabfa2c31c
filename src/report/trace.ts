/**
 * Checks that generated prose states no number that is not in the evaluation (pure; used by the tests
 * and available to callers who want to verify a report before it is signed).
 *
 * Every number found in a sentence by {@link VI_NUMBER_RE} must be either inside a verbatim label copied
 * from the data (a year in "năm 2024", a resolution number) or a {@link TracedNumber} at that place, whose
 * text is its value formatted again, whose value is the field of the evaluation it claims to be, and whose
 * sources are ids of stored values behind that field.
 */
import type { TargetResult } from '../core/evaluate.ts';
import { parsePeriod, periodLabel } from '../core/periods.ts';
import type { Report } from './model.ts';
import { type Sentence, type TracedNumber, VI_NUMBER_RE, formatTraced } from './sentence.ts';

/** Every sentence of generated prose in a report (intro, sections). */
export function reportSentences(r: Report): Sentence[] {
  const out = [...r.intro];
  for (const s of r.sections) for (const b of s.blocks) if (b.kind === 'paragraph') out.push(...b.sentences);
  return out;
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
};

const eqFirstCaseInsensitive = (a: string, b: string) =>
  a.length === b.length && a.slice(1) === b.slice(1) && a.charAt(0).toLocaleLowerCase('vi') === b.charAt(0).toLocaleLowerCase('vi');

/**
 * Returns the problems found (empty when every number is traced).
 * @param known optional extra check that a value id exists in the stored data.
 */
export function checkTrace(r: Report, sentences: readonly Sentence[], known?: (valueId: string) => boolean): string[] {
  const issues: string[] = [];
  const targets = new Map<string, TargetResult>(r.evaluation.targets.map((t) => [t.targetId, t]));
  const nextTargets = new Map((r.next?.targets ?? []).map((t) => [t.targetId, t]));
  const facts = new Map<string, { value: number; sources: string[] }>();
  for (const f of r.facts) {
    facts.set(f.indicator, f);
    for (const o of f.options) facts.set(`${f.indicator}:${o.code}`, o);
  }
  const resolutionTexts = new Set([r.resolution.number, r.resolution.title, ...(r.next ? [r.next.resolution.number, r.next.resolution.title] : [])]);
  const units = new Set<string>();
  for (const t of r.evaluation.targets) units.add(t.actualUnit).add(t.actualUnit.replace('điểm %', '%')).add(t.measureUnit);
  for (const f of r.facts) units.add(f.unit);

  for (const s of sentences) {
    const where = `"${s.text.slice(0, 80)}…"`;
    for (const l of s.labels) {
      if (s.text.slice(l.start, l.end) !== l.text) issues.push(`${where}: nhãn "${l.text}" không đúng vị trí`);
      let ok: boolean;
      switch (l.kind) {
        case 'period':
          ok = eqFirstCaseInsensitive(l.text, periodLabel(parsePeriod(l.ref)));
          break;
        case 'resolution':
          ok = [...resolutionTexts].some((x) => eqFirstCaseInsensitive(l.text, x));
          break;
        case 'target_name': {
          const t = targets.get(l.ref);
          ok = !!t && eqFirstCaseInsensitive(l.text, t.name);
          break;
        }
        case 'target_wording': {
          const t = nextTargets.get(l.ref);
          ok = !!t && t.wording.startsWith(l.text);
          break;
        }
        case 'measure_unit':
          ok = units.has(l.text);
          break;
        case 'indicator_name':
          ok = r.facts.some((f) => f.indicator === l.ref && eqFirstCaseInsensitive(l.text, f.name));
          break;
        case 'option': {
          const [code, opt] = l.ref.split(':');
          ok = r.facts.some((f) => f.indicator === code && f.options.some((o) => o.code === opt && eqFirstCaseInsensitive(o.label, l.text)));
          break;
        }
        case 'unit':
          ok = eqFirstCaseInsensitive(l.text, r.unit.name);
          break;
      }
      if (!ok) issues.push(`${where}: nhãn ${l.kind} "${l.text}" không khớp dữ liệu (${l.ref})`);
    }
    for (const m of s.text.matchAll(VI_NUMBER_RE)) {
      const start = m.index;
      const end = start + m[0].length;
      if (s.labels.some((l) => l.start <= start && end <= l.end)) continue;
      const n = s.numbers.find((x) => x.start === start);
      if (!n || n.text !== m[0]) issues.push(`${where}: số "${m[0]}" (vị trí ${start}) không có nguồn`);
    }
    for (const n of s.numbers) issues.push(...checkNumber(n, where, targets, facts, nextTargets, known));
  }
  return issues;
}

function checkNumber(
  n: TracedNumber,
  where: string,
  targets: Map<string, TargetResult>,
  facts: Map<string, { value: number; sources: string[] }>,
  nextTargets: Map<string, unknown>,
  known: ((id: string) => boolean) | undefined,
): string[] {
  const issues: string[] = [];
  const say = (m: string) => issues.push(`${where}: số "${n.text}" (${n.kind}) ${m}`);
  const f = formatTraced(n.value, n.display);
  if (f.text !== n.text) say(`viết sai: giá trị ${n.value} phải viết "${f.text}"`);
  if (n.qualifier !== null && n.qualifier !== f.qualifier) say('có chữ "hơn" nhưng giá trị không lớn hơn số ghi');
  const t = n.targetIds.length === 1 ? targets.get(n.targetIds[0]!) : undefined;
  const expect = (v: number | null | undefined, label: string) => {
    if (v === null || v === undefined || v !== n.value) say(`không bằng ${label} của chỉ tiêu (${String(v)})`);
  };
  const needSources = (expected?: readonly string[]) => {
    if (n.sources.length === 0) say('không có nguồn số liệu');
    if (expected && !sameSet(n.sources, expected)) say('nguồn không khớp với kết quả đánh giá');
    if (known) for (const id of n.sources) if (!known(id)) say(`nguồn "${id}" không có trong số liệu`);
  };
  switch (n.kind) {
    case 'actual':
      if (!t) return [...issues, `${where}: số "${n.text}" không gắn với chỉ tiêu`];
      expect(t.actual, 'thực hiện');
      needSources(t.sources);
      break;
    case 'plan':
    case 'planHigh':
      if (!t) return [...issues, `${where}: số "${n.text}" không gắn với chỉ tiêu`];
      expect(n.kind === 'plan' ? t.plan : t.planHigh, 'kế hoạch');
      break;
    case 'planLevel':
      if (!t) return [...issues, `${where}: số "${n.text}" không gắn với chỉ tiêu`];
      expect(t.planLevel, 'kế hoạch quy ra số lượng');
      break;
    case 'percentOfPlan':
      if (!t) return [...issues, `${where}: số "${n.text}" không gắn với chỉ tiêu`];
      expect(t.percentOfPlan, '% kế hoạch');
      needSources(t.sources);
      break;
    case 'level':
      if (!t) return [...issues, `${where}: số "${n.text}" không gắn với chỉ tiêu`];
      expect(t.level, 'mức đạt');
      needSources();
      break;
    case 'samePeriodValue':
    case 'samePeriodPercent':
    case 'samePeriodChange':
      if (!t) return [...issues, `${where}: số "${n.text}" không gắn với chỉ tiêu`];
      expect(n.kind === 'samePeriodValue' ? t.samePeriodValue : n.kind === 'samePeriodPercent' ? t.samePeriodPercent : t.samePeriodChange?.value, 'cùng kỳ');
      needSources([...t.sources, ...t.samePeriodSources]);
      break;
    case 'count': {
      if (n.key === 'years_met' || n.key === 'years_total') {
        if (!t?.years) return [...issues, `${where}: số năm "${n.text}" không gắn với chỉ tiêu theo năm`];
        expect(n.key === 'years_total' ? t.years.length : t.years.filter((y) => y.status === 'vuot' || y.status === 'dat').length, 'số năm');
        break;
      }
      if (n.key === 'next_targets') {
        // The targets of the next period's resolution: a count of plan items, with no measured values.
        if (n.value !== nextTargets.size || !sameSet(n.targetIds, [...nextTargets.keys()])) say('không bằng số chỉ tiêu kỳ tới');
        break;
      }
      if (n.value !== n.targetIds.length) say(`không bằng số chỉ tiêu được đếm (${n.targetIds.length})`);
      for (const id of n.targetIds) if (!targets.has(id) && !nextTargets.has(id)) say(`đếm chỉ tiêu "${id}" không có trong kết quả`);
      // A count cites the values behind the targets it counts; targets without data have none.
      const behind = [...new Set(n.targetIds.flatMap((id) => targets.get(id)?.sources ?? []))];
      if (behind.length > 0) needSources(behind);
      else if (n.sources.length > 0) say('có nguồn nhưng các chỉ tiêu được đếm không có số liệu');
      break;
    }
    case 'fact': {
      const x = n.key !== undefined ? facts.get(n.key) : undefined;
      if (!x) return [...issues, `${where}: số "${n.text}" không gắn với số liệu nào`];
      if (x.value !== n.value) say(`không bằng số liệu (${x.value})`);
      needSources(x.sources);
      break;
    }
  }
  return issues;
}
