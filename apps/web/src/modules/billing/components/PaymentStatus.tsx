import { App, Button, Card, Flex, List, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime, formatFen } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import type { Payment } from '../api/billing.api';
import { useBillingMutations } from '../hooks/useBilling';
import { BillKindTag } from './BillKindTag';

/** Where a payment stands: waiting for the provider's notification, paid, failed, closed, or paid after closing (being refunded). */
export function PaymentStatus({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { cancel } = useBillingMutations();
  // Money that arrived after closing pays no bill: it is shown as being returned, never as paid.
  const paid = (payment.status === 'succeeded' || payment.status === 'partially_refunded' || payment.status === 'refunded') && !payment.unexpectedReason;
  const handleCancel = () =>
    cancel.mutate(payment.id, {
      onError: (e) => {
        if (e instanceof ApiError && e.details.reason === 'already_paid') void message.info(t('payments.pay.alreadyPaid'));
        else void message.error(errorMessage(e));
      },
    });
  const items = (
    <List
      size="small"
      dataSource={payment.items}
      renderItem={(i) => (
        <List.Item>
          <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
            <span>
              <BillKindTag kind={i.kind} />
              {i.title}
            </span>
            <Typography.Text style={{ whiteSpace: 'nowrap' }}>¥{formatFen(i.amountFen)}</Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
  if (payment.status === 'pending') {
    return (
      <Card data-testid="payment-pending">
        <Result
          icon={<Spin size="large" />}
          title={t('payments.pay.waiting')}
          subTitle={t('payments.pay.waitingHint', { amount: formatFen(payment.amountFen) })}
          extra={[
            payment.payUrl && (
              <Button type="primary" key="pay" href={payment.payUrl}>
                {t('payments.pay.continue')}
              </Button>
            ),
            <Button key="cancel" loading={cancel.isPending} onClick={handleCancel} data-testid="payment-cancel">
              {t('payments.pay.cancel')}
            </Button>,
          ]}
        />
        {items}
      </Card>
    );
  }
  return (
    <Card data-testid={`payment-${payment.status}`}>
      <Result
        status={paid ? 'success' : 'warning'}
        title={paid ? t('payments.pay.paid', { amount: formatFen(payment.amountFen) }) : t(`payments.paymentStatus.${payment.status}`)}
        subTitle={paid ? `${t('payments.receipt.no')} ${payment.outTradeNo} · ${formatDateTime(payment.paidAt)}` : payment.unexpectedReason ? t('payments.pay.unexpectedHint') : t('payments.pay.notPaidHint')}
        extra={[
          paid && (
            <Link key="receipt" to={`/payments/${payment.id}/receipt`}>
              <Button type="primary" data-testid="view-receipt">
                {t('payments.receipt.view')}
              </Button>
            </Link>
          ),
          <Link key="bills" to="/bills">
            <Button>{t('payments.bills.back')}</Button>
          </Link>,
        ]}
      />
      {items}
    </Card>
  );
}
