import { Button, Flex, Typography } from 'antd';
import { WalletOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate, formatFen } from '../../../lib/format';
import { useBills } from '../../billing/hooks/useBilling';
import { CardState, HomeCard } from './HomeCard';

/** Bills I may pay that are still open: how many, the total in yuan, the nearest due date, and a way to pay. */
export function BillsHomeCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The server sorts open bills by due date and sums every matching bill, not just this page.
  const query = useBills({ status: 'open', payable: true, page: 1, pageSize: 1 });
  return (
    <HomeCard title={t('memberHome.bills.title')} icon={<WalletOutlined />} to="/bills" testId="home-bills">
      <CardState query={query} isEmpty={(d) => d.total === 0} empty={t('memberHome.bills.empty')}>
        {(d) => {
          const next = d.items[0];
          const isOverdue = next && dayjs(next.dueDate).endOf('day').isBefore(dayjs());
          return (
            <Flex vertical gap={8}>
              <Flex justify="space-between" align="baseline" wrap gap={8}>
                <Typography.Text data-testid="home-bills-count">{t('memberHome.bills.count', { count: d.total })}</Typography.Text>
                <Typography.Text strong style={{ fontSize: 24 }} data-testid="home-bills-total">
                  ¥{formatFen(d.totalFen)}
                </Typography.Text>
              </Flex>
              {next && (
                <Typography.Text type={isOverdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {t(isOverdue ? 'memberHome.bills.overdue' : 'memberHome.bills.nextDue', { date: formatDate(next.dueDate) })}
                </Typography.Text>
              )}
              <Button type="primary" block onClick={() => void navigate('/bills')} data-testid="home-bills-pay">
                {t('memberHome.bills.pay')}
              </Button>
            </Flex>
          );
        }}
      </CardState>
    </HomeCard>
  );
}
