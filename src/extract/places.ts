/**
 * Places: an administrative word followed by a capitalised name ("huyện Ngân Sơn", "xã Tân Lập",
 * "tỉnh Bắc Kạn"). "Huyện ủy" (lower-case word after it) and "xã NTM" (an acronym) are not places.
 */

/** A place named in the text. */
export interface PlaceMention {
  start: number;
  end: number;
  /** "huyện Ngân Sơn": administrative word in lower case, then the name as written. */
  label: string;
}

// No `i` flag: with it, \p{Lu} would match lower-case letters too.
const PLACE =
  /(?:[Tt]oàn )?([Xx]ã|[Pp]hường|[Tt]hị trấn|[Tt]hị xã|[Hh]uyện|[Qq]uận|[Tt]hành phố|[Tt]ỉnh|[Đđ]ặc khu) (\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,3})(?![\p{L}\p{N}])/gu;

/** Finds named places in text order. "Hợp tác xã Hợp Phát" is a cooperative, not a commune. */
export function findPlaces(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  PLACE.lastIndex = 0;
  for (let m = PLACE.exec(text); m !== null; m = PLACE.exec(text)) {
    // Checked here rather than with a look-behind, which would run at every offset.
    if (/[\p{L}\p{N}]/u.test(text[m.index - 1] ?? '')) {
      PLACE.lastIndex = m.index + 1;
      continue;
    }
    const kind = (m[1] ?? '').toLowerCase();
    if (kind === 'xã' && /hợp tác\s*$/iu.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: `${kind} ${m[2] ?? ''}` });
  }
  return out;
}

/**
 * The place a text is about: the most often named one (the first on a tie). A report names its
 * own district or commune again and again, and its province once or twice.
 */
export function mainPlace(mentions: readonly PlaceMention[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  let bestCount = 0;
  for (const m of mentions) {
    const c = (counts.get(m.label) ?? 0) + 1;
    counts.set(m.label, c);
    if (c > bestCount) {
      best = m.label;
      bestCount = c;
    }
  }
  return best;
}
