/**
 * The keyboard grid. Arrows move; Enter or F2 edits; typing overwrites; Tab / Shift+Tab move right and
 * left; Esc cancels an edit; Ctrl+V pastes a block copied from Excel; Ctrl+C copies the cell;
 * Delete drops the cell's unsaved change; Alt+1/2/3 set thực hiện / ước / sơ bộ; Shift+F2 goes to
 * the note; Alt+H shows the history; Ctrl+S saves the draft.
 */
import { type ClipboardEvent, type KeyboardEvent, type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { type MsgKey, useI18n } from '../../i18n/index.tsx';
import { fmtNumber } from '../../lib/format.ts';
import type { EntryCell, UnitView, ValueStatus } from '../../lib/types.ts';
import { cellKey, type Edit, isDirty, parseCellText, parseClipboard, type Row, unitState } from './model.ts';

export interface GridApi {
  focus(): void;
}

interface Props {
  ref?: Ref<GridApi>;
  rows: Row[];
  units: UnitView[];
  cells: Map<string, EntryCell>;
  edits: Map<string, Edit>;
  conflicts: Map<string, EntryCell>;
  locked: Set<string>;
  active: { r: number; c: number };
  onActive(a: { r: number; c: number }): void;
  isReadOnly(unitId: string, key: string): boolean;
  onEdit(key: string, text: string): void;
  onStatus(key: string, status: ValueStatus): void;
  onRevert(key: string): void;
  onSave(): void;
  onPasteReport(applied: number, skipped: number, invalid: number): void;
  onNote(): void;
  onHistory(): void;
}

interface Editing {
  key: string;
  text: string;
  /** typed: arrows commit and move (as in a spreadsheet); edit (Enter/F2): arrows move the caret. */
  mode: 'typed' | 'edit';
}

const STATUS_KEYS: Record<string, ValueStatus> = { '1': 'thuc_hien', '2': 'uoc', '3': 'so_bo' };

export function Grid(props: Props) {
  const { ref, rows, units, cells, edits, conflicts, locked, active, onActive, isReadOnly } = props;
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  useImperativeHandle(ref, () => ({ focus: () => box.current?.focus() }), []);

  const r = Math.min(active.r, Math.max(0, rows.length - 1));
  const c = Math.min(active.c, Math.max(0, units.length - 1));
  const keyAt = (ri: number, ci: number) => {
    const row = rows[ri];
    const u = units[ci];
    return row && u ? cellKey(row.indicator.code, u.id, row.option) : null;
  };
  const activeKey = keyAt(r, c);

  const shownText = (key: string) => {
    const e = edits.get(key);
    if (e) return e.text;
    const s = cells.get(key);
    return s?.value !== null && s?.value !== undefined ? fmtNumber(s.value, 6) : '';
  };

  useEffect(() => {
    box.current?.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [r, c]);

  useEffect(() => {
    if (editing) {
      const el = input.current;
      if (el) {
        el.focus();
        const end = el.value.length;
        el.setSelectionRange(end, end);
      }
    }
  }, [editing?.key]); // eslint-disable-line react-hooks/exhaustive-deps -- only when a new edit starts

  const move = (dr: number, dc: number) => {
    let nr = r + dr;
    let nc = c + dc;
    if (nc >= units.length && dr === 0 && dc > 0) {
      nc = 0;
      nr = Math.min(rows.length - 1, nr + 1);
    } else if (nc < 0 && dr === 0 && dc < 0) {
      nc = units.length - 1;
      nr = Math.max(0, nr - 1);
    }
    onActive({ r: Math.max(0, Math.min(rows.length - 1, nr)), c: Math.max(0, Math.min(units.length - 1, nc)) });
  };

  const readOnlyAt = (key: string | null, ci: number) => !key || isReadOnly(units[ci]!.id, key);

  const startEdit = (mode: Editing['mode'], text?: string) => {
    if (!activeKey || readOnlyAt(activeKey, c)) return;
    setEditing({ key: activeKey, text: text ?? shownText(activeKey), mode });
  };

  /** Keeps the typed text; `refocus` is false when focus is leaving for another control. */
  const commit = (refocus = true) => {
    if (!editing) return;
    if (editing.text !== shownText(editing.key)) props.onEdit(editing.key, editing.text);
    setEditing(null);
    if (refocus) box.current?.focus();
  };

  const cancel = () => {
    setEditing(null);
    box.current?.focus();
  };

  function onGridKey(e: KeyboardEvent<HTMLDivElement>) {
    if (editing) return; // the input handles its own keys
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && e.key.toLowerCase() === 's') {
      e.preventDefault();
      props.onSave();
      return;
    }
    if (e.altKey && STATUS_KEYS[e.key]) {
      e.preventDefault();
      if (activeKey && !readOnlyAt(activeKey, c)) props.onStatus(activeKey, STATUS_KEYS[e.key]!);
      return;
    }
    if (e.altKey && e.key.toLowerCase() === 'h') {
      e.preventDefault();
      props.onHistory();
      return;
    }
    switch (e.key) {
      case 'ArrowUp':
        move(-1, 0);
        break;
      case 'ArrowDown':
        move(1, 0);
        break;
      case 'ArrowLeft':
        move(0, -1);
        break;
      case 'ArrowRight':
        move(0, 1);
        break;
      case 'Tab':
        move(0, e.shiftKey ? -1 : 1);
        break;
      case 'Home':
        onActive({ r: ctrl ? 0 : r, c: 0 });
        break;
      case 'End':
        onActive({ r: ctrl ? rows.length - 1 : r, c: units.length - 1 });
        break;
      case 'PageDown':
        move(10, 0);
        break;
      case 'PageUp':
        move(-10, 0);
        break;
      case 'Enter':
        startEdit('edit');
        break;
      case 'F2':
        if (e.shiftKey) props.onNote();
        else startEdit('edit');
        break;
      case 'Backspace':
        startEdit('typed', '');
        break;
      case 'Delete':
        if (activeKey) props.onRevert(activeKey);
        break;
      default:
        if (e.key.length === 1 && !ctrl && !e.altKey) {
          startEdit('typed', e.key);
          break;
        }
        return;
    }
    e.preventDefault();
  }

  function onInputKey(e: KeyboardEvent<HTMLInputElement>) {
    e.stopPropagation();
    const ctrl = e.ctrlKey || e.metaKey;
    const commitAndMove = (dr: number, dc: number) => {
      e.preventDefault();
      commit();
      move(dr, dc);
    };
    if (e.key === 'Enter') commitAndMove(e.shiftKey ? -1 : 1, 0);
    else if (e.key === 'Tab') commitAndMove(0, e.shiftKey ? -1 : 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'ArrowUp') commitAndMove(-1, 0);
    else if (e.key === 'ArrowDown') commitAndMove(1, 0);
    else if (editing?.mode === 'typed' && e.key === 'ArrowLeft') commitAndMove(0, -1);
    else if (editing?.mode === 'typed' && e.key === 'ArrowRight') commitAndMove(0, 1);
    else if (e.key === 'F2') {
      e.preventDefault();
      setEditing((ed) => (ed ? { ...ed, mode: ed.mode === 'typed' ? 'edit' : 'typed' } : ed));
    } else if (ctrl && e.key.toLowerCase() === 's') {
      e.preventDefault();
      commit();
      // Let the edit reach the page state before saving.
      setTimeout(props.onSave, 0);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    if (editing) return;
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const block = parseClipboard(text);
    let applied = 0;
    let skipped = 0;
    let invalid = 0;
    block.forEach((line, i) =>
      line.forEach((raw, j) => {
        const ri = r + i;
        const ci = c + j;
        const key = keyAt(ri, ci);
        if (!key || readOnlyAt(key, ci)) {
          skipped++;
          return;
        }
        const v = raw.trim();
        if (v === '') return;
        const row = rows[ri]!;
        // A block from a spreadsheet in English locale says "1440.5": accept it, show it the Vietnamese way.
        const p = parseCellText(v, row.indicator, { allowMachineDecimal: true });
        const strict = parseCellText(v, row.indicator);
        const text = p.ok === true && strict.ok !== true ? fmtNumber(p.value, 6) : v;
        if (p.ok !== true) invalid++;
        props.onEdit(key, text);
        applied++;
      }),
    );
    props.onPasteReport(applied, skipped, invalid);
  }

  function onCopy(e: ClipboardEvent<HTMLDivElement>) {
    if (editing || !activeKey) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', shownText(activeKey));
  }

  if (rows.length === 0 || units.length === 0) return <div className="empty-state muted">{t('entry.empty')}</div>;

  return (
    <div
      ref={box}
      className="grid-wrap"
      tabIndex={0}
      role="grid"
      aria-label={t('nav.entry')}
      aria-rowcount={rows.length + 1}
      aria-colcount={units.length + 1}
      onKeyDown={onGridKey}
      onPaste={onPaste}
      onCopy={onCopy}
      data-testid="entry-grid"
    >
      <table className="grid">
        <thead>
          <tr role="row">
            <th className="corner" role="columnheader">
              {t('entry.indicator')}
            </th>
            {units.map((u, ci) => {
              const st = unitState(
                [...cells.values()].filter((x) => x.unitId === u.id),
                locked.has(u.id),
              );
              return (
                <th key={u.id} role="columnheader" className={ci === c ? 'col-active' : undefined} data-unit={u.id}>
                  <div className="col-name">{u.displayName}</div>
                  <div className={`state-tag state-${st}`}>
                    {st === 'locked' && <Icon name="lock" size={11} />} {t(`entry.unitState.${st}` as MsgKey)}
                  </div>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, ri) => (
            <tr key={row.key} role="row" className={ri === r ? 'row-active' : undefined}>
              <th role="rowheader" className={`row-head${row.option ? ' option' : ''}`} title={row.indicator.name}>
                {row.option ? (
                  <span className="row-name">↳ {row.optionLabel}</span>
                ) : (
                  <>
                    <span className="row-name">{row.indicator.name}</span>
                    {row.indicator.measureUnit && <span className="row-unit muted"> ({row.indicator.measureUnit})</span>}
                  </>
                )}
              </th>
              {units.map((u, ci) => {
                const key = cellKey(row.indicator.code, u.id, row.option);
                const stored = cells.get(key);
                const edit = edits.get(key);
                const parsed = edit ? parseCellText(edit.text, row.indicator) : null;
                const dirty = !!edit && isDirty(edit, stored, parsed!);
                const bad = parsed?.ok === false;
                const conflict = conflicts.has(key);
                const ro = isReadOnly(u.id, key);
                const isActive = ri === r && ci === c;
                const status = edit?.status ?? stored?.status ?? null;
                const note = edit ? edit.note : (stored?.note ?? '');
                const cls = [
                  'cell',
                  stored?.state ? `st-${stored.state}` : '',
                  ro ? 'ro' : '',
                  dirty ? 'dirty' : '',
                  bad ? 'invalid' : '',
                  conflict ? 'conflict' : '',
                  isActive ? 'active' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td
                    key={u.id}
                    role="gridcell"
                    aria-selected={isActive}
                    aria-readonly={ro}
                    aria-invalid={bad || undefined}
                    className={cls}
                    data-r={ri}
                    data-c={ci}
                    data-indicator={row.indicator.code}
                    data-unit={u.id}
                    data-state={stored?.state ?? ''}
                    title={bad && parsed?.ok === false ? parsed.error : conflict ? t('entry.conflictShort') : undefined}
                    onMouseDown={() => {
                      if (editing && editing.key !== key) commit();
                      onActive({ r: ri, c: ci });
                    }}
                    onDoubleClick={() => {
                      onActive({ r: ri, c: ci });
                      if (!ro) setEditing({ key, text: shownText(key), mode: 'edit' });
                    }}
                  >
                    {editing?.key === key ? (
                      <input
                        ref={input}
                        className="cell-input"
                        value={editing.text}
                        onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                        onKeyDown={onInputKey}
                        onBlur={() => commit(false)}
                        aria-label={`${row.indicator.name} — ${u.displayName}`}
                        inputMode="decimal"
                        spellCheck={false}
                      />
                    ) : (
                      <>
                        <span className="cell-value">{shownText(key)}</span>
                        {status && status !== 'thuc_hien' && <span className={`mark mark-${status}`}>{status === 'uoc' ? t('entry.markEstimate') : t('entry.markPrelim')}</span>}
                        {note && <span className="mark-note" aria-label={t('entry.hasNote')} />}
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
