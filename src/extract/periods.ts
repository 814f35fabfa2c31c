/**
 * Period phrases (domain-rules §1.2): "quý I/2025", "6 tháng đầu năm", "8 tháng đầu năm 2023",
 * "năm 2024", "nhiệm kỳ 2020 – 2025", "từ đầu nhiệm kỳ … đến nay", "đến nay", "tính đến 30/6/2025".
 */

/** A period phrase found in the text. */
export interface PeriodMention {
  start: number;
  end: number;
  /** The phrase as written, first letter in lower case ("Năm 2021" → "năm 2021"). */
  label: string;
  /**
   * The phrase follows "so với" ("giảm 19,9% so với năm 2021"): it names the comparison base of a
   * figure, not the period the figure belongs to.
   */
  reference: boolean;
}

const YEAR = '\\d{4}';
const DASH = '\\s?[-–—]\\s?';
const QUARTER = '(?:IV|I{1,3}|[1-4])';

// Alternatives are tried left to right at each position, so the longer phrases come first.
// Every repetition is bounded or separated by fixed words: the scan is linear. The "no letter
// before" condition is checked in code: a look-behind tried at every offset costs a third of the scan.
const PERIOD = new RegExp(
  '(?:trong )?(?:' +
    [
      `(?:từ )?đầu nhiệm kỳ(?: ${YEAR}${DASH}${YEAR})? đến nay`,
      `từ (?:năm )?${YEAR} đến (?:nay|năm ${YEAR}|${YEAR})`,
      `(?:từ |đến hết |hết )?\\d{1,2} tháng (?:đầu |cuối )?năm(?: ${YEAR})?`,
      `\\d{1,2} tháng (?:năm )?${YEAR}`,
      `(?:đến hết |hết )?quý ${QUARTER}(?:\\/${YEAR}| năm ${YEAR})?`,
      `(?:đến hết |hết )?tháng \\d{1,2}(?:\\/${YEAR}| năm ${YEAR})`,
      `(?:cả |cuối |đầu )?(?:nhiệm kỳ|giai đoạn|thời kỳ) ${YEAR}${DASH}${YEAR}`,
      `\\d+ năm ${YEAR}(?: (?:và|,) ${YEAR})`,
      `(?:cả |đến |đến hết |hết )?năm ${YEAR}(?: (?:và|,) ${YEAR})?`,
      `(?:tính |tính đến |đến |trước |đến hết )(?:ngày )?\\d{1,2}\\/\\d{1,2}\\/${YEAR}`,
      `(?:nửa|cả|\\d{1,2}) nhiệm kỳ`,
      'đến nay',
      'hiện nay',
      'đến thời điểm này',
      'năm qua',
      'năm nay',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'giu',
);

const SO_VOI = /so với\s*$/iu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Finds period phrases, in text order.
 * @example findPeriods('Năm 2021, … giảm 19,9% so với năm 2021')
 *   → [{ label: 'năm 2021', reference: false }, { label: 'năm 2021', reference: true }]
 */
export function findPeriods(text: string): PeriodMention[] {
  const out: PeriodMention[] = [];
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(text); m !== null; m = PERIOD.exec(text)) {
    if (WORD_CHAR.test(text[m.index - 1] ?? '')) {
      PERIOD.lastIndex = m.index + 1;
      continue;
    }
    // "Trong quý I/2025" and "quý I/2025" name the same period; headings are written in capitals.
    let raw = m[0].replace(/^trong /iu, '');
    if (raw === raw.toUpperCase()) raw = raw.toLowerCase().replace(/(quý )(iv|i{1,3})(?![\p{L}])/u, (_, q: string, r: string) => q + r.toUpperCase());
    const first = raw[0] ?? '';
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      label: first.toLowerCase() + raw.slice(1),
      reference: SO_VOI.test(text.slice(Math.max(0, m.index - 12), m.index)),
    });
  }
  return out;
}
