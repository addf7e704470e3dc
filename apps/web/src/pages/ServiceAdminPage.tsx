import { useState } from 'react';
import { Button, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../lib/format';
import { useFlows } from '../modules/approvals/hooks/useApprovals';
import { localName } from '../modules/approvals/utils/names';
import type { ServiceOffering } from '../modules/services/api/services.api';
import { ServiceEditorModal } from '../modules/services/components/ServiceEditorModal';
import { useServiceList } from '../modules/services/hooks/useServices';
import { IconEditButton } from '../ui/IconEditButton';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const STATUS_COLORS = { draft: 'default', published: 'success', retired: 'warning' } as const;

/** Operators publish and edit their parks' services (服务目录管理). */
export function ServiceAdminPage() {
  const { t, i18n } = useTranslation();
  const list = useServiceList('manage');
  // The flow's name, not its key (the key stays the fallback while the flows load).
  const flows = useFlows();
  const flowName = (s: ServiceOffering) => {
    const f = flows.data?.items.find((x) => x.key === s.flowKey && x.parkId === s.parkId);
    return f ? localName(f, i18n.language) : s.flowKey;
  };
  // undefined: closed; null: creating; a service: editing it.
  const [editing, setEditing] = useState<ServiceOffering | null | undefined>(undefined);
  return (
    <div>
      <PageHeader
        title={t('services.admin.title')}
        subtitle={t('services.admin.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="service-create">
            {t('services.admin.create')}
          </Button>
        }
      />
      <QueryBoundary query={list}>
        {(data) => (
          <Table<ServiceOffering>
            rowKey="id"
            size="small"
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 1070 }}
            locale={{ emptyText: t('services.admin.empty') }}
            columns={[
              { title: t('services.admin.name'), key: 'name', render: (_: unknown, s) => <span data-testid={`service-row-${s.nameZh}`}>{localName(s, i18n.language)}</span> },
              { title: t('services.admin.system'), key: 'system', width: 150, render: (_: unknown, s) => t(`services.systems.${s.system}`) },
              { title: t('services.admin.kind'), key: 'kind', width: 100, render: (_: unknown, s) => t(`services.kinds.${s.kind}`) },
              { title: t('services.admin.status'), key: 'status', width: 90, render: (_: unknown, s) => <Tag color={STATUS_COLORS[s.status]}>{t(`services.statuses.${s.status}`)}</Tag> },
              { title: t('services.admin.handlerType'), key: 'handler', render: (_: unknown, s) => `${t(`services.handlerTypes.${s.handlerType}`)}${s.handlerName ? ` · ${s.handlerName}` : ''}` },
              { title: t('services.admin.flow'), key: 'flow', width: 140, render: (_: unknown, s) => (s.flowKey ? flowName(s) : '—') },
              { title: t('services.request.fee'), key: 'fee', width: 110, render: (_: unknown, s) => (s.feeFen ? formatFen(s.feeFen) : t('services.catalog.free')) },
              {
                title: t('services.admin.slaHours'),
                key: 'sla',
                width: 150,
                render: (_: unknown, s) => (
                  <Space size={4} wrap>
                    <span>{s.slaHours} h</span>
                    <Tag>{t('services.admin.formVersion', { version: s.formVersion })}</Tag>
                  </Space>
                ),
              },
              { title: t('common.actions'), key: 'actions', width: 70, render: (_: unknown, s) => <IconEditButton label={t('services.admin.edit')} onClick={() => setEditing(s)} testId={`service-edit-${s.nameZh}`} /> },
            ]}
          />
        )}
      </QueryBoundary>
      <ServiceEditorModal service={editing} onClose={() => setEditing(undefined)} />
    </div>
  );
}
