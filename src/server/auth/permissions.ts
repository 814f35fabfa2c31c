/**
 * What each role may do (docs/api.md, "Roles and scope"). Every API route names one permission in its
 * config; the unit scope is checked on top of it by the route itself.
 */
import type { Role } from '../../store/users.ts';

const ALL: readonly Role[] = ['quan_tri', 'van_phong', 'nhap_lieu', 'lanh_dao', 'kiem_tra'];

export const PERMISSIONS = {
  /** units, indicators, resolutions, evaluations, the entry grid, value history */
  read: ALL,
  /** units and the catalogue (indicators, resolutions, targets) */
  'catalogue.write': ['quan_tri', 'van_phong'],
  /** the official 2025 list of units */
  'units.dvhcvn': ['quan_tri'],
  /** save and submit figures (the grid and the Excel template) */
  'entry.write': ['quan_tri', 'nhap_lieu'],
  /** approve, return, reopen */
  'entry.review': ['quan_tri', 'van_phong'],
  'workspace.read': ['quan_tri', 'van_phong'],
  'workspace.write': ['quan_tri', 'van_phong'],
  'audit.read': ['quan_tri', 'van_phong', 'kiem_tra'],
  'users.manage': ['quan_tri'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** What a route asks of its caller: nothing, a signed-in account, or a permission. */
export type Access = 'public' | 'signed_in' | Permission;

export function can(role: Role, p: Permission): boolean {
  return (PERMISSIONS[p] as readonly Role[]).includes(role);
}
