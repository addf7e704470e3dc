import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** How long each panel of the carousel stays on screen. */
const SLIDE_MS = 12_000;

/**
 * Panels that take turns in one place of the wall (energy, security, parking,
 * crowd), each for a few seconds; dots show which and let an operator pick one.
 * Pauses while the pointer is over it.
 */
export function IocCarousel({ slides, className }: { slides: { key: string; node: ReactNode }[]; className?: string }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const [isPaused, setIsPaused] = useState(false);
  useEffect(() => {
    if (isPaused || slides.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % slides.length), SLIDE_MS);
    return () => clearInterval(timer);
  }, [isPaused, slides.length]);
  const current = slides[index % slides.length];
  return (
    <div className={`ioc-carousel${className ? ` ${className}` : ''}`} data-testid="ioc-carousel" data-slide={current?.key} onMouseEnter={() => setIsPaused(true)} onMouseLeave={() => setIsPaused(false)}>
      {/* Every panel stays mounted (its chart and figures stay current); only the current one shows. */}
      {slides.map((s) => (
        <div key={s.key} className={`ioc-carousel-slide${s.key === current?.key ? ' is-current' : ''}`} aria-hidden={s.key !== current?.key}>
          {s.node}
        </div>
      ))}
      <div className="ioc-carousel-dots">
        {slides.map((s, i) => (
          <button key={s.key} type="button" className={i === index % slides.length ? 'is-current' : ''} onClick={() => setIndex(i)} aria-label={t('iocWall.slide', { n: i + 1 })} data-testid={`ioc-slide-${s.key}`} />
        ))}
      </div>
    </div>
  );
}
