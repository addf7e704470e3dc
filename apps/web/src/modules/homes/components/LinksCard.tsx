import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

/** A link of a home card: a real page of the app. */
export interface HomeLink {
  to: string;
  label: string;
  icon?: ReactNode;
}

/** A home card: what the role can do here, and links to the pages that do it. */
export function LinksCard({ title, text, links = [], testId }: { title: string; text: string; links?: HomeLink[]; testId: string }) {
  return (
    <Card title={title} size="small" data-testid={testId} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>
      <Flex vertical gap={4}>
        {links.map((l) => (
          <Link key={l.to} to={l.to} className="home-link" data-testid="home-link">
            <Flex justify="space-between" align="center" style={{ padding: '10px 4px', borderTop: '1px solid #f0f0f0' }}>
              <span>
                {l.icon} {l.label}
              </span>
              <RightOutlined style={{ color: '#999' }} />
            </Flex>
          </Link>
        ))}
      </Flex>
    </Card>
  );
}
