import type { EvalExplanation, EvalExplanationItem, EvalIndicator, EvalScoreNode, EvalSeverity } from '@parkos/contracts';

/** A deduction finding (inspection or spot check), as the input modules return it. */
export interface EvalDeduction {
  source: 'inspection' | 'spot_check';
  findingId: string;
  districtId: string;
  propertyCompanyId: string;
  severity: EvalSeverity;
  points: number;
  occurredAt: Date;
  label: string;
}

/** One rating answer of a satisfaction survey. */
export interface EvalSurveyRating {
  surveyId: string;
  responseId: string;
  districtId: string;
  enterpriseId: string;
  questionId: string;
  value: number;
  scaleMax: number;
  answeredAt: Date;
}

/** One invited staff member of one training session. */
export interface EvalTrainingRecord {
  propertyCompanyId: string;
  sessionId: string;
  staffKey: string;
  attended: boolean;
  examined: boolean;
  passed: boolean;
  hours: number;
  heldAt: Date;
}

/** A work order of the district created in the period, reduced to what the SLA, reopen and rating leaves need. */
export interface EvalOrder {
  id: string;
  number: number;
  /** Accepted by the response deadline; null: not yet due and not accepted (not counted). */
  responseWithin: boolean | null;
  /** Resolved by the resolution deadline; null: not yet due and not resolved (not counted). */
  resolutionWithin: boolean | null;
  reopened: boolean;
  /** Requester rating 1–5, if rated. */
  rating: number | null;
}

/** An alarm raised in the district in the period; `within` null: not yet due (not counted), or a severity with no deadline. */
export interface EvalAlarm {
  id: string;
  severity: string;
  message: string;
  within: boolean | null;
}

/** Everything one district's score is computed from. */
export interface DistrictInputs {
  districtId: string;
  districtName: string;
  companyId: string | null;
  companyName: string | null;
  orders: EvalOrder[];
  alarms: EvalAlarm[];
  /** Null: no inspections provider. */
  punctuality: { due: number; onTime: number } | null;
  deductions: EvalDeduction[];
  ratings: EvalSurveyRating[];
  /** The training records of the district's contracted company. */
  training: EvalTrainingRecord[];
  /** Manual scores by indicator key (the district's own entry, else its company's). */
  manual: Record<string, { score: number; note: string }>;
}

export interface SubjectScore {
  subjectId: string;
  name: string;
  companyId: string | null;
  total: number;
  tree: EvalScoreNode[];
}

const share = (part: number, whole: number) => (whole ? (part / whole) * 100 : 100);
const explain = (kind: EvalExplanation['kind'], noData: boolean, figures: Record<string, number>, items: EvalExplanationItem[] = [], note?: string | null): EvalExplanation => ({ kind, noData, figures, items, ...(note !== undefined ? { note } : {}) });

/** One leaf's score and explanation from the district's inputs, by the default scoring rules. */
export function scoreLeaf(ind: EvalIndicator, d: DistrictInputs): { score: number; explanation: EvalExplanation } {
  const src = ind.source!;
  switch (src.kind) {
    case 'sla_response':
    case 'sla_resolution': {
      const field = src.kind === 'sla_response' ? 'responseWithin' : 'resolutionWithin';
      const counted = d.orders.filter((o) => o[field] !== null);
      const within = counted.filter((o) => o[field]).length;
      const items = counted.map((o) => ({ type: 'order' as const, id: o.id, label: String(o.number), ok: o[field]! }));
      return { score: share(within, counted.length), explanation: explain(src.kind, !counted.length, { within, total: counted.length }, items) };
    }
    case 'reopen_rate': {
      const reopened = d.orders.filter((o) => o.reopened);
      const total = d.orders.length;
      const score = total ? 100 - (reopened.length / total) * 100 : 100;
      return { score, explanation: explain(src.kind, !total, { reopened: reopened.length, total }, reopened.map((o) => ({ type: 'order' as const, id: o.id, label: String(o.number), ok: false }))) };
    }
    case 'rating': {
      const rated = d.orders.filter((o) => o.rating !== null);
      const sum = rated.reduce((s, o) => s + o.rating!, 0);
      const mean = rated.length ? sum / rated.length : 0;
      return { score: rated.length ? (mean / 5) * 100 : 100, explanation: explain(src.kind, !rated.length, { n: rated.length, mean }, rated.map((o) => ({ type: 'order' as const, id: o.id, label: String(o.number), value: o.rating! }))) };
    }
    case 'alarm_ack': {
      const counted = d.alarms.filter((a) => a.within !== null);
      const within = counted.filter((a) => a.within).length;
      return {
        score: share(within, counted.length),
        explanation: explain(src.kind, !counted.length, { within, total: counted.length }, counted.map((a) => ({ type: 'alarm' as const, id: a.id, label: a.message, ok: a.within!, severity: a.severity }))),
      };
    }
    case 'inspection_punctuality': {
      const p = d.punctuality;
      if (!p || !p.due) return { score: 100, explanation: explain(src.kind, true, { onTime: p?.onTime ?? 0, due: p?.due ?? 0 }) };
      return { score: share(p.onTime, p.due), explanation: explain(src.kind, false, { onTime: p.onTime, due: p.due }) };
    }
    case 'deductions': {
      const sources = src.deductionSources ?? ['inspection', 'spot_check'];
      const severities = src.severities ?? ['minor', 'major', 'critical'];
      const found = d.deductions.filter((f) => sources.includes(f.source) && severities.includes(f.severity));
      const points = found.reduce((s, f) => s + f.points, 0);
      const items = found.map((f) => ({ type: 'finding' as const, id: f.findingId, label: f.label, points: f.points, severity: f.severity, source: f.source, at: f.occurredAt.toISOString() }));
      // No findings is a clean record, not missing data: 100 either way.
      return { score: Math.max(0, 100 - points), explanation: explain(src.kind, false, { findings: found.length, points }, items) };
    }
    case 'survey': {
      const n = d.ratings.length;
      const mean = n ? d.ratings.reduce((s, r) => s + r.value / r.scaleMax, 0) / n : 0;
      const responses = new Set(d.ratings.map((r) => r.responseId)).size;
      return { score: n ? mean * 100 : 100, explanation: explain(src.kind, !n, { n, responses, mean }) };
    }
    case 'training': {
      const invited = d.training.length;
      const attended = d.training.filter((r) => r.attended).length;
      const examined = d.training.filter((r) => r.examined).length;
      const passed = d.training.filter((r) => r.passed).length;
      const hours = d.training.reduce((s, r) => s + (r.attended ? r.hours : 0), 0);
      const sessions = new Set(d.training.map((r) => r.sessionId)).size;
      if (!invited) return { score: 100, explanation: explain(src.kind, true, { invited, attended, examined, passed, hours, sessions }) };
      // No exam held: the pass half counts as full, as a leaf without data does.
      const score = 50 * (attended / invited) + 50 * (examined ? passed / examined : 1);
      return { score, explanation: explain(src.kind, false, { invited, attended, examined, passed, hours, sessions }) };
    }
    case 'manual': {
      const m = d.manual[ind.key];
      if (!m) return { score: 100, explanation: explain(src.kind, true, {}, [], null) };
      return { score: m.score, explanation: explain(src.kind, false, { score: m.score }, [], m.note) };
    }
  }
}

/** Weighted mean of the children's scores (weights are percent and sum to 100). */
const weighted = (nodes: EvalScoreNode[]) => nodes.reduce((s, n) => s + (n.score * n.weight) / 100, 0);

function scoreNodes(indicators: readonly EvalIndicator[], d: DistrictInputs): EvalScoreNode[] {
  return indicators.map((ind) => {
    if (ind.children?.length) {
      const children = scoreNodes(ind.children, d);
      return { key: ind.key, name: ind.name, weight: ind.weight, score: weighted(children), children };
    }
    const { score, explanation } = scoreLeaf(ind, d);
    return { key: ind.key, name: ind.name, weight: ind.weight, score, explanation };
  });
}

/** A district's score tree and total over its own data (training from its contracted company). */
export function scoreDistrict(indicators: readonly EvalIndicator[], d: DistrictInputs): SubjectScore {
  const tree = scoreNodes(indicators, d);
  return { subjectId: d.districtId, name: d.districtName, companyId: d.companyId, total: weighted(tree), tree };
}

/** A company's tree: each leaf the mean of its districts' leaf scores, parents weighted from those. */
function meanTree(indicators: readonly EvalIndicator[], districts: SubjectScore[], path: number[] = []): EvalScoreNode[] {
  return indicators.map((ind, i) => {
    const here = [...path, i];
    const nodeOf = (s: SubjectScore) => here.reduce<EvalScoreNode | undefined>((n, k, depth) => (depth === 0 ? s.tree[k] : n?.children?.[k]), undefined)!;
    if (ind.children?.length) {
      const children = meanTree(ind.children, districts, here);
      return { key: ind.key, name: ind.name, weight: ind.weight, score: weighted(children), children };
    }
    const parts = districts.map((s) => ({ districtId: s.subjectId, name: s.name, score: nodeOf(s).score }));
    const score = parts.reduce((s, p) => s + p.score, 0) / parts.length;
    const first = nodeOf(districts[0]).explanation!;
    const explanation: EvalExplanation = { kind: first.kind, noData: districts.every((s) => nodeOf(s).explanation!.noData), figures: {}, items: [], districts: parts };
    return { key: ind.key, name: ind.name, weight: ind.weight, score, explanation };
  });
}

/**
 * The scoring engine: per-district score trees from each district's inputs, and per-company trees as the mean of
 * the company's districts per indicator. Pure; scores are exact (rounded only for display).
 */
export function computeScores(indicators: readonly EvalIndicator[], inputs: readonly DistrictInputs[]): { districts: SubjectScore[]; companies: SubjectScore[] } {
  const districts = inputs.map((d) => scoreDistrict(indicators, d));
  const byCompany = new Map<string, { name: string; list: SubjectScore[] }>();
  inputs.forEach((d, i) => {
    if (!d.companyId) return;
    const entry = byCompany.get(d.companyId) ?? { name: d.companyName ?? '', list: [] };
    entry.list.push(districts[i]);
    byCompany.set(d.companyId, entry);
  });
  const companies = [...byCompany].map(([companyId, { name, list }]) => {
    const tree = meanTree(indicators, list);
    return { subjectId: companyId, name, companyId, total: weighted(tree), tree };
  });
  return { districts, companies };
}

/** Ranks by total, highest first; equal totals (to 1e-9) share a rank. */
export function rankByTotal<T extends { total: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || Math.abs(sorted[i - 1].total - r.total) > 1e-9) rank = i + 1;
    return { ...r, rank };
  });
}
