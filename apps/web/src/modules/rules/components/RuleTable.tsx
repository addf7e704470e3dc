import { App, Button, Popconfirm, Space, Switch, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/form-errors';
import type { AlarmRule, Severity } from '../api/rules.api';
import { useRuleMutations } from '../hooks/useRules';
import { metricName } from '../../../lib/coded-text';

export const SEVERITY_COLORS: Record<Severity, string> = { critical: 'red', major: 'orange', minor: 'gold', info: 'blue' };

/** A rule's condition in one line, e.g. `temperature > 30 (±2)`. */
export function useConditionText() {
  const { t } = useTranslation();
  const metric = (m: string | null) => (m ? metricName(m) : '');
  return (r: AlarmRule): string => {
    switch (r.kind) {
      case 'threshold':
        return `${metric(r.metric)} ${r.operator} ${r.value}${r.hysteresis ? ` (${t('rules.hysteresis')} ${r.hysteresis})` : ''}`;
      case 'rate_of_change':
        return t('rules.rateText', { metric: metric(r.metric), delta: r.delta, seconds: r.windowSeconds, direction: t(`rules.directions.${r.direction ?? 'any'}`) });
      case 'silent':
        return t('rules.silentText', { seconds: r.silentSeconds });
      case 'combination':
        return t('rules.combinationText', {
          conditions: (r.conditions ?? []).map((c) => `${metric(c.field)} ${c.operator} ${c.value}`).join(' ∧ '),
          seconds: r.windowSeconds,
          groupBy: t(`rules.groupByOptions.${r.groupBy ?? 'floor'}`),
        });
      case 'event':
        return [r.eventType, ...(r.conditions ?? []).map((c) => `${c.field} ${c.operator} ${c.value}`)].join(' · ');
    }
  };
}

interface RuleTableProps {
  data: Page<AlarmRule> | undefined;
  isLoading: boolean;
  onEdit: (rule: AlarmRule) => void;
  onPageChange: (page: number, pageSize: number) => void;
}

/** Rules with kind, condition, severity and scope; enable/disable in place. */
export function RuleTable({ data, isLoading, onEdit, onPageChange }: RuleTableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useRuleMutations();
  const condition = useConditionText();
  const toggle = (r: AlarmRule, enabled: boolean) =>
    m.update.mutateAsync({ id: r.id, input: { enabled } }).then(
      () => void message.success(enabled ? t('rules.enabledOn') : t('rules.enabledOff')),
      (e: unknown) => void message.error(errorMessage(e)),
    );
  return (
    <Table<AlarmRule>
      rowKey="id"
      data-testid="rule-table"
      loading={isLoading}
      dataSource={data?.items ?? []}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('rules.emptyList') }}
      pagination={{ current: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, showSizeChanger: true, onChange: onPageChange }}
      onRow={(r) => ({ 'data-testid': `rule-row-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('rules.name'), dataIndex: 'name', fixed: 'left', width: 180 },
        { title: t('rules.kind'), dataIndex: 'kind', width: 120, render: (k: AlarmRule['kind']) => t(`rules.kinds.${k}`) },
        { title: t('rules.condition'), key: 'condition', width: 300, render: (_, r) => <span data-testid="rule-condition">{condition(r)}</span> },
        { title: t('rules.severity'), dataIndex: 'severity', width: 100, render: (s: Severity) => <Tag color={SEVERITY_COLORS[s]}>{t(`rules.severities.${s}`)}</Tag> },
        {
          title: t('rules.scope'),
          key: 'scope',
          width: 200,
          render: (_, r) => (
            <Space size={4} wrap>
              {r.deviceType && <Tag>{t(`deviceTypes.${r.deviceType}`)}</Tag>}
              {r.buildingId && <Tag color="geekblue">{t('rules.building')}</Tag>}
              {r.floorId && <Tag color="geekblue">{t('rules.floor')}</Tag>}
              {r.tag && <Tag color="purple">#{r.tag}</Tag>}
              {!r.deviceType && !r.buildingId && !r.floorId && !r.tag && <span>{t('rules.wholePark')}</span>}
            </Space>
          ),
        },
        {
          title: t('rules.enabled'),
          dataIndex: 'enabled',
          width: 90,
          render: (enabled: boolean, r) => <Switch checked={enabled} size="small" onChange={(v) => void toggle(r, v)} data-testid="rule-enabled" aria-label={t('rules.enabled')} />,
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 110,
          render: (_, r) => (
            <Space size={0}>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} aria-label={t('common.edit')} data-testid="rule-edit" />
              <Popconfirm title={t('rules.deleteConfirm')} onConfirm={() => m.remove.mutateAsync(r.id).catch((e: unknown) => void message.error(errorMessage(e)))}>
                <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
