import { useState } from 'react';
import { Empty, Flex, Segmented, Space } from 'antd';
import type { FindingStatus } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FindingCard } from '../modules/spotchecks/components/FindingCard';
import { useFindings } from '../modules/spotchecks/hooks/useSpotChecks';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

type Filter = 'all' | 'overdue' | FindingStatus;

/** Findings the user may see: the company's list to fix (with the respond form), the verifiers' queue, the operator's review. */
export function SpotCheckFindingsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const districtId = params.get('districtId') ?? undefined;
  const [filter, setFilter] = useState<Filter>('all');
  const findings = useFindings({ districtId, ...(filter === 'overdue' ? { overdue: 'true' as const } : filter === 'all' ? {} : { status: filter }) });
  const options: Filter[] = ['all', 'open', 'responded', 'overdue', 'closed', 'overturned'];
  return (
    <div>
      <PageHeader title={t('spotChecks.findings.title')} subtitle={t('spotChecks.findings.subtitle')} />
      <Flex style={{ marginBottom: 12, overflowX: 'auto' }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          data-testid="spot-findings-filter"
          options={options.map((o) => ({ value: o, label: o === 'all' ? t('spotChecks.findings.filterAll') : o === 'overdue' ? t('spotChecks.findings.filterOverdue') : t(`spotChecks.status.${o}`) }))}
        />
      </Flex>
      <QueryBoundary query={findings}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty description={t('spotChecks.findings.empty')} />
          ) : (
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              {rows.map((f) => (
                <FindingCard key={f.id} finding={f} />
              ))}
            </Space>
          )
        }
      </QueryBoundary>
    </div>
  );
}
