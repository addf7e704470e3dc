import { Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProgrammeApplyCard } from '../modules/relief/components/ProgrammeApplyCard';
import { useProgrammes } from '../modules/relief/hooks/useRelief';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** The enterprise admin's rent relief (疫情减租): each open programme with eligibility, application and progress. Phone first. */
export function ReliefPage() {
  const { t } = useTranslation();
  const programmes = useProgrammes({ status: 'open' });
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <PageHeader title={t('relief.mine.title')} subtitle={t('relief.mine.subtitle')} />
      <QueryBoundary query={programmes}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty description={t('relief.mine.none')} />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              {page.items.map((p) => (
                <ProgrammeApplyCard key={p.id} programme={p} />
              ))}
            </Space>
          )
        }
      </QueryBoundary>
    </div>
  );
}
