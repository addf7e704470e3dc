import i18next, { type InitOptions } from 'i18next';
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

/** Where keys that had no text (or named a section, not a text) are listed, for tests to read. */
export const MISSING_KEYS_GLOBAL = '__parkosMissingI18nKeys';
const MAX_RECORDED = 200;

/** Notes a key t() could not turn into text; a browser test reads the list from `window`. */
export function recordMissingKey(key: string, lng: string): void {
  const store = globalThis as unknown as Record<string, string[] | undefined>;
  const list = (store[MISSING_KEYS_GLOBAL] ??= []);
  const entry = `${lng}:${key}`;
  if (list.includes(entry) || list.length >= MAX_RECORDED) return;
  list.push(entry);
  if (import.meta.env?.DEV) console.warn(`[i18n] missing key ${entry}`);
}

/** i18next options shared by the app and its tests: a missing key (or one naming an object) is recorded, never silent. */
export function i18nOptions(lng: Language): InitOptions {
  return {
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
    // saveMissing only routes misses to the handler; nothing is sent anywhere.
    saveMissing: true,
    saveMissingTo: 'current',
    missingKeyHandler: (lngs, _ns, key) => recordMissingKey(key, lngs[0] ?? lng),
    returnedObjectHandler: (key) => {
      recordMissingKey(key, i18next.language ?? lng);
      return key;
    },
  };
}

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
  // Present (empty) from the start, so a test can tell "no misses" from "not recording".
  (globalThis as unknown as Record<string, string[] | undefined>)[MISSING_KEYS_GLOBAL] ??= [];
  void i18next.use(initReactI18next).init(i18nOptions(lng));
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
