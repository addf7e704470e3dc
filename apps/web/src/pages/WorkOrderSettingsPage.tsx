import { useState } from 'react';
import { Card, Empty, Select, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParks } from '../modules/parks/hooks/useParks';
import { DispatchRulesTab } from '../modules/workorders/components/settings/DispatchRulesTab';
import { SlaTab } from '../modules/workorders/components/settings/SlaTab';
import { TeamsTab } from '../modules/workorders/components/settings/TeamsTab';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';

/** Work-order settings (工单设置): teams, the SLA matrix and alarm dispatch rules of a park. */
export function WorkOrderSettingsPage() {
  const { t } = useTranslation();
  const parks = useParks();
  const [chosenParkId, setChosenParkId] = useState<string>();
  const [tab, setTab] = useState('teams');
  const parkId = chosenParkId ?? parks.data?.[0]?.id;

  if (parks.isError) return <ErrorState error={parks.error} onRetry={() => void parks.refetch()} />;
  return (
    <>
      <PageHeader
        title={t('workorderSettings.title')}
        subtitle={t('workorderSettings.subtitle')}
        crumbs={[{ title: t('workorders.nav.list'), to: '/work-orders' }, { title: t('workorderSettings.nav') }]}
        extra={
          (parks.data?.length ?? 0) > 1 && (
            <Select style={{ minWidth: 180 }} value={parkId} onChange={setChosenParkId} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} data-testid="wos-park" />
          )
        }
      />
      <Card>
        {parks.data && parks.data.length === 0 ? (
          <Empty description={t('workorderSettings.noPark')} />
        ) : parkId ? (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            destroyOnHidden
            items={[
              { key: 'teams', label: <span data-testid="wos-tab-teams">{t('workorderSettings.tabs.teams')}</span>, children: <TeamsTab key={parkId} parkId={parkId} /> },
              { key: 'sla', label: <span data-testid="wos-tab-sla">{t('workorderSettings.tabs.sla')}</span>, children: <SlaTab key={parkId} parkId={parkId} /> },
              { key: 'rules', label: <span data-testid="wos-tab-rules">{t('workorderSettings.tabs.rules')}</span>, children: <DispatchRulesTab key={parkId} parkId={parkId} /> },
            ]}
          />
        ) : null}
      </Card>
    </>
  );
}
