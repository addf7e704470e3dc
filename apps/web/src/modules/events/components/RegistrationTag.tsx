import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../api/events.api';

const COLORS: Record<RegistrationStatus, string> = { confirmed: 'green', pending: 'gold', waitlisted: 'blue', cancelled: 'default', rejected: 'red' };

export function RegistrationTag({ status, position }: { status: RegistrationStatus; position?: number | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="registration-status">
      {status === 'waitlisted' && position ? t('passesEvents.events.waitlistPosition', { position }) : t(`passesEvents.events.regStatus.${status}`)}
    </Tag>
  );
}
