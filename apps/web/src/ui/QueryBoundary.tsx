import type { ReactNode } from 'react';
import { Card, Skeleton } from 'antd';
import { ErrorState } from './ErrorState';

interface QueryLike<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface QueryBoundaryProps<T> {
  query: QueryLike<T>;
  /** Rows of the loading skeleton. */
  skeletonRows?: number;
  isCard?: boolean;
  children: (data: T) => ReactNode;
}

/** Shows a skeleton while loading, an error with retry on failure, else the children. */
export function QueryBoundary<T>({ query, skeletonRows = 6, isCard = true, children }: QueryBoundaryProps<T>) {
  if (query.isPending) {
    const skeleton = <Skeleton active paragraph={{ rows: skeletonRows }} />;
    return isCard ? <Card>{skeleton}</Card> : skeleton;
  }
  if (query.isError || query.data === undefined) {
    const state = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    return isCard ? <Card>{state}</Card> : state;
  }
  return <>{children(query.data)}</>;
}
