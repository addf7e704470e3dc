import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Colours of the four severities, shared with the big screen's charts. */
export const SEVERITY_COLORS: Record<string, string> = { critical: '#f5222d', major: '#fa8c16', minor: '#fadb14', info: '#1677ff' };

/** Text colours of the tags: darker shades of the severity colours, readable (4.5:1) on the tag's light tint. */
const SEVERITY_TEXT_COLORS: Record<string, string> = { critical: '#a8071a', major: '#ad4e00', minor: '#614700', info: '#0958d9' };

/** A severity as a coloured tag. */
export function AlarmSeverityTag({ severity }: { severity: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLORS[severity]} style={SEVERITY_TEXT_COLORS[severity] ? { color: SEVERITY_TEXT_COLORS[severity] } : undefined} data-testid="alarm-severity" data-severity={severity}>
      {t(`ioc.severity.${severity}` as 'ioc.severity.critical')}
    </Tag>
  );
}
