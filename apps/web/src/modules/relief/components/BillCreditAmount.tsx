import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/format';

/**
 * A bill's amount as the payer sees it: what is due, and when rent relief credited the bill,
 * the original amount struck through with its credit note (减租抵扣).
 */
export function BillCreditAmount({ bill, align = 'end' }: { bill: { id: string; amountFen: number; creditedFen?: number; amountDueFen?: number }; align?: 'start' | 'end' }) {
  const { t } = useTranslation();
  const credited = bill.creditedFen ?? 0;
  const due = bill.amountDueFen ?? bill.amountFen - credited;
  if (credited <= 0) return <Typography.Text strong>¥{formatFen(bill.amountFen)}</Typography.Text>;
  return (
    <Flex vertical align={align} gap={2} data-testid={`bill-credit-${bill.id}`}>
      <Typography.Text delete type="secondary" style={{ fontSize: 12 }}>
        ¥{formatFen(bill.amountFen)}
      </Typography.Text>
      <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="bill-credit-note">
        {t('relief.bill.credit', { amount: formatFen(credited) })}
      </Tag>
      <Typography.Text strong data-testid="bill-amount-due">
        {t('relief.bill.due', { amount: formatFen(due) })}
      </Typography.Text>
    </Flex>
  );
}
