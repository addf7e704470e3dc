import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/format';
import type { ApplicationStatus, Programme, ProgrammeStatus, Reason } from '../api/relief.api';

const APP_COLORS: Record<ApplicationStatus, string> = { in_review: 'processing', returned: 'warning', approved: 'success', rejected: 'error', withdrawn: 'default' };
const PROG_COLORS: Record<ProgrammeStatus, string> = { draft: 'default', open: 'green', closed: 'default' };

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={APP_COLORS[status]} data-testid="relief-app-status">
      {t(`relief.status.${status}`)}
    </Tag>
  );
}

export function ProgrammeStatusTag({ status }: { status: ProgrammeStatus }) {
  const { t } = useTranslation();
  return <Tag color={PROG_COLORS[status]}>{t(`relief.programmeStatus.${status}`)}</Tag>;
}

/** The relief of a programme in words: "50% off the rent". */
export function reliefText(t: TFunction, p: Pick<Programme, 'reliefKind' | 'reliefValue'>): string {
  return t(`relief.reliefOf.${p.reliefKind}`, { value: p.reliefValue, yuan: formatFen(p.reliefValue) });
}

/** One reason of ineligibility as a sentence, its values translated. */
export function reasonText(t: TFunction, r: Reason): string {
  const p = r.params;
  const list = (kind: 'sizes' | 'industries', v: unknown) => (Array.isArray(v) ? v.map((x) => t(`${kind}.${String(x)}`)).join('、') : '');
  switch (r.code) {
    case 'programme_not_open':
      return t('relief.reasons.programme_not_open', { status: t(`relief.programmeStatus.${String(p.status)}`) });
    case 'size_not_eligible':
      return t('relief.reasons.size_not_eligible', { size: t(`sizes.${String(p.size)}`), allowed: list('sizes', p.allowed) });
    case 'industry_not_eligible':
      return t('relief.reasons.industry_not_eligible', { industry: t(`industries.${String(p.industry)}`), allowed: list('industries', p.allowed) });
    case 'arrears_over_limit':
      return t('relief.reasons.arrears_over_limit', { arrears: formatFen(Number(p.arrearsFen)), limit: formatFen(Number(p.limitFen)) });
    case 'area_over_limit':
      return t('relief.reasons.area_over_limit', { area: p.areaM2, limit: p.limitM2 });
    default:
      return t(`relief.reasons.${r.code}`, { ...p, defaultValue: r.code });
  }
}

/** The reasons an enterprise is not eligible, one line each. */
export function ReasonList({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="relief-reasons">
      {reasons.map((r) => (
        <li key={r.code} data-testid={`relief-reason-${r.code}`}>
          <Typography.Text>{reasonText(t, r)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
