import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { League, LeagueRow } from '../modules/evaluation/api/outcomes.api';
import { useLeague } from '../modules/evaluation/hooks/useOutcomes';
import { useParks } from '../modules/parks/hooks/useParks';
import { useDocumentTitle } from '../ui/useDocumentTitle';

const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
const BG = '#0b1220';
const cell: CSSProperties = { padding: '10px 14px', borderBottom: '1px solid #1e293b', whiteSpace: 'nowrap' };

function Arrow({ row }: { row: LeagueRow }) {
  if (row.previousRank === null) return <MinusOutlined style={{ color: '#64748b' }} />;
  const d = row.previousRank - row.rank;
  if (d > 0) return <span style={{ color: '#22c55e' }}><ArrowUpOutlined /> {d}</span>;
  if (d < 0) return <span style={{ color: '#ef4444' }}><ArrowDownOutlined /> {-d}</span>;
  return <MinusOutlined style={{ color: '#94a3b8' }} />;
}

function Board({ league, kind }: { league: League; kind: 'company' | 'district' }) {
  const { t } = useTranslation();
  const rows = kind === 'company' ? league.companies : league.districts;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 'clamp(16px, 1.6vw, 28px)' }} data-testid={`eo-league-${kind}`}>
        <thead>
          <tr style={{ color: '#94a3b8', textAlign: 'left' }}>
            <th style={cell}>{t('evaluationOutcomes.league.rank')}</th>
            <th style={cell}>{t(kind === 'company' ? 'evaluationOutcomes.league.company' : 'evaluationOutcomes.league.district')}</th>
            <th style={{ ...cell, textAlign: 'right' }}>{t('evaluationOutcomes.league.total')}</th>
            <th style={cell}>{t('evaluationOutcomes.league.trend')}</th>
            {league.indicators.map((i) => (
              <th key={i.key} style={{ ...cell, textAlign: 'right' }}>
                <span data-user-content>{i.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.subjectId} data-testid={`eo-league-row-${r.subjectId}`} style={{ background: r.warned ? 'rgba(239,68,68,0.12)' : undefined }}>
              <td style={{ ...cell, fontWeight: 700, color: r.rank === 1 ? '#facc15' : '#e2e8f0' }}>{r.rank}</td>
              <td style={cell}>
                {r.name}
                {kind === 'district' && r.companyName ? <span style={{ color: '#64748b', marginLeft: 8, fontSize: '0.7em' }}>{r.companyName}</span> : null}
                {r.warned && (
                  <span style={{ marginLeft: 12, color: '#f87171', fontSize: '0.7em' }} data-testid="eo-league-warned">
                    <WarningFilled /> {t('evaluationOutcomes.league.warned')}
                  </span>
                )}
              </td>
              <td style={{ ...cell, textAlign: 'right', fontWeight: 700, color: '#f8fafc' }}>{fmt(r.total)}</td>
              <td style={cell}><Arrow row={r} /></td>
              {league.indicators.map((i) => (
                <td key={i.key} style={{ ...cell, textAlign: 'right', color: '#cbd5e1' }}>{r.firstLevel?.[i.key] !== undefined ? fmt(r.firstLevel[i.key]) : '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The operators' big-screen league table: dark, large type, refreshed every minute. */
export function EvaluationLeaguePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('evaluationOutcomes.league.title'));
  const navigate = useNavigate();
  const parks = useParks();
  const league = useLeague(parks.data?.[0]?.id);
  const l = league.data;
  return (
    <div style={{ minHeight: '100vh', background: BG, color: '#e2e8f0', padding: 'clamp(12px, 2vw, 40px)', boxSizing: 'border-box' }} data-testid="eo-league">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: 12, marginBottom: 24 }}>
        <div>
          <div style={{ fontSize: 'clamp(24px, 3vw, 52px)', fontWeight: 700 }}>{t('evaluationOutcomes.league.title')}</div>
          {l?.period && (
            <div style={{ fontSize: 'clamp(14px, 1.4vw, 24px)', color: '#94a3b8' }}>
              {t('evaluationOutcomes.league.period', { label: l.period.label })}
              {l.period.status === 'open' ? t('evaluationOutcomes.league.open') : ''}
              {l.previousLabel ? ` · ${t('evaluationOutcomes.league.previous', { label: l.previousLabel })}` : ''}
            </div>
          )}
        </div>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', color: '#64748b' }}>
          {league.dataUpdatedAt ? t('evaluationOutcomes.league.updated', { time: new Date(league.dataUpdatedAt).toLocaleTimeString(i18n.language) }) : null}
          <Button ghost size="small" onClick={() => void navigate('/evaluation/warnings')}>{t('evaluationOutcomes.league.exit')}</Button>
        </div>
      </div>
      {!l ? (
        <Spin />
      ) : !l.period ? (
        <div style={{ fontSize: 24, color: '#94a3b8' }}>{t('evaluationOutcomes.league.empty')}</div>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 32 }}>
          <section>
            <div style={{ fontSize: 'clamp(16px, 1.6vw, 28px)', color: '#38bdf8', marginBottom: 8 }}>{t('evaluationOutcomes.league.companies')}</div>
            <Board league={l} kind="company" />
          </section>
          <section>
            <div style={{ fontSize: 'clamp(16px, 1.6vw, 28px)', color: '#38bdf8', marginBottom: 8 }}>{t('evaluationOutcomes.league.districts')}</div>
            <Board league={l} kind="district" />
          </section>
        </div>
      )}
    </div>
  );
}
