import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { textOf, useDocumentTitle } from './useDocumentTitle';

/** One step of the breadcrumb trail; the last one has no link. */
export interface Crumb {
  title: ReactNode;
  to?: string;
}

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  crumbs?: Crumb[];
  extra?: ReactNode;
  /** The browser tab's title when `title` is not plain text; by default the text of `title`. */
  documentTitle?: string;
}

/** Title (the page's one <h1>, also the browser tab's title), breadcrumbs and page actions at the top of every page. */
export function PageHeader({ title, subtitle, crumbs, extra, documentTitle }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? textOf(title));
  return (
    <div className="page-header">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb
          className="page-header__crumbs"
          items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24, lineHeight: 1.35 }} data-testid="page-title">
            {title}
          </Typography.Title>
          {subtitle && <Typography.Text type="secondary" data-testid="page-subtitle">{subtitle}</Typography.Text>}
        </div>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
    </div>
  );
}
