/**
 * The two languages of the API: Vietnamese first, English when the request asks for it
 * (`Accept-Language: en…` as its first choice).
 */
export type Locale = 'vi' | 'en';

/** A message in both languages. */
export interface Msg {
  vi: string;
  en: string;
}

/** The first language of an Accept-Language header; anything but English is Vietnamese. */
export function localeOf(acceptLanguage: string | undefined): Locale {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first === 'en' || first.startsWith('en-') ? 'en' : 'vi';
}

/** "YYYY-MM-DD" of an instant in Vietnam (UTC+7): what "today" means to the people using it. */
export function vietnamDate(d: Date): string {
  return VIETNAM_DAY.format(d);
}
// Built once: an Intl formatter or collator costs about a millisecond to construct.
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Vietnamese alphabetical order. */
export const VI_COLLATOR = new Intl.Collator('vi');
