import type { EvalExplanation, EvalScoreNode } from '@parkos/contracts';
import { Flex, List, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CorrectionItem, correctionText, isCorrectionNode } from './CorrectionItem';

const fmt = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/** One sentence of what moved a leaf, from its codes and figures. */
export function explanationText(t: TFunction, e: EvalExplanation): string {
  if (e.districts) return t('evaluation.score.districtsMean');
  if (e.noData && e.kind !== 'deductions') return t('evaluation.score.noData');
  const f = e.figures;
  return t(`evaluation.explain.${e.kind}`, { ...f, mean: f.mean !== undefined ? fmt(f.mean) : undefined, pct: f.mean !== undefined ? fmt(f.mean * 100) : undefined });
}

function Items({ e }: { e: EvalExplanation }) {
  const { t } = useTranslation();
  if (e.districts)
    return (
      <List size="small" dataSource={e.districts} renderItem={(d) => <List.Item>{`${d.name}: ${fmt(d.score)}`}</List.Item>} />
    );
  return (
    <Flex vertical gap={4}>
      {e.note && <Typography.Text>{t('evaluation.score.note', { note: e.note })}</Typography.Text>}
      {e.items.length > 0 && (
        <List
          size="small"
          dataSource={e.items}
          renderItem={(i) => (
            <List.Item data-testid={`eval-item-${i.type}-${i.id}`}>
              <Flex gap={8} wrap="wrap" align="center">
                {i.type === 'appeal' ? <CorrectionItem item={i} /> : i.type === 'order' ? <Link to={`/work-orders/${i.id}`}>{t('evaluation.itemTypes.order', { label: i.label })}</Link> : i.type === 'alarm' ? <Link to={`/alarms/${i.id}`}>{t('evaluation.itemTypes.alarm', { label: i.label })}</Link> : <span>{i.label}</span>}
                {i.source && <Tag>{t(`evaluation.deductionSources.${i.source}`)}</Tag>}
                {i.severity && i.type === 'finding' && <Tag color="orange">{t(`evaluation.severities.${i.severity}`)}</Tag>}
                {i.points !== undefined && i.type !== 'appeal' && <Tag color="red">{t('evaluation.points', { points: i.points })}</Tag>}
                {i.value !== undefined && <Tag>{t('evaluation.value', { value: i.value })}</Tag>}
                {i.ok !== undefined && <Tag color={i.ok ? 'green' : 'red'}>{t(i.ok ? 'evaluation.score.ok' : 'evaluation.score.notOk')}</Tag>}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

type Row = EvalScoreNode & { children?: Row[] };

/** The explained score tree: indicators with weight and score, each leaf expandable to the orders and findings behind it. */
export function ScoreTreeTable({ tree }: { tree: EvalScoreNode[] }) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      dataSource={tree as Row[]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      defaultExpandAllRows
      expandable={{ rowExpandable: (r) => !!r.explanation, expandedRowRender: (r) => (r.explanation ? <Items e={r.explanation} /> : null), childrenColumnName: 'children' }}
      columns={[
        { title: t('evaluation.score.indicator'), dataIndex: 'name', render: (v: string, r) => <span data-testid={`eval-node-${r.key}`}>{isCorrectionNode(r) ? t('evaluationOutcomes.correction.node') : v}</span> },
        { title: t('evaluation.score.weight'), dataIndex: 'weight', align: 'right', render: (v: number) => `${v}%` },
        { title: t('evaluation.score.score'), dataIndex: 'score', align: 'right', render: (v: number, r) => <strong data-testid={`eval-node-score-${r.key}`}>{fmt(v)}</strong> },
        { title: t('evaluation.score.items'), render: (_, r) => (r.explanation ? <Typography.Text type={r.explanation.noData ? 'secondary' : undefined}>{isCorrectionNode(r) ? correctionText(t, r.explanation) : explanationText(t, r.explanation)}</Typography.Text> : null) },
      ]}
    />
  );
}
