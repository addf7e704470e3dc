import { useState } from 'react';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkOrder } from '../../workorders/api/workorders.api';
import { SlaTag } from '../../workorders/components/SlaTag';
import { StatusTag } from '../../workorders/components/StatusTag';
import { WorkOrderActions } from '../../workorders/components/WorkOrderActions';
import { useWorkOrder } from '../../workorders/hooks/useWorkOrders';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { SlaClock } from './SlaClock';

/** One order of the workbench queue: what, where, its SLA clock; "Handle" opens accept / start / photos / resolve in place. */
export function WorkbenchOrder({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  const detail = useWorkOrder(isOpen ? order.id : undefined);
  return (
    <Card size="small" data-testid="workbench-order" data-number={order.number}>
      <Flex justify="space-between" align="start" gap={8}>
        <Link to={`/work-orders/${order.id}`} style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong ellipsis={{ tooltip: order.title }} style={{ display: 'block' }} data-user-content>
            {order.title}
          </Typography.Text>
        </Link>
        <StatusTag status={order.status} />
      </Flex>
      <Flex gap={4} wrap style={{ margin: '6px 0' }}>
        <Tag>{t(`workorders.category.${order.category}`)}</Tag>
        <Tag color={order.priority === 'urgent' ? 'red' : order.priority === 'high' ? 'orange' : undefined}>{t(`workorders.priority.${order.priority}`)}</Tag>
        <SlaTag status={order.slaStatus} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-user-content>
        #{order.number} · {[order.districtName, order.buildingName].filter(Boolean).join(' · ') || order.locationText || '—'}
      </Typography.Text>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 6 }}>
        <SlaClock order={order} />
        <Button size="small" type={isOpen ? 'default' : 'primary'} onClick={() => setIsOpen((v) => !v)} data-testid="workbench-handle">
          {isOpen ? t('homes.workbench.hide') : t('homes.workbench.handle')}
        </Button>
      </Flex>
      {isOpen && (
        <div style={{ marginTop: 12, borderTop: '1px solid #f0f0f0', paddingTop: 12 }}>
          <QueryBoundary query={detail} isCard={false}>
            {(d) => <WorkOrderActions order={d} />}
          </QueryBoundary>
        </div>
      )}
    </Card>
  );
}
