import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session } from '../api/training.api';

/** Where a session stands: upcoming, held but not recorded, recorded. */
export function SessionStateTag({ session }: { session: Pick<Session, 'hasStarted' | 'isRecorded'> }) {
  const { t } = useTranslation();
  if (session.isRecorded) return <Tag color="green">{t('training.sessions.state.recorded')}</Tag>;
  if (!session.hasStarted) return <Tag color="blue">{t('training.sessions.state.upcoming')}</Tag>;
  return <Tag color="orange">{t('training.sessions.state.pending')}</Tag>;
}

/** An attendee's exam result: passed, failed, or nothing without a score. */
export function PassedTag({ passed }: { passed: boolean | null }) {
  const { t } = useTranslation();
  if (passed === null) return <span>—</span>;
  return passed ? <Tag color="green">{t('training.session.passedTag')}</Tag> : <Tag color="red">{t('training.session.failedTag')}</Tag>;
}

/** A 0–1 ratio as a percentage with one decimal, or a dash. */
export const rateText = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);
