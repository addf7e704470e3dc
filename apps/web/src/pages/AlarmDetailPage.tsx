import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../lib/format';
import { AlarmActions } from '../modules/alarms/components/AlarmActions';
import { AlarmHistory } from '../modules/alarms/components/AlarmHistory';
import { AlarmSeverityTag } from '../modules/alarms/components/AlarmSeverityTag';
import { AlarmStateTag } from '../modules/alarms/components/AlarmStateTag';
import { useAlarm } from '../modules/alarms/hooks/useAlarms';
import { useSession } from '../modules/auth/hooks/useSession';
import { useLiveRefresh } from '../modules/live/hooks/useLiveEvents';
import { useBuilding } from '../modules/parks/hooks/useBuilding';
import { findUsers } from '../modules/users/api/users.api';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { alarmText } from '../lib/coded-text';

/** One alarm: device, rule, values, counter, assignee, the full response history and the actions. */
export function AlarmDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const { permissions } = useSession();
  const alarm = useAlarm(id);
  const building = useBuilding(alarm.data?.buildingId ?? undefined);
  useLiveRefresh({ onAlarms: [['alarms', 'detail', id]] });
  // Names of possible assignees (operators may list users; others see the id).
  const assignees = useQuery({ queryKey: ['users', 'alarm-assignees'], queryFn: () => findUsers({ page: 1, pageSize: 200 }), enabled: permissions.canManageUsers });
  const nameOf = (userId: string) => assignees.data?.items.find((u) => u.id === userId)?.displayName;

  return (
    <QueryBoundary query={alarm} skeletonRows={10}>
      {(a) => (
        <>
          <PageHeader
            title={
              <span data-testid="alarm-title">
                {a.ruleName} <AlarmSeverityTag severity={a.severity} /> <AlarmStateTag state={a.state} />
              </span>
            }
            subtitle={alarmText(a)}
            crumbs={[{ title: t('ioc.alarmsTitle'), to: '/alarms' }, { title: a.ruleName }]}
            extra={<AlarmActions alarm={a} isOperator={permissions.isOperator} />}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card title={t('ioc.details')}>
                <Descriptions column={1} size="small" data-testid="alarm-details">
                  <Descriptions.Item label={t('ioc.device')}>
                    {a.deviceId ? (
                      <Link to={`/devices/${a.deviceId}`}>
                        <Typography.Text code>{a.deviceCode}</Typography.Text> {a.deviceName}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('ioc.rule')}>{a.ruleName}</Descriptions.Item>
                  <Descriptions.Item label={t('ioc.building')}>{building.data?.name ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('ioc.lastValue')}>{a.lastValue ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('ioc.count')}>
                    <span data-testid="alarm-count">{a.count}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('ioc.assignee')}>
                    <span data-testid="alarm-assignee">{a.assigneeId ? (nameOf(a.assigneeId) ?? `${a.assigneeId.slice(0, 8)}…`) : t('ioc.unassigned')}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('ioc.firstAt')}>{formatDateTime(a.firstAt)}</Descriptions.Item>
                  <Descriptions.Item label={t('ioc.lastAt')}>{formatDateTime(a.lastAt)}</Descriptions.Item>
                  {a.acknowledgedAt && <Descriptions.Item label={t('ioc.acknowledgedAt')}>{formatDateTime(a.acknowledgedAt)}</Descriptions.Item>}
                  {a.clearedAt && <Descriptions.Item label={t('ioc.clearedAt')}>{formatDateTime(a.clearedAt)}</Descriptions.Item>}
                  {a.closedAt && <Descriptions.Item label={t('ioc.closedAt')}>{formatDateTime(a.closedAt)}</Descriptions.Item>}
                  {a.closeReason && <Descriptions.Item label={t('ioc.closeReason')}>{a.closeReason}</Descriptions.Item>}
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t('ioc.history')}>
                <AlarmHistory alarmId={a.id} events={a.events} canSeeAudit={permissions.canSeeAudit} nameOf={nameOf} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </QueryBoundary>
  );
}
