import { useState } from 'react';
import { TRAINING_POSTS, type TrainingPost } from '@parkos/contracts';
import { App, Button, Card, Flex, Form, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/form-errors';
import { useSession } from '../modules/auth/hooks/useSession';
import type { Staff } from '../modules/training/api/training.api';
import { StaffRecordDrawer } from '../modules/training/components/StaffRecordDrawer';
import { useCreateStaff, useStaff, useTrainingCompanies, useUpdateStaff } from '../modules/training/hooks/useTraining';
import { FormModal } from '../ui/FormModal';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

interface StaffForm {
  propertyCompanyId: string;
  name: string;
  post: TrainingPost;
  phone?: string;
}

/** Staff rosters (人员花名册): property staff keep their own company's; operators read every company's in scope. */
export function TrainingStaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { permissions: p, user } = useSession();
  const companies = useTrainingCompanies();
  const [companyId, setCompanyId] = useState<string | undefined>();
  const [showInactive, setShowInactive] = useState(false);
  const staff = useStaff({ propertyCompanyId: companyId, includeInactive: showInactive });
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  /** The companies the user keeps the roster of (property staff: their own). */
  const ownIds = new Set((user?.grants ?? []).filter((g) => g.role === 'property' && g.scopeId).map((g) => g.scopeId as string));
  const own = (companies.data ?? []).filter((c) => ownIds.has(c.id));
  const canEdit = p.isProperty;

  const handleToggle = async (s: Staff) => {
    try {
      await update.mutateAsync({ id: s.id, patch: { isActive: !s.isActive } });
      void message.success(t('training.staff.updated'));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <div>
      <PageHeader
        title={t('training.staff.title')}
        subtitle={p.isProperty ? t('training.staff.subtitleProperty') : t('training.staff.subtitleOperator')}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="training-staff-add">
              {t('training.staff.add')}
            </Button>
          )
        }
      />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Flex wrap gap={12} align="center" style={{ padding: 12 }}>
          {(companies.data?.length ?? 0) > 1 && (
            <Select
              allowClear
              placeholder={t('training.staff.allCompanies')}
              style={{ minWidth: 200, maxWidth: '100%' }}
              value={companyId}
              onChange={setCompanyId}
              options={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="training-staff-company"
            />
          )}
          <Space>
            <Switch checked={showInactive} onChange={setShowInactive} size="small" />
            <span>{t('training.staff.showInactive')}</span>
          </Space>
        </Flex>
        <QueryBoundary query={staff} isCard={false}>
          {(rows) => (
            <Table<Staff>
              rowKey="id"
              size="small"
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('training.staff.empty') }}
              data-testid="training-staff-table"
              columns={[
                {
                  title: t('training.fields.name'),
                  key: 'name',
                  fixed: 'left',
                  render: (_, s) => (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewing(s.id)}>
                      <span data-user-content>{s.name}</span>
                    </Button>
                  ),
                },
                { title: t('training.fields.post'), key: 'post', render: (_, s) => t(`training.posts.${s.post}`) },
                ...((companies.data?.length ?? 0) > 1 ? [{ title: t('training.fields.company'), dataIndex: 'propertyCompanyName' as const }] : []),
                { title: t('training.fields.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
                { title: t('training.fields.account'), key: 'account', render: (_, s) => (s.userId ? <Tag color="blue">{t('training.linked')}</Tag> : '—') },
                { title: t('training.fields.status'), key: 'active', render: (_, s) => (s.isActive ? <Tag color="green">{t('training.active')}</Tag> : <Tag>{t('training.inactive')}</Tag>) },
                ...(canEdit
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'actions',
                        render: (_: unknown, s: Staff) => (
                          <Space size={4}>
                            <Button size="small" onClick={() => setEditing(s)}>
                              {t('common.edit')}
                            </Button>
                            <Button size="small" onClick={() => void handleToggle(s)}>
                              {s.isActive ? t('training.staff.deactivate') : t('training.staff.activate')}
                            </Button>
                          </Space>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </QueryBoundary>
      </Card>
      <FormModal<StaffForm>
        open={editing !== null}
        title={editing === 'new' ? t('training.staff.add') : t('training.staff.edit')}
        onClose={() => setEditing(null)}
        successMessage={editing === 'new' ? t('training.staff.created') : t('training.staff.updated')}
        testId="training-staff-form"
        initialValues={editing && editing !== 'new' ? { propertyCompanyId: editing.propertyCompanyId, name: editing.name, post: editing.post, phone: editing.phone ?? undefined } : { propertyCompanyId: own[0]?.id, post: 'security' }}
        onSubmit={async (v) => {
          if (editing === 'new') await create.mutateAsync({ propertyCompanyId: v.propertyCompanyId, name: v.name, post: v.post, phone: v.phone || null });
          else if (editing) await update.mutateAsync({ id: editing.id, patch: { name: v.name, post: v.post, phone: v.phone || null } });
        }}
      >
        <Form.Item name="propertyCompanyId" label={t('training.fields.company')} rules={[{ required: true, message: t('common.required', { field: t('training.fields.company') }) }]} hidden={own.length <= 1}>
          <Select options={own.map((c) => ({ value: c.id, label: c.name }))} disabled={editing !== 'new'} />
        </Form.Item>
        <Form.Item name="name" label={t('training.fields.name')} rules={[{ required: true, message: t('common.required', { field: t('training.fields.name') }) }]}>
          <Input maxLength={50} data-testid="training-staff-name" />
        </Form.Item>
        <Form.Item name="post" label={t('training.fields.post')} rules={[{ required: true }]}>
          <Select options={TRAINING_POSTS.map((x) => ({ value: x, label: t(`training.posts.${x}`) }))} data-testid="training-staff-post" />
        </Form.Item>
        <Form.Item name="phone" label={t('training.fields.phone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </FormModal>
      <StaffRecordDrawer staffId={viewing} onClose={() => setViewing(null)} />
    </div>
  );
}
