import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { CarOutlined, IdcardOutlined, TeamOutlined } from '@ant-design/icons';
import { ENTERPRISE_ROLES, type EnterpriseRole } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import { ErrorState } from '../../../ui/ErrorState';
import { FormModal } from '../../../ui/FormModal';
import type { Member } from '../api/people.api';
import { usePeople } from '../hooks/usePeople';

/** The enterprise's people as a list (reads on a phone): roles, passes, plates; set roles, disable leavers. */
export function MembersCard({ enterpriseId, selfId }: { enterpriseId: string; selfId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { members, updateMember } = usePeople(enterpriseId);
  const [editing, setEditing] = useState<Member | null>(null);

  const handleActive = async (m: Member, isActive: boolean) => {
    try {
      const r = await updateMember.mutateAsync({ userId: m.userId, isActive });
      if (r.effects) void message.success(t('people.members.disabledResult', { passes: r.effects.passesRevoked, rights: r.effects.parkingRightsEnded, plates: r.effects.platesUnlinked }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Card title={<span><TeamOutlined /> {t('people.members.title')}</span>} data-testid="members-card">
      {members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <List<Member>
          itemLayout="vertical"
          loading={members.isPending}
          dataSource={members.data ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{t('people.members.empty')}</Typography.Text> }}
          renderItem={(m) => (
            <List.Item
              key={m.userId}
              data-testid={`member-${m.username}`}
              actions={
                m.userId === selfId
                  ? []
                  : [
                      <Button key="roles" size="small" onClick={() => setEditing(m)} data-testid={`member-roles-${m.username}`}>
                        {t('people.members.editRoles')}
                      </Button>,
                      m.isActive ? (
                        <Popconfirm key="off" title={t('people.members.disableConfirm')} onConfirm={() => handleActive(m, false)} okText={t('people.members.disable')} cancelText={t('common.cancel')}>
                          <Button size="small" danger data-testid={`member-disable-${m.username}`}>
                            {t('people.members.disable')}
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Button key="on" size="small" onClick={() => void handleActive(m, true)}>
                          {t('people.members.enable')}
                        </Button>
                      ),
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space size={[4, 4]} wrap>
                    <span data-user-content>{m.displayName}</span>
                    <Typography.Text type="secondary" data-user-content>
                      {m.username}
                    </Typography.Text>
                    {!m.isActive && <Tag color="red">{t('people.members.disabled')}</Tag>}
                  </Space>
                }
                description={
                  <Space size={[4, 4]} wrap>
                    {m.roles.map((r) => (
                      <Tag key={r} color={r === 'enterprise_admin' ? 'blue' : r === 'finance_contact' ? 'gold' : undefined}>
                        {t(`roles.${r}`)}
                      </Tag>
                    ))}
                    {m.phone && <span data-user-content>{m.phone}</span>}
                  </Space>
                }
              />
              <div className="member-assets" data-testid={`member-assets-${m.username}`}>
                <div>
                  <IdcardOutlined /> {t('people.members.passes')}:{' '}
                  {m.passes.length === 0
                    ? t('people.members.noPasses')
                    : m.passes.map((p) => (
                        <Tag key={p.id} color={p.revokedAt ? 'default' : 'green'}>
                          {p.revokedAt ? t('people.members.passRevoked') : t('people.members.passValidTo', { date: formatDate(p.validTo) })}
                        </Tag>
                      ))}
                </div>
                <div>
                  <CarOutlined /> {t('people.members.plates')}:{' '}
                  {m.plates.length === 0
                    ? t('people.members.noPlates')
                    : m.plates.map((p) => (
                        <Tag key={p.id} className="plate" data-user-content>
                          {p.plate}
                        </Tag>
                      ))}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      <FormModal<{ roles: EnterpriseRole[] }>
        open={!!editing}
        title={editing ? <span data-user-content>{editing.displayName}</span> : ''}
        onClose={() => setEditing(null)}
        initialValues={{ roles: editing?.roles ?? [] }}
        onSubmit={(v) => updateMember.mutateAsync({ userId: editing!.userId, roles: v.roles })}
        successMessage={t('common.saved')}
        testId="member-roles"
      >
        <Typography.Paragraph type="secondary">{t('people.members.rolesHint')}</Typography.Paragraph>
        <Form.Item
          name="roles"
          label={t('people.members.roles')}
          rules={[{ validator: (_, v: EnterpriseRole[] | undefined) => (v?.includes('enterprise_admin') || v?.includes('member') ? Promise.resolve() : Promise.reject(new Error(t('people.members.rolesRequired')))) }]}
        >
          <Checkbox.Group options={ENTERPRISE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
