import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '../../../i18n';

/** Header button switching between 简体中文 and English (remembered). */
export function LanguageSwitch({ isCompact = false }: { isCompact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: LANGUAGES.map((l) => ({ key: l, label: <span data-testid={`lang-option-${l}`}>{t(`lang.${l}`)}</span> })),
        onClick: ({ key }) => void changeLanguage(key as Language),
      }}
    >
      {/* The name says what the button is for and, like the visible text, the current language. */}
      <Button type="text" icon={<GlobalOutlined />} data-testid="lang-switch" aria-label={t('lang.switch', { lang: t(`lang.${lang}`) })}>
        {isCompact ? t(`lang.short.${lang}`) : t(`lang.${lang}`)}
      </Button>
    </Dropdown>
  );
}
