/** Builds audit entries for the caller of a request (the write itself is store/audit.ts). */
import type { AuditInput } from '../../store/audit.ts';
import type { AuthContext } from '../auth/context.ts';

export type AuditFields = Omit<AuditInput, 'at' | 'actorId' | 'actor' | 'reason' | 'before' | 'after'> & {
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

export function auditBy(auth: AuthContext | null, at: Date, e: AuditFields): AuditInput {
  return {
    at,
    actorId: auth?.user.id ?? null,
    actor: auth?.user.username ?? null,
    before: null,
    after: null,
    reason: null,
    ...e,
  };
}
