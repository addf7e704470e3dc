import { App, Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { SolutionOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import { ErrorState } from '../../../ui/ErrorState';
import type { JoinRequest } from '../api/people.api';
import { usePeople } from '../hooks/usePeople';

/** People who asked to join at registration; the admin approves (they become members) or rejects. */
export function JoinRequestsCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { joinRequests, decide } = usePeople(enterpriseId);

  const handleDecide = async (id: string, approve: boolean) => {
    try {
      await decide.mutateAsync({ id, approve });
      void message.success(t(approve ? 'people.joinRequests.approved' : 'people.joinRequests.rejected'));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Card title={<span><SolutionOutlined /> {t('people.joinRequests.title')}</span>}>
      {joinRequests.isError ? (
        <ErrorState error={joinRequests.error} onRetry={() => void joinRequests.refetch()} />
      ) : (
        <List<JoinRequest>
          size="small"
          loading={joinRequests.isPending}
          dataSource={joinRequests.data ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{t('people.joinRequests.empty')}</Typography.Text> }}
          renderItem={(r) => (
            <List.Item
              data-testid={`join-${r.username}`}
              actions={[
                <Button key="ok" size="small" type="primary" onClick={() => void handleDecide(r.id, true)} data-testid={`join-approve-${r.username}`}>
                  {t('people.joinRequests.approve')}
                </Button>,
                <Popconfirm key="no" title={t('people.joinRequests.rejectConfirm')} onConfirm={() => handleDecide(r.id, false)} okText={t('people.joinRequests.reject')} cancelText={t('common.cancel')}>
                  <Button size="small" danger>
                    {t('people.joinRequests.reject')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={[4, 4]} wrap>
                    <span data-user-content>{r.displayName}</span>
                    <Typography.Text type="secondary" data-user-content>
                      {r.username}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <Space size={[4, 4]} wrap>
                    {r.phone && <span data-user-content>{r.phone}</span>}
                    <span>{t('people.joinRequests.at', { date: formatDateTime(r.createdAt) })}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
