/**
 * The news brief (bản tin) for the committee's website, 300–500 words, in the register of the seed
 * articles ("Có 24/30 chỉ tiêu đạt và vượt, trong đó có 09 tiêu chí vượt…"; "Bên cạnh những kết quả đạt
 * được, … vẫn còn những tồn tại hạn chế như: …"), built from the report model: the same traced
 * sentences, never new figures. Pure.
 */
import { FIELDS, FIELD_ORDER } from '../core/indicators.ts';
import type { TargetResult } from '../core/evaluate.ts';
import { factSentence } from './build.ts';
import type { Report } from './model.ts';
import { type TargetContext, countsSentence, idsByStatus, standoutPhrase, targetSentence, writeCount } from './prose.ts';
import { type Sentence, SentenceBuilder, capitalizeFirst, citeResolution, joinSentences, lowerFirst, lowerFirstSentence } from './sentence.ts';

export type BriefParagraph = { kind: 'generated'; sentences: Sentence[] } | { kind: 'free'; text: string };

export interface Brief {
  title: Sentence;
  paragraphs: BriefParagraph[];
  words: number;
}

export const BRIEF_MIN_WORDS = 300;
export const BRIEF_MAX_WORDS = 500;

const wordsOf = (s: string) => s.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length;

function paragraphWords(p: BriefParagraph): number {
  return wordsOf(p.kind === 'free' ? p.text : p.sentences.map((s) => s.text).join(' '));
}

/** Every generated sentence of a brief (for the tracing check). */
export function briefSentences(b: Brief): Sentence[] {
  return [b.title, ...b.paragraphs.flatMap((p) => (p.kind === 'generated' ? p.sentences : []))];
}

/**
 * Builds the brief: lead, standouts, the fields, party building, shortcomings, the next period; detail
 * paragraphs are added in order of importance while the text stays under {@link BRIEF_MAX_WORDS}.
 */
export function buildBrief(r: Report): Brief {
  const ev = r.evaluation;
  const unitName = r.unit.name;
  const periodLabel = r.period.label;
  const g = idsByStatus(ev.targets);
  const ctxOf = (t: TargetResult): TargetContext => r.contexts[t.targetId]!;

  // Title: "Huyện Ngân Sơn: 24/30 chỉ tiêu năm 2024 đạt và vượt kế hoạch"
  const title = new SentenceBuilder();
  title.label(capitalize(unitName), 'unit', r.unit.id).text(': ');
  const judged = g.reached.length + g.notMet.length + g.basicallyMet.length;
  const inProgressOnly = g.inProgress.length > 0 && judged === 0;
  if (inProgressOnly) title.text('kết quả thực hiện nhiệm vụ ').label(periodLabel, 'period', r.period.code);
  else {
    writeCount(title, g.reached);
    title.text('/');
    writeCount(title, g.all);
    title.text(' chỉ tiêu ').label(periodLabel, 'period', r.period.code).text(' đạt và vượt kế hoạch');
  }

  const core: BriefParagraph[] = [];
  const leadB = new SentenceBuilder()
    .label(capitalize(periodLabel), 'period', r.period.code)
    .text(', Đảng bộ, chính quyền và Nhân dân ')
    .label(unitName, 'unit', r.unit.id)
    .text(' đã thực hiện đồng bộ, quyết liệt các nhiệm vụ, giải pháp đề ra trong ');
  citeResolution(leadB, r.resolution, true).text(', đạt được những kết quả tích cực trên các lĩnh vực.');
  const lead = leadB.build();
  const leadSentences = [lead];
  if (!inProgressOnly) leadSentences.push(countsSentence(ev.targets, ev.summary));
  const standouts = r.standoutIds.map((id) => ev.targets.find((t) => t.targetId === id)!).filter(Boolean);
  if (standouts.length > 0) {
    const b = new SentenceBuilder().text('Một số chỉ tiêu đạt cao như ');
    b.append(joinSentences(standouts.map((t) => standoutPhrase(t, ctxOf(t))), '; ')).text('.');
    leadSentences.push(b.build());
  }
  core.push({ kind: 'generated', sentences: leadSentences });

  // Detail by field, party building first (a committee's own work), at most three figures each.
  const detail: BriefParagraph[] = [];
  const order = ['xay_dung_dang', ...FIELD_ORDER.filter((f) => f !== 'xay_dung_dang')] as const;
  for (const f of order) {
    const ts = ev.targets.filter((t) => t.field === f && t.actual !== null && t.status !== 'khong_dat' && t.status !== 'co_ban_dat' && !standouts.includes(t));
    const facts = f === 'xay_dung_dang' ? r.facts.filter((x) => x.field === f && x.value !== 0) : [];
    // Facts broken down by form (discipline, inspections) say the most in few words.
    const factSentences = [...facts.filter((x) => x.options.length > 0), ...facts.filter((x) => x.options.length === 0)].slice(0, 3).map(factSentence);
    if (ts.length === 0 && factSentences.length === 0) continue;
    const intro = new SentenceBuilder().text(f === 'xay_dung_dang' ? 'Về công tác xây dựng Đảng, ' : `Về ${FIELDS[f].toLocaleLowerCase('vi')}, `);
    const targetSentences = ts.slice(0, 3).map((t) => targetSentence(t, r.indicators[t.indicator], ctxOf(t)));
    const all = [...targetSentences, ...factSentences];
    intro.append(lowerFirstSentence(all[0]!));
    detail.push({ kind: 'generated', sentences: [intro.build(), ...all.slice(1)] });
  }

  const tail: BriefParagraph[] = [];
  const missed = [...g.notMet, ...g.basicallyMet];
  if (missed.length > 0 || r.freeText.limitations) {
    const b = new SentenceBuilder().text('Bên cạnh những kết quả đạt được, trong ').label(periodLabel, 'period', r.period.code).text(' vẫn còn những tồn tại, hạn chế');
    if (missed.length > 0) {
      b.text(' như: còn ');
      writeCount(b, missed);
      b.text(' chỉ tiêu chưa đạt kế hoạch đề ra, gồm ');
      missed.forEach((t, i) => {
        if (i > 0) b.text(i === missed.length - 1 ? ' và ' : ', ');
        b.label(lowerFirst(t.name), 'target_name', t.targetId);
      });
    }
    b.text('.');
    tail.push({ kind: 'generated', sentences: [b.build()] });
    if (r.freeText.limitations) tail.push({ kind: 'free', text: firstParagraph(r.freeText.limitations) });
  }
  if (r.next) {
    const b = new SentenceBuilder()
      .label(capitalize(r.next.period.label), 'period', r.next.period.code)
      .text(', ')
      .label(unitName, 'unit', r.unit.id)
      .text(' tập trung lãnh đạo, chỉ đạo thực hiện quyết liệt các nhiệm vụ, giải pháp, phấn đấu hoàn thành ');
    b.num({ value: r.next.targets.length, kind: 'count', display: { mode: 'count', decimals: 0, absolute: false }, targetIds: r.next.targets.map((t) => t.targetId), key: 'next_targets' });
    citeResolution(b.text(' chỉ tiêu theo '), r.next.resolution, true).text('.');
    tail.push({ kind: 'generated', sentences: [b.build()] });
  }
  if (r.freeText.directions) tail.push({ kind: 'free', text: firstParagraph(r.freeText.directions) });
  const closing = new SentenceBuilder()
    .text('Đảng bộ ')
    .label(unitName, 'unit', r.unit.id)
    .text(' quyết tâm phát huy những kết quả đạt được, khắc phục tồn tại, hạn chế, phấn đấu hoàn thành thắng lợi các mục tiêu, nhiệm vụ đề ra./.')
    .build();
  tail.push({ kind: 'generated', sentences: [closing] });

  // Detail paragraphs go in while the brief stays within the word limit; a long one is cut to its first sentences.
  const words = (ps: BriefParagraph[]) => ps.reduce((s, p) => s + paragraphWords(p), 0) + wordsOf(title.build().text);
  const chosen: BriefParagraph[] = [];
  for (const p of detail) {
    const base = [...core, ...chosen, ...tail];
    if (words([...base, p]) <= BRIEF_MAX_WORDS) chosen.push(p);
    else if (p.kind === 'generated') {
      for (let k = p.sentences.length - 1; k >= 1; k--) {
        const cut: BriefParagraph = { kind: 'generated', sentences: p.sentences.slice(0, k) };
        if (words([...base, cut]) <= BRIEF_MAX_WORDS) {
          chosen.push(cut);
          break;
        }
      }
    }
  }
  const paragraphs = [...core, ...chosen, ...tail];
  return { title: title.build(), paragraphs, words: words(paragraphs) };
}

function firstParagraph(s: string): string {
  return s.split(/\r?\n/).map((x) => x.trim()).find(Boolean) ?? '';
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** The brief as plain text: the title, a blank line, paragraphs separated by blank lines. */
export function renderBriefText(b: Brief): string {
  const paras = b.paragraphs.map((p) => (p.kind === 'free' ? p.text : p.sentences.map((s) => s.text).join(' ')));
  return `${capitalizeFirst(b.title).text}\n\n${paras.join('\n\n')}\n`;
}

