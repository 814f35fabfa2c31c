/**
 * The scope of an account (phạm vi): the units it may read and write. From its root units: everything
 * below them at any date, in both trees (a locality's state unit and its party organisation are one,
 * linked by counterpartId), and their predecessors (a merged commune's history is its predecessors'
 * figures); then the successors of all of those, one step, with their counterparts (the old commune's
 * account may follow its figures into the new commune). Pure.
 *
 * Deliberately not included: a successor's other predecessors (xã Thượng Ân's account sees xã Bằng Vân
 * 2025 but not the old xã Bằng Vân merged into it), and anything above the roots.
 */
import type { UnitKind } from '../../core/units.ts';
import type { User } from '../../store/users.ts';

/** What a scope is computed from: units with their parent links at any date and counterparts, and successions. */
export interface UnitGraph {
  units: readonly { id: string; kind: UnitKind; counterpartId: string | null; parents: readonly { parentId: string }[] }[];
  successions: readonly { fromId: string; toId: string }[];
}

export function computeScope(graph: UnitGraph, roots: readonly string[]): Set<string> {
  const children = new Map<string, string[]>();
  const counterpart = new Map<string, string>();
  const known = new Set<string>();
  for (const u of graph.units) {
    known.add(u.id);
    for (const p of u.parents) (children.get(p.parentId) ?? children.set(p.parentId, []).get(p.parentId)!).push(u.id);
    if (u.counterpartId) {
      counterpart.set(u.id, u.counterpartId);
      if (!counterpart.has(u.counterpartId)) counterpart.set(u.counterpartId, u.id);
    }
  }
  const predecessors = new Map<string, string[]>();
  const successors = new Map<string, string[]>();
  for (const s of graph.successions) {
    (predecessors.get(s.toId) ?? predecessors.set(s.toId, []).get(s.toId)!).push(s.fromId);
    (successors.get(s.fromId) ?? successors.set(s.fromId, []).get(s.fromId)!).push(s.toId);
  }
  const scope = new Set<string>();
  const stack = roots.filter((r) => known.has(r));
  while (stack.length) {
    const id = stack.pop()!;
    if (scope.has(id)) continue;
    scope.add(id);
    const cp = counterpart.get(id);
    if (cp) stack.push(cp);
    stack.push(...(children.get(id) ?? []), ...(predecessors.get(id) ?? []));
  }
  for (const id of [...scope])
    for (const s of successors.get(id) ?? []) {
      scope.add(s);
      const cp = counterpart.get(s);
      if (cp) scope.add(cp);
    }
  return scope;
}

/**
 * The roots of an account's scope: its units, or every unit for an administrator without units (the
 * account `npm start` creates for a store that has data but no account yet, docs/server.md).
 */
export function scopeRoots(user: Pick<User, 'role' | 'unitIds'>): readonly string[] | 'all' {
  return user.role === 'quan_tri' && user.unitIds.length === 0 ? 'all' : user.unitIds;
}
