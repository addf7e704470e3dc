import { useState } from 'react';
import { Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApprovalFlow } from '../modules/approvals/api/approvals.api';
import { FlowEditorModal } from '../modules/approvals/components/FlowEditorModal';
import { useFlows } from '../modules/approvals/hooks/useApprovals';
import { localName } from '../modules/approvals/utils/names';
import { useParks } from '../modules/parks/hooks/useParks';
import { formatDateTime } from '../lib/format';
import { IconEditButton } from '../ui/IconEditButton';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Operators list, create and edit their parks' approval flows (审批流程). */
export function ApprovalFlowsPage() {
  const { t, i18n } = useTranslation();
  const flows = useFlows();
  const parks = useParks();
  // undefined: closed; null: creating; a flow: editing it.
  const [editing, setEditing] = useState<ApprovalFlow | null | undefined>(undefined);
  const parkName = (id: string) => (parks.data ?? []).find((p) => p.id === id)?.name ?? '';
  return (
    <div>
      <PageHeader
        title={t('approvals.flows.title')}
        subtitle={t('approvals.flows.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="flow-create">
            {t('approvals.flows.create')}
          </Button>
        }
      />
      <QueryBoundary query={flows}>
        {(data) => (
          <Table<ApprovalFlow>
            rowKey="id"
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 720 }}
            locale={{ emptyText: t('approvals.flows.empty') }}
            columns={[
              { title: t('approvals.flows.name'), key: 'name', width: 180, render: (_: unknown, f) => <span data-testid={`flow-row-${f.key}`}>{localName(f, i18n.language)}</span> },
              { title: t('approvals.flows.key'), dataIndex: 'key' },
              { title: t('approvals.flows.park'), key: 'park', width: 160, render: (_: unknown, f) => parkName(f.parkId) },
              {
                title: t('approvals.flows.steps'),
                key: 'steps',
                render: (_: unknown, f) => (
                  <Space wrap size={4}>
                    {f.steps.map((s, i) => (
                      <Tag key={i}>
                        {i + 1}. {localName(s, i18n.language)} · {t(`approvals.modes.${s.mode}`)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { title: t('approvals.flows.version'), dataIndex: 'latestVersion', width: 80, render: (v: number) => <span data-testid="flow-version">v{v}</span> },
              { title: t('approvals.flows.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
              { title: t('common.actions'), key: 'actions', width: 80, render: (_: unknown, f) => <IconEditButton label={t('approvals.flows.edit')} onClick={() => setEditing(f)} testId={`flow-edit-${f.key}`} /> },
            ]}
          />
        )}
      </QueryBoundary>
      <FlowEditorModal flow={editing} parks={parks.data ?? []} onClose={() => setEditing(undefined)} />
    </div>
  );
}
