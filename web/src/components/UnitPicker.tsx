/**
 * Unit picker: a tree of the units in scope at a date, with a search that ignores diacritics
 * ("ngan son" finds "Ngân Sơn", "duc van" finds "Đức Vân"). Keyboard: ↑/↓ to move, Enter to choose,
 * → / ← to open and close a branch, Esc to close.
 */
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { matchesSearch } from '../../../src/core/text.ts';
import { useI18n } from '../i18n/index.tsx';
import { ancestorsOf, buildTree, fetchUnitsDuring, type UnitTree } from '../lib/units.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { UnitView } from '../lib/types.ts';
import { Icon } from './Icon.tsx';

interface Props {
  value: string | null;
  /** A date, or a period's first and last day (the units that existed at some time in it). */
  at: string | { start: string; end: string };
  onChange(unit: UnitView): void;
  tree?: 'state' | 'party';
  onTreeChange?(tree: 'state' | 'party'): void;
  /** Called once the list for `at` is known, so the page can pick a default unit. */
  onUnits?(units: UnitView[]): void;
  label?: string;
  id?: string;
}

interface Row {
  unit: UnitView;
  depth: number;
  hasChildren: boolean;
  open: boolean;
}

export function UnitPicker({ value, at, onChange, tree = 'state', onTreeChange, onUnits, label, id }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [cursor, setCursor] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const start = typeof at === 'string' ? at : at.start;
  const end = typeof at === 'string' ? at : at.end;
  const units = useLoad(() => fetchUnitsDuring(start, end, tree), [start, end, tree]);
  const onUnitsRef = useRef(onUnits);
  onUnitsRef.current = onUnits;
  useEffect(() => {
    if (units.data) onUnitsRef.current?.(units.data);
  }, [units.data]);

  const ut = useMemo<UnitTree | null>(() => (units.data ? buildTree(units.data) : null), [units.data]);
  const selected = ut && value ? ut.byId.get(value) : undefined;

  // Open the branch of the selected unit when the picker opens.
  useEffect(() => {
    if (!open || !ut) return;
    const next = new Set<string>(ut.roots.map((r) => r.id));
    if (value) for (const a of ancestorsOf(ut, value)) next.add(a.id);
    setExpanded(next);
    setQuery('');
  }, [open, ut, value]);

  const rows = useMemo<Row[]>(() => {
    if (!ut) return [];
    const out: Row[] = [];
    const q = query.trim();
    let visible: Set<string> | null = null;
    if (q) {
      visible = new Set();
      for (const u of ut.byId.values())
        if (matchesSearch(`${u.displayName} ${u.code ?? ''}`, q)) {
          visible.add(u.id);
          for (const a of ancestorsOf(ut, u.id)) visible.add(a.id);
        }
    }
    const walk = (list: UnitView[], depth: number) => {
      for (const u of list) {
        if (visible && !visible.has(u.id)) continue;
        const kids = ut.children.get(u.id) ?? [];
        const isOpen = visible ? true : expanded.has(u.id);
        out.push({ unit: u, depth, hasChildren: kids.length > 0, open: isOpen });
        if (isOpen) walk(kids, depth + 1);
      }
    };
    walk(ut.roots, 0);
    return out;
  }, [ut, query, expanded]);

  useEffect(() => {
    if (!open) return;
    const i = rows.findIndex((r) => r.unit.id === value);
    setCursor(query ? Math.max(0, rows.findIndex((r) => matchesSearch(r.unit.displayName, query))) : Math.max(0, i));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the list changes
  }, [open, query, rows.length]);

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${cursor}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const toggle = (uid: string, to?: boolean) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (to ?? !n.has(uid)) n.add(uid);
      else n.delete(uid);
      return n;
    });

  const choose = (u: UnitView) => {
    onChange(u);
    setOpen(false);
  };

  function onKey(e: KeyboardEvent) {
    const row = rows[cursor];
    if (e.key === 'ArrowDown') setCursor((c) => Math.min(rows.length - 1, c + 1));
    else if (e.key === 'ArrowUp') setCursor((c) => Math.max(0, c - 1));
    else if (e.key === 'Enter' && row) choose(row.unit);
    else if (e.key === 'ArrowRight' && row?.hasChildren && !query) toggle(row.unit.id, true);
    else if (e.key === 'ArrowLeft' && row && !query) toggle(row.unit.id, false);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  }

  return (
    <div className="picker" ref={box}>
      {label && (
        <label className="picker-label" htmlFor={id}>
          {label}
        </label>
      )}
      <button id={id} type="button" className="picker-button" onClick={() => setOpen((o) => !o)} aria-haspopup="tree" aria-expanded={open} data-testid="unit-picker">
        <span className="picker-value">{selected?.displayName ?? (units.loading ? t('common.loading') : value ?? t('unitPicker.choose'))}</span>
        <Icon name="down" size={14} />
      </button>
      {open && (
        <div className="picker-pop" role="dialog" aria-label={t('unitPicker.title')}>
          <div className="picker-search">
            <Icon name="search" size={14} />
            <input autoFocus value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKey} placeholder={t('unitPicker.search')} aria-label={t('unitPicker.search')} />
          </div>
          {onTreeChange && (
            <div className="seg small" role="group" aria-label={t('units.tree')}>
              <button type="button" className={tree === 'state' ? 'on' : ''} onClick={() => onTreeChange('state')}>
                {t('units.tree.state')}
              </button>
              <button type="button" className={tree === 'party' ? 'on' : ''} onClick={() => onTreeChange('party')}>
                {t('units.tree.party')}
              </button>
            </div>
          )}
          {units.error && <div className="alert alert-error">{units.error.message}</div>}
          <ul className="tree-list" role="tree" ref={listRef}>
            {rows.map((r, i) => (
              <li
                key={r.unit.id}
                role="treeitem"
                aria-selected={r.unit.id === value}
                aria-expanded={r.hasChildren ? r.open : undefined}
                data-index={i}
                className={`${i === cursor ? 'cursor' : ''}${r.unit.id === value ? ' selected' : ''}`}
                style={{ paddingLeft: 8 + r.depth * 16 }}
                onMouseEnter={() => setCursor(i)}
              >
                {r.hasChildren && !query ? (
                  <button type="button" className="caret" tabIndex={-1} onClick={() => toggle(r.unit.id)} aria-label={r.open ? t('common.collapse') : t('common.expand')}>
                    <Icon name={r.open ? 'down' : 'right'} size={12} />
                  </button>
                ) : (
                  <span className="caret" />
                )}
                <button type="button" className="tree-name" tabIndex={-1} onClick={() => choose(r.unit)}>
                  {r.unit.displayName}
                  {r.unit.code && <span className="muted small"> · {r.unit.code}</span>}
                </button>
              </li>
            ))}
            {!units.loading && rows.length === 0 && <li className="muted empty">{t('common.noResults')}</li>}
          </ul>
        </div>
      )}
    </div>
  );
}
