/**
 * The readable Vietnamese table `chitieu evaluate` prints by default.
 */
import type { EvaluationResult, Status, TargetResult } from '../core/evaluate.ts';
import { FIELDS, FIELD_ORDER } from '../core/indicators.ts';
import type { FlagCode } from '../core/measure.ts';
import { formatViNumber, formatViPercent } from '../core/numbers.ts';
import { statusLabel, summarySentence } from '../core/phrases.ts';

const FLAG_LABEL: Record<FlagCode, string> = {
  estimate: 'có số ước',
  missing_units: 'thiếu đơn vị',
  rebuilt: 'dựng lại từ đơn vị cũ',
  partial_split: 'ước theo chia tách',
  children_mismatch: 'lệch tổng đơn vị',
  in_progress: 'tiến độ',
};

const STATUS_MARK: Record<Status, string> = {
  vuot: '▲',
  dat: '●',
  co_ban_dat: '◐',
  khong_dat: '✗',
  chua_co_so_lieu: '·',
  dang_thuc_hien: '…',
};

function cut(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function planText(t: TargetResult): string {
  if (t.rule.op === 'status') return 'đạt';
  if (t.plan === null) return '—';
  if (t.planHigh !== null) return `${formatViNumber(t.plan)}–${formatViNumber(t.planHigh)}`;
  const sign = t.rule.op === 'max' ? (t.rule.strict ? '< ' : '≤ ') : t.rule.op === 'min' && t.rule.strict ? '> ' : '';
  return sign + formatViNumber(t.plan);
}

function actualText(t: TargetResult): string {
  if (t.actual === null) return '—';
  if (t.rule.op === 'status') return t.actual ? 'có' : 'không';
  return formatViNumber(t.actual);
}

/** Renders an evaluation as fixed-width text for a terminal. */
export function renderEvaluationTable(r: EvaluationResult): string {
  const lines: string[] = [];
  lines.push(`Đánh giá: ${r.unit.name} — ${r.period.label}`);
  lines.push(`Nghị quyết: ${r.resolution.number} — ${r.resolution.title}`);
  lines.push(summarySentence(r.summary));
  const fields = FIELD_ORDER.filter((f) => r.summary.byField[f])
    .map((f) => {
      const c = r.summary.byField[f]!;
      return `${FIELDS[f]} ${c.exceeded + c.met}/${c.total}`;
    })
    .join('; ');
  if (fields) lines.push(`Theo lĩnh vực (đạt và vượt/tổng): ${fields}.`);
  lines.push('');
  const header = ['Mã', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch', 'Thực hiện', '% KH', 'Cùng kỳ', 'Đánh giá', 'Ghi chú'];
  const rows: string[][] = [];
  for (const f of FIELD_ORDER) {
    const ts = r.targets.filter((t) => t.field === f);
    if (ts.length === 0) continue;
    rows.push([`— ${FIELDS[f].toUpperCase()}`]);
    for (const t of ts)
      rows.push([
        t.code,
        cut(t.name, 44),
        cut(t.actualUnit, 12),
        planText(t),
        actualText(t),
        t.percentOfPlan === null ? '' : formatViPercent(t.percentOfPlan),
        t.samePeriodPercent === null ? '' : formatViPercent(t.samePeriodPercent),
        `${STATUS_MARK[t.status]} ${statusLabel(t)}`,
        t.flags.map((fl) => FLAG_LABEL[fl.code]).join(', '),
      ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.filter((row) => row.length > 1).map((row) => (row[i] ?? '').length)));
  const right = new Set([3, 4, 5, 6]);
  const fmt = (row: string[]) =>
    row
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  lines.push(fmt(header));
  lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) lines.push(row.length === 1 ? row[0]! : fmt(row));
  lines.push('');
  lines.push('Ghi chú: % KH của chỉ tiêu "càng thấp càng tốt" tính bằng kế hoạch/thực hiện; "Đang thực hiện" là tiến độ so với kế hoạch cả kỳ, chưa phải kết luận.');
  return lines.join('\n');
}
