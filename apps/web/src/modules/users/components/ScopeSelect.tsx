import { useState } from 'react';
import { Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { ScopeType } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { findEnterprises, getEnterprise } from '../../enterprises/api/enterprises.api';
import { useParks, useSites } from '../../parks/hooks/useParks';
import { findPropertyCompanies } from '../../property/api/property.api';

interface ScopeSelectProps {
  scopeType: ScopeType | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/** Picks the park, site, enterprise or property company a grant is limited to. */
export function ScopeSelect({ scopeType, value, onChange }: ScopeSelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const parks = useParks();
  const sites = useSites();
  const enterprises = useQuery({
    queryKey: ['enterprises', 'scope-search', q],
    queryFn: () => findEnterprises({ page: 1, pageSize: 20, q: q || undefined }),
    enabled: scopeType === 'enterprise',
  });
  const items = enterprises.data?.items ?? [];
  // An edited grant may name an enterprise outside the first search page: fetch its name so the select shows it, not a UUID.
  const current = useQuery({
    queryKey: ['enterprises', value, 'scope-label'],
    queryFn: () => getEnterprise(value as string),
    enabled: scopeType === 'enterprise' && !!value && !items.some((e) => e.id === value),
    staleTime: 60_000,
  });
  const companies = useQuery({ queryKey: ['property-companies'], queryFn: findPropertyCompanies, enabled: scopeType === 'property_company' });

  if (!scopeType || scopeType === 'all' || scopeType === 'none') return <Input disabled placeholder={t('common.none')} />;
  if (scopeType === 'vendor') return <Input value={value ?? ''} onChange={(e) => onChange?.(e.target.value || null)} placeholder="UUID" />;
  const options =
    scopeType === 'park'
      ? (parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))
      : scopeType === 'site'
        ? (sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))
        : scopeType === 'enterprise'
          ? [...items, ...(current.data && !items.some((e) => e.id === current.data.id) ? [current.data] : [])].map((e) => ({ value: e.id, label: e.legalName }))
          : (companies.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Select
      value={value ?? undefined}
      onChange={(v: string) => onChange?.(v)}
      options={options}
      showSearch={scopeType === 'enterprise' ? { filterOption: false, onSearch: setQ } : { optionFilterProp: 'label' }}
      loading={enterprises.isFetching || companies.isFetching}
      placeholder={t(`scopes.${scopeType}`)}
    />
  );
}
