import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { errorMessage } from '../lib/form-errors';
import type { User } from '../modules/auth/api/auth.api';
import { useSession } from '../modules/auth/hooks/useSession';
import { UserFormModal } from '../modules/users/components/UserFormModal';
import { useUserMutations, useUsers } from '../modules/users/hooks/useUsers';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';

/** Users with their role grants; create, edit grants, disable/enable and unlock. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user: me } = useSession();
  const [filter, setFilter] = useState<{ page: number; pageSize: number; q?: string; role?: Role }>({ page: 1, pageSize: 20 });
  const [isCreating, setIsCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const users = useUsers(filter);
  const m = useUserMutations();
  const onError = (e: unknown) => void message.error(errorMessage(e));

  return (
    <>
      <PageHeader
        title={t('users.title')}
        crumbs={[{ title: t('nav.users') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="user-new">
            {t('users.new')}
          </Button>
        }
      />
      <Card>
        <Space wrap className="toolbar">
          <Input.Search allowClear placeholder={t('users.searchPlaceholder')} onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined, page: 1 }))} style={{ width: 260 }} />
          <Select<Role>
            aria-label={t('users.filterRole')}
            allowClear
            placeholder={t('users.filterRole')}
            style={{ width: 160 }}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            onChange={(role) => setFilter((f) => ({ ...f, role, page: 1 }))}
          />
        </Space>
        {users.isError && !users.data ? (
          <ErrorState error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<User>
            data-testid="user-table"
            rowKey="id"
            size="middle"
            loading={users.isFetching}
            dataSource={users.data?.items ?? []}
            scroll={{ x: 1000 }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: users.data?.total ?? 0,
              showTotal: (n) => t('common.total', { count: n }),
              onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
            }}
            columns={[
              { title: t('users.username'), dataIndex: 'username', width: 140, fixed: 'left' },
              { title: t('users.displayName'), dataIndex: 'displayName', width: 140 },
              { title: t('users.phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
              {
                title: t('users.grants'),
                key: 'grants',
                render: (_, u) => (
                  <Space size={[4, 4]} wrap>
                    {u.grants.map((g, i) => (
                      <Tag key={i} color={g.role === 'operator' ? 'blue' : g.role.startsWith('enterprise') || g.role === 'member' ? 'green' : 'default'}>
                        {t(`roles.${g.role}`)} · {t(`scopes.${g.scopeType}`)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('users.status'),
                key: 'status',
                width: 110,
                render: (_, u) =>
                  !u.isActive ? (
                    <Tag>{t('users.disabled')}</Tag>
                  ) : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                    <Tag color="red">{t('users.locked')}</Tag>
                  ) : (
                    <Tag color="success">{t('users.active')}</Tag>
                  ),
              },
              { title: t('users.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 200,
                render: (_, u) =>
                  // Operators do not edit or disable themselves here: removing one's own operator grant would lock them out.
                  u.id !== me?.id && (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(u)} data-testid="user-edit">
                        {t('common.edit')}
                      </Button>
                      {u.isActive ? (
                        <Popconfirm title={t('users.disableConfirm')} onConfirm={() => m.setActive.mutateAsync({ id: u.id, isActive: false }).catch(onError)}>
                          <Button type="link" size="small" danger>
                            {t('users.disable')}
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Button type="link" size="small" onClick={() => m.setActive.mutateAsync({ id: u.id, isActive: true }).catch(onError)}>
                          {t('users.enable')}
                        </Button>
                      )}
                      {u.lockedUntil && (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => m.unlock.mutateAsync(u.id).then(() => void message.success(t('users.unlocked')), onError)}
                        >
                          {t('users.unlock')}
                        </Button>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <UserFormModal open={isCreating} onClose={() => setIsCreating(false)} />
      {/* Keyed by user so that each edit starts from that user's values. */}
      {editing && <UserFormModal key={editing.id} open user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
