import i18next from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { i18nOptions } from '../i18n';
import { alarmText, fieldIssueText, metricName, traceText } from './coded-text';

beforeAll(async () => {
  await i18next.init(i18nOptions('zh-CN'));
});

const inBoth = async (fn: () => string) => {
  await i18next.changeLanguage('zh-CN');
  const zh = fn();
  await i18next.changeLanguage('en');
  const en = fn();
  await i18next.changeLanguage('zh-CN');
  return { zh, en };
};

describe('codes worded in zh-CN and English', () => {
  test('field issues: phone, length, date order', async () => {
    expect(await inBoth(() => fieldIssueText('phone', undefined))).toEqual({ zh: '不是有效的电话号码', en: 'Not a valid phone number' });
    expect(await inBoth(() => fieldIssueText('password_too_short', { minimum: 10 }))).toEqual({ zh: '密码至少 10 个字符', en: 'The password needs at least 10 characters' });
    expect(await inBoth(() => fieldIssueText('must_be_after', { other: 'validFrom' }))).toEqual({ zh: '必须晚于生效时间', en: 'Must be after valid from' });
    expect(await inBoth(() => fieldIssueText('too_short', { minimum: 3 }))).toEqual({ zh: '至少 3 个字符', en: 'At least 3 characters' });
  });

  test('alarms from code and values; old rows keep their text', async () => {
    const co2 = { message: 'co2 2691.13 > 1000', code: 'threshold', params: { metric: 'co2', value: 2691.13, operator: '>', threshold: 1000 } };
    expect(await inBoth(() => alarmText(co2))).toEqual({ zh: 'CO₂ 2691.13 ppm > 1000 ppm', en: 'CO₂ 2691.13 ppm > 1000 ppm' });
    const smoke = { message: 'smoke 1 >= 1', code: 'threshold', params: { metric: 'smoke', value: 1, operator: '>=', threshold: 1 } };
    expect(await inBoth(() => alarmText(smoke))).toEqual({ zh: '烟感：已触发', en: 'Smoke: triggered' });
    const rate = { message: '', code: 'rate_of_change', params: { metric: 'temperature', change: 31.93, seconds: 6.001, delta: 8, window: 300 } };
    expect((await inBoth(() => alarmText(rate))).zh).toBe('温度 在 6.001 秒内变化 31.93 °C（上限：每 300 秒 8 °C）');
    expect(alarmText({ message: '旧告警', code: null, params: null })).toBe('旧告警');
  });

  test('trace reasons and metric names', async () => {
    const reason = { code: 'out_of_scope_device_type', params: { deviceType: 'camera', ruleDeviceType: 'environment_sensor' } };
    const both = await inBoth(() => traceText(reason, 'fallback'));
    expect(both.zh).toMatch(/^未评估：设备类型为/);
    expect(both.en).toMatch(/^Not evaluated: device type/);
    expect(await inBoth(() => metricName('people_count'))).toEqual({ zh: '人数', en: 'People' });
  });
});
