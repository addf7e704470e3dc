import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../lib/form-errors';
import { formatDateTime } from '../lib/format';
import { commandsOf } from '../modules/devices/api/commands.api';
import type { IngestErrorCount, LatestReading } from '../modules/devices/api/devices.api';
import { DeviceCommandsCard } from '../modules/devices/components/DeviceCommandsCard';
import { DeviceCredentialsCard } from '../modules/devices/components/DeviceCredentialsCard';
import { DeviceFormModal } from '../modules/devices/components/DeviceFormModal';
import { DeviceHistoryChart } from '../modules/devices/components/DeviceHistoryChart';
import { DeviceStatusBadge } from '../modules/devices/components/DeviceStatusBadge';
import { useDevice, useDeviceMutations } from '../modules/devices/hooks/useDevice';
import { useBuilding } from '../modules/parks/hooks/useBuilding';
import { DeviceShelfBadge } from '../modules/rules/components/DeviceShelfBadge';
import { RuleTraceCard } from '../modules/rules/components/RuleTraceCard';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { metricName, metricValue } from '../lib/coded-text';

const show = (v: number | null) => (v === null ? '—' : String(v));

/** One device: status, place, latest value per metric, rejected input per reason, and its credentials. */
export function DeviceDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const device = useDevice(id);
  const building = useBuilding(device.data?.buildingId ?? undefined);
  const m = useDeviceMutations();
  const [isEditing, setIsEditing] = useState(false);

  return (
    <QueryBoundary query={device} skeletonRows={10}>
      {(d) => {
        const floorName = building.data?.floors.find((f) => f.id === d.floorId)?.name;
        return (
          <>
            <PageHeader
              title={<Typography.Text code data-testid="device-code" style={{ fontSize: 'inherit' }}>{d.code}</Typography.Text>}
              subtitle={
                <>
                  <span style={{ marginRight: 8 }}>{d.name}</span>
                  <Tag color="blue">{t(`deviceTypes.${d.type}`)}</Tag>
                  <DeviceStatusBadge status={d.status} />
                  <DeviceShelfBadge deviceId={d.id} />
                </>
              }
              crumbs={[{ title: t('nav.devices'), to: '/devices' }, { title: d.code }]}
              extra={
                <>
                  <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)} data-testid="device-edit">
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('devices.deleteConfirm')}
                    onConfirm={() =>
                      m.remove
                        .mutateAsync(d.id)
                        .then(() => navigate('/devices'))
                        .catch((e: unknown) => void message.error(errorMessage(e)))
                    }
                  >
                    <Button danger icon={<DeleteOutlined />} data-testid="device-delete">
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </>
              }
            />
            <Row gutter={[16, 16]}>
              {d.rollupFailures.length > 0 && (
                <Col xs={24}>
                  <Alert
                    type="warning"
                    showIcon
                    data-testid="device-rollup-failures"
                    title={t('devices.rollupFailures')}
                    description={d.rollupFailures.map((f) => (
                      <div key={f.metric}>
                        {t('devices.rollupFailure', { metric: metricName(f.metric), from: formatDateTime(f.from), to: formatDateTime(f.to), tier: f.tier, count: f.failures, error: f.lastError })}
                      </div>
                    ))}
                  />
                </Col>
              )}
              <Col xs={24} xl={12}>
                <Card title={t('common.details')}>
                  <Descriptions size="small" column={1} bordered>
                    <Descriptions.Item label={t('devices.status')}>
                      <DeviceStatusBadge status={d.status} />
                    </Descriptions.Item>
                    <Descriptions.Item label={t('devices.lastSeen')}>
                      <span data-testid="device-last-seen">{d.lastSeenAt ? formatDateTime(d.lastSeenAt) : t('devices.never')}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('devices.location')}>
                      {[building.data?.name, floorName].filter(Boolean).join(' · ') || '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label="X / Y">
                      {show(d.x)} / {show(d.y)}
                    </Descriptions.Item>
                    <Descriptions.Item label={`${t('devices.lat')} / ${t('devices.lon')}`}>
                      {show(d.lat)} / {show(d.lon)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('devices.tags')}>{d.tags.length ? d.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('devices.createdAt')}>{formatDateTime(d.createdAt)}</Descriptions.Item>
                  </Descriptions>
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <DeviceCredentialsCard device={d} />
              </Col>
              {commandsOf(d.type).length > 0 && (
                <Col xs={24}>
                  <DeviceCommandsCard device={d} />
                </Col>
              )}
              <Col xs={24} xl={12}>
                <Card title={t('devices.latest')}>
                  <Table<LatestReading>
                    data-testid="device-latest"
                    size="small"
                    rowKey="metric"
                    pagination={false}
                    dataSource={d.latest}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('devices.noReadings')} /> }}
                    columns={[
                      { title: t('devices.metric'), dataIndex: 'metric', render: (v: string) => metricName(v) },
                      {
                        title: t('devices.value'),
                        dataIndex: 'value',
                        render: (v: number, r) => (
                          <strong data-testid={`device-latest-${r.metric}`}>
                            {metricValue(r.metric, v)}
                          </strong>
                        ),
                      },
                      {
                        title: t('devices.range'),
                        key: 'range',
                        render: (_: unknown, r) => (r.min === null || r.max === null ? '—' : <Typography.Text type="secondary" data-testid={`device-range-${r.metric}`}>{`${r.min} … ${metricValue(r.metric, r.max)}`}</Typography.Text>),
                      },
                      { title: t('devices.readAt'), dataIndex: 'ts', width: 150, render: (v: string) => formatDateTime(v) },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title={t('devices.ingestErrors')}>
                  <Table<IngestErrorCount>
                    data-testid="device-ingest-errors"
                    size="small"
                    rowKey="reason"
                    pagination={false}
                    dataSource={d.ingestErrors}
                    scroll={{ x: 520 }}
                    locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('devices.noErrors')} /> }}
                    columns={[
                      { title: t('devices.reason'), dataIndex: 'reason', width: 140, render: (v: IngestErrorCount['reason']) => <Tag color="red">{t(`ingestReasons.${v}`)}</Tag> },
                      { title: t('devices.count'), dataIndex: 'count', width: 70 },
                      { title: t('devices.lastError'), dataIndex: 'lastError', render: (v: string | null) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v ?? '—'}</Typography.Text> },
                      { title: t('devices.lastAt'), dataIndex: 'lastAt', width: 140, render: (v: string) => formatDateTime(v) },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24}>
                <DeviceHistoryChart deviceId={d.id} metrics={d.latest.map((l) => l.metric)} metricName={metricName} />
              </Col>
              <Col xs={24}><RuleTraceCard deviceId={d.id} /></Col>
            </Row>
            <DeviceFormModal open={isEditing} onClose={() => setIsEditing(false)} device={d} />
          </>
        );
      }}
    </QueryBoundary>
  );
}
