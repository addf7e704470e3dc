import { useTranslation } from 'react-i18next';
import { ModelPanel } from '../modules/workorders/components/ModelPanel';
import { useCurrentParkId, useModelStatus } from '../modules/workorders/hooks/useWorkOrders';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** The smart-dispatch model panel: accuracy on held-out orders, version, trained at, retrain. */
export function DispatchModelPage() {
  const { t } = useTranslation();
  const parkId = useCurrentParkId();
  const status = useModelStatus(parkId);
  return (
    <>
      <PageHeader title={t('workorders.model.title')} subtitle={t('workorders.model.subtitle')} crumbs={[{ title: t('workorders.nav.model') }]} />
      <QueryBoundary query={status}>{(s) => <ModelPanel status={s} />}</QueryBoundary>
    </>
  );
}
