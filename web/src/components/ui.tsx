/** Small shared pieces: status badge, modal dialog, notices, empty and error states. */
import { type ReactNode, useEffect, useRef } from 'react';
import type { Status } from '../../../src/core/evaluate.ts';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from '../lib/api.ts';
import { statusLabel } from '../lib/labels.ts';
import { Icon } from './Icon.tsx';

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`status status-${status}`} data-status={status}>
      {statusLabel(t, status)}
    </span>
  );
}

/** A modal on the native <dialog>: focus stays inside, Esc closes. */
export function Modal({ title, onClose, children, footer, wide }: { title: string; onClose(): void; children: ReactNode; footer?: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${wide ? ' wide' : ''}`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      aria-label={title}
    >
      <div className="modal-head">
        <h2>{title}</h2>
        <button type="button" className="icon-btn" onClick={onClose} aria-label={t('common.close')}>
          <Icon name="close" />
        </button>
      </div>
      <div className="modal-body">{children}</div>
      {footer && <div className="modal-foot">{footer}</div>}
    </dialog>
  );
}

/** An error from the API or the network, with the field problems when there are some. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  if (error instanceof ApiError) {
    const msg = error.status === 403 ? `${t('common.forbidden')} (${error.message})` : error.message;
    return (
      <div className="alert alert-error" role="alert" data-code={error.code}>
        <div>{msg}</div>
        {error.fields.length > 0 && (
          <ul className="field-errors">
            {error.fields.map((f, i) => (
              <li key={i}>
                {f.path ? (
                  <>
                    <code>{f.path}</code>:{' '}
                  </>
                ) : null}
                {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div className="alert alert-error" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty-state muted">{children}</div>;
}

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-head">
      <h1>{title}</h1>
      <div className="page-actions">{children}</div>
    </div>
  );
}

/** The footer of a form in a Modal: cancel, and save submitting the form by its id. */
export function SaveCancel({ form, busy, testId, onCancel }: { form: string; busy: boolean; testId?: string; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" form={form} className="btn btn-primary" disabled={busy} data-testid={testId}>
        {t('common.save')}
      </button>
    </>
  );
}
