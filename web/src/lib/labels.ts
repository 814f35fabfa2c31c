/** Locale-aware labels of domain codes (statuses, fields, periods, roles…). */
import type { Status } from '../../../src/core/evaluate.ts';
import { parsePeriod, periodLabel, periodLabelEn } from '../../../src/core/periods.ts';
import type { I18n, MsgKey } from '../i18n/index.tsx';

type T = I18n['t'];

export const STATUSES: Status[] = ['vuot', 'dat', 'co_ban_dat', 'khong_dat', 'chua_co_so_lieu', 'dang_thuc_hien'];

export const statusLabel = (t: T, s: Status) => t(`status.${s}` as MsgKey);
export const fieldLabel = (t: T, f: string) => (KNOWN_FIELDS.has(f) ? t(`field.${f}` as MsgKey) : f);
const KNOWN_FIELDS = new Set(['kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'xay_dung_dang']);

/** "quý I/2025" / "Q1 2025" from a canonical code; the code itself when it does not parse. */
export function periodText(locale: string, code: string): string {
  try {
    const p = parsePeriod(code);
    return locale === 'en' ? periodLabelEn(p) : periodLabel(p);
  } catch {
    return code;
  }
}

/** Flags of a target result (docs/evaluate-json.md). */
export function flagLabel(t: T, code: string): string {
  const known = ['estimate', 'missing_units', 'rebuilt', 'partial_split', 'children_mismatch', 'in_progress'];
  return known.includes(code) ? t(`flag.${code}` as MsgKey) : code;
}
