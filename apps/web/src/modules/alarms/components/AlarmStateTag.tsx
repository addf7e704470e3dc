import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { active: 'red', acknowledged: 'orange', cleared: 'green', closed: 'default' };

/** An alarm's lifecycle state as a tag. */
export function AlarmStateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state]} data-testid="alarm-state" data-state={state}>
      {t(`ioc.state.${state}` as 'ioc.state.active')}
    </Tag>
  );
}
