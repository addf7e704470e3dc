import { App, Button, Card, Col, Descriptions, Empty, Row, Statistic, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPercent } from '../../../lib/format';
import { EChart } from '../../../ui/EChart';
import { retrainModel, type DispatchModel, type ModelStatus } from '../api/workorders.api';

/** The dispatch models: held-out accuracy, version, training time, history chart, retrain button. */
export function ModelPanel({ status }: { status: ModelStatus }) {
  const { t, i18n } = useTranslation();
  // Triggers are 'seed', 'manual', 'schedule' or 'corrections:<n>'; an unknown one is shown as stored.
  const triggerName = (trigger: string) => {
    const [kind, count] = trigger.split(':');
    return i18n.exists(`workorders.model.triggers.${kind}`) ? t(`workorders.model.triggers.${kind}` as 'workorders.model.triggers.seed', { count: Number(count) }) : trigger;
  };
  const { message } = App.useApp();
  const qc = useQueryClient();
  const retrain = useMutation({
    mutationFn: () => retrainModel(status.parkId),
    onSuccess: (next) => {
      qc.setQueryData(['dispatch-model', status.parkId], next);
      void message.success(t('workorders.model.retrained'));
    },
    onError: (e) => void message.error(e.message),
  });
  const versions = [...new Set(status.history.map((m) => m.version))].sort((a, b) => a - b);
  const series = (['category', 'team'] as const).map((target) => ({
    name: t(`workorders.model.target.${target}`),
    // Bars: the shared chart primitive registers bar, pie, funnel and gauge charts.
    type: 'bar' as const,
    data: versions.map((v) => {
      const m = status.history.find((h) => h.target === target && h.version === v);
      return m ? Math.round(m.accuracy * 1000) / 10 : null;
    }),
  }));
  return (
    <>
      <Row gutter={[16, 16]}>
        {status.current.length === 0 && (
          <Col span={24}>
            <Card>
              <Empty description={t('workorders.model.none')} />
            </Card>
          </Col>
        )}
        {status.current.map((m) => (
          <Col xs={24} md={12} key={m.target}>
            <Card title={t(`workorders.model.target.${m.target}`)} data-testid={`model-${m.target}`}>
              <Statistic title={t('workorders.model.accuracy')} value={formatPercent(m.accuracy)} valueStyle={{ color: m.accuracy >= 0.85 ? '#389e0d' : '#d48806' }} />
              <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
                <Descriptions.Item label={t('workorders.model.version')}>v{m.version}</Descriptions.Item>
                <Descriptions.Item label={t('workorders.model.trainedAt')}>{formatDateTime(m.trainedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('workorders.model.examples')}>
                  {m.exampleCount} · {t('workorders.model.heldOut', { count: m.heldOutCount })} · {t('workorders.model.labels', { count: m.labels })}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
        ))}
        <Col xs={24} md={12}>
          <Card>
            <Row gutter={16}>
              <Col span={12}>
                <Statistic title={t('workorders.model.threshold')} value={formatPercent(status.threshold, 0)} />
              </Col>
              <Col span={12}>
                <Statistic title={t('workorders.model.automaticShare')} value={formatPercent(status.automaticShare, 0)} />
              </Col>
              <Col span={12} style={{ marginTop: 12 }}>
                <Statistic title={t('workorders.model.triageCount')} value={status.triageCount} />
              </Col>
              <Col span={12} style={{ marginTop: 12 }}>
                <Statistic title={t('workorders.model.corrections')} value={status.correctionsSinceTraining} suffix={`/ ${status.retrainAfterCorrections}`} />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {t('workorders.model.correctionsHint', { count: status.retrainAfterCorrections })}
            </Typography.Paragraph>
            <Button type="primary" icon={<ReloadOutlined />} loading={retrain.isPending} onClick={() => retrain.mutate()} data-testid="model-retrain">
              {t('workorders.model.retrain')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('workorders.model.history')}>
            <EChart
              height={220}
              testId="model-history-chart"
              option={{ tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: versions.map((v) => `v${v}`) }, yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }, series }}
            />
          </Card>
        </Col>
      </Row>
      <Card style={{ marginTop: 16 }} title={t('workorders.model.history')}>
        <Table<DispatchModel>
          rowKey={(m) => `${m.target}-${m.version}`}
          size="small"
          dataSource={status.history}
          pagination={{ pageSize: 10 }}
          scroll={{ x: 600 }}
          columns={[
            { title: t('workorders.model.version'), render: (_, m) => `${t(`workorders.model.target.${m.target}`)} v${m.version}` },
            { title: t('workorders.model.accuracy'), dataIndex: 'accuracy', render: (v: number) => formatPercent(v) },
            { title: t('workorders.model.examples'), dataIndex: 'exampleCount' },
            { title: t('workorders.model.trigger'), dataIndex: 'trigger', render: (v: string) => triggerName(v) },
            { title: t('workorders.model.trainingMs'), dataIndex: 'trainingMs', render: (v: number) => `${v} ms` },
            { title: t('workorders.model.trainedAt'), dataIndex: 'trainedAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
    </>
  );
}
