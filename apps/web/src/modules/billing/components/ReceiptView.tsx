import { Button, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFen } from '../../../lib/format';
import { useSession } from '../../auth/hooks/useSession';
import { VerifyEntryButton } from '../../ledger/components/VerifyEntryButton';
import type { Receipt } from '../api/billing.api';
import { BillKindTag } from './BillKindTag';

/** A printable receipt (收据); operators can verify the audit entry that recorded the payment in the ledger. */
export function ReceiptView({ receipt }: { receipt: Receipt }) {
  const { t, i18n } = useTranslation();
  const { permissions } = useSession();
  const p = receipt.payment;
  return (
    <Card data-testid="receipt" className="receipt">
      <Flex justify="space-between" align="start" wrap gap={8}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('payments.receipt.heading', { park: receipt.parkName })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('payments.receipt.no')} {receipt.receiptNo}
          </Typography.Text>
        </div>
        <Flex gap={8} className="no-print">
          {permissions.canSeeAudit && receipt.auditEntryId !== null && <VerifyEntryButton auditId={receipt.auditEntryId} />}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('payments.receipt.print')}
          </Button>
        </Flex>
      </Flex>
      <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('payments.receipt.payer')}>{receipt.payerName}</Descriptions.Item>
        {receipt.enterpriseName && <Descriptions.Item label={t('payments.receipt.enterprise')}>{receipt.enterpriseName}</Descriptions.Item>}
        <Descriptions.Item label={t('payments.receipt.paidAt')}>{formatDateTime(p.paidAt)}</Descriptions.Item>
        <Descriptions.Item label={t('payments.receipt.channel')}>{i18n.exists(`payments.receipt.providers.${p.provider}`) ? t(`payments.receipt.providers.${p.provider}` as 'payments.receipt.providers.sandbox') : p.provider}</Descriptions.Item>
        <Descriptions.Item label={t('payments.receipt.txn')}>
          <Typography.Text style={{ wordBreak: 'break-all' }}>{p.providerTxnId ?? '—'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('payments.receipt.status')}>{t(`payments.paymentStatus.${p.status}`)}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="billId"
        pagination={false}
        dataSource={p.items}
        columns={[
          {
            title: t('payments.bills.item'),
            render: (_, i) => (
              <span>
                <BillKindTag kind={i.kind} />
                {i.title}
              </span>
            ),
          },
          { title: t('payments.bills.amount'), align: 'right', render: (_, i) => <span style={{ whiteSpace: 'nowrap' }}>¥{formatFen(i.amountFen)}</span> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('payments.receipt.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong data-testid="receipt-total" style={{ whiteSpace: 'nowrap' }}>
                ¥{formatFen(p.amountFen)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
        style={{ marginTop: 12 }}
      />
      {p.refunds.length > 0 && (
        <Descriptions column={1} size="small" style={{ marginTop: 12 }} title={t('payments.receipt.refunds')}>
          {p.refunds.map((r) => (
            <Descriptions.Item key={r.id} label={formatDateTime(r.createdAt)}>
              −¥{formatFen(r.amountFen)} · {t(`payments.refundStatus.${r.status}`)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}
