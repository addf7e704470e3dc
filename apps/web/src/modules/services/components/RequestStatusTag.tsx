import { Tag } from 'antd';
import type { ServiceRequestStatus } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ServiceRequestStatus, string> = { in_review: 'processing', returned: 'warning', rejected: 'error', withdrawn: 'default', approved: 'cyan', in_progress: 'blue', completed: 'success' };

/** A service request's status as a coloured tag. */
export function RequestStatusTag({ status }: { status: ServiceRequestStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="request-status">
      {t(`services.requestStatuses.${status}`)}
    </Tag>
  );
}
