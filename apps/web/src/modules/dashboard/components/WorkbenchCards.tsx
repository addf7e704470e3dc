import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { AlertOutlined, AccountBookOutlined, IdcardOutlined, ScanOutlined, ToolOutlined, WalletOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatFen, formatPercent } from '../../../lib/format';
import { ErrorState } from '../../../ui/ErrorState';
import type { Workbench } from '../api/dashboard.api';
import { useWorkbench } from '../hooks/useWorkbench';

const SEVERITY_COLORS = { critical: 'red', major: 'orange', minor: 'gold', info: 'blue' } as const;
const ORDER_STATES = ['new', 'dispatched', 'accepted', 'in_progress', 'resolved'] as const;

/** One figure that opens its list, filtered to what it counts. */
function Figure({ title, value, to, icon, color, testId, children }: { title: string; value: ReactNode; to: string; icon: ReactNode; color: string; testId: string; children?: ReactNode }) {
  return (
    <Card className="stat-card" size="small" style={{ height: '100%' }} data-testid={testId}>
      <Flex align="center" gap={12}>
        <div className="stat-card__icon" style={{ color, background: `${color}14` }}>
          {icon}
        </div>
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">{title}</Typography.Text>
          <div>
            <Link to={to} style={{ fontSize: 24, fontWeight: 600 }} data-testid={`${testId}-link`}>
              {value}
            </Link>
          </div>
        </div>
      </Flex>
      {children && <div style={{ marginTop: 8 }}>{children}</div>}
    </Card>
  );
}

function Cards({ w }: { w: Workbench }) {
  const { t } = useTranslation();
  const today = encodeURIComponent(w.todayFrom);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} xl={8}>
        <Figure title={t('operator.workbench.alarms')} value={w.alarms.open} to="/alarms?state=open" icon={<AlertOutlined />} color="#cf1322" testId="wb-alarms">
          <Flex gap={4} wrap>
            {(['critical', 'major', 'minor', 'info'] as const).map((s) => (
              <Link key={s} to={`/alarms?state=open&severity=${s}`} data-testid={`wb-alarms-${s}`}>
                <Tag color={SEVERITY_COLORS[s]}>
                  {t(`ioc.severity.${s}`)} {w.alarms.bySeverity[s]}
                </Tag>
              </Link>
            ))}
          </Flex>
        </Figure>
      </Col>
      <Col xs={24} sm={12} xl={8}>
        <Figure title={t('operator.workbench.workOrders')} value={w.workOrders.open} to="/work-orders?status=open" icon={<ToolOutlined />} color="#1554d1" testId="wb-orders">
          <Flex gap={4} wrap>
            {ORDER_STATES.map((s) => (
              <Link key={s} to={`/work-orders?status=${s}`}>
                <Tag>
                  {t(`workorders.status.${s}`)} {w.workOrders.byStatus[s]}
                </Tag>
              </Link>
            ))}
            <Link to="/work-orders?sla=overdue" data-testid="wb-orders-overdue">
              <Tag color={w.workOrders.overdue ? 'red' : undefined}>{t('operator.workbench.overdue', { count: w.workOrders.overdue })}</Tag>
            </Link>
            <Tag color={w.workOrders.breachedToday ? 'volcano' : undefined}>{t('operator.workbench.breachedToday', { count: w.workOrders.breachedToday })}</Tag>
          </Flex>
        </Figure>
      </Col>
      <Col xs={24} sm={12} xl={8}>
        <Figure
          title={t('operator.workbench.collection')}
          value={w.bills.collectionRate === null ? '—' : formatPercent(w.bills.collectionRate)}
          to={`/bills?period=${w.month}`}
          icon={<AccountBookOutlined />}
          color="#389e0d"
          testId="wb-collection"
        >
          <Typography.Text type="secondary">
            {w.bills.billedFen ? t('operator.workbench.collectionOf', { collected: formatFen(w.bills.collectedFen), billed: formatFen(w.bills.billedFen) }) : t('operator.workbench.noBills')}
          </Typography.Text>
        </Figure>
      </Col>
      <Col xs={24} sm={12} xl={8}>
        <Figure title={t('operator.workbench.payments')} value={`¥${formatFen(w.payments.todayFen)}`} to={`/bills?tab=payments&paidFrom=${today}`} icon={<WalletOutlined />} color="#08979c" testId="wb-payments">
          <Typography.Text type="secondary">{t('operator.workbench.paymentsCount', { count: w.payments.todayCount })}</Typography.Text>
        </Figure>
      </Col>
      <Col xs={24} sm={12} xl={8}>
        <Figure title={t('operator.workbench.visitors')} value={w.visitors.today} to={`/passes?kind=visitor&validOn=${today}`} icon={<IdcardOutlined />} color="#722ed1" testId="wb-visitors" />
      </Col>
      <Col xs={24} sm={12} xl={8}>
        <Figure title={t('operator.workbench.scans')} value={w.scans.today} to={`/passes?tab=scans&from=${today}`} icon={<ScanOutlined />} color="#d46b08" testId="wb-scans">
          <Typography.Text type="secondary">{t('operator.workbench.rejected', { count: w.scans.rejectedToday })}</Typography.Text>
        </Figure>
      </Col>
    </Row>
  );
}

/** The operator's day at a glance: each figure links to its list, filtered to what it counts. */
export function WorkbenchCards({ parkId }: { parkId?: string }) {
  const q = useWorkbench(parkId);
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  return <Cards w={q.data} />;
}
