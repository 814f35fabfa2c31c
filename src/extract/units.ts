/**
 * Units as reports write them (domain-rules §4.1): "ha", "tấn", "tỷ đồng", "đảng viên", "%",
 * compound "triệu đồng/ha/năm", glued "1.440ha", "112hộ".
 */

/**
 * What a unit measures. `time` and `document` are not fact units: "5 năm", "95 năm ngày thành
 * lập", "02 nhiệm kỳ" are durations, and "03 chương trình", "8 dự thảo" count the documents and
 * programmes of an agenda, not results measured against a target.
 */
export type UnitCategory =
  | 'count'
  | 'area'
  | 'mass'
  | 'volume'
  | 'length'
  | 'money'
  | 'usd'
  | 'energy'
  | 'power'
  | 'percent'
  | 'points'
  | 'time'
  | 'document'
  | 'other';

interface UnitEntry {
  /** Canonical spelling, reported as the fact's unit. */
  name: string;
  /** `name` in lower case, for matching. */
  lower?: string;
  category: UnitCategory;
  /** Factor to the base unit of the category (đồng, kg, m², m, kWh, W). */
  scale: number;
  /** Match case-sensitively ("MW" is not "mw"; "HTX" is an acronym). */
  exact?: boolean;
}

const COUNT_NOUNS = [
  'hộ', 'hộ gia đình', 'người', 'nhân khẩu', 'khẩu', 'lao động', 'đảng viên', 'quần chúng', 'hội viên',
  'đoàn viên', 'cán bộ', 'công chức', 'viên chức', 'cán bộ, công chức', 'cán bộ, công chức, viên chức',
  'học sinh', 'sinh viên', 'giáo viên', 'trẻ', 'trẻ em', 'bệnh nhân', 'bác sĩ', 'giường bệnh', 'giường',
  'con', 'cây', 'nhà', 'căn', 'căn nhà', 'ngôi nhà', 'công trình', 'hạng mục', 'dự án', 'doanh nghiệp',
  'hợp tác xã', 'tổ hợp tác', 'trang trại', 'gia trại', 'xã', 'phường', 'thị trấn', 'thôn', 'bản', 'xóm',
  'tổ dân phố', 'khu dân cư', 'làng', 'huyện', 'tỉnh', 'trường', 'lớp', 'điểm trường', 'cơ sở', 'cơ quan',
  'đơn vị', 'phòng', 'ban', 'chi bộ', 'đảng bộ', 'tổ chức cơ sở đảng', 'tổ chức đảng', 'tổ chức',
  'chi hội', 'chuỗi', 'sản phẩm', 'mô hình', 'tiêu chí', 'chỉ tiêu', 'nhóm chỉ tiêu', 'vụ', 'vụ việc',
  'vụ án', 'đối tượng', 'đơn', 'đơn thư', 'hồ sơ', 'thủ tục', 'giấy chứng nhận', 'tuyến', 'tuyến đường',
  'cầu', 'cống', 'kênh', 'trạm', 'trạm y tế', 'thuê bao', 'điểm', 'suất', 'phần quà', 'buổi', 'cuộc',
  'lượt', 'lượt người', 'lượt khách', 'tin', 'bài', 'tin bài', 'chiếc', 'cái', 'tập thể', 'cá nhân',
  'gia đình', 'khách', 'hội nghị', 'lớp tập huấn', 'nhiệm vụ', 'ngày công', 'việc làm', 'hợp đồng',
  'phương tiện', 'xe', 'tàu', 'máy', 'giấy phép', 'lần', 'câu lạc bộ', 'đội', 'tổ', 'nhóm', 'tuổi',
];

const ENTRIES: UnitEntry[] = [
  ...COUNT_NOUNS.map((name): UnitEntry => ({ name, category: 'count', scale: 1 })),
  { name: 'HTX', category: 'count', scale: 1, exact: true },
  { name: 'THT', category: 'count', scale: 1, exact: true },
  { name: 'CLB', category: 'count', scale: 1, exact: true },
  { name: 'ha', category: 'area', scale: 10_000 },
  { name: 'héc-ta', category: 'area', scale: 10_000 },
  { name: 'hécta', category: 'area', scale: 10_000 },
  { name: 'm2', category: 'area', scale: 1 },
  { name: 'm²', category: 'area', scale: 1 },
  { name: 'km2', category: 'area', scale: 1_000_000 },
  { name: 'km²', category: 'area', scale: 1_000_000 },
  { name: 'sào', category: 'area', scale: 360 },
  { name: 'kg', category: 'mass', scale: 1 },
  { name: 'tạ', category: 'mass', scale: 100 },
  { name: 'tấn', category: 'mass', scale: 1000 },
  { name: 'nghìn tấn', category: 'mass', scale: 1_000_000 },
  { name: 'm3', category: 'volume', scale: 1 },
  { name: 'm³', category: 'volume', scale: 1 },
  { name: 'lít', category: 'volume', scale: 0.001 },
  { name: 'km', category: 'length', scale: 1000 },
  { name: 'm', category: 'length', scale: 1 },
  { name: 'mét', category: 'length', scale: 1 },
  { name: 'đồng', category: 'money', scale: 1 },
  { name: 'nghìn đồng', category: 'money', scale: 1e3 },
  { name: 'ngàn đồng', category: 'money', scale: 1e3 },
  { name: 'triệu đồng', category: 'money', scale: 1e6 },
  { name: 'tỷ đồng', category: 'money', scale: 1e9 },
  { name: 'tỉ đồng', category: 'money', scale: 1e9 },
  { name: 'nghìn tỷ đồng', category: 'money', scale: 1e12 },
  { name: 'USD', category: 'usd', scale: 1, exact: true },
  { name: 'triệu USD', category: 'usd', scale: 1e6 },
  { name: 'tỷ USD', category: 'usd', scale: 1e9 },
  { name: 'kWh', category: 'energy', scale: 1, exact: true },
  { name: 'MWh', category: 'energy', scale: 1e3, exact: true },
  { name: 'GWh', category: 'energy', scale: 1e6, exact: true },
  { name: 'kW', category: 'power', scale: 1e3, exact: true },
  { name: 'MW', category: 'power', scale: 1e6, exact: true },
  { name: '%', category: 'percent', scale: 1 },
  { name: 'phần trăm', category: 'percent', scale: 1 },
  { name: 'điểm %', category: 'points', scale: 1 },
  { name: 'điểm phần trăm', category: 'points', scale: 1 },
  ...['năm', 'tháng', 'quý', 'tuần', 'ngày', 'giờ', 'phút', 'nhiệm kỳ', 'kỳ', 'thế kỷ', 'thập kỷ'].map(
    (name): UnitEntry => ({ name, category: 'time', scale: 1 }),
  ),
  ...[
    'chương trình', 'dự thảo', 'văn bản', 'nghị quyết', 'chỉ thị', 'kết luận', 'đề án', 'báo cáo',
    'kế hoạch', 'quy định', 'hướng dẫn', 'công văn', 'quyết định', 'tờ trình', 'thông báo', 'nghị định',
    'thông tư', 'quy chế',
  ].map((name): UnitEntry => ({ name, category: 'document', scale: 1 })),
];

/** Scale words that multiply a following unit ("1,2 triệu lượt khách", "3 nghìn con"). */
const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['nghìn', 1e3],
  ['ngàn', 1e3],
  ['vạn', 1e4],
  ['triệu', 1e6],
  ['tỷ', 1e9],
  ['tỉ', 1e9],
]);

/** Units that may follow "/" in a compound ("triệu đồng/ha/năm", "kg/người/năm", "%/năm"). */
const PER_UNITS = [
  'ha', 'năm', 'tháng', 'quý', 'ngày', 'người', 'hộ', 'khẩu', 'lao động', 'con', 'km', 'km2', 'm2', 'sào',
  'vụ', 'xã', 'lượt', 'lần', 'tấn', 'kg', 'học sinh', 'đảng viên', 'giường', 'nhân khẩu',
];

const byFirst = new Map<string, UnitEntry[]>();
for (const e of ENTRIES) {
  const k = e.name[0]?.toLowerCase() ?? '';
  const list = byFirst.get(k) ?? [];
  list.push(e);
  byFirst.set(k, list);
}
for (const list of byFirst.values()) {
  list.sort((a, b) => b.name.length - a.name.length);
  for (const e of list) e.lower = e.name.toLowerCase();
}
const LONGEST = Math.max(...ENTRIES.map((e) => e.name.length));

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
}

/** Longest lexicon entry written at `pos`, ending at a word boundary. */
function entryAt(text: string, pos: number): UnitEntry | null {
  const list = byFirst.get(text[pos]?.toLowerCase() ?? '');
  if (!list) return null;
  const ahead = text.slice(pos, pos + LONGEST);
  const lower = ahead.toLowerCase();
  for (const e of list) {
    const same = e.exact ? ahead.startsWith(e.name) : lower.length === ahead.length && lower.startsWith(e.lower ?? e.name);
    if (!same) continue;
    const next = text[pos + e.name.length];
    // "%" and "m²" end by themselves; a word unit must not run into a longer word ("ha" ≠ "hai").
    if (e.name === '%' || !isWordChar(next)) return e;
  }
  return null;
}

/** A unit found after a number. */
export interface UnitMatch {
  /** Offset where the unit text starts (after an optional space). */
  start: number;
  end: number;
  unit: string;
  category: UnitCategory;
  /** Factor to the category's base unit; compounds keep the numerator's factor. */
  scale: number;
  /** The unit is a compound "x/y" (a rate per something). */
  compound: boolean;
}

/**
 * The unit written at `pos` (right after a number), allowing one space or none ("1.440ha"),
 * a scale word ("1,2 triệu lượt") and "/"-joined denominators ("633kg/người/năm").
 * @example matchUnit('32,88ha ,đạt', 5) → { unit: 'ha', category: 'area', … }
 */
export function matchUnit(text: string, pos: number): UnitMatch | null {
  let i = pos;
  if (text[i] === ' ' || text[i] === '\u00a0') i++;
  const start = i;
  let scale = 1;
  let prefix = '';
  const scaleWord = /^\p{L}+/u.exec(text.slice(i, i + 8))?.[0] ?? '';
  const factor = SCALE_WORDS.get(scaleWord.toLowerCase());
  let entry = entryAt(text, i);
  if (factor !== undefined && (entry === null || entry.name.length <= scaleWord.length)) {
    const after = i + scaleWord.length;
    const next = text[after] === ' ' ? entryAt(text, after + 1) : null;
    if (next && next.category !== 'time' && next.category !== 'document') {
      prefix = `${scaleWord} `;
      scale = factor;
      entry = next;
      i = after + 1;
    } else {
      return { start, end: after, unit: scaleWord, category: 'other', scale: factor, compound: false };
    }
  }
  if (!entry) return null;
  let end = i + entry.name.length;
  let unit = prefix + entry.name;
  let compound = false;
  for (;;) {
    if (text[end] !== '/') break;
    const per = perUnitAt(text, end + 1);
    if (!per) break;
    unit += `/${per}`;
    end += 1 + per.length;
    compound = true;
  }
  return { start, end, unit, category: entry.category, scale: scale * entry.scale, compound };
}

/** A denominator unit written at `pos`, or null. */
function perUnitAt(text: string, pos: number): string | null {
  for (const u of PER_UNITS) {
    if (text.slice(pos, pos + u.length).toLowerCase() === u && !isWordChar(text[pos + u.length])) return u;
  }
  return null;
}

/** A "/năm"-style denominator at `pos`, exported for units deferred after a noun ("702ha cây thuốc lá/năm"). */
export function perUnitAfterSlash(text: string, pos: number): string | null {
  return text[pos] === '/' ? perUnitAt(text, pos + 1) : null;
}

/** Category of a unit name as reported in a fact (the first part of a compound decides). */
export function categoryOf(unit: string | null): UnitCategory | null {
  if (unit === null) return null;
  const m = matchUnit(unit, 0);
  return m ? m.category : 'other';
}

/** Factor of a unit to its category's base (1 for unknown units). */
export function scaleOf(unit: string | null): number {
  if (unit === null) return 1;
  return matchUnit(unit, 0)?.scale ?? 1;
}

/**
 * Count nouns that count the same things in reports, so a total in one may have parts in
 * another ("117 nhà …, trong đó 111 hộ xây mới"): dwellings, people, party organisations,
 * administrative units, targets.
 */
const KIN: readonly (readonly string[])[] = [
  ['nhà', 'căn', 'căn nhà', 'ngôi nhà', 'hộ', 'hộ gia đình', 'công trình'],
  ['người', 'nhân khẩu', 'khẩu', 'lao động', 'đảng viên', 'quần chúng', 'hội viên', 'đoàn viên', 'cán bộ', 'công chức',
    'viên chức', 'cán bộ, công chức', 'cán bộ, công chức, viên chức', 'học sinh', 'sinh viên', 'giáo viên', 'trẻ', 'trẻ em',
    'bệnh nhân', 'bác sĩ', 'cá nhân', 'đối tượng', 'lượt người'],
  ['tổ chức cơ sở đảng', 'tổ chức đảng', 'tổ chức', 'chi bộ', 'đảng bộ', 'tập thể'],
  ['xã', 'phường', 'thị trấn', 'thôn', 'bản', 'xóm', 'tổ dân phố', 'khu dân cư', 'làng'],
  ['chỉ tiêu', 'nhóm chỉ tiêu', 'tiêu chí'],
  ['hợp tác xã', 'HTX', 'tổ hợp tác', 'THT', 'doanh nghiệp'],
];
const kinOf = new Map<string, number>();
KIN.forEach((group, i) => {
  for (const u of group) kinOf.set(u, i);
});

/**
 * True when figures in the two units can be added up: the same unit, convertible measures
 * ("tỷ đồng" and "triệu đồng"), or count nouns of one kin ("nhà" and "hộ").
 */
export function addable(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const ca = categoryOf(a);
  if (ca !== categoryOf(b) || ca === 'percent' || ca === 'other' || ca === null) return false;
  if (ca !== 'count') return true;
  const ka = kinOf.get(a);
  return ka !== undefined && ka === kinOf.get(b);
}

/** True for percent units, "%/năm" included. */
export function isPercentUnit(unit: string | null): boolean {
  return unit !== null && (unit === '%' || unit.startsWith('%/') || unit === 'phần trăm');
}
