/**
 * Throughput of the fact extractor (and the checker) on a large generated corpus of report-like
 * Vietnamese text, next to a baseline measured in the same run: a plain regex scan for digit runs
 * over the same corpus. Prints MB/s and the ratio; asserts nothing.
 *
 *   node --import tsx bench/extract.bench.ts [--mb 8] [--seed 7] [--rounds 3]
 */
import { formatViNumber } from '../src/core/numbers.ts';
import { checkText } from '../src/extract/check.ts';
import { extractFacts } from '../src/extract/extract.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) ? v : dflt;
};
const targetMb = opt('--mb', 8);
let seed = opt('--seed', 7) >>> 0;

/** Mulberry32: a small seeded generator, so every run measures the same corpus. */
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const dec = (lo: number, hi: number, d: number): string => formatViNumber(lo + random() * (hi - lo), { minDecimals: d, maxDecimals: d });
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const n2 = (x: number): string => (x < 10 ? `0${x}` : formatViNumber(x));

const PLACES = ['huyện Ngân Sơn', 'xã Tân Lập', 'huyện Bắc Sơn', 'thị trấn Nà Phặc', 'xã Thượng Quan'];
const PERIODS = ['Năm 2024', 'Trong quý I/2025', '6 tháng đầu năm 2025', '9 tháng đầu năm', 'Từ đầu nhiệm kỳ 2020 - 2025 đến nay'];

/** Sentence templates in the style of district and commune reports (sơ kết, tổng kết). */
const TEMPLATES: (() => string)[] = [
  () => `${pick(PERIODS)}, tổng diện tích gieo trồng đạt ${pick(['hơn ', 'trên ', ''])}${formatViNumber(int(800, 15000))}ha, đạt ${dec(90, 130, 1)}% kế hoạch.`,
  () => `Tổng đàn gia súc có ${formatViNumber(int(2000, 20000))} con, đạt ${dec(90, 110, 2)}% nghị quyết; trồng rừng mới ${dec(10, 900, 1)} ha.`,
  () => {
    const plan = int(80, 150);
    const done = int(60, 180);
    return `Năm ${int(2021, 2025)} kết nạp được ${done}/${plan} đảng viên, đạt ${formatViNumber((done / plan) * 100, { maxDecimals: 1 })}% kế hoạch.`;
  },
  () => {
    const a = int(50, 300);
    const b = int(1, 40);
    return `Toàn ${pick(PLACES)} đã có ${a + b} nhà được khởi công, trong đó có ${a} hộ xây mới và ${n2(b)} hộ sửa chữa.`;
  },
  () => `Thu ngân sách đạt ${dec(20, 600, 1)} tỷ đồng, bằng ${dec(80, 140, 1)}% cùng kỳ; chi ngân sách ${formatViNumber(int(100, 900))} tỷ đồng, bằng ${int(70, 100)}% dự toán giao.`,
  () => {
    const total = int(20, 40);
    const ok = int(10, total);
    return `Có ${ok}/${total} chỉ tiêu đạt và vượt, trong đó ${n2(int(1, ok))} chỉ tiêu vượt; còn ${total - ok} chỉ tiêu không đạt kế hoạch đề ra.`;
  },
  () => `Tỷ lệ hộ nghèo giảm từ ${dec(10, 40, 2)}% xuống còn ${dec(2, 10, 2)}%, tỷ lệ che phủ rừng đạt ${dec(50, 75, 2)}%.`,
  () => `Thực hiện Chỉ thị số ${n2(int(1, 40))}-CT/TW ngày ${int(1, 28)}/${int(1, 12)}/${int(2018, 2025)} của Ban Bí thư, Hội nghị lần thứ ${int(2, 20)} Ban Chấp hành Đảng bộ khóa XXII đã thống nhất các giải pháp.`,
  () => `Thi hành kỷ luật ${int(5, 30)} đảng viên (khiển trách ${int(1, 9)}, cảnh cáo ${n2(int(1, 9))}, khai trừ ${n2(int(1, 5))}).`,
  () => `Bình quân lương thực đạt ${int(400, 700)}kg/người/năm; thu nhập bình quân ${dec(30, 70, 1)} triệu đồng/người/năm, tăng ${dec(1, 12, 1)}% so với cùng kỳ.`,
  () => `Tỷ lệ giảm nghèo bình quân đạt ${dec(2, 5, 2)}%/năm, đạt chỉ tiêu kế hoạch đã đề ra (từ ${dec(2, 3, 1)} - ${int(4, 5)}%/năm).`,
  () => `Tổng số công chức cấp huyện hiện nay là ${int(50, 70)}/${int(70, 80)}; viên chức là ${int(500, 690)}/${int(690, 720)}.`,
  () => `Đồng chí Bí thư ${pick(PLACES).replace(/^\S+ /u, 'Huyện ủy ')} phát biểu, nhấn mạnh nhiệm vụ phát triển kinh tế - xã hội giai đoạn 2021 - 2025 và kế hoạch 5 năm 2026 - 2030.`,
];

function corpus(bytes: number): string[] {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences: string[] = [];
    for (let i = int(3, 8); i > 0; i--) sentences.push(pick(TEMPLATES)());
    const p = sentences.join(' ');
    paragraphs.push(p);
    size += Buffer.byteLength(p, 'utf8') + 2;
  }
  return paragraphs;
}

/** Texts of about 4 KB, the size of a report article, so per-call costs are counted. */
function documents(paragraphs: readonly string[]): string[] {
  const docs: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const p of paragraphs) {
    cur.push(p);
    len += p.length;
    if (len > 4000) {
      docs.push(cur.join('\n\n'));
      cur = [];
      len = 0;
    }
  }
  if (cur.length) docs.push(cur.join('\n\n'));
  return docs;
}

const ROUNDS = opt('--rounds', 3);

/** Median throughput over ROUNDS passes (the machine is shared; one pass is noisy). */
function measure(label: string, docs: readonly string[], mb: number, run: (doc: string) => number): number {
  for (const d of docs.slice(0, 50)) run(d); // warm-up, so the JIT has compiled the hot paths
  const rates: number[] = [];
  let count = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    count = 0;
    for (const d of docs) count += run(d);
    rates.push(mb / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] ?? 0;
  const spread = `${(rates[0] ?? 0).toFixed(2)}–${(rates[rates.length - 1] ?? 0).toFixed(2)}`;
  console.log(`${label.padEnd(34)} ${median.toFixed(2).padStart(9)} MB/s  (median of ${ROUNDS}, range ${spread}; ${count} items)`);
  return median;
}

const docs = documents(corpus(targetMb * 1024 * 1024));
const mb = docs.reduce((s, d) => s + Buffer.byteLength(d, 'utf8'), 0) / (1024 * 1024);
console.log(`corpus: ${mb.toFixed(2)} MB UTF-8 in ${docs.length} texts; node ${process.version}; ${process.platform} ${process.arch}`);
const DIGITS = /\d+(?:[.,]\d+)*/g;
const baseline = measure('baseline: regex scan for digits', docs, mb, (d) => d.match(DIGITS)?.length ?? 0);
const extract = measure('extractFacts', docs, mb, (d) => extractFacts(d).length);
const check = measure('extractFacts + checkText', docs, mb, (d) => checkText(d).length);
console.log(`ratio extractFacts / baseline: 1 : ${(baseline / extract).toFixed(0)} (extractFacts at ${((extract / baseline) * 100).toFixed(2)}% of the baseline's speed)`);
console.log(`ratio extract+check / baseline: 1 : ${(baseline / check).toFixed(0)}`);
