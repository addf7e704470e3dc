import { useMemo, useRef, useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Flex, List, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatFen } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import type { Bill } from '../api/billing.api';
import { useBillingMutations, useBills } from '../hooks/useBilling';
import { newIdempotencyKey } from '../utils/money';
import { BillKindTag, BillStatusTag } from './BillKindTag';
import { StatementCard } from './StatementCard';
import { BillCreditAmount } from '../../relief/components/BillCreditAmount';

/**
 * A member's or enterprise admin's bills: open ones to tick and pay together in one
 * checkout (统一支付), paid ones with their receipts. Phone first.
 */
export function MemberBills() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [tab, setTab] = useState<'open' | 'paid' | 'statement'>('open');
  const [selected, setSelected] = useState<string[]>([]);
  const query = useBills({
    payable: true,
    status: tab === 'statement' ? undefined : tab,
    pageSize: 100,
  });
  const { checkout } = useBillingMutations();
  // One key per selection: a double tap or a retry after a timeout reuses it, so it never charges twice.
  const keyRef = useRef<{ ids: string; key: string } | null>(null);
  const bills = useMemo(() => query.data?.items ?? [], [query.data]);
  const totalFen = bills.filter((b) => selected.includes(b.id)).reduce((a, b) => a + b.amountDueFen, 0);

  const handlePay = () => {
    const ids = [...selected].sort().join(',');
    if (keyRef.current?.ids !== ids) keyRef.current = { ids, key: newIdempotencyKey() };
    checkout.mutate(
      { billIds: selected, idempotencyKey: keyRef.current.key },
      {
        onSuccess: (payment) => {
          if (payment.payUrl) window.location.assign(payment.payUrl);
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  };

  const renderBill = (b: Bill) => (
    <List.Item
      key={b.id}
      data-testid={`bill-${b.id}`}
      onClick={tab === 'open' ? () => setSelected((s) => (s.includes(b.id) ? s.filter((x) => x !== b.id) : [...s, b.id])) : undefined}
      style={{ cursor: tab === 'open' ? 'pointer' : undefined }}
    >
      <Flex gap={12} align="center" style={{ width: '100%' }}>
        {tab === 'open' && <Checkbox checked={selected.includes(b.id)} data-testid={`bill-check-${b.id}`} aria-label={b.title} />}
        <div style={{ flex: 1, minWidth: 0 }}>
          {/* The whole title, wrapped: two parking bills differ only at its end (plate, lot, day and time). */}
          <Typography.Text strong style={{ display: 'block', wordBreak: 'break-word' }} data-user-content data-testid="bill-title">
            {b.title}
          </Typography.Text>
          <Flex gap={4} wrap align="center">
            <BillKindTag kind={b.kind} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="bill-period">
              {t('memberApp.bills.period', { period: b.period })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tab === 'open' ? t('payments.bills.due', { date: formatDate(b.dueDate) }) : t('payments.bills.paidAt', { date: formatDate(b.paidAt) })}
            </Typography.Text>
          </Flex>
        </div>
        <Flex vertical align="end" gap={2}>
          <BillCreditAmount bill={b} />
          {tab === 'paid' && b.paymentId ? (
            <Link to={`/payments/${b.paymentId}/receipt`} onClick={(e) => e.stopPropagation()} data-testid={`receipt-link-${b.id}`}>
              {t('payments.receipt.title')}
            </Link>
          ) : (
            <BillStatusTag status={b.status} />
          )}
        </Flex>
      </Flex>
    </List.Item>
  );

  return (
    <>
      <Segmented
        block
        value={tab}
        onChange={(v) => {
          setTab(v as 'open' | 'paid' | 'statement');
          setSelected([]);
        }}
        options={[
          { value: 'open', label: t('payments.bills.tabOpen') },
          { value: 'paid', label: t('payments.bills.tabPaid') },
          { value: 'statement', label: t('payments.bills.statement') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="bills-tabs"
      />
      {tab === 'statement' && <StatementCard />}
      {tab !== 'statement' && (
        <QueryBoundary query={query}>
          {(data) => (
            <Card size="small" styles={{ body: { padding: '0 12px' } }}>
              {data.items.length === 0 ? (
                <Empty description={tab === 'open' ? t('payments.bills.noneOpen') : t('payments.bills.nonePaid')} style={{ padding: 24 }} />
              ) : (
                <List dataSource={data.items} renderItem={renderBill} />
              )}
            </Card>
          )}
        </QueryBoundary>
      )}
      {tab === 'open' && (
        <div
          data-testid="checkout-bar"
          className="checkout-bar"
          style={{
            position: 'sticky',
            bottom: 0,
            marginTop: 12,
            padding: '12px 16px',
            background: '#fff',
            borderRadius: 8,
            boxShadow: '0 -2px 8px rgba(0,0,0,.08)',
            zIndex: 5,
          }}
        >
          <Flex justify="space-between" align="center" gap={12}>
            <div>
              <Typography.Text type="secondary">{t('payments.bills.selected', { count: selected.length })}</Typography.Text>
              <div>
                <Typography.Text strong style={{ fontSize: 18 }} data-testid="checkout-total">
                  ¥{formatFen(totalFen)}
                </Typography.Text>
              </div>
            </div>
            <Button type="primary" size="large" disabled={selected.length === 0} loading={checkout.isPending} onClick={handlePay} data-testid="checkout-pay">
              {t('payments.bills.pay')}
            </Button>
          </Flex>
        </div>
      )}
    </>
  );
}
