import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import type { Campaign } from '../modules/return-to-work/api/returnToWork.api';
import { MyReport } from '../modules/return-to-work/components/MyReport';
import { OverviewPanel } from '../modules/return-to-work/components/OverviewPanel';
import { useCampaign } from '../modules/return-to-work/hooks/useReturnToWork';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** One return-to-work campaign: the overview with flags for operators, the report form and history for enterprise admins. */
export function ReturnToWorkCampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { permissions: p } = useSession();
  const campaign = useCampaign(id);
  return (
    <QueryBoundary query={campaign}>
      {(c: Campaign) => (
        <div>
          <PageHeader title={c.name} crumbs={[{ title: t('returnToWork.title'), to: '/return-to-work' }, { title: c.name }]} />
          <Descriptions
            size="small"
            style={{ marginBottom: 16 }}
            column={{ xs: 1, sm: 2, md: 4 }}
            items={[
              { key: 'cadence', label: t('returnToWork.create.cadence'), children: t(`returnToWork.cadence.${c.cadence}`) },
              { key: 'dates', label: t('returnToWork.period'), children: `${c.startDate} ~ ${c.endDate}` },
              { key: 'deadline', label: t('returnToWork.create.deadline'), children: c.deadlineTime },
              { key: 'target', label: t('returnToWork.create.target'), children: t(`returnToWork.target.${c.target}`) },
            ]}
          />
          {p.isOperator ? <OverviewPanel campaign={c} /> : <MyReport campaign={c} />}
        </div>
      )}
    </QueryBoundary>
  );
}
