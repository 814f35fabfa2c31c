/** The workspace file (docs/workspace-format.md), exported and imported from the browser. */
import { useRef, useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { ErrorNote } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { get, post, saveBlob } from '../../lib/api.ts';
import { can, useUser } from '../../lib/auth.tsx';
import { todayIso } from '../../lib/format.ts';
import { clearUnitCache } from '../../lib/units.ts';

export function WorkspaceTab() {
  const { t } = useI18n();
  const user = useUser();
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function exportFile() {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const ws = await get<unknown>('/api/workspace');
      saveBlob(new Blob([JSON.stringify(ws, null, 2)], { type: 'application/json' }), `chitieu-workspace-${todayIso()}.json`);
      setDone(t('ws.exported'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function importFile(f: File) {
    setError(null);
    setDone(null);
    let json: unknown;
    try {
      json = JSON.parse(await f.text());
    } catch {
      setError(new Error(t('ws.notJson', { name: f.name })));
      return;
    }
    setBusy(true);
    try {
      const res = await post<unknown>('/api/workspace', json);
      clearUnitCache();
      setDone(t('ws.imported', { name: f.name }) + summarize(res));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card ws">
      <h2>{t('ws.title')}</h2>
      <p className="muted">{t('ws.help')}</p>
      <div className="btn-row">
        <button type="button" className="btn" onClick={() => void exportFile()} disabled={busy} data-testid="ws-export">
          <Icon name="download" /> {t('ws.export')}
        </button>
        {can(user.role, 'importWorkspace') && (
          <>
            <button type="button" className="btn btn-primary" onClick={() => file.current?.click()} disabled={busy} data-testid="ws-import">
              <Icon name="upload" /> {t('ws.import')}
            </button>
            <input
              ref={file}
              type="file"
              accept=".json,application/json"
              hidden
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void importFile(f);
              }}
            />
          </>
        )}
      </div>
      {done && (
        <div className="alert alert-ok" role="status">
          {done}
        </div>
      )}
      <ErrorNote error={error} />
    </section>
  );
}

/** " (3 đơn vị, 12 chỉ số…)" when the server says what it imported. */
function summarize(res: unknown): string {
  if (!res || typeof res !== 'object') return '';
  const parts = Object.entries(res as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => `${k}: ${String(v)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
