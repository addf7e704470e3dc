import { App, Button, Card, Col, Descriptions, Empty, Flex, Image, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../lib/form-errors';
import { formatDateTime } from '../lib/format';
import { useSession } from '../modules/auth/hooks/useSession';
import type { MissionDetail } from '../modules/patrols/api/patrols.api';
import { MissionMap } from '../modules/patrols/components/MissionMap';
import { MissionStatusTag } from '../modules/patrols/components/MissionStatusTag';
import { useCompleteMission, useMission, useStartMission } from '../modules/patrols/hooks/usePatrols';
import { findingKindKey } from '../modules/patrols/utils/finding-kind';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

function Actions({ m }: { m: MissionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useStartMission();
  const complete = useCompleteMission();
  const onError = (e: unknown) => void message.error(errorMessage(e));
  return (
    <Space wrap>
      {m.status === 'planned' && (
        <Button
          type="primary"
          loading={start.isPending}
          onClick={() => start.mutate(m.id, { onSuccess: () => void message.success(t('patrols.detail.started')), onError })}
          data-testid="mission-start"
        >
          {t('patrols.detail.start')}
        </Button>
      )}
      {m.status === 'flying' && (
        <Button
          type="primary"
          loading={complete.isPending}
          onClick={() => complete.mutate({ id: m.id, outcome: 'done' }, { onSuccess: () => void message.success(t('patrols.detail.landed')), onError })}
          data-testid="mission-land"
        >
          {t('patrols.detail.land')}
        </Button>
      )}
      {m.status === 'planned' && (
        <Button danger onClick={() => complete.mutate({ id: m.id, outcome: 'aborted' }, { onError })}>
          {t('patrols.detail.abort')}
        </Button>
      )}
    </Space>
  );
}

function MissionView({ m }: { m: MissionDetail }) {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const last = m.track.at(-1);
  const names = new Map(m.checkpoints.map((c) => [c.key, c.name]));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('patrols.detail.map')} extra={permissions.isOperator && <Actions m={m} />}>
          <MissionMap mission={m} />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('patrols.missions.status')}>
              <MissionStatusTag status={m.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('patrols.missions.route')}>
              <span data-user-content>{m.routeName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('patrols.missions.drone')}>
              <span data-user-content>{m.droneName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('patrols.missions.plannedAt')}>
              {formatDateTime(m.plannedAt)}
              {m.recurrence !== 'none' && ` · ${t(`inspections.recurrences.${m.recurrence}`)}`}
            </Descriptions.Item>
            {m.startedAt && (
              <Descriptions.Item label={t('patrols.detail.flight')}>
                {t('patrols.detail.window', { from: formatDateTime(m.startedAt), to: m.endedAt ? formatDateTime(m.endedAt) : '…' })}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('patrols.detail.points')}>
              <span data-testid="mission-track-count">{m.track.length}</span>
            </Descriptions.Item>
            {last?.altitudeM != null && <Descriptions.Item label={t('patrols.detail.altitude')}>{`${last.altitudeM} m`}</Descriptions.Item>}
            {last?.battery != null && <Descriptions.Item label={t('patrols.detail.battery')}>{`${last.battery}%`}</Descriptions.Item>}
          </Descriptions>
        </Card>
        <Card size="small" title={t('patrols.detail.findings')} style={{ marginTop: 16 }}>
          <List
            dataSource={m.findings}
            locale={{ emptyText: t('patrols.detail.noFindings') }}
            renderItem={(f) => (
              <List.Item key={f.id} data-testid="mission-finding">
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Space wrap size={4}>
                    <Tag color="red">{t(findingKindKey(f.kind))}</Tag>
                    {f.checkpointName && <Typography.Text data-user-content>{f.checkpointName}</Typography.Text>}
                  </Space>
                  <Typography.Text type="secondary">
                    {formatDateTime(f.ts)}
                    {f.confidence !== null && ` · ${t('patrols.detail.confidence', { value: Math.round(f.confidence * 100) })}`}
                  </Typography.Text>
                  {f.workOrderId ? (
                    <Link to={`/work-orders/${f.workOrderId}`} data-testid="finding-workorder-link">
                      {t('patrols.detail.workOrderLink', { number: f.workOrderNumber })}
                    </Link>
                  ) : (
                    <Typography.Text type="secondary">{t('patrols.detail.noWorkOrder')}</Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card size="small" title={t('patrols.detail.snapshots')}>
          {m.snapshots.length === 0 ? (
            <Empty description={t('patrols.detail.noSnapshots')} />
          ) : (
            <Flex gap={12} wrap data-testid="mission-snapshots">
              {m.snapshots.map((s) => (
                <Card
                  key={s.id}
                  size="small"
                  style={{ width: 160 }}
                  cover={s.url ? <Image src={s.url} height={100} style={{ objectFit: 'cover' }} alt={names.get(s.checkpointKey ?? '') ?? ''} /> : undefined}
                >
                  {!s.url && <Typography.Text type="secondary">{t('patrols.detail.noImage')}</Typography.Text>}
                  <div>
                    <Typography.Text strong data-user-content>
                      {names.get(s.checkpointKey ?? '') ?? s.checkpointKey ?? '—'}
                    </Typography.Text>
                  </div>
                  <Typography.Text type="secondary">{formatDateTime(s.ts)}</Typography.Text>
                </Card>
              ))}
            </Flex>
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** One patrol mission: the route and the drone's track drawn, snapshots, findings and their work orders. */
export function PatrolMissionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const mission = useMission(id);
  return (
    <div>
      <PageHeader
        title={mission.data ? <span data-user-content>{mission.data.name}</span> : t('patrols.detail.title')}
        crumbs={[{ title: t('patrols.nav.missions'), to: '/patrols' }, { title: t('patrols.detail.title') }]}
      />
      <QueryBoundary query={mission}>{(m) => <MissionView m={m} />}</QueryBoundary>
    </div>
  );
}
