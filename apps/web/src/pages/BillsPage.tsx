import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/auth/hooks/useSession';
import { MemberBills } from '../modules/billing/components/MemberBills';
import { OperatorBills } from '../modules/billing/components/OperatorBills';
import { PageHeader } from '../ui/PageHeader';

/** Bills: members and enterprise admins pay theirs; operators manage all of their parks'. */
export function BillsPage() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  return (
    <div style={permissions.isOperator ? undefined : { maxWidth: 640, margin: '0 auto' }}>
      <PageHeader title={t('payments.bills.title')} subtitle={permissions.isOperator ? undefined : t('payments.bills.subtitle')} />
      {permissions.isOperator ? <OperatorBills /> : <MemberBills />}
    </div>
  );
}
