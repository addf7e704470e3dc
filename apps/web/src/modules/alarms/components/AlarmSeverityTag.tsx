import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Colours of the four severities, shared with the big screen's charts. */
export const SEVERITY_COLORS: Record<string, string> = { critical: '#f5222d', major: '#fa8c16', minor: '#fadb14', info: '#1677ff' };

/** A severity as a coloured tag. */
export function AlarmSeverityTag({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLORS[severity]} style={severity === 'minor' ? { color: '#614700' } : undefined} data-testid="alarm-severity" data-severity={severity}>
      {t(`ioc.severity.${severity}` as 'ioc.severity.critical')}
    </Tag>
  );
}
