import { useTranslation } from 'react-i18next';
import { boxOf, svgPoints } from '../../parks/utils/footprint';
import type { ParkView, ParkViewBuilding } from '../api/ioc.api';
import { IocPanel } from './IocPanel';

const ALARM_COLORS: Record<NonNullable<ParkViewBuilding['worstSeverity']>, string> = { critical: '#ff4d4f', major: '#ff7a1a', minor: '#fadb14', info: '#69b1ff' };

/** Occupancy 0…1 as a fill from deep navy (empty) to bright blue (full). */
function occupancyFill(occupancy: number | null): string {
  if (occupancy === null) return '#1b2f5e';
  const k = Math.max(0, Math.min(1, occupancy));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * k);
  return `rgb(${mix(22, 38)}, ${mix(52, 138)}, ${mix(110, 255)})`;
}

/**
 * The park seen from above: each site's buildings as their outlines, filled by
 * occupancy and outlined by their worst open alarm; a click opens the
 * building's floor plan.
 */
export function ParkViewPanel({ view, onOpen, className }: { view: ParkView | undefined; onOpen: (building: ParkViewBuilding) => void; className?: string }) {
  const { t } = useTranslation();
  // The site with the most buildings takes the large place (the core park, not a satellite).
  const sites = (view?.sites ?? [])
    .map((s) => ({ ...s, buildings: s.buildings.filter((b) => b.footprint && b.footprint.length >= 3) }))
    .filter((s) => s.buildings.length)
    .sort((a, b) => b.buildings.length - a.buildings.length);
  const legend = (
    <span className="ioc-legend">
      <i style={{ background: 'linear-gradient(90deg, #16346e, #268aff)' }} />
      {t('iocWall.legendOccupancy')}
      <i style={{ border: '2px solid #ff4d4f' }} />
      {t('iocWall.legendAlarm')}
    </span>
  );
  return (
    <IocPanel title={t('iocWall.parkView')} extra={legend} testId="ioc-park-view" className={className}>
      {sites.length === 0 ? (
        <div className="ioc-empty">{t('iocWall.noFootprints')}</div>
      ) : (
        <div className={`ioc-sites ioc-sites-${Math.min(sites.length, 4)}`}>
          {sites.map((site) => {
            const box = boxOf(site.buildings.map((b) => b.footprint!));
            const pad = Math.max(box.width, box.height) * 0.04 + 10;
            const font = Math.max(box.width, box.height, 200) / 34;
            return (
              <figure key={site.id} className="ioc-site" data-testid={`park-site-${site.id}`}>
                <figcaption data-user-content>{site.name}</figcaption>
                <svg viewBox={`${box.minX - pad} ${-box.maxY - pad} ${box.width + 2 * pad} ${box.height + 2 * pad}`} preserveAspectRatio="xMidYMid meet" role="group" aria-label={site.name}>
                  {site.buildings.map((b) => {
                    const bb = boxOf([b.footprint!]);
                    const cx = bb.minX + bb.width / 2;
                    const cy = -(bb.minY + bb.height / 2);
                    const alarm = b.worstSeverity && b.openAlarms ? ALARM_COLORS[b.worstSeverity] : null;
                    return (
                      <g
                        key={b.id}
                        className={`ioc-building${alarm ? ' is-alarm' : ''}`}
                        onClick={() => onOpen(b)}
                        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onOpen(b)}
                        role="button"
                        tabIndex={0}
                        data-testid={`park-building-${b.id}`}
                        data-alarms={b.openAlarms}
                        data-occupancy={b.occupancy ?? ''}
                        data-people={b.people ?? ''}
                      >
                        <title>{`${b.name} · ${t('iocWall.occupancy')} ${b.occupancy === null ? '—' : `${Math.round(b.occupancy * 100)}%`} · ${t('iocWall.alarms')} ${b.openAlarms}${b.people === null ? '' : ` · ${t('iocWall.people')} ${b.people}`}`}</title>
                        <polygon points={svgPoints(b.footprint!)} fill={occupancyFill(b.occupancy)} stroke={alarm ?? '#6f9bff'} strokeWidth={alarm ? font * 0.32 : font * 0.12} strokeLinejoin="round" />
                        <text x={cx} y={cy - font * 0.2} fontSize={font} textAnchor="middle" className="ioc-building-name">
                          {b.name}
                        </text>
                        <text x={cx} y={cy + font * 1.05} fontSize={font * 0.78} textAnchor="middle" className="ioc-building-figure">
                          {b.occupancy === null ? '' : `${Math.round(b.occupancy * 100)}%`}
                          {b.people === null ? '' : ` · ${b.people}${t('iocWall.peopleUnit')}`}
                          {b.openAlarms ? ` · ⚠${b.openAlarms}` : ''}
                        </text>
                      </g>
                    );
                  })}
                </svg>
              </figure>
            );
          })}
        </div>
      )}
    </IocPanel>
  );
}
