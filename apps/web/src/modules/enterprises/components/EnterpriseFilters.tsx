import { Input, Select, Space } from 'antd';
import { ENTERPRISE_SIZES, INDUSTRIES, type EnterpriseSize, type Industry } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import type { Site } from '../../parks/api/parks.api';

/** Values of the enterprise list toolbar. */
export interface EnterpriseFilterValues {
  q?: string;
  industry?: Industry;
  size?: EnterpriseSize;
  siteId?: string;
}

interface EnterpriseFiltersProps {
  value: EnterpriseFilterValues;
  sites: Site[];
  onChange: (next: EnterpriseFilterValues) => void;
}

/** Search box and industry/size/site filters above the enterprise table. */
export function EnterpriseFilters({ value, sites, onChange }: EnterpriseFiltersProps) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[8, 8]} className="toolbar">
      <Input.Search
        allowClear
        defaultValue={value.q}
        placeholder={t('enterprises.searchPlaceholder')}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 280, maxWidth: '100%' }}
        data-testid="enterprise-search"
        enterButton
      />
      <Select<Industry>
        aria-label={t('enterprises.filterIndustry')}
        allowClear
        placeholder={t('enterprises.filterIndustry')}
        value={value.industry}
        onChange={(industry) => onChange({ ...value, industry })}
        options={INDUSTRIES.map((i) => ({ value: i, label: t(`industries.${i}`) }))}
        style={{ width: 140 }}
        data-testid="enterprise-filter-industry"
      />
      <Select<EnterpriseSize>
        aria-label={t('enterprises.filterSize')}
        allowClear
        placeholder={t('enterprises.filterSize')}
        value={value.size}
        onChange={(size) => onChange({ ...value, size })}
        options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: t(`sizes.${s}`) }))}
        style={{ width: 120 }}
        data-testid="enterprise-filter-size"
      />
      <Select<string>
        aria-label={t('enterprises.filterSite')}
        allowClear
        placeholder={t('enterprises.filterSite')}
        value={value.siteId}
        onChange={(siteId) => onChange({ ...value, siteId })}
        options={sites.map((s) => ({ value: s.id, label: s.name }))}
        style={{ width: 160 }}
        data-testid="enterprise-filter-site"
      />
    </Space>
  );
}
