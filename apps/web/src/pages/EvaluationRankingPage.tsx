import { Alert, Card, Flex, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Ranking, RankingRow } from '../modules/evaluation/api/evaluation.api';
import { useRanking } from '../modules/evaluation/hooks/useEvaluation';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

function RankingTable({ ranking, kind, rows }: { ranking: Ranking; kind: 'district' | 'company'; rows: RankingRow[] }) {
  const { t } = useTranslation();
  const hasDetail = rows.some((r) => r.firstLevel);
  return (
    <Table<RankingRow>
      rowKey="subjectId"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('evaluation.ranking.empty') }}
      onRow={(r) => ({ 'data-testid': `eval-rank-${kind}-${r.rank}` }) as never}
      columns={[
        { title: t('evaluation.ranking.rank'), dataIndex: 'rank', width: 64, render: (v: number) => <Tag color={v === 1 ? 'gold' : v === rows.length && rows.length > 1 ? 'red' : undefined}>{v}</Tag> },
        { title: t('evaluation.ranking.name'), dataIndex: 'name', render: (v: string, r) => (r.canExplain ? <Link to={`/evaluation/periods/${ranking.period.id}/${kind}/${r.subjectId}`} data-testid={`eval-explain-${kind}-${r.subjectId}`}>{v}</Link> : v) },
        ...(kind === 'district' ? [{ title: t('evaluation.ranking.company'), dataIndex: 'companyName', render: (v: string | null) => v ?? '—' }] : []),
        { title: t('evaluation.ranking.total'), dataIndex: 'total', align: 'right' as const, render: (v: number) => <strong>{fmt(v)}</strong> },
        ...(hasDetail ? ranking.indicators.map((i) => ({ title: (
            // The indicator's name is the operator's words (data), not UI text.
            <span data-user-content>
              {i.name} {i.weight}%
            </span>
          ), align: 'right' as const, render: (_: unknown, r: RankingRow) => (r.firstLevel?.[i.key] !== undefined ? fmt(r.firstLevel[i.key]) : '—') })) : []),
      ]}
    />
  );
}

/** A period's ranking of property companies and districts, each row leading to its explanation. */
export function EvaluationRankingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const ranking = useRanking(id);
  return (
    <QueryBoundary query={ranking}>
      {(r) => (
        <div>
          <PageHeader
            title={t('evaluation.ranking.title', { label: r.period.label })}
            subtitle={r.period.schemeName}
            crumbs={[{ title: t('evaluation.periods.title'), to: '/evaluation/periods' }, { title: r.period.label }]}
          />
          {!r.period.canManage && <Alert style={{ marginBottom: 16 }} type="info" showIcon message={t(r.period.rankingPublished ? 'evaluation.ranking.publicOnly' : 'evaluation.ranking.notPublished')} />}
          <Flex vertical gap={16}>
            <Card title={t('evaluation.ranking.companies')} styles={{ body: { padding: 0 } }}>
              <RankingTable ranking={r} kind="company" rows={r.companies} />
            </Card>
            <Card title={t('evaluation.ranking.districts')} styles={{ body: { padding: 0 } }}>
              <RankingTable ranking={r} kind="district" rows={r.districts} />
            </Card>
          </Flex>
        </div>
      )}
    </QueryBoundary>
  );
}
