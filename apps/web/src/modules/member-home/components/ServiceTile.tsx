import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useNavigate } from 'react-router';

/** One thing a member can do: icon, name, a short hint; opens its page. */
export function ServiceTile({ icon, title, hint, to, testId }: { icon: ReactNode; title: string; hint: string; to: string; testId: string }) {
  const navigate = useNavigate();
  return (
    <button type="button" className="service-tile" onClick={() => void navigate(to)} data-testid={testId}>
      <span className="service-tile__icon">{icon}</span>
      <Typography.Text strong className="service-tile__title">
        {title}
      </Typography.Text>
      <Typography.Text type="secondary" className="service-tile__hint">
        {hint}
      </Typography.Text>
    </button>
  );
}
