/**
 * Nghị quyết và chỉ tiêu: resolutions with their targets and evaluation settings, the indicators,
 * and the workspace file (import / export).
 */
import { type MsgKey, useI18n } from '../i18n/index.tsx';
import { PageHeader } from '../components/ui.tsx';
import { href, useRoute } from '../lib/router.ts';
import { IndicatorsTab } from './resolutions/IndicatorsTab.tsx';
import { ResolutionDetail } from './resolutions/ResolutionDetail.tsx';
import { ResolutionList } from './resolutions/ResolutionList.tsx';
import { WorkspaceTab } from './resolutions/WorkspaceTab.tsx';

const TABS = ['list', 'indicators', 'workspace'] as const;

export default function ResolutionsPage() {
  const { t } = useI18n();
  const route = useRoute();
  const id = route.segments[1] ?? null;
  const tab = (TABS as readonly string[]).includes(route.query.get('tab') ?? '') ? (route.query.get('tab') as (typeof TABS)[number]) : 'list';
  return (
    <div className="page resolutions">
      <PageHeader title={t('nav.resolutions')} />
      <div className="tabs" role="tablist">
        {TABS.map((k) => (
          <a key={k} role="tab" aria-selected={tab === k && (k !== 'list' || true)} className={tab === k ? 'on' : ''} href={href('resolutions', k === 'list' ? {} : { tab: k })}>
            {t(`res.tab.${k}` as MsgKey)}
          </a>
        ))}
      </div>
      {tab === 'indicators' ? <IndicatorsTab /> : tab === 'workspace' ? <WorkspaceTab /> : id ? <ResolutionDetail id={id} /> : <ResolutionList />}
    </div>
  );
}
