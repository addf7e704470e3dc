import { useTranslation } from 'react-i18next';

/** Logo mark and product name. */
export function Brand({ isCollapsed = false, isDark = true }: { isCollapsed?: boolean; isDark?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`brand${isDark ? ' brand--dark' : ''}`}>
      <span className="brand__mark">P</span>
      {!isCollapsed && (
        <span className="brand__text">
          <strong>ParkOS</strong>
          <small>{t('app.tagline')}</small>
        </span>
      )}
    </div>
  );
}
