/** How units are shown by the API (UnitView in docs/api.md). Pure. */
import { levelOfKind, parentOn, treeOfKind, type Unit, unitDisplayName } from '../../core/units.ts';

export interface UnitView {
  id: string;
  code: string | null;
  name: string;
  displayName: string;
  kind: Unit['kind'];
  tree: 'state' | 'party';
  level: number;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  counterpartId: string | null;
}

/**
 * The unit with its parent at `at`; a unit that no longer exists at `at` (or not yet) shows the parent
 * of its last (first) day, so an old commune still sits under its district.
 */
export function unitView(u: Unit, at: string): UnitView {
  let day = at;
  if (u.validTo && day > u.validTo) day = u.validTo;
  if (u.validFrom && day < u.validFrom) day = u.validFrom;
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    displayName: unitDisplayName(u),
    kind: u.kind,
    tree: treeOfKind(u.kind),
    level: levelOfKind(u.kind),
    parentId: parentOn(u, day),
    validFrom: u.validFrom,
    validTo: u.validTo,
    counterpartId: u.counterpartId,
  };
}
