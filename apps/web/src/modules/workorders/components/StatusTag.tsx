import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatus } from '../api/workorders.api';

const COLOURS: Record<WorkOrderStatus, string> = { new: 'gold', dispatched: 'blue', accepted: 'cyan', in_progress: 'processing', resolved: 'green', verified: 'success', closed: 'default' };

export function StatusTag({ status }: { status: WorkOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="wo-status">
      {t(`workorders.status.${status}`)}
    </Tag>
  );
}
