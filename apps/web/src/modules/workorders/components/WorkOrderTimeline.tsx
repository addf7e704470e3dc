import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { WorkOrderEvent } from '../api/workorders.api';

const COLOURS: Record<string, string> = { escalated: 'red', resolved: 'green', verified: 'green', closed: 'gray', reopened: 'orange', triaged: 'purple', classified: 'purple' };

/** Every step of a work order, oldest first, with who and when. */
export function WorkOrderTimeline({ events }: { events: WorkOrderEvent[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="wo-timeline"
      items={events.map((e) => {
        const d = e.details ?? {};
        const extra =
          e.kind === 'escalated'
            ? t(`workorders.escalation.${String(d.notify)}`)
            : e.kind === 'rated'
              ? '★'.repeat(Number(d.rating ?? 0))
              : e.kind === 'dispatched' && d.automatic
                ? t('workorders.decision.automatic')
                : '';
        return {
          color: COLOURS[e.kind] ?? 'blue',
          content: (
            <div>
              <Typography.Text strong>{t(`workorders.events.${e.kind}`)}</Typography.Text> {extra && <Typography.Text type="secondary">· {extra}</Typography.Text>}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.actorName} · {formatDateTime(e.at)}
                </Typography.Text>
              </div>
              {e.comment && <Typography.Paragraph style={{ margin: '2px 0 0' }}>{e.comment}</Typography.Paragraph>}
            </div>
          ),
        };
      })}
    />
  );
}
