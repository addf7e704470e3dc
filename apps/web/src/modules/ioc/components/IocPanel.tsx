import type { ReactNode } from 'react';

/** One tile of the big screen: a title bar and its content, dark. */
export function IocPanel({ title, extra, children, testId, span = 1, className }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string; span?: 1 | 2; className?: string }) {
  return (
    <section className={`ioc-panel${span === 2 ? ' ioc-panel-wide' : ''}${className ? ` ${className}` : ''}`} data-testid={testId}>
      <header className="ioc-panel-title">
        <span>{title}</span>
        {extra}
      </header>
      <div className="ioc-panel-body">{children}</div>
    </section>
  );
}
