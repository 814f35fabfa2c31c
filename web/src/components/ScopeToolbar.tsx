/**
 * Pieces shared by the pages that work on one unit, period and resolution (dashboard, entry, report).
 */
import { useI18n } from '../i18n/index.tsx';
import { type Route, setQuery } from '../lib/router.ts';
import type { ResolutionView, UnitView } from '../lib/types.ts';
import { defaultUnit } from '../lib/units.ts';

/** The resolution choice: empty means "the one that governs the period". */
export function ResolutionSelect(props: { id: string; value: string; resolutions: readonly ResolutionView[]; onChange(id: string | null): void }) {
  const { t } = useI18n();
  return (
    <div className="picker">
      <label className="picker-label" htmlFor={props.id}>
        {t('common.resolution')}
      </label>
      <select id={props.id} className="resolution-select" value={props.value} onChange={(e) => props.onChange(e.target.value || null)}>
        <option value="">{t('dash.governing')}</option>
        {props.resolutions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.number} — {r.title.length > 70 ? `${r.title.slice(0, 70)}…` : r.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Shown instead of a page's content when the server answers 403 for the chosen unit. */
export function NoAccess() {
  const { t } = useI18n();
  return (
    <div className="alert alert-error no-access" role="alert" data-testid="no-access">
      <strong>{t('common.noAccess')}</strong>
      <div>{t('common.noAccessHint')}</div>
    </div>
  );
}

/**
 * The UnitPicker's onUnits callback: with no unit in the address, open on the account's own unit as it
 * exists in this tree and period.
 */
export function openOnOwnUnit(route: Route, roots: readonly string[], unitId: string | null): (list: UnitView[]) => void {
  return (list) => {
    if (route.query.get('unit')) return;
    const d = defaultUnit(list, [...roots]);
    if (d && d !== unitId) setQuery(route, { unit: d });
  };
}
