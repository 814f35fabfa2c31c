/** Several root units: the one-unit UnitPicker adds a chip; each chip has a remove button. */
import { Icon } from '../../components/Icon.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { todayIso } from '../../lib/format.ts';
import { UnitName } from '../../lib/unit-names.tsx';

export function UnitsField({ value, onChange, tree, onTreeChange }: { value: string[]; onChange(ids: string[]): void; tree: 'state' | 'party'; onTreeChange(t: 'state' | 'party'): void }) {
  const { t } = useI18n();
  return (
    <div className="stack" data-testid="account-units">
      <ul className="chips" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('accounts.units')}>
        {value.map((id) => (
          <li key={id} className="chip on" data-unit={id}>
            <UnitName id={id} />
            <button type="button" className="icon-btn" onClick={() => onChange(value.filter((v) => v !== id))} aria-label={t('accounts.removeUnit')} title={t('accounts.removeUnit')}>
              <Icon name="close" size={12} />
            </button>
          </li>
        ))}
        {value.length === 0 && <li className="muted small">{t('accounts.noUnits')}</li>}
      </ul>
      <UnitPicker value={null} at={todayIso()} tree={tree} onTreeChange={onTreeChange} onChange={(u) => !value.includes(u.id) && onChange([...value, u.id])} />
    </div>
  );
}
