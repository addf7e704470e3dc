import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus } from '../api/devices.api';

/** Online (green dot) or offline (grey dot). */
export function DeviceStatusBadge({ status }: { status: DeviceStatus }) {
  const { t } = useTranslation();
  return <Badge status={status === 'online' ? 'success' : 'default'} text={t(`deviceStatus.${status}`)} data-testid="device-status" data-status={status} />;
}
