import { useState } from 'react';
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { EnterpriseSize, Industry } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import { EnterpriseFilters, type EnterpriseFilterValues } from '../modules/enterprises/components/EnterpriseFilters';
import { EnterpriseFormModal } from '../modules/enterprises/components/EnterpriseFormModal';
import { EnterpriseTable } from '../modules/enterprises/components/EnterpriseTable';
import { useEnterprises } from '../modules/enterprises/hooks/useEnterprises';
import { useParks, useSites } from '../modules/parks/hooks/useParks';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { ExportButton } from '../ui/ExportButton';

/** Enterprise list: search, filters and server pagination, kept in the URL. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const [params, setParams] = useSearchParams();
  const [isCreating, setIsCreating] = useState(false);
  useParks();
  const sites = useSites();

  const filter = {
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
    q: params.get('q') ?? undefined,
    industry: (params.get('industry') as Industry | null) ?? undefined,
    size: (params.get('size') as EnterpriseSize | null) ?? undefined,
    siteId: params.get('siteId') ?? undefined,
  };
  const list = useEnterprises(filter);
  const siteNames = new Map((sites.data ?? []).map((s) => [s.id, s.name]));

  const update = (next: Record<string, string | number | undefined>) => {
    const merged = { ...filter, ...next };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1) && !(k === 'pageSize' && v === 20)) p.set(k, String(v));
    setParams(p, { replace: true });
  };
  const handleFilters = (v: EnterpriseFilterValues) => update({ q: v.q, industry: v.industry, size: v.size, siteId: v.siteId, page: 1 });

  return (
    <>
      <PageHeader
        title={t('enterprises.title')}
        crumbs={[{ title: t('nav.enterprises') }]}
        extra={
          <>
            {permissions.isOperator && (
              <>
                <ExportButton path="/enterprises/export.xlsx" params={{ q: filter.q, industry: filter.industry, size: filter.size, siteId: filter.siteId }} testId="enterprises-export" />
                <ExportButton path="/leases/export.xlsx" params={{ q: filter.q, industry: filter.industry, size: filter.size, siteId: filter.siteId }} label={t('operator.export.leases')} testId="leases-export" />
              </>
            )}
            {permissions.canCreateEnterprise && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="enterprise-new">
                {t('enterprises.new')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <EnterpriseFilters value={filter} sites={sites.data ?? []} onChange={handleFilters} />
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <EnterpriseTable data={list.data} isLoading={list.isFetching} siteNames={siteNames} onPageChange={(page, pageSize) => update({ page, pageSize })} />
        )}
      </Card>
      <EnterpriseFormModal open={isCreating} onClose={() => setIsCreating(false)} />
    </>
  );
}
