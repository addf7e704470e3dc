import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Rate, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { addPhoto, dispatchWorkOrder, rateWorkOrder, transitionWorkOrder, WORK_ORDER_CATEGORIES, type WorkOrderCategory, type WorkOrderDetail } from '../api/workorders.api';
import { useTeams, useWorkOrderMutation } from '../hooks/useWorkOrders';
import { PhotoPicker } from './PhotoPicker';
import { RequesterActions } from './RequesterActions';

type Simple = 'accept' | 'start' | 'verify';

/** The buttons of the caller's next steps (from the server's `actions`), with their small forms. */
export function WorkOrderActions({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<null | 'dispatch' | 'resolve' | 'close' | 'reopen' | 'rate'>(null);
  const [form] = Form.useForm();
  const teams = useTeams(order.parkId, order.actions.includes('dispatch'));
  const simple = useWorkOrderMutation((action: Simple) => transitionWorkOrder(order.id, action));
  const withComment = useWorkOrderMutation((v: { action: 'resolve' | 'close' | 'reopen'; comment?: string }) => transitionWorkOrder(order.id, v.action, v.comment));
  const dispatch = useWorkOrderMutation((v: { teamId: string; category?: WorkOrderCategory }) => dispatchWorkOrder(order.id, v));
  const rate = useWorkOrderMutation((v: { rating: number; comment?: string }) => rateWorkOrder(order.id, v));
  const photos = useWorkOrderMutation(async (files: File[]) => {
    let last: WorkOrderDetail | undefined;
    for (const f of files) last = await addPhoto(order.id, f);
    return last!;
  });
  const fail = (err: unknown) => void message.error(err instanceof Error ? err.message : String(err));
  const has = (a: WorkOrderDetail['actions'][number]) => order.actions.includes(a);
  const open = (d: NonNullable<typeof dialog>) => {
    form.resetFields();
    if (d === 'dispatch') form.setFieldsValue({ teamId: order.decision?.teamId ?? order.teamId ?? undefined, category: order.category });
    setDialog(d);
  };
  const handleOk = async () => {
    const v = await form.validateFields();
    try {
      if (dialog === 'dispatch') await dispatch.mutateAsync(v);
      else if (dialog === 'rate') {
        await rate.mutateAsync(v);
        void message.success(t('workorders.rating.thanks'));
      } else if (dialog) await withComment.mutateAsync({ action: dialog, comment: v.comment || undefined });
      setDialog(null);
    } catch (err) {
      fail(err);
    }
  };
  const run = (a: Simple) => simple.mutate(a, { onError: fail });
  const busy = simple.isPending || withComment.isPending || dispatch.isPending || rate.isPending;

  return (
    <>
      <Flex gap={8} wrap data-testid="wo-actions">
        {has('dispatch') && (
          <Button type="primary" onClick={() => open('dispatch')} data-testid="wo-action-dispatch">
            {t('workorders.actions.dispatch')}
          </Button>
        )}
        {has('accept') && (
          <Button type="primary" size="large" onClick={() => run('accept')} loading={busy} data-testid="wo-action-accept">
            {t('workorders.actions.accept')}
          </Button>
        )}
        {has('start') && (
          <Button type="primary" size="large" onClick={() => run('start')} loading={busy} data-testid="wo-action-start">
            {t('workorders.actions.start')}
          </Button>
        )}
        {has('resolve') && (
          <Button type="primary" size="large" onClick={() => open('resolve')} data-testid="wo-action-resolve">
            {t('workorders.actions.resolve')}
          </Button>
        )}
        {has('rate') && (
          <Button type="primary" onClick={() => open('rate')} data-testid="wo-action-rate">
            {t('workorders.actions.rate')}
          </Button>
        )}
        {has('verify') && (
          <Button onClick={() => run('verify')} loading={busy} data-testid="wo-action-verify">
            {t('workorders.actions.verify')}
          </Button>
        )}
        {has('reopen') && (
          <Button onClick={() => open('reopen')} data-testid="wo-action-reopen">
            {t('workorders.actions.reopen')}
          </Button>
        )}
        <RequesterActions order={order} />
        {has('close') && (
          <Button danger onClick={() => open('close')} data-testid="wo-action-close">
            {t('workorders.actions.close')}
          </Button>
        )}
      </Flex>
      {has('addPhoto') && (
        <div style={{ marginTop: 12 }}>
          <PhotoPicker count={order.attachments.length} isLoading={photos.isPending} onPick={(files) => photos.mutate(files, { onSuccess: () => void message.success(t('workorders.photo.uploaded')), onError: fail })} />
        </div>
      )}
      <Modal
        open={dialog !== null}
        title={dialog ? t(`workorders.actions.${dialog}`) : ''}
        onCancel={() => setDialog(null)}
        onOk={() => void handleOk()}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'wo-dialog-ok' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog === 'dispatch' && (
            <>
              <Form.Item name="category" label={t('workorders.fields.category')} rules={[{ required: true }]}>
                <Select options={WORK_ORDER_CATEGORIES.map((c) => ({ value: c, label: t(`workorders.category.${c}`) }))} data-testid="wo-dispatch-category" />
              </Form.Item>
              <Form.Item name="teamId" label={t('workorders.fields.team')} rules={[{ required: true, message: t('common.required', { field: t('workorders.fields.team') }) }]}>
                <Select loading={teams.isPending} options={(teams.data ?? []).map((tm) => ({ value: tm.id, label: tm.name }))} data-testid="wo-dispatch-team" />
              </Form.Item>
            </>
          )}
          {dialog === 'rate' && (
            <>
              <Form.Item name="rating" label={t('workorders.rating.title')} rules={[{ required: true }]}>
                <Rate data-testid="wo-rate-stars" />
              </Form.Item>
              <Form.Item name="comment" label={t('workorders.rating.comment')}>
                <Input.TextArea rows={3} maxLength={1000} data-testid="wo-rate-comment" />
              </Form.Item>
            </>
          )}
          {(dialog === 'resolve' || dialog === 'reopen' || dialog === 'close') && (
            <Form.Item
              name="comment"
              label={dialog === 'close' ? t('workorders.closeReason') : t('workorders.resolveComment')}
              rules={dialog === 'close' && !['resolved', 'verified'].includes(order.status) ? [{ required: true }] : []}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="wo-dialog-comment" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
