import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import type { WorkOrder } from '../api/workorders.api';
import { SlaTag } from './SlaTag';
import { StatusTag } from './StatusTag';

/** Work orders as cards: the phone view of property staff and requesters. */
export function WorkOrderCards({ items, isLoading }: { items: WorkOrder[]; isLoading: boolean }) {
  const { t } = useTranslation();
  if (!isLoading && items.length === 0) return <Empty description={t('workorders.empty')} />;
  return (
    <List
      loading={isLoading}
      dataSource={items}
      renderItem={(o) => (
        <List.Item style={{ padding: '6px 0', border: 'none' }}>
          <Link to={`/work-orders/${o.id}`} style={{ width: '100%' }} data-testid="wo-card">
            <Card size="small" hoverable>
              <Flex justify="space-between" align="start" gap={8}>
                <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
                  {o.title}
                </Typography.Text>
                <StatusTag status={o.status} />
              </Flex>
              <Flex gap={4} wrap style={{ marginTop: 6 }}>
                <Tag>{t(`workorders.category.${o.category}`)}</Tag>
                <Tag color={o.priority === 'urgent' ? 'red' : o.priority === 'high' ? 'orange' : undefined}>{t(`workorders.priority.${o.priority}`)}</Tag>
                <SlaTag status={o.slaStatus} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                #{o.number} · {[o.districtName, o.buildingName].filter(Boolean).join(' · ') || o.locationText || '—'} · {formatDateTime(o.createdAt)}
              </Typography.Text>
            </Card>
          </Link>
        </List.Item>
      )}
    />
  );
}
