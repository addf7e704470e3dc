import type { ApproverSpec, ConditionOp, Scalar, StepDefinition } from '../api/approvals.api';

/** How the flow editor shows an approver: a person, the park's operators, the applicant's enterprise admins, or another role kept as it was. */
export type ApproverKind = 'user' | 'park_operators' | 'enterprise_admin' | 'role';

export interface ApproverField {
  kind: ApproverKind;
  userId?: string;
  /** A role spec the editor does not offer (e.g. a property company's staff), kept unchanged. */
  spec?: ApproverSpec;
}

export type EscalationChoice = 'none' | 'notify' | 'reassign';

/** One step as the editor's form holds it (no JSON for the operator to write). */
export interface StepField {
  nameZh: string;
  nameEn: string;
  mode: 'all' | 'any';
  approvers: ApproverField[];
  hasCondition: boolean;
  conditionField?: string;
  conditionOp?: ConditionOp;
  conditionValue?: string;
  dueHours?: number | null;
  escalation: EscalationChoice;
}

const PARK_OPERATORS = { role: 'operator', scopeType: 'park', scopeId: null } as const;

function isParkOperators(spec: { role: string; scopeType: string; scopeId: string | null }): boolean {
  return spec.role === 'operator' && spec.scopeType === 'park' && spec.scopeId === null;
}

function scalarOf(text: string, isNumeric: boolean): Scalar {
  const trimmed = text.trim();
  if (isNumeric || /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return trimmed;
}

/** The form values of a flow's steps. */
export function toStepFields(steps: StepDefinition[]): StepField[] {
  return steps.map((s) => ({
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    mode: s.mode,
    approvers: s.approvers.map((a): ApproverField => {
      if (a.kind === 'user') return { kind: 'user', userId: a.userId };
      if (a.kind === 'enterprise_admin') return { kind: 'enterprise_admin' };
      return isParkOperators(a) ? { kind: 'park_operators' } : { kind: 'role', spec: a };
    }),
    hasCondition: s.condition !== null,
    conditionField: s.condition?.field,
    conditionOp: s.condition?.op,
    conditionValue: s.condition ? (Array.isArray(s.condition.value) ? s.condition.value.join(', ') : String(s.condition.value)) : undefined,
    dueHours: s.dueHours,
    escalation: !s.escalation?.to ? 'none' : s.escalation.reassign ? 'reassign' : 'notify',
  }));
}

/** The step definitions the API takes, from the editor's form values. */
export function fromStepFields(fields: StepField[]): StepDefinition[] {
  return fields.map((f) => {
    const op = f.conditionOp ?? 'eq';
    const isNumeric = ['gt', 'gte', 'lt', 'lte'].includes(op);
    const raw = f.conditionValue ?? '';
    const value = op === 'in' ? raw.split(/[,，、]/).filter((v) => v.trim()).map((v) => scalarOf(v, false)) : scalarOf(raw, isNumeric);
    return {
      nameZh: f.nameZh,
      nameEn: f.nameEn,
      mode: f.mode,
      approvers: (f.approvers ?? []).map((a): ApproverSpec => {
        if (a.kind === 'user') return { kind: 'user', userId: a.userId ?? '' };
        if (a.kind === 'enterprise_admin') return { kind: 'enterprise_admin' };
        if (a.kind === 'role' && a.spec) return a.spec;
        return { kind: 'role', ...PARK_OPERATORS };
      }),
      condition: f.hasCondition ? { field: (f.conditionField ?? '').trim(), op, value } : null,
      dueHours: f.dueHours ?? null,
      escalation: f.escalation === 'none' ? null : { to: { ...PARK_OPERATORS }, reassign: f.escalation === 'reassign' },
    };
  });
}

/** An empty step for the "add step" button. */
export function newStepField(): StepField {
  return { nameZh: '', nameEn: '', mode: 'any', approvers: [{ kind: 'park_operators' }], hasCondition: false, escalation: 'none', dueHours: null };
}
