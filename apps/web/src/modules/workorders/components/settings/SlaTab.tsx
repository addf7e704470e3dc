import { useState } from 'react';
import { Form, InputNumber, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../../ui/FormModal';
import { QueryBoundary } from '../../../../ui/QueryBoundary';
import { WORK_ORDER_CATEGORIES, WORK_ORDER_PRIORITIES, type SlaCell, type WorkOrderCategory } from '../../api/workorders.api';
import { useSlaMatrix, useWorkOrderSettingsMutations } from '../../hooks/useWorkOrders';
import { numberRule } from '../../../../ui/number-rule';

interface SlaForm {
  responseMinutes: number;
  resolutionMinutes: number;
}

/** The SLA matrix of a park: category × priority, response / resolution minutes; click a cell to change it. */
export function SlaTab({ parkId }: { parkId: string }) {
  const { t } = useTranslation();
  const matrix = useSlaMatrix(parkId);
  const m = useWorkOrderSettingsMutations();
  const [editing, setEditing] = useState<SlaCell | null>(null);

  return (
    <>
      <Typography.Paragraph type="secondary">{t('workorderSettings.sla.hint')}</Typography.Paragraph>
      <QueryBoundary query={matrix}>
        {(cells) => {
          const byKey = new Map(cells.map((c) => [`${c.category}/${c.priority}`, c]));
          return (
            <Table<{ category: WorkOrderCategory }>
              rowKey="category"
              size="small"
              bordered
              pagination={false}
              scroll={{ x: 640 }}
              dataSource={WORK_ORDER_CATEGORIES.map((category) => ({ category }))}
              data-testid="sla-table"
              columns={[
                { title: t('workorderSettings.sla.category'), dataIndex: 'category', fixed: 'left', width: 100, render: (c: string) => t(`workorders.category.${c}`) },
                ...WORK_ORDER_PRIORITIES.map((priority) => ({
                  title: t(`workorders.priority.${priority}`),
                  key: priority,
                  render: (_: unknown, row: { category: WorkOrderCategory }) => {
                    const cell = byKey.get(`${row.category}/${priority}`);
                    if (!cell) return '—';
                    return (
                      <button
                        type="button"
                        className="sla-cell"
                        onClick={() => setEditing(cell)}
                        data-testid={`sla-cell-${cell.category}-${cell.priority}`}
                        data-overridden={cell.isDefault ? 'false' : 'true'}
                        title={t('workorderSettings.sla.editCell')}
                        style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%', whiteSpace: 'nowrap' }}
                      >
                        <span>{formatMinutes(cell.responseMinutes)} / {formatMinutes(cell.resolutionMinutes)}</span>{' '}
                        {!cell.isDefault && <Tag color="orange" style={{ marginInlineStart: 4 }}>{t('workorderSettings.sla.overridden')}</Tag>}
                      </button>
                    );
                  },
                })),
              ]}
            />
          );
        }}
      </QueryBoundary>
      <FormModal<SlaForm>
        key={editing ? `${editing.category}/${editing.priority}` : 'none'}
        open={editing !== null}
        title={editing ? t('workorderSettings.sla.editTitle', { category: t(`workorders.category.${editing.category}`), priority: t(`workorders.priority.${editing.priority}`) }) : ''}
        onClose={() => setEditing(null)}
        onSubmit={(v) => (editing ? m.setSla.mutateAsync({ parkId, category: editing.category, priority: editing.priority, ...v }) : Promise.resolve())}
        successMessage={t('workorderSettings.saved')}
        testId="sla-form"
        initialValues={editing ? { responseMinutes: editing.responseMinutes, resolutionMinutes: editing.resolutionMinutes } : undefined}
      >
        <Form.Item name="responseMinutes" label={t('workorderSettings.sla.responseMinutes')} rules={[{ required: true }, numberRule(t, t('workorderSettings.sla.responseMinutes'), { min: 1, max: 60 * 24 * 30 })]}>
          <InputNumber precision={0} style={{ width: '100%' }} data-testid="sla-form-response" />
        </Form.Item>
        <Form.Item
          name="resolutionMinutes"
          label={t('workorderSettings.sla.resolutionMinutes')}
          dependencies={['responseMinutes']}
          rules={[
            { required: true },
            numberRule(t, t('workorderSettings.sla.resolutionMinutes'), { min: 1, max: 60 * 24 * 90 }),
            ({ getFieldValue }) => ({
              validator: (_, value: number | undefined) =>
                value === undefined || value >= (getFieldValue('responseMinutes') as number) ? Promise.resolve() : Promise.reject(new Error(t('workorderSettings.sla.resolutionBeforeResponse'))),
            }),
          ]}
        >
          <InputNumber precision={0} style={{ width: '100%' }} data-testid="sla-form-resolution" />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** 30 → "30m", 240 → "4h", 90 → "1h30m", 2880 → "2d". */
export function formatMinutes(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].join('') || '0m';
}
