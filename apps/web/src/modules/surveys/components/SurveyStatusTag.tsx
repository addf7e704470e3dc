import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '../api/surveys.api';

const COLORS: Record<SurveyStatus, string> = { draft: 'default', open: 'green', closed: 'blue' };

/** A survey's status as a coloured tag. */
export function SurveyStatusTag({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="survey-status">
      {t(`surveys.status.${status}`)}
    </Tag>
  );
}
