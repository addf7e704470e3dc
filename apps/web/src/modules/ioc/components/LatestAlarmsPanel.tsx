import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import { acknowledgeAlarm } from '../../alarms/api/alarms.api';
import { AlarmSeverityTag } from '../../alarms/components/AlarmSeverityTag';
import { AlarmStateTag } from '../../alarms/components/AlarmStateTag';
import type { IocSummary } from '../api/ioc.api';
import { IocPanel } from './IocPanel';
import { alarmText } from '../../../lib/coded-text';

/** The most severe unresolved alarms; a click opens one, "acknowledge" acts in place. */
export function LatestAlarmsPanel({ alarms, onChanged }: { alarms: IocSummary['alarms']; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const acknowledge = async (id: string) => {
    try {
      await acknowledgeAlarm(id);
      onChanged();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <IocPanel title={t('ioc.latestAlarms')} testId="ioc-latest" span={2}>
      {alarms.latest.length === 0 ? (
        <div className="ioc-empty">{t('ioc.noOpenAlarms')}</div>
      ) : (
        <ul className="ioc-alarm-list">
          {alarms.latest.map((a) => (
            <li key={a.id} data-testid={`ioc-alarm-${a.id}`} data-state={a.state}>
              <button type="button" className="ioc-alarm-open" onClick={() => void navigate(`/alarms/${a.id}`)}>
                <AlarmSeverityTag severity={a.severity} />
                <span className="ioc-alarm-text">
                  {a.buildingName ? `${a.buildingName} · ` : ''}
                  {a.deviceName}: {alarmText(a)}
                </span>
                <span className="ioc-alarm-time">{formatDateTime(a.lastAt)}</span>
              </button>
              <AlarmStateTag state={a.state} />
              {a.state === 'active' && (
                <Button size="small" onClick={() => void acknowledge(a.id)} data-testid={`ioc-ack-${a.id}`}>
                  {t('ioc.acknowledge')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </IocPanel>
  );
}
