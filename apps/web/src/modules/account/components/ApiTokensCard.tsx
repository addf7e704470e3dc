import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import { FormModal } from '../../../ui/FormModal';
import { ErrorState } from '../../../ui/ErrorState';
import type { ApiToken } from '../api/api-tokens.api';
import { useApiTokens } from '../hooks/useApiTokens';
import { numberRule } from '../../../ui/number-rule';

interface TokenValues {
  name: string;
  access: 'read' | 'write';
  expiresInDays?: number | null;
}

/** Lists, creates (showing the secret once) and revokes API tokens. */
export function ApiTokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { list, create, revoke } = useApiTokens();
  const [isCreating, setIsCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  return (
    <Card
      title={
        <span>
          <KeyOutlined /> {t('account.tokens')}
        </span>
      }
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="token-new">
          {t('account.newToken')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('account.tokensHint')}</Typography.Paragraph>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ApiToken>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('account.noTokens')} /> }}
          columns={[
            { title: t('account.tokenName'), dataIndex: 'name' },
            { title: t('account.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
            { title: t('account.access'), dataIndex: 'access', render: (a: string) => <Tag color={a === 'write' ? 'orange' : 'blue'}>{a === 'write' ? t('account.write') : t('account.read')}</Tag> },
            { title: t('account.expiresAt'), dataIndex: 'expiresAt', render: (v: string | null) => (v ? formatDateTime(v) : t('account.never')) },
            { title: t('account.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
            {
              title: t('common.actions'),
              key: 'a',
              render: (_, tok) =>
                tok.revokedAt ? (
                  <Tag>{t('account.revoked')}</Tag>
                ) : (
                  <Popconfirm title={t('account.revokeConfirm')} onConfirm={() => revoke.mutateAsync(tok.id).catch((e: unknown) => void message.error(errorMessage(e)))}>
                    <Button type="link" danger size="small">
                      {t('account.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      <FormModal<TokenValues>
        open={isCreating}
        title={t('account.newToken')}
        onClose={() => setIsCreating(false)}
        initialValues={{ access: 'read', expiresInDays: 90 }}
        testId="token-form"
        onSubmit={async (v) => {
          const created = await create.mutateAsync({ name: v.name.trim(), access: v.access, expiresInDays: v.expiresInDays ?? undefined });
          setSecret(created.token);
        }}
      >
        <Form.Item name="name" label={t('account.tokenName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('account.tokenName') }) }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="access" label={t('account.access')}>
          <Select options={[{ value: 'read', label: t('account.read') }, { value: 'write', label: t('account.write') }]} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('account.expiresInDays')} rules={[numberRule(t, t('account.expiresInDays'), { min: 1, max: 3650 })]}>
          <InputNumber style={{ width: '100%' }} precision={0} />
        </Form.Item>
      </FormModal>
      <Modal open={secret !== null} title={t('account.tokenCreated')} onCancel={() => setSecret(null)} onOk={() => setSecret(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        <Alert type="warning" showIcon title={t('account.tokenOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: secret ?? '' }} code data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
