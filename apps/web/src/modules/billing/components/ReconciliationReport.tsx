import { useState } from 'react';
import { Button, Card, Col, DatePicker, Flex, Row, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatFen } from '../../../lib/format';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { StatCard } from '../../../ui/StatCard';
import { reconciliationCsvUrl, type ReconciliationLine } from '../api/billing.api';
import { useReconciliation } from '../hooks/useBilling';

const STATUS_COLORS: Record<ReconciliationLine['status'], string> = { matched: 'green', missing_notification: 'orange', amount_mismatch: 'red', unknown_notification: 'volcano', pending: 'blue', unexpected_payment: 'magenta' };
/** Five figures: two per row on a phone, three on a tablet, one row on a wide screen. */
const STAT_COL = { xs: 12, md: 8, xl: { flex: '20%' } } as const;

/** Payments and refunds against the provider's notifications, with a CSV export. */
export function ReconciliationReport() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([dayjs().subtract(30, 'day').startOf('day'), dayjs().endOf('day')]);
  const from = range[0].toISOString();
  const to = range[1].toISOString();
  const query = useReconciliation(from, to);
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker value={range} onChange={(v) => v && v[0] && v[1] && setRange([v[0].startOf('day'), v[1].endOf('day')])} allowClear={false} />
        <Button icon={<DownloadOutlined />} href={reconciliationCsvUrl(from, to)} data-testid="recon-csv">
          CSV
        </Button>
      </Flex>
      <QueryBoundary query={query}>
        {(r) => (
          <>
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              <Col {...STAT_COL}>
                <StatCard title={t('payments.recon.matched')} value={r.summary.matched} color="#389e0d" testId="recon-matched" />
              </Col>
              <Col {...STAT_COL}>
                <StatCard title={t('payments.recon.missing')} value={r.summary.missingNotification} color="#d46b08" />
              </Col>
              <Col {...STAT_COL}>
                <StatCard title={t('payments.recon.mismatch')} value={r.summary.amountMismatch} color="#cf1322" />
              </Col>
              <Col {...STAT_COL}>
                <StatCard title={t('payments.recon.unknown')} value={r.summary.unknownNotification} color="#ad4e00" />
              </Col>
              <Col {...STAT_COL}>
                <StatCard title={t('payments.recon.unexpected')} value={r.summary.unexpectedPayment} color="#c41d7f" testId="recon-unexpected" />
              </Col>
              <Col xs={24} md={24}>
                <Card size="small">
                  {t('payments.recon.collected')}: <b>¥{formatFen(r.summary.collectedFen)}</b> · {t('payments.recon.refunded')}: <b>¥{formatFen(r.summary.refundedFen)}</b> · {t('payments.recon.net')}: <b>¥{formatFen(r.summary.netFen)}</b>
                </Card>
              </Col>
            </Row>
            <Card>
              <Table
                rowKey={(l) => `${l.kind}-${l.outTradeNo}-${l.outRefundNo ?? ''}-${l.notificationId ?? ''}`}
                size="small"
                scroll={{ x: 800 }}
                dataSource={r.lines}
                columns={[
                  {
                    title: t('payments.recon.status'),
                    render: (_, l) => (
                      <Flex vertical gap={2} align="start" data-testid={`recon-line-${l.status}`}>
                        <Tag color={STATUS_COLORS[l.status]}>{t(`payments.recon.statuses.${l.status}`)}</Tag>
                        {l.status === 'unexpected_payment' && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t(l.paymentStatus === 'refunded' ? 'payments.recon.autoRefunded' : l.paymentStatus === 'unexpected' ? 'payments.recon.autoRefunding' : 'payments.recon.notRefunded')}
                          </Typography.Text>
                        )}
                      </Flex>
                    ),
                  },
                  { title: t('payments.recon.kind'), render: (_, l) => t(`payments.recon.kinds.${l.kind}`) },
                  { title: t('payments.receipt.no'), render: (_, l) => (l.paymentId ? <Link to={`/payments/${l.paymentId}`}>{l.outRefundNo ?? l.outTradeNo}</Link> : l.outTradeNo) },
                  { title: t('payments.recon.ours'), align: 'right', render: (_, l) => (l.amountFen === null ? '—' : `¥${formatFen(l.amountFen)}`) },
                  { title: t('payments.recon.notified'), align: 'right', render: (_, l) => (l.notifiedAmountFen === null ? '—' : `¥${formatFen(l.notifiedAmountFen)}`) },
                  { title: t('payments.recon.at'), render: (_, l) => formatDateTime(l.at) },
                ]}
              />
            </Card>
          </>
        )}
      </QueryBoundary>
    </>
  );
}
