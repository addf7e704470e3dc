import { useState } from 'react';
import { Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { traceText } from '../../../lib/coded-text';
import { ErrorState } from '../../../ui/ErrorState';
import { getRuleTrace, type TraceEntry, type TraceVerdict } from '../api/rules.api';

const VERDICT_COLORS: Record<TraceVerdict, string> = { firing: 'red', quiet: 'green', no_data: 'default', out_of_scope: 'default' };

/** The rule trace of a device: for a chosen time, which rules evaluated its readings and why each fired or did not. */
export function RuleTraceCard({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const [at, setAt] = useState<Dayjs | null>(null);
  const trace = useQuery({ queryKey: ['rule-trace', deviceId, at?.toISOString() ?? 'now'], queryFn: () => getRuleTrace(deviceId, at?.toISOString()) });
  return (
    <Card title={t('rules.traceTitle')} data-testid="rule-trace">
      {/* In the body, not the card's header, where the picker left the title no room on a phone. */}
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker showTime value={at} onChange={(v) => setAt(v)} placeholder={t('rules.traceNow')} disabledDate={(d) => d.isAfter(dayjs())} data-testid="rule-trace-at" />
        <Button onClick={() => void trace.refetch()}>{t('common.retry')}</Button>
      </Space>
      {trace.isError ? (
        <ErrorState error={trace.error} onRetry={() => void trace.refetch()} />
      ) : (
        <Table<TraceEntry>
          size="small"
          rowKey="ruleId"
          loading={trace.isFetching}
          dataSource={trace.data?.rules ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('rules.traceEmpty') }}
          onRow={(r) => ({ 'data-testid': `trace-${r.ruleName}`, 'data-verdict': r.verdict }) as React.HTMLAttributes<HTMLElement>}
          expandable={{
            rowExpandable: (r) => r.steps.length > 0,
            expandedRowRender: (r) => (
              <Table
                size="small"
                rowKey="ts"
                pagination={false}
                dataSource={r.steps}
                columns={[
                  { title: t('rules.time'), dataIndex: 'ts', render: (v: string) => dayjs(v).format('MM-DD HH:mm:ss') },
                  { title: t('rules.value'), dataIndex: 'value' },
                  { title: t('rules.stateBefore'), dataIndex: 'activeBefore', render: (v: boolean) => (v ? t('rules.verdicts.firing') : t('rules.verdicts.quiet')) },
                  { title: t('rules.stateAfter'), dataIndex: 'activeAfter', render: (v: boolean) => (v ? t('rules.verdicts.firing') : t('rules.verdicts.quiet')) },
                  { title: t('rules.op'), dataIndex: 'op', render: (v: string | null) => (v ? t(`rules.ops.${v as 'raise'}`) : '—') },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('rules.name'), dataIndex: 'ruleName', width: 160, render: (v: string, r) => <Typography.Text type={r.enabled ? undefined : 'secondary'}>{v}</Typography.Text> },
            { title: t('rules.kind'), dataIndex: 'kind', width: 130, render: (k: TraceEntry['kind']) => t(`rules.kinds.${k}`) },
            { title: t('rules.verdict'), dataIndex: 'verdict', width: 120, render: (v: TraceVerdict) => <Tag color={VERDICT_COLORS[v]}>{t(`rules.verdicts.${v}`)}</Tag> },
            { title: t('rules.why'), dataIndex: 'explanation', width: 420, render: (v: string, r) => <span data-testid="trace-explanation">{traceText(r.reason, v)}</span> },
          ]}
        />
      )}
    </Card>
  );
}
