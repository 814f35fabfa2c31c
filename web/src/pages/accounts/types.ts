/** What GET/POST/PUT /api/users answer for an account (src/server/services/accounts.ts, userView). */
import type { Role } from '../../lib/types.ts';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitIds: string[];
  locale: string | null;
  active: boolean;
}

export const ROLES: Role[] = ['quan_tri', 'van_phong', 'nhap_lieu', 'lanh_dao', 'kiem_tra'];

/** The server's password rule (src/server/routes/users.ts: 8 to 200 characters). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
