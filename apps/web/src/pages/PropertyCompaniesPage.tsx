import { useState } from 'react';
import { Button, Card, Empty, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSession } from '../modules/auth/hooks/useSession';
import { CompanyFormModal } from '../modules/property/components/CompanyFormModal';
import { ContractFormModal } from '../modules/property/components/ContractFormModal';
import { PropertyCompanyCard } from '../modules/property/components/PropertyCompanyCard';
import { usePropertyCompanies } from '../modules/property/hooks/usePropertyCompanies';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Property companies and their district contracts. */
export function PropertyCompaniesPage() {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const companies = usePropertyCompanies();
  const [isCreating, setIsCreating] = useState(false);
  const [contractFor, setContractFor] = useState<string | null>(null);
  const canEdit = permissions.canEditPropertyCompanies;
  return (
    <>
      <PageHeader
        title={t('property.title')}
        crumbs={[{ title: t('nav.property') }]}
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="company-new">
              {t('property.new')}
            </Button>
          )
        }
      />
      <QueryBoundary query={companies}>
        {(list) =>
          list.length === 0 ? (
            <Card>
              <Empty description={t('property.empty')} />
            </Card>
          ) : (
            <Flex vertical gap={16}>
              {list.map((c) => (
                <PropertyCompanyCard key={c.id} company={c} canEdit={canEdit} onNewContract={setContractFor} />
              ))}
              <ContractFormModal companies={list} companyId={contractFor} onClose={() => setContractFor(null)} />
            </Flex>
          )
        }
      </QueryBoundary>
      <CompanyFormModal open={isCreating} onClose={() => setIsCreating(false)} />
    </>
  );
}
