import type { ReactNode } from 'react';
import { Typography } from 'antd';
import type { ColumnType, TablePaginationConfig } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../lib/api-client';

/** Pagination of a table whose pages come from the server: page size choices and the total. */
export function useServerPagination<T>(data: Page<T> | undefined, defaultPageSize: number, onPageChange: (page: number, pageSize: number) => void): TablePaginationConfig {
  const { t } = useTranslation();
  return {
    current: data?.page ?? 1,
    pageSize: data?.pageSize ?? defaultPageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: (n) => t('common.total', { count: n }),
    onChange: onPageChange,
  };
}

/** A column showing the row's building by name; '—' without a building or when the name is unknown. */
export function buildingColumn<T extends { buildingId: string | null }>(title: string, buildingNames: Map<string, string>, width: number): ColumnType<T> {
  return { title, dataIndex: 'buildingId', width, ellipsis: true, render: (v: string | null) => (v ? (buildingNames.get(v) ?? '—') : '—') };
}

/** Renders a code in code style as a link to `href(row)`; '—' when there is nothing to link to. */
export function codeLink<T>(href: (row: T) => string | null, testId?: (row: T) => string) {
  return (code: string | null, row: T): ReactNode => {
    const to = href(row);
    return to ? (
      <Link to={to} data-testid={testId?.(row)}>
        <Typography.Text code>{code}</Typography.Text>
      </Link>
    ) : (
      '—'
    );
  };
}
