import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Building } from '../../parks/api/parks.api';
import { DEVICE_STATUSES, DEVICE_TYPES, type DeviceStatus, type DeviceType } from '../api/devices.api';

/** Values of the device list toolbar. */
export interface DeviceFilterValues {
  q?: string;
  type?: DeviceType;
  status?: DeviceStatus;
  buildingId?: string;
}

interface DeviceFiltersProps {
  value: DeviceFilterValues;
  buildings: Building[];
  onChange: (next: DeviceFilterValues) => void;
}

/** Search and type/status/building filters above the device table. */
export function DeviceFilters({ value, buildings, onChange }: DeviceFiltersProps) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[8, 8]} className="toolbar">
      <Input.Search
        allowClear
        enterButton
        defaultValue={value.q}
        placeholder={t('devices.searchPlaceholder')}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 260, maxWidth: '100%' }}
        data-testid="device-search"
      />
      <Select<DeviceType>
        aria-label={t('devices.filterType')}
        allowClear
        placeholder={t('devices.filterType')}
        value={value.type}
        onChange={(type) => onChange({ ...value, type })}
        options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`deviceTypes.${d}`) }))}
        style={{ width: 150 }}
        data-testid="device-filter-type"
      />
      <Select<DeviceStatus>
        aria-label={t('devices.filterStatus')}
        allowClear
        placeholder={t('devices.filterStatus')}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={DEVICE_STATUSES.map((s) => ({ value: s, label: t(`deviceStatus.${s}`) }))}
        style={{ width: 110 }}
        data-testid="device-filter-status"
      />
      <Select<string>
        aria-label={t('devices.filterBuilding')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('devices.filterBuilding')}
        value={value.buildingId}
        onChange={(buildingId) => onChange({ ...value, buildingId })}
        options={buildings.map((b) => ({ value: b.id, label: b.name }))}
        style={{ width: 170 }}
        data-testid="device-filter-building"
      />
    </Space>
  );
}
