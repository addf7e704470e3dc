import { expect, test } from 'vitest';
import { maskEmail, maskIdNumber, maskPersonalData, maskPhone } from './mask';

test('phone numbers keep the first three and last four digits', () => {
  expect(maskPhone('13812345678')).toBe('138****5678');
});

test('resident ID numbers are masked as in DOMAIN.md', () => {
  expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
});

test('emails keep the first letter and the domain', () => {
  expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
});

test('audit payloads lose secrets and mask personal fields at any depth', () => {
  const masked = maskPersonalData({ passwordHash: 'h', user: { phone: '13812345678', name: '张三' }, list: [{ idNumber: '110101199003071234' }] });
  expect(masked).toEqual({ user: { phone: '138****5678', name: '张三' }, list: [{ idNumber: '110***********1234' }] });
});
