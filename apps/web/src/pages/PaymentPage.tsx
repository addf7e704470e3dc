import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PaymentStatus } from '../modules/billing/components/PaymentStatus';
import { usePayment } from '../modules/billing/hooks/useBilling';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Where the payer lands back from the provider: the payment's result, refreshed until it is known. */
export function PaymentPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = usePayment(id);
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <PageHeader title={t('payments.pay.title')} crumbs={[{ title: t('payments.bills.title'), to: '/bills' }, { title: t('payments.pay.title') }]} />
      <QueryBoundary query={query}>{(p) => <PaymentStatus payment={p} />}</QueryBoundary>
    </div>
  );
}
