/** A number typed the Vietnamese way ("1.440,5", "7,3"); the error shows under the field. */
import { useEffect, useState } from 'react';
import { parseViNumber } from '../../../src/core/numbers.ts';
import { numberForInput } from '../lib/format.ts';

interface Props {
  value: number | null;
  onChange(v: number | null): void;
  /** When false, an empty field is an error rather than null. */
  optional?: boolean;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
  onValidity?(ok: boolean): void;
}

export function NumberInput({ value, onChange, optional = true, id, placeholder, disabled, onValidity, ...rest }: Props) {
  const [text, setText] = useState(numberForInput(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // Follow outside changes (a reset form) without clobbering what is being typed.
    const r = parseViNumber(text);
    const cur = r.ok ? r.value : null;
    if (cur !== value) setText(numberForInput(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the value changes from outside
  }, [value]);
  return (
    <span className="num-input">
      <input
        id={id}
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        aria-invalid={!!error}
        aria-label={rest['aria-label']}
        className={error ? 'invalid' : undefined}
        onChange={(e) => {
          const s = e.target.value;
          setText(s);
          if (s.trim() === '') {
            setError(optional ? null : 'Không được để trống');
            onValidity?.(optional);
            onChange(null);
            return;
          }
          const r = parseViNumber(s);
          setError(r.ok ? null : r.error);
          onValidity?.(r.ok);
          if (r.ok) onChange(r.value);
        }}
      />
      {error && <span className="field-error">{error}</span>}
    </span>
  );
}
