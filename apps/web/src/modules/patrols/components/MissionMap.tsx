import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MissionDetail } from '../api/patrols.api';
import { fitProjection } from '../utils/project';

const W = 640;
const H = 400;

/** The planned route (dashed, closed loop over the waypoints), the flown track and the findings, north up. */
export function MissionMap({ mission }: { mission: MissionDetail }) {
  const { t } = useTranslation();
  const findings = mission.findings.filter((f): f is typeof f & { lat: number; lng: number } => f.lat !== null && f.lng !== null);
  const project = fitProjection([...mission.waypoints, ...mission.track, ...findings], W, H);
  const route = [...mission.waypoints, mission.waypoints[0]].filter(Boolean).map(project);
  const track = mission.track.map(project);
  const names = new Map(mission.checkpoints.map((c) => [c.key, c.name]));
  const last = track.at(-1);
  return (
    <div>
      <svg viewBox={`0 0 ${W} ${H}`} style={{ width: '100%', height: 'auto', background: '#f4f7f2', borderRadius: 8 }} data-testid="mission-map" role="img" aria-label={t('patrols.detail.map')}>
        <polyline points={route.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="#8c8c8c" strokeWidth={2} strokeDasharray="6 5" />
        {mission.waypoints.map((w, i) => {
          const p = project(w);
          return (
            <g key={w.checkpointKey}>
              <circle cx={p.x} cy={p.y} r={9} fill="#fff" stroke="#595959" strokeWidth={2} />
              <text x={p.x} y={p.y + 4} textAnchor="middle" fontSize={10} fill="#262626">
                {i + 1}
              </text>
              {/* Labels of points on the right half read leftwards, so none is cut off at the edge. */}
              <text x={p.x > W / 2 ? p.x - 12 : p.x + 12} y={p.y - 12} textAnchor={p.x > W / 2 ? 'end' : 'start'} fontSize={13} fill="#434343" data-user-content>
                {names.get(w.checkpointKey) ?? w.checkpointKey}
              </text>
            </g>
          );
        })}
        {track.length > 1 && <polyline points={track.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke="#1677ff" strokeWidth={3} data-testid="mission-track" />}
        {last && <circle cx={last.x} cy={last.y} r={6} fill="#1677ff" stroke="#fff" strokeWidth={2} />}
        {findings.map((f) => {
          const p = project(f);
          return (
            <rect key={f.id} x={p.x - 6} y={p.y - 6} width={12} height={12} fill="#ff4d4f" stroke="#fff" strokeWidth={2} transform={`rotate(45 ${p.x} ${p.y})`} data-testid="mission-finding-marker" />
          );
        })}
      </svg>
      <Flex gap={16} wrap style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">┄ {t('patrols.detail.legendRoute')}</Typography.Text>
        <Typography.Text style={{ color: '#1677ff' }}>━ {t('patrols.detail.legendTrack')}</Typography.Text>
        <Typography.Text style={{ color: '#ff4d4f' }}>◆ {t('patrols.detail.legendFinding')}</Typography.Text>
        {mission.track.length === 0 && <Typography.Text type="secondary">{t('patrols.detail.noTrack')}</Typography.Text>}
      </Flex>
    </div>
  );
}
