import { useState } from 'react';
import { Button, Flex, Form, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePropertyCompanies } from '../../../property/hooks/usePropertyCompanies';
import { useUsers } from '../../../users/hooks/useUsers';
import { FormModal } from '../../../../ui/FormModal';
import { QueryBoundary } from '../../../../ui/QueryBoundary';
import { WORK_ORDER_CATEGORIES, type Team, type TeamInput } from '../../api/workorders.api';
import { useTeams, useWorkOrderSettingsMutations } from '../../hooks/useWorkOrders';

interface TeamForm extends Required<Omit<TeamInput, 'propertyCompanyId' | 'leadUserId'>> {
  kind: Team['kind'];
  propertyCompanyId?: string | null;
  leadUserId?: string | null;
}

/** Work-order teams of a park: property company teams and operator departments. */
export function TeamsTab({ parkId }: { parkId: string }) {
  const { t } = useTranslation();
  const teams = useTeams(parkId);
  const users = useUsers({ page: 1, pageSize: 200 });
  const companies = usePropertyCompanies();
  const m = useWorkOrderSettingsMutations();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const userName = new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName]));
  const companyName = new Map((companies.data ?? []).map((c) => [c.id, c.name]));
  const userOptions = (users.data?.items ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  const categoryOptions = WORK_ORDER_CATEGORIES.map((c) => ({ value: c, label: t(`workorders.category.${c}`) }));

  const submit = async (v: TeamForm) => {
    const body: TeamInput = { name: v.name, propertyCompanyId: v.propertyCompanyId ?? null, leadUserId: v.leadUserId ?? null, categories: v.categories ?? [], memberIds: v.memberIds ?? [] };
    if (editing === 'new') await m.createTeam.mutateAsync({ ...body, parkId, kind: v.kind });
    else if (editing) await m.updateTeam.mutateAsync({ id: editing.id, body });
  };
  const isNew = editing === 'new';
  const current = editing && editing !== 'new' ? editing : undefined;

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="team-new">
          {t('workorderSettings.teams.new')}
        </Button>
      </Flex>
      <QueryBoundary query={teams}>
        {(rows) => (
          <Table<Team>
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 960 }}
            data-testid="team-table"
            columns={[
              { title: t('workorderSettings.teams.name'), dataIndex: 'name', width: 160 },
              { title: t('workorderSettings.teams.kind'), dataIndex: 'kind', width: 180, render: (k: Team['kind']) => <Tag color={k === 'property' ? 'blue' : 'purple'}>{t(`workorderSettings.teams.kinds.${k}`)}</Tag> },
              { title: t('workorderSettings.teams.company'), dataIndex: 'propertyCompanyId', width: 180, render: (id: string | null) => (id ? (companyName.get(id) ?? '—') : '—') },
              { title: t('workorderSettings.teams.lead'), dataIndex: 'leadUserId', render: (id: string | null | undefined) => (id ? (userName.get(id) ?? '—') : '—') },
              { title: t('workorderSettings.teams.categories'), dataIndex: 'categories', render: (cs: string[]) => (cs.length ? cs.map((c) => <Tag key={c}>{t(`workorders.category.${c}`)}</Tag>) : '—') },
              { title: t('workorderSettings.teams.members'), dataIndex: 'memberIds', align: 'right', render: (ids: string[] | undefined) => ids?.length ?? 0 },
              { title: '', key: 'edit', width: 80, render: (_, team) => <Button type="link" onClick={() => setEditing(team)}>{t('workorderSettings.edit')}</Button> },
            ]}
          />
        )}
      </QueryBoundary>
      <FormModal<TeamForm>
        key={current?.id ?? 'new'}
        open={editing !== null}
        title={isNew ? t('workorderSettings.teams.new') : t('workorderSettings.teams.edit')}
        onClose={() => setEditing(null)}
        onSubmit={submit}
        successMessage={t('workorderSettings.saved')}
        testId="team-form"
        width={560}
        initialValues={current ? { name: current.name, kind: current.kind, propertyCompanyId: current.propertyCompanyId, leadUserId: current.leadUserId ?? null, categories: current.categories as TeamForm['categories'], memberIds: current.memberIds ?? [] } : { kind: 'property', categories: [], memberIds: [] }}
      >
        <Form.Item name="name" label={t('workorderSettings.teams.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="team-form-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('workorderSettings.teams.kind')} rules={[{ required: true }]}>
          <Select disabled={!isNew} options={(['property', 'operator'] as const).map((k) => ({ value: k, label: t(`workorderSettings.teams.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="propertyCompanyId" label={t('workorderSettings.teams.company')}>
          <Select allowClear showSearch optionFilterProp="label" options={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="team-form-company" />
        </Form.Item>
        <Form.Item name="leadUserId" label={t('workorderSettings.teams.lead')}>
          <Select allowClear showSearch optionFilterProp="label" loading={users.isLoading} options={userOptions} data-testid="team-form-lead" />
        </Form.Item>
        <Form.Item name="memberIds" label={t('workorderSettings.teams.memberList')}>
          <Select mode="multiple" allowClear showSearch optionFilterProp="label" loading={users.isLoading} options={userOptions} data-testid="team-form-members" />
        </Form.Item>
        <Form.Item name="categories" label={t('workorderSettings.teams.categories')}>
          <Select mode="multiple" allowClear optionFilterProp="label" options={categoryOptions} data-testid="team-form-categories" />
        </Form.Item>
      </FormModal>
    </>
  );
}
