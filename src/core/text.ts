/**
 * Text helpers shared by every layer: NFC storage and diacritic-insensitive search keys.
 * Vietnamese "đ/Đ" is a separate letter, not a letter plus a combining mark, so NFD alone
 * does not fold it: it is mapped explicitly.
 */

/** Normalises user text for storage: NFC, trimmed, inner runs of white space collapsed. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * A search key: lower case, no diacritics, "đ" → "d", single spaces.
 * @example foldForSearch('Huyện Ngân Sơn') === 'huyen ngan son'
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%/.,-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of `query` occurs, in order-free fashion, in `text`, ignoring diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const hay = foldForSearch(text);
  return foldForSearch(query)
    .split(' ')
    .filter(Boolean)
    .every((w) => hay.includes(w));
}
