/**
 * Units (đơn vị) with history: a state tree (tỉnh → huyện → xã) and a party tree (đảng bộ tỉnh →
 * đảng bộ huyện → đảng bộ xã / cơ sở → chi bộ) side by side, each unit valid over a date range with a
 * parent that may change, and succession links for the 2025 reform (domain-rules §5).
 *
 * The internal `id` is the identity. A GSO code is not: new communes reuse a predecessor's code
 * (xã Ngân Sơn from 1/7/2025 carries 01954, the code of the old thị trấn Vân Tùng).
 */
import { foldForSearch } from './text.ts';

export const UNIT_KINDS = {
  // state
  tinh: 'tỉnh',
  thanh_pho_tw: 'thành phố',
  huyen: 'huyện',
  quan: 'quận',
  thi_xa: 'thị xã',
  thanh_pho: 'thành phố',
  xa: 'xã',
  phuong: 'phường',
  thi_tran: 'thị trấn',
  dac_khu: 'đặc khu',
  // party
  dang_bo_tinh: 'Đảng bộ tỉnh',
  dang_bo_huyen: 'Đảng bộ huyện',
  dang_bo_xa: 'Đảng bộ xã',
  dang_bo_phuong: 'Đảng bộ phường',
  dang_bo_thi_tran: 'Đảng bộ thị trấn',
  dang_bo_co_so: 'Đảng bộ cơ sở',
  chi_bo: 'Chi bộ',
  // departments and other bodies (phòng, ban, ngành, mặt trận, đoàn thể)
  co_quan: 'cơ quan',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

export type Tree = 'state' | 'party';

/** The tree a kind lives in. */
export function treeOfKind(kind: UnitKind): Tree {
  return kind.startsWith('dang_bo') || kind === 'chi_bo' ? 'party' : 'state';
}

/** Level used to order kinds: 1 province, 2 district, 3 commune, 4 below. */
export function levelOfKind(kind: UnitKind): number {
  switch (kind) {
    case 'tinh':
    case 'thanh_pho_tw':
    case 'dang_bo_tinh':
      return 1;
    case 'huyen':
    case 'quan':
    case 'thi_xa':
    case 'thanh_pho':
    case 'dang_bo_huyen':
      return 2;
    case 'xa':
    case 'phuong':
    case 'thi_tran':
    case 'dac_khu':
    case 'dang_bo_xa':
    case 'dang_bo_phuong':
    case 'dang_bo_thi_tran':
    case 'dang_bo_co_so':
      return 3;
    case 'chi_bo':
    case 'co_quan':
      return 4;
  }
}

export interface ParentLink {
  parentId: string;
  /** ISO dates, inclusive; null = open. */
  from: string | null;
  to: string | null;
}

export interface Unit {
  id: string;
  code: string | null;
  /** The proper name, without the kind: "Ngân Sơn". */
  name: string;
  kind: UnitKind;
  validFrom: string | null;
  validTo: string | null;
  parents: ParentLink[];
  /** The party organisation of a locality and its state unit point at each other. */
  counterpartId: string | null;
  note: string | null;
}

export type SuccessionKind = 'merge' | 'split' | 'rename';

/**
 * `from` passed (all or part of) its territory and population to `to` on `effectiveDate`.
 * merge: all of `from` went into `to`; split: a part of `from` went into `to`, `share` (0–1) when
 * known; rename: same territory, new identity.
 */
export interface Succession {
  fromId: string;
  toId: string;
  kind: SuccessionKind;
  share: number | null;
  effectiveDate: string;
  legalBasis: string | null;
}

/** Display name: "huyện Ngân Sơn", "Đảng bộ huyện Ngân Sơn". */
export function unitDisplayName(u: Pick<Unit, 'name' | 'kind'>): string {
  return `${UNIT_KINDS[u.kind]} ${u.name}`;
}

const inRange = (d: string, from: string | null, to: string | null) => (from === null || from <= d) && (to === null || d <= to);
const overlaps = (aFrom: string | null, aTo: string | null, bFrom: string, bTo: string) =>
  (aFrom === null || aFrom <= bTo) && (aTo === null || bFrom <= aTo);

export function isValidOn(u: Unit, date: string): boolean {
  return inRange(date, u.validFrom, u.validTo);
}

/** True when the unit existed at any time in [start, end]. */
export function isValidDuring(u: Unit, start: string, end: string): boolean {
  return overlaps(u.validFrom, u.validTo, start, end);
}

export function parentOn(u: Unit, date: string): string | null {
  return u.parents.find((p) => inRange(date, p.from, p.to))?.parentId ?? null;
}

/**
 * An index over units for tree walks and look-ups. Built once per evaluation; pure.
 */
export class UnitIndex {
  readonly byId = new Map<string, Unit>();
  private readonly childLinks = new Map<string, { child: Unit; link: ParentLink }[]>();
  private readonly predecessors = new Map<string, Succession[]>();
  private readonly successors = new Map<string, Succession[]>();

  constructor(units: readonly Unit[], successions: readonly Succession[] = []) {
    for (const u of units) this.byId.set(u.id, u);
    for (const u of units)
      for (const link of u.parents) {
        const list = this.childLinks.get(link.parentId) ?? [];
        list.push({ child: u, link });
        this.childLinks.set(link.parentId, list);
      }
    for (const s of successions) {
      (this.predecessors.get(s.toId) ?? this.predecessors.set(s.toId, []).get(s.toId)!).push(s);
      (this.successors.get(s.fromId) ?? this.successors.set(s.fromId, []).get(s.fromId)!).push(s);
    }
  }

  get(id: string): Unit | undefined {
    return this.byId.get(id);
  }

  /** Children whose link to `parentId` overlaps [start, end] and who existed then. */
  childrenDuring(parentId: string, start: string, end: string): Unit[] {
    return (this.childLinks.get(parentId) ?? [])
      .filter(({ child, link }) => overlaps(link.from, link.to, start, end) && isValidDuring(child, start, end))
      .map(({ child }) => child);
  }

  predecessorsOf(id: string): Succession[] {
    return this.predecessors.get(id) ?? [];
  }

  successorsOf(id: string): Succession[] {
    return this.successors.get(id) ?? [];
  }

  /** The counterpart of a unit in the other tree, if any. */
  counterpart(u: Unit): Unit | undefined {
    return u.counterpartId ? this.byId.get(u.counterpartId) : undefined;
  }

  /** Ancestors on a date, nearest first. */
  ancestorsOn(id: string, date: string): Unit[] {
    const out: Unit[] = [];
    const seen = new Set<string>([id]);
    let cur = this.byId.get(id);
    while (cur) {
      const pid = parentOn(cur, date);
      if (!pid || seen.has(pid)) break;
      seen.add(pid);
      cur = this.byId.get(pid);
      if (cur) out.push(cur);
    }
    return out;
  }

  /** The unit itself and everything below it on a date (same tree). */
  descendantsOn(id: string, date: string): Unit[] {
    const out: Unit[] = [];
    const stack = [id];
    const seen = new Set<string>();
    while (stack.length) {
      const cur = stack.pop()!;
      if (seen.has(cur)) continue;
      seen.add(cur);
      const u = this.byId.get(cur);
      if (u) out.push(u);
      for (const c of this.childrenDuring(cur, date, date)) stack.push(c.id);
    }
    return out;
  }
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Share of [start, end] during which the unit existed. */
function coverage(u: Unit, window: { start: string; end: string }): number {
  const from = Math.max(dayNumber(window.start), u.validFrom ? dayNumber(u.validFrom) : -Infinity);
  const to = Math.min(dayNumber(window.end), u.validTo ? dayNumber(u.validTo) : Infinity);
  return Math.max(0, to - from + 1) / (dayNumber(window.end) - dayNumber(window.start) + 1);
}

export type UnitLookup =
  | { ok: true; unit: Unit }
  | { ok: false; reason: 'not_found' | 'ambiguous'; candidates: Unit[]; message: string };

/**
 * Finds a unit by code, id or name among the units valid during [start, end]. A name may carry its
 * kind ("huyện Ngân Sơn") and is matched without diacritics ("ngan son"). When a state unit and its
 * own party organisation both match, the state unit is the answer: they are one locality, and an
 * evaluation of it covers both.
 */
export function findUnit(units: readonly Unit[], query: string, window: { start: string; end: string }): UnitLookup {
  const q = query.normalize('NFC').trim();
  const valid = units.filter((u) => isValidDuring(u, window.start, window.end));
  const byId = valid.filter((u) => u.id === q);
  if (byId.length === 1) return { ok: true, unit: byId[0]! };
  const byCode = valid.filter((u) => u.code !== null && u.code === q);
  if (byCode.length === 1) return { ok: true, unit: byCode[0]! };
  const fq = foldForSearch(q);
  let matches = valid.filter((u) => foldForSearch(unitDisplayName(u)) === fq);
  if (matches.length === 0) matches = valid.filter((u) => foldForSearch(u.name) === fq);
  if (matches.length === 0) matches = byCode;
  if (matches.length > 1) {
    // A party organisation whose state unit also matches is the same locality: keep the state unit.
    const ids = new Set(matches.map((u) => u.id));
    const localities = matches.filter((u) => !(treeOfKind(u.kind) === 'party' && u.counterpartId !== null && ids.has(u.counterpartId)));
    if (localities.length === 1) return { ok: true, unit: localities[0]! };
    // Over a term that runs past the 2025 reform, "Ngân Sơn" is both the district (until 30/6/2025) and
    // the new commune (from 1/7/2025): the unit that existed for most of the period is the one meant.
    const most = localities.filter((u) => coverage(u, window) > 0.5);
    if (most.length === 1) return { ok: true, unit: most[0]! };
    matches = localities;
  }
  if (matches.length === 1) return { ok: true, unit: matches[0]! };
  const period = `${window.start} – ${window.end}`;
  if (matches.length === 0)
    return { ok: false, reason: 'not_found', candidates: [], message: `Không tìm thấy đơn vị "${q}" còn hiệu lực trong kỳ (${period}).` };
  return {
    ok: false,
    reason: 'ambiguous',
    candidates: matches,
    message: `Tên "${q}" ứng với nhiều đơn vị trong kỳ (${period}): ${matches
      .map((u) => `${unitDisplayName(u)} [mã ${u.code ?? '—'}, id ${u.id}]`)
      .join('; ')}. Hãy chỉ rõ bằng mã hoặc id.`,
  };
}
