/** Unit lists at a date, cached for the session, and the tree built from them. */
import { get, listOf, withQuery } from './api.ts';
import type { UnitView } from './types.ts';

const cache = new Map<string, Promise<UnitView[]>>();

export function fetchUnits(at: string, tree: 'state' | 'party' | null): Promise<UnitView[]> {
  const key = `${at}|${tree ?? ''}`;
  let p = cache.get(key);
  if (!p) {
    p = get<unknown>(withQuery('/api/units', { at, tree })).then((b) => listOf<UnitView>(b, 'units'));
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/**
 * The units that existed at some time in [start, end]: those of the first day and those of the last
 * (the 2025 reorganisation makes both differ within the year 2025 or a term). A unit keeps the parent of
 * the first day it appears.
 */
export async function fetchUnitsDuring(start: string, end: string, tree: 'state' | 'party' | null): Promise<UnitView[]> {
  if (start === end) return fetchUnits(start, tree);
  const [a, b] = await Promise.all([fetchUnits(start, tree), fetchUnits(end, tree)]);
  const seen = new Set(a.map((u) => u.id));
  return [...a, ...b.filter((u) => !seen.has(u.id))];
}

/** Forget cached lists (after a unit is created or edited, or the 2025 mapping applied). */
export function clearUnitCache(): void {
  cache.clear();
}

export interface UnitTree {
  roots: UnitView[];
  children: Map<string, UnitView[]>;
  byId: Map<string, UnitView>;
}

const byName = (a: UnitView, b: UnitView) => a.level - b.level || (a.code ?? '~').localeCompare(b.code ?? '~') || a.name.localeCompare(b.name, 'vi');

/** Roots are units whose parent is not in the list (the user's scope starts below the province). */
export function buildTree(units: UnitView[]): UnitTree {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, UnitView[]>();
  const roots: UnitView[] = [];
  for (const u of units) {
    if (u.parentId && byId.has(u.parentId)) {
      const list = children.get(u.parentId) ?? [];
      list.push(u);
      children.set(u.parentId, list);
    } else roots.push(u);
  }
  roots.sort(byName);
  for (const list of children.values()) list.sort(byName);
  return { roots, children, byId };
}

export function ancestorsOf(tree: UnitTree, id: string): UnitView[] {
  const out: UnitView[] = [];
  let cur = tree.byId.get(id);
  const seen = new Set<string>();
  while (cur?.parentId && !seen.has(cur.parentId)) {
    seen.add(cur.parentId);
    cur = tree.byId.get(cur.parentId);
    if (cur) out.push(cur);
  }
  return out;
}

/**
 * The unit a page opens on when the address names none: the account's first root unit present in the
 * list (the tree shown at the period's date), else its counterpart there (a Huyện ủy account opens on
 * the huyện in the state tree), else the first root of the list.
 */
export function defaultUnit(list: UnitView[], roots: string[]): string | null {
  for (const r of roots) if (list.some((u) => u.id === r)) return r;
  for (const r of roots) {
    const cp = list.find((u) => u.counterpartId === r);
    if (cp) return cp.id;
  }
  return buildTree(list).roots[0]?.id ?? null;
}
