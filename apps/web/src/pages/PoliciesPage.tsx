import { useState } from 'react';
import { App, Button, Col, Empty, Input, Pagination, Row, Space, Tabs } from 'antd';
import { ResponsiveTable } from '../ui/ResponsiveTable';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../lib/form-errors';
import { formatDateTime } from '../lib/format';
import { useSession } from '../modules/auth/hooks/useSession';
import type { Policy } from '../modules/policies/api/policies.api';
import { ApplicationsTable } from '../modules/policies/components/ApplicationsTable';
import { PolicyCard } from '../modules/policies/components/PolicyCard';
import { PolicyFormModal } from '../modules/policies/components/PolicyFormModal';
import { PolicyStatusTag, useAmountText } from '../modules/policies/components/PolicyTags';
import { usePolicies, useUpdatePolicy } from '../modules/policies/hooks/usePolicies';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** The operators' policy library: create, edit, publish, close. */
function LibraryTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Policy | 'new' | null>(null);
  const list = usePolicies({ q: q || undefined, page, pageSize: 20 });
  const update = useUpdatePolicy();
  const amountText = useAmountText();
  const setStatus = (p: Policy, status: 'published' | 'closed') => update.mutate({ id: p.id, input: { status } }, { onError: (e) => void message.error(errorMessage(e)) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search allowClear placeholder={t('policies.list.search')} onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 260 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="policy-create">
          {t('policies.list.create')}
        </Button>
      </Space>
      <ResponsiveTable<Policy>
        rowKey="id"
        size="small"
        scroll={{ x: 860 }}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('policies.list.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('policies.fields.title'), dataIndex: 'title', render: (v: string, p) => <Link to={`/policies/${p.id}`}>{v}</Link> },
          { title: t('policies.fields.issuer'), dataIndex: 'issuer' },
          { title: t('policies.fields.deadline'), dataIndex: 'deadline', render: (v: string) => formatDateTime(v) },
          { title: t('policies.fields.amountKind'), render: (_: unknown, p) => amountText(p) },
          { title: t('policies.fields.status'), dataIndex: 'status', render: (_: unknown, p) => <PolicyStatusTag status={p.status} /> },
          { title: t('policies.list.applications'), dataIndex: 'applicationCount', align: 'right' },
          {
            title: '',
            render: (_: unknown, p) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(p)}>
                  {t('policies.actions.edit')}
                </Button>
                {p.status !== 'published' && (
                  <Button size="small" type="primary" onClick={() => setStatus(p, 'published')} data-testid={`policy-publish-${p.id}`}>
                    {t('policies.actions.publish')}
                  </Button>
                )}
                {p.status === 'published' && (
                  <Button size="small" danger onClick={() => setStatus(p, 'closed')}>
                    {t('policies.actions.close')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <PolicyFormModal open policy={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

/** The enterprise's view: policies of its park as cards, eligibility at a glance. */
function PolicyCards() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = usePolicies({ page, pageSize: 20 });
  return (
    <QueryBoundary query={list}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty description={t('policies.list.empty')} />
        ) : (
          <>
            <Row gutter={[12, 12]}>
              {data.items.map((p) => (
                <Col key={p.id} xs={24} md={12} xl={8}>
                  <PolicyCard policy={p} />
                </Col>
              ))}
            </Row>
            {data.total > 20 && <Pagination style={{ marginTop: 12 }} current={page} pageSize={20} total={data.total} onChange={setPage} />}
          </>
        )
      }
    </QueryBoundary>
  );
}

/** Policy applications (政策申报): operators keep the library and review applications; enterprises find, check and apply. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  return (
    <div>
      <PageHeader title={t('policies.list.title')} subtitle={t('policies.list.subtitle')} />
      <Tabs
        items={[
          { key: 'library', label: t('policies.list.library'), children: permissions.isOperator ? <LibraryTable /> : <PolicyCards /> },
          ...(permissions.isOperator || permissions.isEnterpriseAdmin ? [{ key: 'applications', label: t('policies.list.applications'), children: <ApplicationsTable /> }] : []),
        ]}
      />
    </div>
  );
}
