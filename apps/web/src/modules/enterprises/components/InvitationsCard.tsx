import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { CopyOutlined, UserAddOutlined } from '@ant-design/icons';
import { ENTERPRISE_ROLES, type EnterpriseRole } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import { ErrorState } from '../../../ui/ErrorState';
import { FormModal } from '../../../ui/FormModal';
import { invitationLink, type Invitation, type InvitationStatus } from '../api/people.api';
import { usePeople } from '../hooks/usePeople';

interface InviteValues {
  role: EnterpriseRole;
  phone?: string;
  expiresInDays: number;
}

const STATUS_COLOR: Record<InvitationStatus, string> = { pending: 'blue', used: 'green', expired: 'default', revoked: 'default' };

/** Invitations by single-use link or by phone; the link is shown once to copy and share. */
export function InvitationsCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { invitations, invite, revokeInvitation } = usePeople(enterpriseId);
  const [isCreating, setIsCreating] = useState(false);
  const [created, setCreated] = useState<{ link: string; expiresAt: string } | null>(null);

  const handleCopy = async (link: string) => {
    try {
      await navigator.clipboard.writeText(link);
      void message.success(t('people.invitations.copied'));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Card
      title={<span><UserAddOutlined /> {t('people.invitations.title')}</span>}
      extra={
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setIsCreating(true)} data-testid="invite-new">
          {t('people.invitations.new')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('people.invitations.hint')}</Typography.Paragraph>
      {invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : (
        <List<Invitation>
          size="small"
          loading={invitations.isPending}
          dataSource={invitations.data ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{t('people.invitations.empty')}</Typography.Text> }}
          renderItem={(i) => (
            <List.Item
              actions={
                i.status === 'pending'
                  ? [
                      <Popconfirm key="revoke" title={t('people.invitations.revokeConfirm')} onConfirm={() => revokeInvitation.mutateAsync(i.id)} okText={t('people.invitations.revoke')} cancelText={t('common.cancel')}>
                        <Button size="small" type="link" danger>
                          {t('people.invitations.revoke')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space size={[4, 4]} wrap>
                <Tag color={STATUS_COLOR[i.status]}>{t(`people.invitations.status.${i.status}`)}</Tag>
                <Tag>{t(`roles.${i.role}`)}</Tag>
                <span data-user-content>{i.phone ? t('people.invitations.byPhone', { phone: i.phone }) : t('people.invitations.byLink')}</span>
                <Typography.Text type="secondary">{t('people.invitations.expires', { date: formatDate(i.expiresAt) })}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <FormModal<InviteValues>
        open={isCreating}
        title={t('people.invitations.new')}
        onClose={() => setIsCreating(false)}
        initialValues={{ role: 'member', expiresInDays: 7 }}
        okText={t('people.invitations.new')}
        testId="invite"
        onSubmit={async (v) => {
          const r = await invite.mutateAsync({ role: v.role, phone: v.phone?.trim() || null, expiresInDays: v.expiresInDays });
          setCreated({ link: invitationLink(r.token), expiresAt: r.expiresAt });
        }}
      >
        <Form.Item name="role" label={t('people.invitations.role')} rules={[{ required: true }]}>
          <Select options={ENTERPRISE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="invite-role" />
        </Form.Item>
        <Form.Item name="phone" label={t('people.invitations.phone')} rules={[{ pattern: /^\+?[0-9 -]{6,20}$/, message: t('people.register.phoneHint') }]}>
          <Input inputMode="tel" data-testid="invite-phone" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('people.invitations.expiresInDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
      <Modal open={!!created} title={t('people.invitations.linkTitle')} onCancel={() => setCreated(null)} footer={<Button onClick={() => setCreated(null)}>{t('common.close')}</Button>}>
        {created && (
          <>
            <Typography.Paragraph>{t('people.invitations.linkHint', { date: formatDateTime(created.expiresAt) })}</Typography.Paragraph>
            <Space.Compact style={{ width: '100%' }}>
              <Input readOnly value={created.link} data-testid="invite-link" />
              <Button icon={<CopyOutlined />} onClick={() => void handleCopy(created.link)}>
                {t('people.invitations.copy')}
              </Button>
            </Space.Compact>
          </>
        )}
      </Modal>
    </Card>
  );
}
