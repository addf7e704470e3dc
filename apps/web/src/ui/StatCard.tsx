import type { ReactNode } from 'react';
import { Card, Flex, Statistic } from 'antd';

interface StatCardProps {
  title: ReactNode;
  value: number | string;
  suffix?: ReactNode;
  icon?: ReactNode;
  color?: string;
  testId?: string;
}

/** One key figure with an icon. */
export function StatCard({ title, value, suffix, icon, color = '#1554d1', testId }: StatCardProps) {
  return (
    <Card className="stat-card" data-testid={testId}>
      <Flex align="center" gap={16}>
        {icon && (
          <div className="stat-card__icon" style={{ color, background: `${color}14` }}>
            {icon}
          </div>
        )}
        <Statistic title={title} value={value} suffix={suffix} />
      </Flex>
    </Card>
  );
}
