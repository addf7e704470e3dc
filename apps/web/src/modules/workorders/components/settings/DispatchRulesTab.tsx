import { useState } from 'react';
import { Button, Flex, Form, Input, Select, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEVICE_TYPES } from '../../../devices/api/devices.api';
import { useRules } from '../../../rules/hooks/useRules';
import { FormModal } from '../../../../ui/FormModal';
import { QueryBoundary } from '../../../../ui/QueryBoundary';
import { WORK_ORDER_CATEGORIES, WORK_ORDER_PRIORITIES, type AlarmSeverity, type DispatchRule, type DispatchRuleInput } from '../../api/workorders.api';
import { useDispatchRules, useWorkOrderSettingsMutations } from '../../hooks/useWorkOrders';

const SEVERITIES: AlarmSeverity[] = ['critical', 'major', 'minor', 'info'];

/** Which alarms of a park become work orders, with which category and priority. */
export function DispatchRulesTab({ parkId }: { parkId: string }) {
  const { t } = useTranslation();
  const rules = useDispatchRules(parkId);
  const alarmRules = useRules({ page: 1, pageSize: 200 });
  const m = useWorkOrderSettingsMutations();
  const [editing, setEditing] = useState<DispatchRule | 'new' | null>(null);
  const alarmRuleName = new Map((alarmRules.data?.items ?? []).map((r) => [r.id, r.name]));
  const current = editing && editing !== 'new' ? editing : undefined;

  const submit = async (v: DispatchRuleInput) => {
    const body: DispatchRuleInput = { ...v, deviceType: v.deviceType ?? null, alarmRuleId: v.alarmRuleId ?? null, category: v.category ?? null };
    if (editing === 'new') await m.createRule.mutateAsync({ ...body, parkId });
    else if (editing) await m.updateRule.mutateAsync({ id: editing.id, body });
  };

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="dispatch-rule-new">
          {t('workorderSettings.rules.new')}
        </Button>
      </Flex>
      <QueryBoundary query={rules}>
        {(rows) => (
          <Table<DispatchRule>
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 960 }}
            data-testid="dispatch-rule-table"
            columns={[
              { title: t('workorderSettings.rules.name'), dataIndex: 'name', width: 180 },
              { title: t('workorderSettings.rules.minSeverity'), dataIndex: 'minSeverity', render: (s: AlarmSeverity) => t('workorderSettings.rules.atLeast', { severity: t(`workorderSettings.severity.${s}`) }) },
              { title: t('workorderSettings.rules.deviceType'), dataIndex: 'deviceType', render: (d: string | null) => (d ? t(`deviceTypes.${d}`, { defaultValue: d }) : t('workorderSettings.rules.any')) },
              { title: t('workorderSettings.rules.alarmRule'), dataIndex: 'alarmRuleId', render: (id: string | null) => (id ? (alarmRuleName.get(id) ?? '—') : t('workorderSettings.rules.any')) },
              { title: t('workorderSettings.rules.category'), dataIndex: 'category', render: (c: string | null) => (c ? t(`workorders.category.${c}`) : t('workorderSettings.rules.auto')) },
              { title: t('workorderSettings.rules.priority'), dataIndex: 'priority', render: (p: string) => t(`workorders.priority.${p}`) },
              { title: t('workorderSettings.rules.enabled'), dataIndex: 'isEnabled', render: (on: boolean) => <Tag color={on ? 'green' : 'default'}>{on ? t('workorderSettings.rules.on') : t('workorderSettings.rules.off')}</Tag> },
              { title: '', key: 'edit', width: 80, render: (_, rule) => <Button type="link" onClick={() => setEditing(rule)}>{t('workorderSettings.edit')}</Button> },
            ]}
          />
        )}
      </QueryBoundary>
      <FormModal<DispatchRuleInput>
        key={current?.id ?? 'new'}
        open={editing !== null}
        title={editing === 'new' ? t('workorderSettings.rules.new') : t('workorderSettings.rules.edit')}
        onClose={() => setEditing(null)}
        onSubmit={submit}
        successMessage={t('workorderSettings.saved')}
        testId="dispatch-rule-form"
        width={560}
        initialValues={current ?? { minSeverity: 'major', priority: 'high', isEnabled: true, deviceType: null, alarmRuleId: null, category: null }}
      >
        <Form.Item name="name" label={t('workorderSettings.rules.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="dispatch-rule-form-name" />
        </Form.Item>
        <Form.Item name="minSeverity" label={t('workorderSettings.rules.minSeverity')} rules={[{ required: true }]}>
          <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`workorderSettings.severity.${s}`) }))} data-testid="dispatch-rule-form-severity" />
        </Form.Item>
        <Form.Item name="deviceType" label={t('workorderSettings.rules.deviceType')}>
          <Select allowClear placeholder={t('workorderSettings.rules.any')} options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`deviceTypes.${d}`, { defaultValue: d }) }))} data-testid="dispatch-rule-form-device-type" />
        </Form.Item>
        <Form.Item name="alarmRuleId" label={t('workorderSettings.rules.alarmRule')}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('workorderSettings.rules.any')} loading={alarmRules.isLoading}
            options={(alarmRules.data?.items ?? []).filter((r) => r.parkId === parkId).map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="category" label={t('workorderSettings.rules.category')}>
          <Select allowClear placeholder={t('workorderSettings.rules.auto')} options={WORK_ORDER_CATEGORIES.map((c) => ({ value: c, label: t(`workorders.category.${c}`) }))} data-testid="dispatch-rule-form-category" />
        </Form.Item>
        <Form.Item name="priority" label={t('workorderSettings.rules.priority')} rules={[{ required: true }]}>
          <Select options={WORK_ORDER_PRIORITIES.map((p) => ({ value: p, label: t(`workorders.priority.${p}`) }))} data-testid="dispatch-rule-form-priority" />
        </Form.Item>
        <Form.Item name="isEnabled" label={t('workorderSettings.rules.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </>
  );
}
