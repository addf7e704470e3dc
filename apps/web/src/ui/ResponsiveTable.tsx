import type { Key, ReactNode } from 'react';
import { Card, Empty, Flex, List, Pagination, Spin, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useIsMobile } from './useIsMobile';

/**
 * What a card reads of a column. Deliberately loose: relating antd's generic column and row-key types to
 * each other made the type checker run out of memory, so the props are read through this shape.
 */
interface CardColumn {
  key?: Key;
  title?: unknown;
  dataIndex?: string | number | readonly (string | number)[];
  render?: (value: unknown, row: unknown, index: number) => unknown;
}

/** The value a column shows for a row: its render, else the field its dataIndex names. */
function cellOf(col: CardColumn, row: object, index: number): ReactNode {
  const path = col.dataIndex === undefined ? [] : Array.isArray(col.dataIndex) ? col.dataIndex : [col.dataIndex];
  const value = path.reduce<unknown>((v, k) => (v == null ? v : (v as Record<string | number, unknown>)[k]), row);
  if (col.render) return col.render(value, row, index) as ReactNode;
  return value == null ? '' : (value as ReactNode);
}

/**
 * A table on wide screens, a list of cards on phones (below 768 px): each row becomes a card with
 * the first column as its heading and the others as label–value lines, so nothing scrolls sideways.
 * Takes the same props as antd's Table (columns with `title` and `render` or `dataIndex`).
 */
export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const isMobile = useIsMobile();
  if (!isMobile) return <Table<T> {...props} />;
  const columns = (props.columns ?? []) as unknown as CardColumn[];
  const rows = (props.dataSource ?? []) as T[];
  const rowKey = props.rowKey as string | ((row: T, index?: number) => Key) | undefined;
  const keyOf = (row: T, i: number): Key => (typeof rowKey === 'function' ? rowKey(row, i) : ((row as Record<string, Key>)[rowKey ?? 'key'] ?? i));
  const [head, ...rest] = columns;
  const pagination = props.pagination === false ? null : props.pagination;
  const isLoading = typeof props.loading === 'object' ? Boolean(props.loading.spinning) : Boolean(props.loading);
  const empty = props.locale?.emptyText;
  return (
    // The table's test id stays on the cards, so a page reads the same rows at any width.
    <Spin spinning={isLoading}>
      <div data-testid={(props as { 'data-testid'?: string })['data-testid']}>
        {rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={typeof empty === 'function' ? empty() : empty} />
        ) : (
          <List<T>
            dataSource={rows}
            split={false}
            renderItem={(row, i) => (
              <List.Item key={keyOf(row, i)} style={{ padding: '0 0 8px' }} data-testid="responsive-row">
                <Card size="small" style={{ width: '100%' }}>
                  {head && <div style={{ fontWeight: 600, marginBottom: 6, wordBreak: 'break-word' }}>{cellOf(head, row, i)}</div>}
                  <Flex vertical gap={4}>
                    {rest.map((col, c) => {
                      const cell = cellOf(col, row, i);
                      if (cell === '' || cell === null || cell === undefined || cell === false) return null;
                      return (
                        <Flex key={String(col.key ?? c)} gap={8} align="baseline" style={{ minWidth: 0 }}>
                          {col.title ? (
                            <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12 }}>
                              {typeof col.title === 'function' ? null : (col.title as ReactNode)}
                            </Typography.Text>
                          ) : null}
                          <div style={{ minWidth: 0, flex: 1, wordBreak: 'break-word' }}>{cell}</div>
                        </Flex>
                      );
                    })}
                  </Flex>
                </Card>
              </List.Item>
            )}
          />
        )}
        {pagination && typeof pagination === 'object' && (pagination.total ?? 0) > (pagination.pageSize ?? 10) && (
          <Pagination
            size="small"
            simple
            current={pagination.current}
            pageSize={pagination.pageSize}
            total={pagination.total}
            onChange={(page, size) => pagination.onChange?.(page, size)}
            style={{ textAlign: 'center', marginTop: 8 }}
          />
        )}
      </div>
    </Spin>
  );
}
