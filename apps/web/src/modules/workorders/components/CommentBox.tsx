import { useState } from 'react';
import { App, Button, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { commentWorkOrder } from '../api/workorders.api';
import { useWorkOrderMutation } from '../hooks/useWorkOrders';

/** Adds a comment to a work order's timeline. */
export function CommentBox({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const mutation = useWorkOrderMutation((body: string) => commentWorkOrder(orderId, body));
  const handleSend = () => mutation.mutate(text.trim(), { onSuccess: () => setText(''), onError: (e) => void message.error(e.message) });
  return (
    <Flex gap={8}>
      <Input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('workorders.commentPlaceholder')} maxLength={2000} onPressEnter={handleSend} data-testid="wo-comment-input" />
      <Button onClick={handleSend} disabled={!text.trim()} loading={mutation.isPending}>
        {t('workorders.send')}
      </Button>
    </Flex>
  );
}
