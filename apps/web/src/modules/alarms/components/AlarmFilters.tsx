import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ALARM_STATES, SEVERITIES, type AlarmFilter } from '../api/alarms.api';

interface AlarmFiltersProps {
  value: Pick<AlarmFilter, 'state' | 'severity' | 'buildingId'>;
  buildings: { id: string; name: string }[];
  onChange: (next: Pick<AlarmFilter, 'state' | 'severity' | 'buildingId'>) => void;
}

/** State, severity and building filters of the alarm list. */
export function AlarmFilters({ value, buildings, onChange }: AlarmFiltersProps) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Select
        aria-label={t('ioc.filterState')}
        style={{ width: 150 }}
        allowClear
        placeholder={t('ioc.filterState')}
        value={value.state}
        onChange={(state) => onChange({ ...value, state })}
        options={[{ value: 'open', label: t('ioc.openAlarms') }, ...ALARM_STATES.map((s) => ({ value: s, label: t(`ioc.state.${s}`) }))]}
        data-testid="alarm-filter-state"
      />
      <Select
        aria-label={t('ioc.filterSeverity')}
        style={{ width: 130 }}
        allowClear
        placeholder={t('ioc.filterSeverity')}
        value={value.severity}
        onChange={(severity) => onChange({ ...value, severity })}
        options={SEVERITIES.map((s) => ({ value: s, label: t(`ioc.severity.${s}`) }))}
        data-testid="alarm-filter-severity"
      />
      <Select
        aria-label={t('ioc.filterBuilding')}
        style={{ width: 180 }}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('ioc.filterBuilding')}
        value={value.buildingId}
        onChange={(buildingId) => onChange({ ...value, buildingId })}
        options={buildings.map((b) => ({ value: b.id, label: b.name }))}
        data-testid="alarm-filter-building"
      />
    </Flex>
  );
}
