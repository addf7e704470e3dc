import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import { useParks } from '../modules/parks/hooks/useParks';
import type { Campaign } from '../modules/return-to-work/api/returnToWork.api';
import { CreateCampaignModal } from '../modules/return-to-work/components/CreateCampaignModal';
import { useCampaigns } from '../modules/return-to-work/hooks/useReturnToWork';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Return-to-work ledger (复工台账): operators' campaigns, or the campaigns that ask the admin's enterprise with today's status. */
export function ReturnToWorkPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { permissions: p } = useSession();
  const campaigns = useCampaigns();
  const parks = useParks();
  const [isCreating, setIsCreating] = useState(false);
  const parkName = (id: string) => (parks.data ?? []).find((x) => x.id === id)?.name ?? '';
  return (
    <div>
      <PageHeader
        title={t('returnToWork.title')}
        subtitle={p.isOperator ? t('returnToWork.subtitleOperator') : t('returnToWork.subtitleEnterprise')}
        extra={
          p.isOperator && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="rtw-create-open">
              {t('returnToWork.create.title')}
            </Button>
          )
        }
      />
      <QueryBoundary query={campaigns}>
        {(data) => (
          <Table<Campaign>
            rowKey="id"
            dataSource={data}
            pagination={false}
            scroll={{ x: 640 }}
            size="middle"
            locale={{ emptyText: t('returnToWork.empty') }}
            columns={[
              { title: t('returnToWork.create.name'), key: 'name', render: (_: unknown, c) => <Link to={`/return-to-work/${c.id}`} data-testid={`rtw-campaign-${c.id}`}>{c.name}</Link> },
              { title: t('returnToWork.create.cadence'), key: 'cadence', width: 90, render: (_: unknown, c) => t(`returnToWork.cadence.${c.cadence}`) },
              { title: t('returnToWork.period'), key: 'dates', width: 200, render: (_: unknown, c) => `${c.startDate} ~ ${c.endDate}` },
              ...(p.isOperator ? [{ title: t('returnToWork.create.park'), key: 'park', width: 160, render: (_: unknown, c: Campaign) => parkName(c.parkId) }] : []),
              {
                title: t('returnToWork.current'),
                key: 'status',
                width: 150,
                render: (_: unknown, c) =>
                  c.status === 'closed' ? (
                    <Tag>{t('returnToWork.status.closed')}</Tag>
                  ) : c.mySubmittedCurrent === null ? (
                    c.currentPeriod ? c.currentPeriod.start : t('returnToWork.notStarted')
                  ) : c.mySubmittedCurrent ? (
                    <Tag color="green">{t('returnToWork.my.submitted')}</Tag>
                  ) : (
                    <Tag color="orange">{t('returnToWork.my.due')}</Tag>
                  ),
              },
            ]}
          />
        )}
      </QueryBoundary>
      {p.isOperator && <CreateCampaignModal open={isCreating} parks={parks.data ?? []} onClose={() => setIsCreating(false)} onCreated={(id) => void navigate(`/return-to-work/${id}`)} />}
    </div>
  );
}
