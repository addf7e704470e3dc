import { useState } from 'react';
import { App, Button, Descriptions, Popconfirm, Space, Tag } from 'antd';
import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import type { Campaign } from '../modules/return-to-work/api/returnToWork.api';
import { MyReport } from '../modules/return-to-work/components/MyReport';
import { OverviewPanel } from '../modules/return-to-work/components/OverviewPanel';
import { EditCampaignModal } from '../modules/return-to-work/components/EditCampaignModal';
import { useCampaign, useCloseCampaign } from '../modules/return-to-work/hooks/useReturnToWork';
import { errorMessage } from '../lib/form-errors';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** One return-to-work campaign: the overview with flags for operators, the report form and history for enterprise admins. */
export function ReturnToWorkCampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { permissions: p } = useSession();
  const campaign = useCampaign(id);
  const close = useCloseCampaign();
  const { message } = App.useApp();
  const [isEditing, setIsEditing] = useState(false);
  const handleClose = async () => {
    try {
      await close.mutateAsync(id);
      void message.success(t('returnToWork.manage.closed'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <QueryBoundary query={campaign}>
      {(c: Campaign) => (
        <div>
          <PageHeader
            title={c.name}
            crumbs={[{ title: t('returnToWork.title'), to: '/return-to-work' }, { title: c.name }]}
            extra={
              p.isOperator && c.status === 'open' ? (
                <Space wrap>
                  <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)} data-testid="rtw-edit-open">
                    {t('returnToWork.manage.edit')}
                  </Button>
                  <Popconfirm title={t('returnToWork.manage.closeConfirm')} onConfirm={() => handleClose()} okButtonProps={{ danger: true, loading: close.isPending }} okText={t('returnToWork.manage.close')}>
                    <Button danger icon={<StopOutlined />} data-testid="rtw-close">
                      {t('returnToWork.manage.close')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : undefined
            }
          />
          <Descriptions
            size="small"
            style={{ marginBottom: 16 }}
            column={{ xs: 1, sm: 2, md: 5 }}
            items={[
              { key: 'status', label: t('returnToWork.statusLabel'), children: <Tag color={c.status === 'open' ? 'blue' : 'default'} data-testid="rtw-status">{t(`returnToWork.status.${c.status}`)}</Tag> },
              { key: 'cadence', label: t('returnToWork.create.cadence'), children: t(`returnToWork.cadence.${c.cadence}`) },
              { key: 'dates', label: t('returnToWork.period'), children: `${c.startDate} ~ ${c.endDate}` },
              { key: 'deadline', label: t('returnToWork.create.deadline'), children: c.deadlineTime },
              { key: 'target', label: t('returnToWork.create.target'), children: t(`returnToWork.target.${c.target}`) },
            ]}
          />
          {p.isOperator ? <OverviewPanel campaign={c} /> : <MyReport campaign={c} />}
          {p.isOperator && c.status === 'open' && <EditCampaignModal campaign={c} open={isEditing} onClose={() => setIsEditing(false)} />}
        </div>
      )}
    </QueryBoundary>
  );
}
