import i18next from 'i18next';
import { beforeEach, describe, expect, test } from 'vitest';
import { MISSING_KEYS_GLOBAL, i18nOptions } from './index';

const recorded = () => (globalThis as unknown as Record<string, string[] | undefined>)[MISSING_KEYS_GLOBAL] ?? [];

describe('missing i18n keys are recorded', () => {
  beforeEach(() => {
    delete (globalThis as unknown as Record<string, unknown>)[MISSING_KEYS_GLOBAL];
  });

  test('a key with no text in any language is recorded with the language', async () => {
    const i18n = i18next.createInstance();
    await i18n.init(i18nOptions('en'));
    expect(i18n.t('common.save')).toBe('Save');
    expect(recorded()).toEqual([]);
    i18n.t('alarms.noSuchTitle');
    expect(recorded()).toEqual(['en:alarms.noSuchTitle']);
  });

  test('an enum value without a translation is recorded even when a default hides it', async () => {
    const i18n = i18next.createInstance();
    await i18n.init(i18nOptions('zh-CN'));
    expect(i18n.t('deviceTypes.teleporter', { defaultValue: 'teleporter' })).toBe('teleporter');
    expect(recorded()).toEqual(['zh-CN:deviceTypes.teleporter']);
  });

  test('a key naming a section instead of a text is recorded, and each miss only once', async () => {
    const i18n = i18next.createInstance();
    await i18n.init(i18nOptions('en'));
    i18n.t('ioc.severity');
    i18n.t('ioc.severity');
    expect(recorded()).toEqual([expect.stringContaining('ioc.severity')]);
  });
});
