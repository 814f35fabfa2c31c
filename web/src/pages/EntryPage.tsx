/**
 * Nhập số liệu: indicators × units for one period. Drafts are saved with the versions they started
 * from; a 409 keeps every edit and shows the stored value next to the user's. Submit, approve,
 * return and reopen act on one unit (the column of the active cell).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { matchesSearch } from '../../../src/core/text.ts';
import { Icon } from '../components/Icon.tsx';
import { PeriodPicker } from '../components/PeriodPicker.tsx';
import { ErrorNote, Modal, PageHeader } from '../components/ui.tsx';
import { UnitPicker } from '../components/UnitPicker.tsx';
import { NoAccess, openOnOwnUnit } from '../components/ScopeToolbar.tsx';
import { type MsgKey, useI18n } from '../i18n/index.tsx';
import { ApiError, download, get, post, put, upload, withQuery } from '../lib/api.ts';
import { can, useUser } from '../lib/auth.tsx';
import { fmtNumber } from '../lib/format.ts';
import { fieldLabel, periodText } from '../lib/labels.ts';
import { setQuery, useRoute } from '../lib/router.ts';
import type { EntryCell, EntryGrid, FieldProblem, ValueStatus } from '../lib/types.ts';
import { useLoad } from '../lib/useLoad.ts';
import { defaultPeriod, periodRange } from '../lib/period-defaults.ts';
import { CellPanel } from './entry/CellPanel.tsx';
import { Grid, type GridApi } from './entry/Grid.tsx';
import { buildRows, cellKey, conflictsOf, type Edit, isDirty, orderUnits, parseCellText, unitState } from './entry/model.ts';

type ReasonAction = 'return' | 'reopen';

export default function EntryPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const route = useRoute();
  const period = route.query.get('period') ?? defaultPeriod();
  const unitId = route.query.get('unit') ?? user.unitIds[0] ?? null;
  const tree = route.query.get('tree') === 'party' ? 'party' : 'state';
  const at = periodRange(period);
  const canEnter = can(user.role, 'enterFigures');

  const grid = useLoad((signal) => get<EntryGrid>(withQuery('/api/entry', { unitId, period }), { signal }), [unitId, period], !!unitId);
  const [edits, setEdits] = useState<Map<string, Edit>>(new Map());
  const [conflicts, setConflicts] = useState<Map<string, EntryCell>>(new Map());
  const [active, setActive] = useState<{ r: number; c: number }>({ r: 0, c: 0 });
  const [search, setSearch] = useState('');
  const [field, setField] = useState('');
  const [onlyChanged, setOnlyChanged] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'warn'; text: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reasonFor, setReasonFor] = useState<ReasonAction | null>(null);
  const [uploadProblems, setUploadProblems] = useState<FieldProblem[] | null>(null);
  const gridApi = useRef<GridApi>(null);

  // A new unit or period starts clean; unsaved edits were warned about before leaving.
  useEffect(() => {
    setEdits(new Map());
    setConflicts(new Map());
    setNotice(null);
    setError(null);
    setActive({ r: 0, c: 0 });
  }, [unitId, period]);

  const data = grid.data && !grid.error ? grid.data : null;
  const cells = useMemo(() => {
    const m = new Map<string, EntryCell>();
    for (const c of data?.cells ?? []) m.set(cellKey(c.indicator, c.unitId, c.option), c);
    return m;
  }, [data]);
  const units = useMemo(() => orderUnits(data?.units ?? [], unitId), [data, unitId]);
  const locked = useMemo(() => new Set((data?.locks ?? []).map((l) => l.unitId)), [data]);
  const allRows = useMemo(() => (data ? buildRows(data) : []), [data]);
  const fields = useMemo(() => [...new Set(allRows.map((r) => r.indicator.field).filter((f): f is NonNullable<typeof f> => !!f))], [allRows]);

  const dirtyKeys = useMemo(() => {
    const out: string[] = [];
    for (const [k, e] of edits) {
      const ind = allRows.find((r) => k.startsWith(`${r.indicator.code}|`))?.indicator;
      if (isDirty(e, cells.get(k), parseCellText(e.text, { valueType: ind?.valueType }))) out.push(k);
    }
    return out;
  }, [edits, cells, allRows]);

  const rows = useMemo(
    () =>
      allRows.filter(
        (r) =>
          (!field || r.indicator.field === field) &&
          (!search.trim() || matchesSearch(`${r.indicator.code} ${r.indicator.name} ${r.optionLabel ?? ''}`, search)) &&
          (!onlyChanged || units.some((u) => dirtyKeys.includes(cellKey(r.indicator.code, u.id, r.option)))),
      ),
    [allRows, field, search, onlyChanged, units, dirtyKeys],
  );

  const hasUnsaved = dirtyKeys.length > 0;
  useEffect(() => {
    if (!hasUnsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved]);

  const isReadOnly = useCallback(
    (uid: string, key: string) => {
      if (!canEnter || locked.has(uid)) return true;
      return cells.get(key)?.state === 'approved';
    },
    [canEnter, locked, cells],
  );

  const activeRow = rows[Math.min(active.r, rows.length - 1)];
  const activeUnit = units[Math.min(active.c, units.length - 1)];
  const activeKey = activeRow && activeUnit ? cellKey(activeRow.indicator.code, activeUnit.id, activeRow.option) : null;

  function setEdit(key: string, patch: Partial<Edit>) {
    setEdits((prev) => {
      const n = new Map(prev);
      const stored = cells.get(key);
      const base: Edit = prev.get(key) ?? {
        text: stored?.value !== null && stored?.value !== undefined ? fmtNumber(stored.value, 6) : '',
        status: stored?.status ?? 'thuc_hien',
        note: stored?.note ?? '',
        baseVersion: stored?.version ?? null,
      };
      n.set(key, { ...base, ...patch });
      return n;
    });
  }

  function revert(key: string) {
    // "Use the stored value" after a conflict: fetch it again so the grid shows it.
    if (conflicts.has(key)) grid.reload();
    setEdits((prev) => {
      const n = new Map(prev);
      n.delete(key);
      return n;
    });
    setConflicts((prev) => {
      const n = new Map(prev);
      n.delete(key);
      return n;
    });
  }

  /** Keep my value over the one stored meanwhile: the next save starts from the stored version. */
  function keepMine(key: string) {
    const cur = conflicts.get(key);
    if (!cur) return;
    setEdit(key, { baseVersion: cur.version ?? null });
    setConflicts((prev) => {
      const n = new Map(prev);
      n.delete(key);
      return n;
    });
  }

  /** 'ok' when everything was saved; 'invalid' when cells with errors stayed behind; 'failed' otherwise. */
  async function save(): Promise<'ok' | 'invalid' | 'failed'> {
    if (!data) return 'failed';
    setError(null);
    setNotice(null);
    const toSend: { key: string; body: Record<string, unknown> }[] = [];
    let invalid = 0;
    for (const key of dirtyKeys) {
      const e = edits.get(key)!;
      const [indicator, uid, opt] = key.split('|') as [string, string, string];
      const ind = allRows.find((r) => r.indicator.code === indicator)?.indicator;
      const p = parseCellText(e.text, { valueType: ind?.valueType });
      if (p.ok !== true) {
        invalid++;
        continue;
      }
      if (isReadOnly(uid, key)) continue;
      toSend.push({ key, body: { indicator, unitId: uid, option: opt || null, value: p.value, status: e.status, note: e.note.trim() || null, version: e.baseVersion } });
    }
    if (toSend.length === 0) {
      setNotice({ kind: 'warn', text: invalid ? t('entry.invalidNotSent', { n: invalid }) : t('entry.nothingToSave') });
      return invalid ? 'invalid' : 'ok';
    }
    setBusy(true);
    try {
      await put('/api/entry', { period: periodCodeOf(data, period), cells: toSend.map((s) => s.body) });
      const sentKeys = new Set(toSend.map((s) => s.key));
      const sentText = new Map(toSend.map((s) => [s.key, edits.get(s.key)?.text]));
      setEdits((prev) => {
        const n = new Map(prev);
        for (const k of sentKeys) if (n.get(k)?.text === sentText.get(k)) n.delete(k);
        return n;
      });
      setConflicts(new Map());
      setNotice({ kind: invalid ? 'warn' : 'ok', text: t('entry.saved', { n: toSend.length }) + (invalid ? ` ${t('entry.invalidNotSent', { n: invalid })}` : '') });
      grid.reload();
      return invalid ? 'invalid' : 'ok';
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const found = conflictsOf(e.current, edits);
        setConflicts(found);
        setNotice({ kind: 'warn', text: t('entry.conflictShort') });
        setError(null);
        // Jump to the first conflicting cell so its stored value shows in the panel.
        const first = [...found.keys()][0];
        if (first) focusKey(first);
      } else setError(e);
      return 'failed';
    } finally {
      setBusy(false);
    }
  }

  function focusKey(key: string) {
    const [indicator, uid, opt] = key.split('|');
    const r = rows.findIndex((x) => x.indicator.code === indicator && (x.option ?? '') === (opt ?? ''));
    const c = units.findIndex((u) => u.id === uid);
    if (r >= 0 && c >= 0) setActive({ r, c });
  }

  async function workflow(action: 'submit' | 'approve' | ReasonAction, reason?: string) {
    if (!activeUnit || !data) return;
    setError(null);
    setNotice(null);
    if (action === 'submit' && dirtyKeys.some((k) => k.split('|')[1] === activeUnit.id)) {
      const saved = await save();
      if (saved === 'invalid') setNotice({ kind: 'warn', text: t('entry.fixBeforeSubmit') });
      if (saved !== 'ok') return;
    }
    setBusy(true);
    try {
      const body: Record<string, unknown> = { unitId: activeUnit.id, period: periodCodeOf(data, period) };
      if (reason !== undefined) body.reason = reason;
      await post(`/api/entry/${action}`, body);
      setNotice({ kind: 'ok', text: t(`entry.done.${action}` as MsgKey, { unit: activeUnit.displayName }) });
      grid.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function onUpload(file: File) {
    setError(null);
    setNotice(null);
    setUploadProblems(null);
    setBusy(true);
    try {
      await upload(withQuery('/api/entry/template.xlsx', { unitId, period }), 'file', file);
      setNotice({ kind: 'ok', text: t('entry.uploaded', { name: file.name }) });
      grid.reload();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fields.length) setUploadProblems(e.fields);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  const forbidden = grid.error instanceof ApiError && grid.error.status === 403;
  const activeUnitCells = useMemo(() => (activeUnit ? (data?.cells ?? []).filter((c) => c.unitId === activeUnit.id) : []), [data, activeUnit]);
  const activeState = activeUnit ? unitState(activeUnitCells, locked.has(activeUnit.id)) : 'empty';
  const returnedReason = activeUnitCells.find((c) => c.state === 'returned' && c.reason)?.reason ?? null;
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <div className="page entry">
      <PageHeader title={t('nav.entry')}>
        <button type="button" className="btn" onClick={() => void download(withQuery('/api/entry/template.xlsx', { unitId, period }), `mau-nhap-${unitId}-${period}.xlsx`).catch(setError)} disabled={!data} data-testid="template-download">
          <Icon name="download" /> {t('entry.template')}
        </button>
        {canEnter && (
          <>
            <button type="button" className="btn" onClick={() => fileInput.current?.click()} disabled={!data || busy} data-testid="template-upload">
              <Icon name="upload" /> {t('entry.upload')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              hidden
              data-testid="template-file"
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void onUpload(f);
              }}
            />
          </>
        )}
      </PageHeader>

      <div className="toolbar">
        <UnitPicker
          label={t('common.unit')}
          id="entry-unit"
          value={unitId}
          at={at}
          tree={tree}
          onUnits={openOnOwnUnit(route, user.unitIds, unitId)}
          onTreeChange={(tr) => setQuery(route, { tree: tr, unit: null })}
          onChange={(u) => {
            if (!hasUnsaved || confirm(t('entry.leaveUnsaved'))) setQuery(route, { unit: u.id });
          }}
        />
        <PeriodPicker
          label={t('common.period')}
          id="entry-period"
          value={period}
          onChange={(p) => {
            if (!hasUnsaved || confirm(t('entry.leaveUnsaved'))) setQuery(route, { period: p });
          }}
        />
        <div className="picker">
          <label className="picker-label" htmlFor="entry-field">
            {t('dash.field')}
          </label>
          <select id="entry-field" value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {fields.map((f) => (
              <option key={f} value={f}>
                {fieldLabel(t, f)}
              </option>
            ))}
          </select>
        </div>
        <div className="picker grow">
          <label className="picker-label" htmlFor="entry-search">
            {t('entry.findIndicator')}
          </label>
          <input id="entry-search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('entry.findPlaceholder')} />
        </div>
        <label className="check">
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> {t('entry.onlyChanged')}
        </label>
      </div>

      {forbidden ? (
        <NoAccess />
      ) : grid.error ? (
        <ErrorNote error={grid.error} />
      ) : !data ? (
        <div className="loading">{t('common.loading')}</div>
      ) : (
        <>
          <div className="action-bar">
            <div className="action-unit">
              <span className="muted">{t('entry.actingOn')}</span> <strong data-testid="acting-unit">{activeUnit?.displayName ?? '—'}</strong> ·{' '}
              <span className={`state-tag state-${activeState}`} data-testid="unit-state">
                {t(`entry.unitState.${activeState}` as MsgKey)}
              </span>
              {returnedReason && (
                <span className="returned-reason">
                  {' '}
                  — {t('entry.returnedBecause')}: {returnedReason}
                </span>
              )}
            </div>
            <div className="action-buttons">
              {canEnter && (
                <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={busy || !hasUnsaved} data-testid="save-draft" title="Ctrl+S">
                  {t('entry.saveDraft')} {hasUnsaved ? `(${dirtyKeys.length})` : ''}
                </button>
              )}
              {can(user.role, 'submit') && activeUnit && !locked.has(activeUnit.id) && (
                <button type="button" className="btn" onClick={() => void workflow('submit')} disabled={busy} data-testid="submit">
                  {t('entry.submit')}
                </button>
              )}
              {can(user.role, 'approve') && activeUnit && !locked.has(activeUnit.id) && (
                <>
                  <button type="button" className="btn btn-ok" onClick={() => void workflow('approve')} disabled={busy} data-testid="approve">
                    {t('entry.approve')}
                  </button>
                  {activeUnitCells.some((c) => c.state === 'submitted') && (
                    <button type="button" className="btn" onClick={() => setReasonFor('return')} disabled={busy} data-testid="return">
                      {t('entry.return')}
                    </button>
                  )}
                </>
              )}
              {can(user.role, 'approve') && activeUnit && locked.has(activeUnit.id) && (
                <button type="button" className="btn" onClick={() => setReasonFor('reopen')} disabled={busy} data-testid="reopen">
                  {t('entry.reopen')}
                </button>
              )}
            </div>
          </div>

          {notice && (
            <div className={`alert ${notice.kind === 'ok' ? 'alert-ok' : 'alert-warn'}`} role="status" data-testid="entry-notice">
              {notice.text}
            </div>
          )}
          <ErrorNote error={error} />
          {uploadProblems && <UploadProblems problems={uploadProblems} onClose={() => setUploadProblems(null)} />}

          <div className="entry-body">
            <Grid
              ref={gridApi}
              rows={rows}
              units={units}
              cells={cells}
              edits={edits}
              conflicts={conflicts}
              locked={locked}
              active={active}
              onActive={setActive}
              isReadOnly={isReadOnly}
              onEdit={(key, text) => setEdit(key, { text })}
              onStatus={(key, status: ValueStatus) => setEdit(key, { status })}
              onRevert={revert}
              onSave={() => void save()}
              onPasteReport={(applied, skipped, bad) =>
                setNotice({ kind: bad || skipped ? 'warn' : 'ok', text: t('entry.pasted', { n: applied }) + (skipped ? ` ${t('entry.pasteSkipped', { n: skipped })}` : '') + (bad ? ` ${t('entry.invalidNotSent', { n: bad })}` : '') })
              }
              onNote={() => document.getElementById('cell-note')?.focus()}
              onHistory={() => document.getElementById('cell-history')?.click()}
            />
            {activeRow && activeUnit && activeKey && (
              <CellPanel
                row={activeRow}
                unit={activeUnit}
                stored={cells.get(activeKey)}
                edit={edits.get(activeKey)}
                conflict={conflicts.get(activeKey)}
                readOnly={isReadOnly(activeUnit.id, activeKey)}
                onStatus={(s) => setEdit(activeKey, { status: s })}
                onNote={(n) => setEdit(activeKey, { note: n })}
                onRevert={() => revert(activeKey)}
                onKeepMine={() => keepMine(activeKey)}
                onBackToGrid={() => gridApi.current?.focus()}
              />
            )}
          </div>
          <div className="grid-foot muted small">
            {periodText(locale, period)} · {t('entry.rowsShown', { n: rows.length, total: allRows.length })} · {t('entry.keysHelp')}
          </div>
        </>
      )}

      {reasonFor && activeUnit && (
        <ReasonDialog
          title={t(reasonFor === 'return' ? 'entry.returnTitle' : 'entry.reopenTitle', { unit: activeUnit.displayName })}
          onCancel={() => setReasonFor(null)}
          onConfirm={(reason) => {
            const action = reasonFor;
            setReasonFor(null);
            void workflow(action, reason);
          }}
        />
      )}
    </div>
  );
}

function periodCodeOf(grid: EntryGrid, fallback: string): string {
  return typeof grid.period === 'string' ? grid.period : (grid.period?.code ?? fallback);
}

function ReasonDialog({ title, onCancel, onConfirm }: { title: string; onCancel(): void; onConfirm(reason: string): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <Modal
      title={title}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={!reason.trim()} onClick={() => onConfirm(reason.trim())} data-testid="reason-confirm">
            {t('common.confirm')}
          </button>
        </>
      }
    >
      <label className="field">
        <span>{t('entry.reason')}</span>
        <textarea autoFocus rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reason-input" />
      </label>
    </Modal>
  );
}

function UploadProblems({ problems, onClose }: { problems: FieldProblem[]; onClose(): void }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert" data-testid="upload-errors">
      <div className="row-between">
        <strong>{t('entry.uploadErrors', { n: problems.length })}</strong>
        <button type="button" className="icon-btn" onClick={onClose} aria-label={t('common.close')}>
          <Icon name="close" />
        </button>
      </div>
      <table className="table compact">
        <thead>
          <tr>
            <th>{t('entry.sheet')}</th>
            <th>{t('entry.row')}</th>
            <th>{t('entry.column')}</th>
            <th>{t('entry.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => {
            const m = /^(.*)!([A-Z]+)(\d+)$/.exec(p.path ?? '');
            return (
              <tr key={i}>
                <td>{p.sheet ?? m?.[1] ?? '—'}</td>
                <td>{p.row ?? m?.[3] ?? '—'}</td>
                <td>{p.column ?? m?.[2] ?? '—'}</td>
                <td>{p.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
