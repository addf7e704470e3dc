import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/format';
import type { DispatchDecision, FeatureWeight } from '../api/workorders.api';

/** A classifier feature as people read it: `w:空调` → 空调, `c:空调` → 空调 (characters). */
function termOf(f: FeatureWeight): string {
  return f.feature.replace(/^[a-z]+:/, '');
}

function Terms({ features: all }: { features: FeatureWeight[] }) {
  // A word and its characters may both weigh in (w:空调, c:空调): show each term once.
  const seen = new Set<string>();
  const features = all.filter((f) => !seen.has(termOf(f)) && seen.add(termOf(f)));
  const max = Math.max(...features.map((f) => f.weight), 1e-9);
  return (
    <Flex gap={4} wrap>
      {features.map((f) => (
        // A heavier term gets a deeper background; the text keeps full colour so it stays readable (4.5:1).
        <Tag key={f.feature} color="blue" style={{ backgroundColor: `rgba(22, 119, 255, ${(0.06 + 0.2 * (f.weight / max)).toFixed(3)})` }} title={f.weight.toFixed(3)}>
          {termOf(f)}
        </Tag>
      ))}
    </Flex>
  );
}

/** Why smart dispatch sent the order where it did: confidence, terms, location rule. */
export function DecisionCard({ decision, teamName }: { decision: DispatchDecision; teamName: string | null }) {
  const { t } = useTranslation();
  const pct = (v: number) => formatPercent(v, 0);
  return (
    <Card size="small" title={t('workorders.decision.title')} data-testid="wo-decision">
      <Alert
        type={decision.isAutomatic ? 'success' : 'warning'}
        showIcon
        title={decision.isAutomatic ? t('workorders.decision.automatic') : t('workorders.decision.triage')}
        description={t('workorders.decision.confidence', { value: pct(decision.confidence), threshold: pct(decision.threshold) })}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('workorders.decision.categoryBy', { category: t(`workorders.category.${decision.category}`) })} ·{' '}
        <Typography.Text type="secondary">{t(`workorders.decision.categorySource.${decision.categorySource}`, { value: pct(decision.categoryConfidence) })}</Typography.Text>
      </Typography.Paragraph>
      {decision.categoryFeatures.length > 0 && <Terms features={decision.categoryFeatures} />}
      <Typography.Paragraph style={{ margin: '10px 0 4px' }}>
        {t('workorders.decision.teamBy', { team: teamName ?? '—' })} ·{' '}
        <Typography.Text type="secondary">{t(`workorders.decision.teamSource.${decision.teamSource}`, { value: pct(decision.teamConfidence) })}</Typography.Text>
      </Typography.Paragraph>
      {decision.teamSource === 'model' && decision.teamFeatures.length > 0 && <Terms features={decision.teamFeatures} />}
      {decision.locationRule && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="wo-location-rule">
          {t('workorders.decision.locationRule', { district: decision.locationRule.districtName, company: decision.locationRule.propertyCompanyName })}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('workorders.decision.modelVersion', { category: decision.modelVersions.category ?? '—', team: decision.modelVersions.team ?? '—' })}
      </Typography.Text>
    </Card>
  );
}
