import type { EvalSubjectKind } from '@parkos/contracts';
import { Card, Col, Flex, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../lib/format';
import { ScoreTreeTable } from '../modules/evaluation/components/ScoreTreeTable';
import { TrendChart } from '../modules/evaluation/components/TrendChart';
import { useScoreTree, useTrend } from '../modules/evaluation/hooks/useEvaluation';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** A district's or company's score for a period, explained down to each order and finding, with its trend. */
export function EvaluationScorePage() {
  const { t } = useTranslation();
  const { id = '', kind = 'district', subjectId = '' } = useParams();
  const subjectKind = (kind === 'company' ? 'company' : 'district') as EvalSubjectKind;
  const score = useScoreTree(id, subjectKind, subjectId);
  const trend = useTrend(subjectKind, subjectId);
  return (
    <QueryBoundary query={score}>
      {(s) => (
        <div>
          <PageHeader
            title={t('evaluation.score.title', { name: s.name, label: s.period.label })}
            subtitle={`${t(`evaluation.subjectKinds.${s.subjectKind}`)} · ${s.period.schemeName}`}
            crumbs={[{ title: t('evaluation.periods.title'), to: '/evaluation/periods' }, { title: s.period.label, to: `/evaluation/periods/${s.period.id}` }, { title: s.name }]}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Card>
                <Statistic title={t('evaluation.score.total')} value={Math.round(s.total * 100) / 100} precision={2} valueStyle={{ fontSize: 36 }} />
                <Flex gap={8} wrap="wrap" style={{ marginTop: 8 }}>
                  <Tag color={s.rank === 1 ? 'gold' : undefined} data-testid="eval-score-rank">{t('evaluation.score.rank', { rank: s.rank, of: s.of })}</Tag>
                  {s.period.status === 'closed' && <Tag color="purple">{t('evaluation.score.frozen')}</Tag>}
                </Flex>
                <div style={{ marginTop: 8, color: '#888' }}>{t('evaluation.score.computedAt', { at: formatDateTime(s.computedAt) })}</div>
              </Card>
            </Col>
            <Col xs={24} md={16}>
              <Card title={t('evaluation.score.trend')} size="small">
                {trend.data ? <TrendChart trend={trend.data} /> : null}
              </Card>
            </Col>
            <Col span={24}>
              <Card styles={{ body: { padding: 0 } }} data-testid="eval-score-tree">
                <ScoreTreeTable tree={s.tree} />
              </Card>
            </Col>
          </Row>
        </div>
      )}
    </QueryBoundary>
  );
}
