import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MissionStatus } from '../api/patrols.api';

const COLOR: Record<MissionStatus, string> = { planned: 'default', flying: 'processing', done: 'success', aborted: 'warning' };

/** A mission's state in the user's language. */
export function MissionStatusTag({ status }: { status: MissionStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]}>{t(`patrols.status.${status}`)}</Tag>;
}
