import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PassStatus } from '../api/passes.api';

const COLORS: Record<PassStatus, string> = { active: 'green', upcoming: 'blue', expired: 'default', revoked: 'red' };

export function PassStatusTag({ status }: { status: PassStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`passesEvents.pass.status.${status}`)}</Tag>;
}
