import { useState } from 'react';
import { App, Alert, Button, Card, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceType } from '@parkos/contracts';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import type { Retention, RetentionInput } from '../api/history.api';
import { useTelemetryRetention, useTelemetryRetentionMutations } from '../hooks/useTelemetryRetention';

const FIELDS = ['rawDays', 'minuteDays', 'hourDays'] as const;

/** Retention of the raw, 1-minute and 1-hour history per device type, editable row by row. */
export function TelemetryRetentionTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const retention = useTelemetryRetention();
  const m = useTelemetryRetentionMutations();
  const [drafts, setDrafts] = useState<Partial<Record<DeviceType, RetentionInput>>>({});

  const valueOf = (r: Retention): RetentionInput => drafts[r.deviceType] ?? { rawDays: r.rawDays, minuteDays: r.minuteDays, hourDays: r.hourDays };
  const setField = (r: Retention, field: (typeof FIELDS)[number], v: number | null) => setDrafts((d) => ({ ...d, [r.deviceType]: { ...valueOf(r), [field]: v ?? 0 } }));
  const clearDraft = (type: DeviceType) =>
    setDrafts((d) => {
      const next = { ...d };
      delete next[type];
      return next;
    });
  const save = (r: Retention) =>
    m.update
      .mutateAsync({ type: r.deviceType, input: valueOf(r) })
      .then(() => {
        clearDraft(r.deviceType);
        void message.success(t('telemetryHistory.saved'));
      })
      .catch((e: unknown) => void message.error(errorMessage(e)));
  const reset = (r: Retention) =>
    m.reset
      .mutateAsync(r.deviceType)
      .then(() => clearDraft(r.deviceType))
      .catch((e: unknown) => void message.error(errorMessage(e)));

  return (
    <QueryBoundary query={retention} skeletonRows={8}>
      {(data) => (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type={data.rollup.lastError ? 'warning' : 'info'}
            showIcon
            data-testid="rollup-status"
            message={t('telemetryHistory.rollupStatus', { watermark: data.rollup.watermark ? formatDateTime(data.rollup.watermark) : '—' })}
            description={data.rollup.lastError ?? t('telemetryHistory.retentionHint')}
          />
          <Card>
            <Table<Retention>
              data-testid="retention-table"
              rowKey="deviceType"
              size="small"
              pagination={false}
              dataSource={data.items}
              scroll={{ x: 720 }}
              columns={[
                {
                  title: t('telemetryHistory.deviceType'),
                  dataIndex: 'deviceType',
                  render: (v: DeviceType, r) => (
                    <Space size={4} wrap>
                      {t(`deviceTypes.${v}`)}
                      {r.isDefault ? <Tag>{t('telemetryHistory.default')}</Tag> : <Tag color="blue">{t('telemetryHistory.custom')}</Tag>}
                    </Space>
                  ),
                },
                ...FIELDS.map((field) => ({
                  title: t(`telemetryHistory.${field}`),
                  key: field,
                  width: 130,
                  render: (_: unknown, r: Retention) => (
                    <InputNumber
                      size="small"
                      min={data.limits.minDays}
                      max={data.limits.maxDays}
                      value={valueOf(r)[field]}
                      onChange={(v) => setField(r, field, v)}
                      addonAfter={t('telemetryHistory.days')}
                      style={{ width: 120 }}
                      data-testid={`retention-${r.deviceType}-${field}`}
                    />
                  ),
                })),
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 170,
                  render: (_: unknown, r: Retention) => (
                    <Space size={4}>
                      <Button size="small" type="primary" disabled={!drafts[r.deviceType]} loading={m.update.isPending} onClick={() => void save(r)} data-testid={`retention-${r.deviceType}-save`}>
                        {t('common.save')}
                      </Button>
                      <Popconfirm title={t('telemetryHistory.resetConfirm')} onConfirm={() => void reset(r)} disabled={r.isDefault}>
                        <Button size="small" disabled={r.isDefault}>
                          {t('telemetryHistory.reset')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
              {t('telemetryHistory.orderRule')}
            </Typography.Paragraph>
          </Card>
        </Space>
      )}
    </QueryBoundary>
  );
}
