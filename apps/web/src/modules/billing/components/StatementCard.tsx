import { BillCreditAmount } from '../../relief/components/BillCreditAmount';
import { useState } from 'react';
import { Card, Col, DatePicker, Empty, List, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../lib/format';
import { QueryBoundary } from '../../../ui/QueryBoundary';
import { useStatement } from '../hooks/useBilling';
import { BillKindTag, BillStatusTag } from './BillKindTag';

/** A month's statement (对账单): every bill of the period with paid and open totals. */
export function StatementCard() {
  const { t } = useTranslation();
  const [month, setMonth] = useState(dayjs());
  const query = useStatement(month.format('YYYY-MM'));
  return (
    <Card size="small" title={t('payments.bills.statement')} extra={<DatePicker picker="month" value={month} allowClear={false} onChange={(d) => d && setMonth(d)} inputReadOnly style={{ width: 120 }} />} data-testid="statement">
      <QueryBoundary query={query} isCard={false} skeletonRows={3}>
        {(s) => (
          <>
            <Row gutter={8} style={{ marginBottom: 8 }}>
              <Col span={8}>
                <Statistic title={t('payments.bills.sum')} value={`¥${formatFen(s.totalFen)}`} valueStyle={{ fontSize: 16 }} />
              </Col>
              <Col span={8}>
                <Statistic title={t('payments.billStatus.paid')} value={`¥${formatFen(s.paidFen)}`} valueStyle={{ fontSize: 16, color: '#389e0d' }} />
              </Col>
              <Col span={8}>
                <Statistic title={t('payments.billStatus.open')} value={`¥${formatFen(s.openFen)}`} valueStyle={{ fontSize: 16, color: '#d46b08' }} />
              </Col>
            </Row>
            {s.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <List
                size="small"
                dataSource={s.items}
                renderItem={(b) => (
                  <List.Item key={b.id}>
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Typography.Text ellipsis style={{ display: 'block' }}>
                        {b.title}
                      </Typography.Text>
                      <BillKindTag kind={b.kind} />
                      <BillStatusTag status={b.status} />
                    </div>
                    <BillCreditAmount bill={b} />
                  </List.Item>
                )}
              />
            )}
          </>
        )}
      </QueryBoundary>
    </Card>
  );
}
