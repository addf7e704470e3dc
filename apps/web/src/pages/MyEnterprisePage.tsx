import { Card, Empty } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/auth/hooks/useSession';
import { findEnterprises } from '../modules/enterprises/api/enterprises.api';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { EnterpriseDetailPage } from './EnterpriseDetailPage';

/** Enterprise admins and members: their own enterprise's profile. */
export function MyEnterprisePage() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const mine = useQuery({ queryKey: ['enterprises', 'mine'], queryFn: () => findEnterprises({ page: 1, pageSize: 5 }) });
  return (
    <QueryBoundary query={mine}>
      {(page) => {
        const id = permissions.enterpriseIds.find((e) => page.items.some((i) => i.id === e)) ?? page.items[0]?.id;
        if (!id)
          return (
            <>
              <PageHeader title={t('nav.myEnterprise')} />
              <Card>
                <Empty description={t('enterprises.noEnterprise')} />
              </Card>
            </>
          );
        return <EnterpriseDetailPage enterpriseId={id} />;
      }}
    </QueryBoundary>
  );
}
