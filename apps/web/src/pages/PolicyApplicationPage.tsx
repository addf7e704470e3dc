import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApplicationPanel } from '../modules/policies/components/ApplicationPanel';
import { useApplication } from '../modules/policies/hooks/usePolicies';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** One application, for operators, advisors and the applying enterprise: materials, review, guidance. */
export function PolicyApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const app = useApplication(id);
  return (
    <QueryBoundary query={app} isCard={false}>
      {(a) => (
        <div>
          <PageHeader
            title={a.policyTitle}
            subtitle={a.enterpriseName}
            crumbs={[{ title: t('policies.list.title'), to: '/policies' }, { title: a.policyTitle, to: `/policies/${a.policyId}` }, { title: t('policies.application.title') }]}
          />
          <ApplicationPanel application={a} />
        </div>
      )}
    </QueryBoundary>
  );
}
