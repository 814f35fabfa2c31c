/**
 * Period picker: kind (month, quarter, N months from January, second half, year, term) and its
 * numbers; it always produces the canonical code of docs/api.md ("2025-M05", "2025-Q1", "2024-YTD06",
 * "2020-YTD09", "2024-H2", "2024", "2020-2025") and shows the label ("quý I/2025").
 */
import { type Period, parsePeriod, periodCode } from '../../../src/core/periods.ts';
import { type MsgKey, useI18n } from '../i18n/index.tsx';
import { periodText } from '../lib/labels.ts';

type Kind = Period['kind'];
const KINDS: Kind[] = ['month', 'quarter', 'ytd', 'half', 'year', 'term'];

function safeParse(code: string): Period {
  try {
    return parsePeriod(code);
  } catch {
    return { kind: 'year', year: new Date().getFullYear() - 1 };
  }
}

function yearOfPeriod(p: Period): number {
  return p.kind === 'term' ? p.endYear : p.year;
}

/** Switching kind keeps the year and picks the obvious sub-period. */
function withKind(p: Period, kind: Kind): Period {
  const y = yearOfPeriod(p);
  switch (kind) {
    case 'month':
      return { kind, year: y, month: 1 };
    case 'quarter':
      return { kind, year: y, quarter: 1 };
    case 'ytd':
      return { kind, year: y, months: 6 };
    case 'half':
      return { kind, year: y, half: 2 };
    case 'year':
      return { kind, year: y };
    case 'term':
      return p.kind === 'term' ? p : { kind, startYear: 2020, endYear: 2025 };
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function PeriodPicker({ value, onChange, id, label }: { value: string; onChange(code: string): void; id?: string; label?: string }) {
  const { t, locale } = useI18n();
  const p = safeParse(value);
  const thisYear = new Date().getFullYear();
  const years: number[] = [];
  for (let y = thisYear + 1; y >= 2015; y--) years.push(y);
  const emit = (np: Period) => onChange(periodCode(np));
  const yearSelect = (v: number, set: (y: number) => void, aria: string) => (
    <select value={v} onChange={(e) => set(Number(e.target.value))} aria-label={aria}>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );

  return (
    <div className="period-picker" role="group" aria-label={label ?? t('period.label')} data-testid="period-picker" data-period={value}>
      {label && (
        <label className="picker-label" htmlFor={id}>
          {label}
        </label>
      )}
      <div className="period-controls">
        <select id={id} value={p.kind} onChange={(e) => emit(withKind(p, e.target.value as Kind))} aria-label={t('period.kind')}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`period.kind.${k}` as MsgKey)}
            </option>
          ))}
        </select>
        {p.kind === 'month' && (
          <select value={p.month} onChange={(e) => emit({ ...p, month: Number(e.target.value) })} aria-label={t('period.month')}>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={i + 1}>
                {t('period.monthN', { n: i + 1 })}
              </option>
            ))}
          </select>
        )}
        {p.kind === 'quarter' && (
          <select value={p.quarter} onChange={(e) => emit({ ...p, quarter: Number(e.target.value) as 1 | 2 | 3 | 4 })} aria-label={t('period.quarter')}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('period.quarterN', { n: ROMAN[q - 1]! })}
              </option>
            ))}
          </select>
        )}
        {p.kind === 'ytd' && (
          <select value={p.months} onChange={(e) => emit({ ...p, months: Number(e.target.value) })} aria-label={t('period.months')}>
            {[2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((m) => (
              <option key={m} value={m}>
                {t('period.monthsN', { n: m })}
              </option>
            ))}
          </select>
        )}
        {p.kind !== 'term' && yearSelect(p.year, (y) => emit({ ...p, year: y }), t('period.year'))}
        {p.kind === 'term' && (
          <>
            {yearSelect(p.startYear, (y) => emit({ ...p, startYear: y, endYear: Math.max(y + 1, Math.min(p.endYear, y + 10)) }), t('period.termStart'))}
            <span aria-hidden="true">–</span>
            {yearSelect(p.endYear, (y) => emit({ ...p, endYear: y, startYear: Math.min(p.startYear, y - 1) }), t('period.termEnd'))}
          </>
        )}
        <span className="period-label muted" data-testid="period-label">
          {periodText(locale, value)}
        </span>
      </div>
    </div>
  );
}
