import { Button, Flex, List, Typography } from 'antd';
import { PlusOutlined, ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { StatusTag } from '../../workorders/components/StatusTag';
import { useWorkOrders } from '../../workorders/hooks/useWorkOrders';
import { CardState, HomeCard } from './HomeCard';

/** My repair requests that are not finished yet, newest first, and a button to file a new one. */
export function WorkOrdersHomeCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useWorkOrders({ mine: 'true', status: 'open', page: 1, pageSize: 3 });
  return (
    <HomeCard title={t('memberHome.workOrders.title')} icon={<ToolOutlined />} to="/work-orders" testId="home-workorders">
      <CardState query={query} isEmpty={(d) => d.items.length === 0} empty={t('memberHome.workOrders.empty')}>
        {(d) => (
          <>
            {d.total > d.items.length && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('memberHome.workOrders.openCount', { count: d.total })}
              </Typography.Text>
            )}
            <List
              size="small"
              dataSource={d.items}
              renderItem={(o) => (
                <List.Item key={o.id} style={{ padding: '8px 0' }} data-testid="home-workorder-item">
                  <Link to={`/work-orders/${o.id}`} style={{ display: 'block', width: '100%', minWidth: 0, color: 'inherit' }}>
                    <Flex justify="space-between" align="center" gap={8}>
                      <Typography.Text strong ellipsis>
                        {o.title}
                      </Typography.Text>
                      <span style={{ flex: 'none' }}>
                        <StatusTag status={o.status} />
                      </span>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      #{o.number} · {formatDateTime(o.createdAt)}
                    </Typography.Text>
                  </Link>
                </List.Item>
              )}
            />
          </>
        )}
      </CardState>
      <Button icon={<PlusOutlined />} block onClick={() => void navigate('/work-orders/new')} style={{ marginTop: 8 }} data-testid="home-workorders-new">
        {t('memberHome.workOrders.new')}
      </Button>
    </HomeCard>
  );
}
