import { Space, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { findAuditEntries, type AuditEntry } from '../../audit/api/audit.api';
import { VerifyEntryButton } from '../../ledger/components/VerifyEntryButton';
import type { AlarmEvent } from '../api/alarms.api';

/**
 * Every response to an alarm (who, when, what), oldest first. People's
 * responses are audit entries too: the n-th `alarm.<kind>` entry belongs to
 * the n-th event of that kind, and gets the ledger's verify button.
 */
export function AlarmHistory({ alarmId, events, canSeeAudit, nameOf }: { alarmId: string; events: AlarmEvent[]; canSeeAudit: boolean; nameOf?: (userId: string) => string | undefined }) {
  const { t } = useTranslation();
  const audit = useQuery({ queryKey: ['alarms', 'audit', alarmId, events.length], queryFn: () => findAuditEntries({ page: 1, pageSize: 200, entityType: 'alarm', entityId: alarmId }), enabled: canSeeAudit });
  const byAction = new Map<string, AuditEntry[]>();
  for (const e of [...(audit.data?.items ?? [])].sort((a, b) => a.id - b.id)) byAction.set(e.action, [...(byAction.get(e.action) ?? []), e]);
  const seen = new Map<string, number>();
  const auditOf = (e: AlarmEvent): AuditEntry | undefined => {
    if (!e.actorId) return undefined;
    const n = seen.get(e.kind) ?? 0;
    seen.set(e.kind, n + 1);
    return byAction.get(`alarm.${e.kind}`)?.[n];
  };
  const detail = (e: AlarmEvent) => {
    const d = e.details ?? {};
    if (e.kind === 'assigned') return d.to ? t('ioc.assignedTo', { id: nameOf?.(String(d.to)) ?? `${String(d.to).slice(0, 8)}…` }) : t('ioc.unassigned');
    if (typeof d.value === 'number') return t('ioc.valueWas', { value: d.value, count: Number(d.count ?? 1) });
    return null;
  };
  return (
    <Timeline
      data-testid="alarm-history"
      items={events.map((e) => {
        const entry = auditOf(e);
        return {
          color: e.kind === 'raised' || e.kind === 'reactivated' ? 'red' : e.kind === 'cleared' || e.kind === 'closed' ? 'green' : 'blue',
          children: (
            <div data-testid={`alarm-event-${e.kind}`}>
              <Space wrap size={4}>
                <Tag>{t(`ioc.event.${e.kind}` as 'ioc.event.raised')}</Tag>
                <Typography.Text strong>{e.actorName === 'system' ? t('ioc.engine') : e.actorName}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                {entry && <VerifyEntryButton auditId={entry.id} />}
              </Space>
              {e.comment && <div style={{ marginTop: 4 }}>{e.comment}</div>}
              {detail(e) && <Typography.Text type="secondary">{detail(e)}</Typography.Text>}
            </div>
          ),
        };
      })}
    />
  );
}
