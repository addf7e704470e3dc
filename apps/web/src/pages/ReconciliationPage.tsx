import { useTranslation } from 'react-i18next';
import { ReconciliationReport } from '../modules/billing/components/ReconciliationReport';
import { PageHeader } from '../ui/PageHeader';

/** Operators: payments against provider notifications. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('payments.recon.title')} subtitle={t('payments.recon.subtitle')} crumbs={[{ title: t('payments.bills.title'), to: '/bills' }, { title: t('payments.recon.title') }]} />
      <ReconciliationReport />
    </>
  );
}
