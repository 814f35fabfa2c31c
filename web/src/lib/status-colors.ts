import type { Status } from '../../../src/core/evaluate.ts';

/** The same colours as the CSS badges (styles.css, --st-*), for charts. */
export const STATUS_COLOR: Record<Status, string> = {
  vuot: '#1b5e20',
  dat: '#2e7d32',
  co_ban_dat: '#b26a00',
  khong_dat: '#c62828',
  chua_co_so_lieu: '#8a8f98',
  dang_thuc_hien: '#1f5fa8',
};
