import { useState } from 'react';
import { App, Button, Flex, Input, Modal, Select } from 'antd';
import { CheckOutlined, CloseCircleOutlined, MessageOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { findUsers } from '../../users/api/users.api';
import type { AlarmDetail } from '../api/alarms.api';
import { useAlarmAction, type AlarmAction } from '../hooks/useAlarms';

type Dialog = 'acknowledge' | 'assign' | 'comment' | 'close' | null;

/** Acknowledge / assign / comment / close one alarm; operators may do all, property staff acknowledge. */
export function AlarmActions({ alarm, isOperator }: { alarm: AlarmDetail; isOperator: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const action = useAlarmAction(alarm.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const [userId, setUserId] = useState<string | null>(alarm.assigneeId);
  // Only operators and property staff may be assignees (the server refuses anyone who cannot see the alarm).
  const users = useQuery({
    queryKey: ['users', 'alarm-assignees'],
    queryFn: async () => {
      const pages = await Promise.all((['operator', 'property'] as const).map((role) => findUsers({ page: 1, pageSize: 200, role })));
      return { items: pages.flatMap((p) => p.items).sort((a, b) => a.username.localeCompare(b.username)) };
    },
    enabled: isOperator && dialog === 'assign',
  });
  const isOpen = alarm.state !== 'closed';

  const run = (a: AlarmAction) =>
    action.mutate(a, {
      onSuccess: () => {
        setDialog(null);
        setText('');
        void message.success(t('ioc.done'));
      },
      onError: (err) => void message.error(errorMessage(err)),
    });

  const submit = () => {
    if (dialog === 'acknowledge') run({ kind: 'acknowledge', comment: text.trim() || undefined });
    if (dialog === 'comment' && text.trim()) run({ kind: 'comment', text: text.trim() });
    if (dialog === 'close') run({ kind: 'close', reason: text.trim() || undefined });
    if (dialog === 'assign') run({ kind: 'assign', userId });
  };

  return (
    <>
      <Flex gap={8} wrap>
        {alarm.state === 'active' && (
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setDialog('acknowledge')} data-testid="alarm-acknowledge">
            {t('ioc.acknowledge')}
          </Button>
        )}
        {isOperator && isOpen && (
          <Button icon={<UserAddOutlined />} onClick={() => setDialog('assign')} data-testid="alarm-assign">
            {t('ioc.assign')}
          </Button>
        )}
        {isOperator && (
          <Button icon={<MessageOutlined />} onClick={() => setDialog('comment')} data-testid="alarm-comment">
            {t('ioc.comment')}
          </Button>
        )}
        {isOperator && isOpen && (
          <Button danger icon={<CloseCircleOutlined />} onClick={() => setDialog('close')} data-testid="alarm-close">
            {t('ioc.close')}
          </Button>
        )}
      </Flex>
      <Modal
        open={dialog !== null}
        title={dialog ? t(`ioc.${dialog}`) : ''}
        onCancel={() => setDialog(null)}
        onOk={submit}
        okText={t('ioc.confirm')}
        okButtonProps={{ loading: action.isPending, disabled: dialog === 'comment' && !text.trim(), 'data-testid': 'alarm-dialog-ok' } as never}
        destroyOnHidden
      >
        {dialog === 'assign' ? (
          <Select
            aria-label={t('ioc.assignee')}
            style={{ width: '100%' }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={users.isPending}
            value={userId ?? undefined}
            onChange={(v) => setUserId(v ?? null)}
            placeholder={t('ioc.assignee')}
            options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            data-testid="alarm-assignee-select"
          />
        ) : (
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={dialog === 'close' ? (alarm.state === 'cleared' ? t('ioc.reasonOptional') : t('ioc.reasonRequired')) : dialog === 'comment' ? t('ioc.commentText') : t('ioc.commentOptional')}
            data-testid="alarm-dialog-text"
          />
        )}
      </Modal>
    </>
  );
}
