/** The active cell in full: value and its error, status, note, state, the conflict, the history. */
import { type KeyboardEvent, useEffect, useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { ErrorNote } from '../../components/ui.tsx';
import { type MsgKey, useI18n } from '../../i18n/index.tsx';
import { get, listOf } from '../../lib/api.ts';
import { fmtDateTime, fmtMeasure, fmtNumber } from '../../lib/format.ts';
import type { EntryCell, UnitView, ValueRevision, ValueStatus } from '../../lib/types.ts';
import { type Edit, parseCellText, type Row } from './model.ts';

interface Props {
  row: Row;
  unit: UnitView;
  stored: EntryCell | undefined;
  edit: Edit | undefined;
  conflict: EntryCell | undefined;
  readOnly: boolean;
  onStatus(s: ValueStatus): void;
  onNote(n: string): void;
  onRevert(): void;
  onKeepMine(): void;
  onBackToGrid(): void;
}

const STATUSES: ValueStatus[] = ['thuc_hien', 'uoc', 'so_bo'];

export function CellPanel({ row, unit, stored, edit, conflict, readOnly, onStatus, onNote, onRevert, onKeepMine, onBackToGrid }: Props) {
  const { t } = useI18n();
  const [history, setHistory] = useState<ValueRevision[] | null>(null);
  const [historyError, setHistoryError] = useState<unknown>(null);
  const valueId = stored?.valueId ?? null;
  useEffect(() => {
    setHistory(null);
    setHistoryError(null);
  }, [valueId, unit.id, row.key]);

  const parsed = edit ? parseCellText(edit.text, row.indicator) : null;
  const status = edit?.status ?? stored?.status ?? 'thuc_hien';
  const note = edit ? edit.note : (stored?.note ?? '');
  const mu = row.indicator.measureUnit;

  async function loadHistory() {
    if (!valueId) return;
    setHistoryError(null);
    try {
      const body = await get<unknown>(`/api/values/${encodeURIComponent(valueId)}/history`);
      setHistory(listOf<ValueRevision>(body, 'history'));
    } catch (e) {
      setHistoryError(e);
    }
  }

  const backOnEsc = (e: KeyboardEvent) => {
    if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      onBackToGrid();
    }
  };

  return (
    <aside className="cell-panel card" aria-label={t('entry.cellPanel')} data-testid="cell-panel">
      <div className="cp-title">
        <strong>{row.indicator.name}</strong>
        {row.optionLabel && <span> — {row.optionLabel}</span>}
        <div className="muted small">
          {unit.displayName}
          {mu ? ` · ${t('entry.measureUnit')}: ${mu}` : ''}
        </div>
      </div>

      {conflict && (
        <div className="alert alert-warn conflict-box" role="alert" data-testid="conflict">
          <strong>{t('entry.conflict')}</strong>
          <dl className="pair">
            <dt>{t('entry.currentValue')}</dt>
            <dd data-testid="conflict-current">
              {fmtMeasure(conflict.value, mu, 6)}
              {conflict.updatedBy && (
                <span className="muted small">
                  {' '}
                  ({conflict.updatedBy}, {fmtDateTime(conflict.updatedAt)})
                </span>
              )}
            </dd>
            <dt>{t('entry.yourValue')}</dt>
            <dd data-testid="conflict-mine">{edit?.text || '—'}</dd>
          </dl>
          <div className="btn-row">
            <button type="button" className="btn btn-small" onClick={onKeepMine} data-testid="keep-mine">
              {t('entry.keepMine')}
            </button>
            <button type="button" className="btn btn-small" onClick={onRevert} data-testid="take-theirs">
              {t('entry.takeTheirs')}
            </button>
          </div>
        </div>
      )}

      <dl className="facts one-col">
        <div>
          <dt>{t('entry.storedValue')}</dt>
          <dd>{stored?.value !== null && stored?.value !== undefined ? fmtMeasure(stored.value, mu, 6) : '—'}</dd>
        </div>
        {edit && (
          <div>
            <dt>{t('entry.yourValue')}</dt>
            <dd className={parsed?.ok === false ? 'text-error' : ''}>{parsed?.ok === true ? fmtMeasure(parsed.value, mu, 6) : edit.text || '—'}</dd>
          </div>
        )}
        <div>
          <dt>{t('entry.state')}</dt>
          <dd>{stored?.state ? t(`entry.cellState.${stored.state}` as MsgKey) : t('entry.cellState.none')}</dd>
        </div>
        {stored?.updatedAt && (
          <div>
            <dt>{t('entry.updated')}</dt>
            <dd>
              {stored.updatedBy ?? '—'}, {fmtDateTime(stored.updatedAt)}
            </dd>
          </div>
        )}
      </dl>
      {parsed?.ok === false && (
        <div className="text-error small" role="alert" data-testid="cell-error">
          {parsed.error}
        </div>
      )}

      <label className="field">
        <span>{t('entry.valueStatus')}</span>
        <select value={status} disabled={readOnly} onChange={(e) => onStatus(e.target.value as ValueStatus)} onKeyDown={backOnEsc} data-testid="cell-status">
          {STATUSES.map((s, i) => (
            <option key={s} value={s}>
              {t(`valueStatus.${s}` as MsgKey)} (Alt+{i + 1})
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('entry.note')} (Shift+F2)</span>
        <textarea id="cell-note" rows={2} value={note} readOnly={readOnly} onChange={(e) => onNote(e.target.value)} onKeyDown={backOnEsc} data-testid="cell-note" />
      </label>
      <div className="btn-row">
        {edit && !readOnly && (
          <button type="button" className="btn btn-small" onClick={onRevert}>
            {t('entry.revert')}
          </button>
        )}
        <button id="cell-history" type="button" className="btn btn-small" onClick={() => void loadHistory()} disabled={!valueId} data-testid="cell-history" title="Alt+H">
          <Icon name="history" /> {t('entry.history')}
        </button>
      </div>
      <ErrorNote error={historyError} />
      {history && (
        <div className="history" data-testid="history">
          {history.length === 0 ? (
            <p className="muted">{t('entry.noHistory')}</p>
          ) : (
            <ol>
              {history.map((h, i) => (
                <li key={i}>
                  <div className="small muted">
                    {fmtDateTime(h.at)} · {h.by ?? '—'}
                  </div>
                  <div>
                    {fmtNumber(h.oldValue, 6)} → <strong>{fmtNumber(h.newValue, 6)}</strong>
                    {h.oldStatus !== h.newStatus && h.newStatus && (
                      <span className="muted small">
                        {' '}
                        ({h.oldStatus ? t(`valueStatus.${h.oldStatus}` as MsgKey) : '—'} → {t(`valueStatus.${h.newStatus}` as MsgKey)})
                      </span>
                    )}
                  </div>
                  {h.reason && <div className="small">{h.reason}</div>}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </aside>
  );
}
