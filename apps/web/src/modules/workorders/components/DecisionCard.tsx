import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPercent } from '../../../lib/format';
import type { DispatchDecision, DispatchState, FeatureWeight } from '../api/workorders.api';

/** The words of the request that weighed most (the server sends whole words only). */
function Words({ features }: { features: FeatureWeight[] }) {
  const max = Math.max(...features.map((f) => f.weight), 1e-9);
  return (
    <Flex gap={4} wrap data-testid="wo-decision-words">
      {features.map((f) => (
        // A heavier word gets a deeper background; the text keeps full colour so it stays readable (4.5:1).
        <Tag key={f.feature} color="blue" data-user-content style={{ backgroundColor: `rgba(22, 119, 255, ${(0.06 + 0.2 * (f.weight / max)).toFixed(3)})` }}>
          {f.feature}
        </Tag>
      ))}
    </Flex>
  );
}

/**
 * Where the order went and how: everyone sees the state (automatic or by hand, which team, when,
 * by whom); operators also see the model's reasons — the words that weighed most, the location
 * and device that decided the team.
 */
export function DecisionCard({ state, decision, deviceType }: { state: DispatchState; decision: DispatchDecision | null; deviceType: string | null }) {
  const { t, i18n } = useTranslation();
  const pct = (v: number) => formatPercent(v, 0);
  const at = state.at ? formatDateTime(state.at) : '';
  const words = decision ? [...decision.categoryFeatures, ...decision.teamFeatures].filter((f, i, all) => all.findIndex((g) => g.feature === f.feature) === i).slice(0, 8) : [];
  const deviceName = deviceType ? (i18n.exists(`deviceTypes.${deviceType}`) ? t(`deviceTypes.${deviceType}` as 'deviceTypes.camera') : deviceType) : null;
  return (
    <Card size="small" title={t('workorders.decision.title')} data-testid="wo-decision">
      <Alert
        type={state.mode === 'automatic' ? 'success' : state.mode === 'manual' ? 'info' : 'warning'}
        showIcon
        data-testid="wo-dispatch-state"
        data-mode={state.mode}
        title={t(`workorders.decision.state.${state.mode}`, { team: state.teamName ?? '—', at, by: state.byName ?? '' })}
        style={{ marginBottom: decision ? 12 : 0 }}
      />
      {decision && (
        <>
          {state.mode === 'manual' && <Typography.Text strong>{t('workorders.decision.modelSuggested')}</Typography.Text>}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {decision.isAutomatic ? t('workorders.decision.automatic') : t('workorders.decision.triage')} · {t('workorders.decision.confidence', { value: pct(decision.confidence), threshold: pct(decision.threshold) })}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t('workorders.decision.categoryBy', { category: t(`workorders.category.${decision.category}`) })} ·{' '}
            <Typography.Text type="secondary">{t(`workorders.decision.categorySource.${decision.categorySource}`, { value: pct(decision.categoryConfidence) })}</Typography.Text>
          </Typography.Paragraph>
          {words.length > 0 && (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('workorders.decision.words')}
              </Typography.Text>
              <Words features={words} />
            </>
          )}
          {decision.locationRule && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 4 }} data-testid="wo-location-rule">
              {t('workorders.decision.locationRule', { district: decision.locationRule.districtName, company: decision.locationRule.propertyCompanyName })}
            </Typography.Paragraph>
          )}
          {deviceName && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 4 }}>
              {t('workorders.decision.device', { device: deviceName })}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workorders.decision.modelVersion', { category: decision.modelVersions.category ?? '—', team: decision.modelVersions.team ?? '—' })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
