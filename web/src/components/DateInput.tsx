/**
 * A date typed the Vietnamese way, dd/mm/yyyy ("15/12/2024"), whatever the browser's language:
 * the native date input follows the browser's locale and would show 12/15/2024 on an English system.
 * The value in and out is ISO (YYYY-MM-DD) or null.
 */
import { useEffect, useState } from 'react';
import { fmtDate } from '../lib/format.ts';

export function parseViDate(s: string): string | null | 'invalid' {
  const t = s.trim();
  if (!t) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return 'invalid';
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const dt = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(dt.getTime()) && dt.toISOString().startsWith(iso) ? iso : 'invalid';
}

interface Props {
  value: string | null;
  onChange(iso: string | null): void;
  id?: string;
  required?: boolean;
  'aria-label'?: string;
  name?: string;
}

export function DateInput({ value, onChange, id, required, name, ...rest }: Props) {
  const [text, setText] = useState(value ? fmtDate(value) : '');
  const [bad, setBad] = useState(false);
  useEffect(() => {
    const cur = parseViDate(text);
    if (cur !== 'invalid' && cur !== value) setText(value ? fmtDate(value) : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow outside changes only
  }, [value]);
  return (
    <input
      id={id}
      name={name}
      className={`date-input${bad ? ' invalid' : ''}`}
      value={text}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      required={required}
      aria-invalid={bad}
      aria-label={rest['aria-label']}
      title={bad ? 'Ngày viết dạng ngày/tháng/năm, ví dụ 15/12/2024' : undefined}
      onChange={(e) => {
        setText(e.target.value);
        const r = parseViDate(e.target.value);
        setBad(r === 'invalid');
        if (r !== 'invalid') onChange(r);
      }}
    />
  );
}
