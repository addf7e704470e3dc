import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { metricName } from '../../../lib/coded-text';
import { useLiveEvents } from '../../live/hooks/useLiveEvents';
import { IocPanel } from './IocPanel';

interface Reading {
  key: string;
  deviceId: string;
  code: string;
  name: string;
  metric: string;
  value: number;
  at: number;
}

const KEEP = 30;

/**
 * Readings as the devices send them, newest on top, with how many arrive a
 * minute: the wall's proof that the park is alive between alarms.
 */
export function LiveReadingsPanel() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<{ readings: Reading[]; total: number; recent: number[] }>({ readings: [], total: 0, recent: [] });
  useLiveEvents((event) => {
    if (event.type !== 'devices') return;
    const now = Date.now();
    const fresh: Reading[] = [];
    for (const d of event.items) {
      if (!d.values) continue;
      // A device's newest few metrics; the list is a ticker, not a table of everything.
      for (const [metric, value] of Object.entries(d.values).slice(0, 3)) fresh.push({ key: `${d.id}:${metric}:${now}`, deviceId: d.id, code: d.code, name: d.name, metric, value, at: now });
    }
    if (!fresh.length) return;
    setState((s) => ({ readings: [...fresh, ...s.readings].slice(0, KEEP), total: s.total + fresh.length, recent: [...s.recent.filter((x) => x > now - 60_000), ...fresh.map(() => now)] }));
  });
  const perMinute = state.recent.length;
  return (
    <IocPanel
      title={t('iocWall.liveReadings')}
      testId="ioc-live-readings"
      extra={
        <span className="ioc-counters">
          <b data-testid="ioc-readings-rate" data-rate={perMinute}>
            {perMinute}
          </b>{' '}
          {t('iocWall.readingsPerMinute')} ·{' '}
          <b data-testid="ioc-readings-total" data-count={state.total}>
            {state.total}
          </b>{' '}
          {t('iocWall.readingsTotal')}
        </span>
      }
    >
      {state.readings.length === 0 ? (
        <div className="ioc-empty">{t('iocWall.waitingReadings')}</div>
      ) : (
        <ul className="ioc-readings">
          {state.readings.map((r) => (
            <li key={r.key} data-testid="live-reading" data-code={r.code} data-metric={r.metric} data-value={r.value}>
              <span className="ioc-reading-time">{new Date(r.at).toLocaleTimeString(i18n.language, { hour12: false })}</span>
              <span className="ioc-reading-device" data-user-content title={r.code}>
                {r.name}
              </span>
              <span className="ioc-reading-metric">{metricName(r.metric)}</span>
              <b className="ioc-reading-value">{Math.round(r.value * 100) / 100}</b>
            </li>
          ))}
        </ul>
      )}
    </IocPanel>
  );
}
