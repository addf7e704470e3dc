import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ReceiptView } from '../modules/billing/components/ReceiptView';
import { useReceipt } from '../modules/billing/hooks/useBilling';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** The printable receipt of one payment. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useReceipt(id);
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title={t('payments.receipt.title')} crumbs={[{ title: t('payments.bills.title'), to: '/bills' }, { title: t('payments.receipt.title') }]} />
      <QueryBoundary query={query}>{(r) => <ReceiptView receipt={r} />}</QueryBoundary>
    </div>
  );
}
