import { useState } from 'react';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { AppstoreOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../lib/format';
import { localName } from '../modules/approvals/utils/names';
import { RequestStatusTag } from '../modules/services/components/RequestStatusTag';
import { useServiceRequests } from '../modules/services/hooks/useServices';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** My enterprise's service requests (admins: all of them; members: their own), newest first. Phone first. */
export function MyServiceRequestsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const requests = useServiceRequests({ scope: 'mine', page, pageSize: 20 });
  return (
    <div>
      <PageHeader
        title={t('services.mine.title')}
        subtitle={t('services.mine.subtitle')}
        extra={
          <Button type="primary" icon={<AppstoreOutlined />} onClick={() => void navigate('/services')}>
            {t('services.mine.browse')}
          </Button>
        }
      />
      <QueryBoundary query={requests}>
        {(data) => (
          <Card size="small">
            <List
              dataSource={data.items}
              locale={{ emptyText: t('services.mine.empty') }}
              pagination={data.total > data.pageSize ? { current: page, pageSize: data.pageSize, total: data.total, onChange: setPage, size: 'small' } : false}
              renderItem={(r) => (
                <List.Item key={r.id} data-testid="my-request">
                  <Link to={`/services/requests/${r.id}`} style={{ display: 'block', width: '100%', minWidth: 0, color: 'inherit' }}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <Typography.Text strong ellipsis>
                        {localName(r.service, i18n.language)}
                      </Typography.Text>
                      <span style={{ flex: 'none' }}>
                        <RequestStatusTag status={r.status} />
                      </span>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`services.systems.${r.service.system}`)} · {r.applicant.displayName} · {formatDateTime(r.submittedAt)}
                    </Typography.Text>
                    {r.isOverdue && (
                      <Tag color="red" style={{ marginLeft: 8 }}>
                        {t('services.request.overdue')}
                      </Tag>
                    )}
                  </Link>
                </List.Item>
              )}
            />
          </Card>
        )}
      </QueryBoundary>
    </div>
  );
}
