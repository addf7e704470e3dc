import { createInstance, type TFunction } from 'i18next';
import { NOTIFICATION_KINDS } from '@parkos/contracts';
import { beforeAll, describe, expect, test } from 'vitest';
import { en } from '../../../i18n/en';
import { zhCN } from '../../../i18n/zh-CN';
import { notificationText } from './notification-text';

let zh: TFunction;
let english: TFunction;

beforeAll(async () => {
  const make = async (lng: string) => {
    const i = createInstance();
    await i.init({
      lng,
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    });
    return i.t;
  };
  zh = await make('zh-CN');
  english = await make('en');
});

const base = { title: null, body: null };

describe('notification wording', () => {
  test('every kind the server sends has a sentence in both languages', () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(zhCN.notifications.kinds, kind).toHaveProperty([kind]);
      expect(en.notifications.kinds, kind).toHaveProperty([kind]);
    }
  });

  test('the same stored values read in Chinese and in English, codes translated', () => {
    const n = {
      ...base,
      kind: 'work_order.escalated',
      params: { number: 10234, deadline: 'response', title: '3 楼空调不制冷' },
    };
    expect(notificationText(n, zh, 'zh-CN')).toEqual({
      title: '工单 #10234 超时未响应',
      body: '3 楼空调不制冷',
    });
    expect(notificationText(n, english, 'en')).toEqual({
      title: 'Work order #10234 missed its response deadline',
      body: '3 楼空调不制冷',
    });
    const decided = {
      ...base,
      kind: 'approval.decided',
      params: { subject: '人才引进补贴 · 甲公司', status: 'returned' },
    };
    expect(notificationText(decided, zh, 'zh-CN').body).toBe('待修改');
    expect(notificationText(decided, english, 'en')).toEqual({
      title: 'Approval update: 人才引进补贴 · 甲公司',
      body: 'Returned for changes',
    });
  });

  test('a service is named in the reader’s language; the advisor notice depends on who reads it', () => {
    const s = {
      ...base,
      kind: 'service.request_completed',
      params: { serviceZh: '工商注册代办', serviceEn: 'Company registration' },
    };
    expect(notificationText(s, zh, 'zh-CN').body).toBe('工商注册代办');
    expect(notificationText(s, english, 'en').body).toBe('Company registration');
    const toApplicant = {
      ...base,
      kind: 'policy.advisor_assigned',
      params: { policy: '人才引进补贴', to: 'applicant' },
    };
    const toAdvisor = {
      ...base,
      kind: 'policy.advisor_assigned',
      params: { policy: '人才引进补贴', to: 'advisor' },
    };
    expect(notificationText(toApplicant, english, 'en').title).toBe('An advisor now guides your application');
    expect(notificationText(toAdvisor, english, 'en').title).toBe('Policy guidance assigned to you');
  });

  test('user-written names are shown as written, not escaped', () => {
    const n = {
      ...base,
      kind: 'event.reminder',
      params: {
        event: 'R&D <沙龙>',
        startsAt: '2026-12-08T06:00:00.000Z',
        location: 'A1 & B2',
      },
    };
    const text = notificationText(n, english, 'en');
    expect(text.title).toBe('Event reminder: R&D <沙龙>');
    expect(text.body).toMatch(/^2026-12-08 \d\d:00 · A1 & B2$/);
  });

  test('old notifications keep their stored sentence; an unknown kind still says something', () => {
    expect(
      notificationText(
        {
          kind: 'approval.reminder',
          params: {},
          title: '催办 / Approval reminder: x',
          body: null,
        },
        english,
        'en',
      ),
    ).toEqual({ title: '催办 / Approval reminder: x', body: null });
    expect(notificationText({ ...base, kind: 'future.kind', params: { a: 1 } }, english, 'en')).toEqual({ title: 'Notification (future.kind)', body: null });
  });
});
