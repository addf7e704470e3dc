import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useShelves } from '../hooks/useShelves';

/** A badge on the device page while the device (or its floor/building) is shelved. */
export function DeviceShelfBadge({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const shelves = useShelves({ deviceId, current: 'true' });
  const active = (shelves.data ?? []).filter((s) => s.active);
  if (active.length === 0) return null;
  const s = active[0];
  return (
    <Tooltip title={`${s.reason} · ${t('rules.shelves.until')} ${dayjs(s.endsAt).format('MM-DD HH:mm')} · ${s.createdByName}`}>
      <Tag color="purple" data-testid="device-shelved">
        {t('rules.shelves.badge', { until: dayjs(s.endsAt).format('MM-DD HH:mm') })}
      </Tag>
    </Tooltip>
  );
}
