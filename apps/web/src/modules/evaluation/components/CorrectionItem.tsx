import type { EvalExplanation, EvalExplanationItem, EvalScoreNode } from '@parkos/contracts';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The node an approved appeal's correction adds to the next open period's tree. */
export const isCorrectionNode = (n: Pick<EvalScoreNode, 'key'>) => n.key === 'appeal_corrections';

/** "2 appeal corrections, +3.00 points in all". */
export function correctionText(t: TFunction, e: EvalExplanation): string {
  return t('evaluationOutcomes.correction.text', { count: e.figures.appeals ?? e.items.length, points: (Math.round((e.figures.points ?? 0) * 100) / 100).toFixed(2) });
}

/** One correction: "appeal of 2026-10, case 1a2b3c4d" linking to the approval case. */
export function CorrectionItem({ item }: { item: EvalExplanationItem }) {
  const { t } = useTranslation();
  return (
    <Link to={`/approvals/cases/${item.id}`} data-testid={`eo-correction-${item.id}`}>
      {t('evaluationOutcomes.correction.item', { period: item.label, caseId: item.id.slice(0, 8) })}
      {item.points !== undefined ? ` +${(Math.round(item.points * 100) / 100).toFixed(2)}` : ''}
    </Link>
  );
}
