import { useTranslation } from 'react-i18next';
import { TelemetryRetentionTable } from '../modules/devices/components/TelemetryRetentionTable';
import { PageHeader } from '../ui/PageHeader';

/** Operator settings: how long raw readings and rollups are kept per device type. */
export function TelemetryRetentionPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('telemetryHistory.settingsTitle')} crumbs={[{ title: t('nav.devices'), to: '/devices' }, { title: t('telemetryHistory.settingsTitle') }]} />
      <TelemetryRetentionTable />
    </>
  );
}
