import { Card, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkOrders } from '../../workorders/hooks/useWorkOrders';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { slaDeadline } from './SlaClock';
import { WorkbenchOrder } from './WorkbenchOrder';

/** Property staff's queue: their team's orders to accept or finish, the one due soonest first, refreshed every minute. */
export function WorkbenchQueue() {
  const { t } = useTranslation();
  const orders = useWorkOrders({ mine: 'true', status: 'open', pageSize: 50 }, { refetchInterval: 60_000 });
  return (
    <Card title={t('homes.workbench.queue')} size="small" extra={<Link to="/work-orders">{t('homes.workbench.allOrders')}</Link>} data-testid="workbench-queue">
      <QueryBoundary query={orders} isCard={false}>
        {(page) => {
          // Resolved orders wait for the requester's or operator's check, not for the staff: they leave the queue.
          const items = page.items.filter((o) => o.status !== 'resolved').sort((a, b) => slaDeadline(a).dueAt.localeCompare(slaDeadline(b).dueAt));
          if (!items.length) return <Empty description={t('homes.workbench.empty')} />;
          return (
            <Flex vertical gap={8}>
              {items.map((o) => (
                <WorkbenchOrder key={o.id} order={o} />
              ))}
            </Flex>
          );
        }}
      </QueryBoundary>
    </Card>
  );
}
