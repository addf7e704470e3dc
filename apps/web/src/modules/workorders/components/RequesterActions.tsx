import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { cancelWorkOrder, urgeWorkOrder, type WorkOrderDetail } from '../api/workorders.api';
import { useWorkOrderMutation } from '../hooks/useWorkOrders';

/** The requester's own steps on an open request: cancel before dispatch, urge (催单) at most once an hour. */
export function RequesterActions({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useWorkOrderMutation(() => cancelWorkOrder(order.id));
  const urge = useWorkOrderMutation(() => urgeWorkOrder(order.id));
  const handleUrge = () =>
    urge.mutate(undefined, {
      onSuccess: () => void message.success(t('memberApp.repair.urged')),
      onError: (e) => {
        const next = e instanceof ApiError && e.details.reason === 'urge_too_soon' ? String(e.details.nextUrgeAt) : null;
        void message.error(next ? t('memberApp.repair.urgeTooSoon', { time: formatDateTime(next) }) : errorMessage(e));
      },
    });
  return (
    <>
      {order.actions.includes('urge') && (
        <Button onClick={handleUrge} loading={urge.isPending} data-testid="wo-action-urge">
          {t('workorders.actions.urge')}
        </Button>
      )}
      {order.actions.includes('cancel') && (
        <Popconfirm
          title={t('memberApp.repair.cancelConfirm')}
          onConfirm={() => cancel.mutate(undefined, { onSuccess: () => void message.success(t('memberApp.repair.cancelled')), onError: (e) => void message.error(errorMessage(e)) })}
          okButtonProps={{ 'data-testid': 'wo-cancel-confirm' } as ButtonProps}
        >
          <Button danger loading={cancel.isPending} data-testid="wo-action-cancel">
            {t('workorders.actions.cancel')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}
