import { useState } from 'react';
import { Button, Form, Input, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import type { Flag } from '../api/returnToWork.api';
import { useFollowUpFlag } from '../hooks/useReturnToWork';
import { flagReason } from '../utils/flag-reason';

/** Comparison flags with their reasons; operators mark one followed up with a note. */
export function FlagsTable({ flags }: { flags: Flag[] }) {
  const { t } = useTranslation();
  const [flag, setFlag] = useState<Flag | null>(null);
  const followUp = useFollowUpFlag();
  return (
    <>
      <Table<Flag>
        rowKey="id"
        size="small"
        dataSource={flags}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('returnToWork.flags.empty') }}
        onRow={(f) => ({ 'data-testid': `rtw-flag-${f.code}-${f.enterpriseId}-${f.periodStart}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('returnToWork.period'), dataIndex: 'periodStart', width: 110 },
          { title: t('returnToWork.enterprise'), dataIndex: 'enterpriseName', width: 200 },
          {
            title: t('returnToWork.flags.reasonTitle'),
            key: 'reason',
            render: (_: unknown, f) => (
              <>
                <Tag color={f.code === 'gate_scans_low' || f.code === 'parking_entries_high' ? 'volcano' : 'orange'}>{t(`returnToWork.flags.code.${f.code}`)}</Tag>
                <Typography.Text data-testid="rtw-flag-reason">{flagReason(t, f)}</Typography.Text>
              </>
            ),
          },
          {
            title: t('returnToWork.flags.followUp'),
            key: 'status',
            width: 200,
            render: (_: unknown, f) =>
              f.status === 'followed_up' ? (
                <Typography.Text type="secondary" data-testid="rtw-flag-note">
                  <Tag color="green">{t('returnToWork.flags.followedUp')}</Tag>
                  {f.note}
                </Typography.Text>
              ) : (
                <Button size="small" onClick={() => setFlag(f)} data-testid="rtw-flag-follow-up">
                  {t('returnToWork.flags.followUp')}
                </Button>
              ),
          },
        ]}
      />
      <FormModal<{ note: string }>
        open={flag !== null}
        title={t('returnToWork.flags.followUp')}
        onClose={() => setFlag(null)}
        onSubmit={(v) => followUp.mutateAsync({ id: flag!.id, note: v.note })}
        successMessage={t('common.saved')}
        testId="rtw-follow-up"
      >
        {flag && <Typography.Paragraph>{flagReason(t, flag)}</Typography.Paragraph>}
        <Form.Item name="note" label={t('returnToWork.flags.note')} rules={[{ required: true, message: t('common.required', { field: t('returnToWork.flags.note') }) }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="rtw-follow-up-note" />
        </Form.Item>
      </FormModal>
    </>
  );
}
