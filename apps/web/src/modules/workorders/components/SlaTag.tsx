import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaStatus } from '../api/workorders.api';

const COLOURS: Record<SlaStatus, string> = { ok: 'green', at_risk: 'orange', overdue: 'red', met: 'default', breached: 'volcano' };

/** SLA status in its colour: green on track, orange at risk, red overdue. */
export function SlaTag({ status }: { status: SlaStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid={`sla-${status}`}>
      {t(`workorders.sla.${status}`)}
    </Tag>
  );
}
