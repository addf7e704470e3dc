import { isValidElement, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The plain text of a title that may be JSX (e.g. `<span>{name}</span>`). */
export function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map((n: ReactNode) => textOf(n)).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

/** Sets the browser tab's title to "<page> - ParkOS" in the UI language (the product name alone when the page has none). */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const trimmed = title?.trim();
  useEffect(() => {
    document.title = trimmed ? `${trimmed} - ${t('app.name')}` : `${t('app.name')} ${t('app.tagline')}`;
  }, [trimmed, t]);
}
