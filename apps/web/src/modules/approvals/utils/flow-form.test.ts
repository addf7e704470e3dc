import { describe, expect, test } from 'vitest';
import type { StepDefinition } from '../api/approvals.api';
import { fromStepFields, toStepFields, type StepField } from './flow-form';

const steps: StepDefinition[] = [
  { nameZh: '初审', nameEn: 'Check', mode: 'any', approvers: [{ kind: 'role', role: 'property', scopeType: 'property_company', scopeId: 'pc-1' }, { kind: 'user', userId: 'u1' }], condition: null, dueHours: 24, escalation: { to: { role: 'operator', scopeType: 'park', scopeId: null }, reassign: false } },
  { nameZh: '会签', nameEn: 'Countersign', mode: 'all', approvers: [{ kind: 'role', role: 'operator', scopeType: 'park', scopeId: null }, { kind: 'enterprise_admin' }], condition: { field: 'amountFen', op: 'gt', value: 5000000 }, dueHours: null, escalation: null },
  { nameZh: '类别', nameEn: 'Kind', mode: 'any', approvers: [{ kind: 'enterprise_admin' }], condition: { field: 'kind', op: 'in', value: ['a', 'b'] }, dueHours: null, escalation: { to: { role: 'operator', scopeType: 'park', scopeId: null }, reassign: true } },
];

describe('flow editor form', () => {
  test('steps survive the round trip through the form unchanged', () => {
    expect(fromStepFields(toStepFields(steps))).toEqual(steps);
  });

  test.each<[Partial<StepField>, unknown]>([
    [{ conditionOp: 'gte', conditionValue: '100' }, 100],
    [{ conditionOp: 'eq', conditionValue: 'yes' }, 'yes'],
    [{ conditionOp: 'eq', conditionValue: '12' }, 12],
    [{ conditionOp: 'ne', conditionValue: 'true' }, true],
    [{ conditionOp: 'in', conditionValue: '软件, 集成电路，3' }, ['软件', '集成电路', 3]],
  ])('the condition value typed as %j becomes %j', (field, value) => {
    const [step] = fromStepFields([{ nameZh: '步', nameEn: 'S', mode: 'any', approvers: [{ kind: 'park_operators' }], hasCondition: true, conditionField: 'x', escalation: 'none', ...field }]);
    expect(step.condition?.value).toEqual(value);
  });
});
