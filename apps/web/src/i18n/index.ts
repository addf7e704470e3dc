import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Languages the UI speaks; zh-CN first. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'parkos.lang';

function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // localStorage can be unavailable (private mode); fall back to Chinese.
  }
  return 'zh-CN';
}

function applyDocumentLanguage(lang: Language): void {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
}

/** Starts i18next with the remembered language (zh-CN by default). */
export function initI18n(): typeof i18next {
  const lng = readStoredLanguage();
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(lng);
  return i18next;
}

/** Switches the UI language and remembers it. */
export async function changeLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but the switch still applies to this tab.
  }
  applyDocumentLanguage(lang);
  await i18next.changeLanguage(lang);
}

/** The current UI language. */
export function currentLanguage(lang: string | undefined): Language {
  return lang === 'en' ? 'en' : 'zh-CN';
}
