/**
 * The approval workflow of a unit-period (a unit and its counterpart, for one period):
 *
 *   draft ──submit──► submitted ──approve──► approved (unit-period locked)
 *     ▲                  │                      │
 *     └──── save ◄── returned ◄──return──┘      └──reopen──► unlocked (figures stay approved until edited)
 *
 * Submit is for data entry; approve, return and reopen for the office. Each transition writes a
 * revision per figure and one audit entry, in the transaction that makes it.
 */
import type { Kysely } from 'kysely';
import { type Period, periodCode, periodLabel } from '../../core/periods.ts';
import { insertAudit } from '../../store/audit.ts';
import type { DB } from '../../store/tables.ts';
import type { ValueState } from '../../store/values.ts';
import {
  countStates,
  deleteLocks,
  getEntryValue,
  insertLocks,
  insertWorkflowRevisions,
  listLocks,
  listValueHistory,
  type HistoryEntry,
  type Transition,
  transitionStates,
} from '../../store/workflow.ts';
import type { AuthContext } from '../auth/context.ts';
import { ApiError } from '../errors.ts';
import { auditBy } from './audit.ts';
import { localityIds } from './entry-grid.ts';

export type WorkflowAction = 'submit' | 'approve' | 'return' | 'reopen';

export interface WorkflowResult {
  unitId: string;
  period: { code: string; label: string };
  action: WorkflowAction;
  /** Figures whose state changed. */
  count: number;
  locked: boolean;
}

const conflict = (vi: string, en: string) => new ApiError('conflict', { vi, en });
const lockedError = (label: string) =>
  new ApiError('locked', { vi: `Số liệu ${label} đã được duyệt và khóa; cần văn phòng mở lại`, en: 'The period is approved and locked; the office must reopen it' });

export async function runWorkflow(db: Kysely<DB>, auth: AuthContext, action: WorkflowAction, q: { unitId: string; period: Period; reason?: string }, now: Date): Promise<WorkflowResult> {
  const scope = await auth.scope();
  scope.require(q.unitId);
  const unitIds = localityIds(scope.graph, q.unitId);
  const code = periodCode(q.period);
  const label = periodLabel(q.period);
  const stamp = { at: now, by: auth.user.username };
  const reason = q.reason?.trim() || null;
  if ((action === 'return' || action === 'reopen') && !reason)
    throw new ApiError('validation', {}, { fields: [{ path: 'reason', message: 'Cần ghi lý do' }] });

  return db.transaction().execute(async (trx) => {
    const isLocked = (await listLocks(trx, unitIds, [code])).length > 0;
    const move = (from: ValueState[], to: ValueState) => transitionStates(trx, { unitIds, period: code, from, to, reason: to === 'returned' ? reason : null, stamp });
    let moved: Transition[] = [];
    let locked = isLocked;
    switch (action) {
      case 'submit':
        if (isLocked) throw lockedError(label);
        moved = await move(['draft', 'returned'], 'submitted');
        if (moved.length === 0) throw conflict(`Không có số liệu nháp hoặc bị trả lại nào của kỳ ${label} để gửi`, 'Nothing to submit');
        break;
      case 'approve': {
        if (isLocked) throw conflict(`Số liệu ${label} đã được duyệt`, 'Already approved');
        const n = await countStates(trx, unitIds, code);
        if (n.draft + n.returned > 0)
          throw conflict(`Còn ${n.draft + n.returned} số liệu chưa gửi (nháp hoặc bị trả lại); cần gửi hoặc trả lại trước khi duyệt`, 'Some figures are not submitted yet');
        if (n.submitted + n.approved === 0) throw conflict(`Chưa có số liệu nào của kỳ ${label} để duyệt`, 'No figures to approve');
        moved = await move(['submitted'], 'approved');
        await insertLocks(trx, unitIds, code, stamp);
        locked = true;
        break;
      }
      case 'return':
        if (isLocked) throw lockedError(label);
        moved = await move(['submitted'], 'returned');
        if (moved.length === 0) throw conflict(`Không có số liệu đã gửi nào của kỳ ${label} để trả lại`, 'Nothing submitted to return');
        break;
      case 'reopen':
        if (!isLocked) throw conflict(`Số liệu ${label} chưa được duyệt và khóa`, 'The period is not locked');
        await deleteLocks(trx, unitIds, code);
        locked = false;
        break;
    }
    await insertWorkflowRevisions(
      trx,
      moved.map(({ row, oldState }) => ({
        valueId: row.id,
        at: now,
        by: auth.user.username,
        oldValue: row.value,
        newValue: row.value,
        oldStatus: row.status,
        newStatus: row.status,
        oldState,
        newState: row.state,
        reason: reason ?? ACTION_LABEL[action],
      })),
    );
    await insertAudit(trx, [
      auditBy(auth, now, {
        action,
        entity: 'unit_period',
        entityId: `${q.unitId}/${code}`,
        unitId: q.unitId,
        before: { locked: isLocked },
        after: { locked, figures: moved.length, valueIds: moved.map((m) => String(m.row.id)) },
        reason,
      }),
    ]);
    return { unitId: q.unitId, period: { code, label }, action, count: moved.length, locked };
  });
}

const ACTION_LABEL: Record<WorkflowAction, string> = { submit: 'Gửi duyệt', approve: 'Duyệt', return: 'Trả lại', reopen: 'Mở lại' };

/** Revisions of one figure, if it belongs to a unit in scope. */
export async function valueHistory(db: Kysely<DB>, auth: AuthContext, id: number): Promise<HistoryEntry[]> {
  const row = await getEntryValue(db, id);
  if (!row) throw new ApiError('not_found', { vi: `Không có số liệu ${id}`, en: `No value ${id}` });
  (await auth.scope()).require(row.unitId);
  return listValueHistory(db, id);
}
