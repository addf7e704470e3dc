/**
 * Policy eligibility (申报条件) from an enterprise's profile, as codes with parameters: the web
 * app words each reason. Pure, so it is table-tested.
 *
 * The enterprise profile has no founding date; "enterprise age" is the whole years since the
 * enterprise moved into the park (`movedInAt`). An enterprise without a move-in date fails an
 * age criterion with `age_unknown`.
 */
export type IneligibleReason =
  | { code: 'policy_not_open'; params: { status: string } }
  | { code: 'deadline_passed'; params: { deadline: string } }
  | { code: 'enterprise_inactive'; params: { status: string } }
  | { code: 'industry'; params: { industry: string; allowed: string[] } }
  | { code: 'size'; params: { size: string; allowed: string[] } }
  | { code: 'age_unknown'; params: Record<string, never> }
  | { code: 'age_below_min'; params: { years: number; min: number } }
  | { code: 'age_above_max'; params: { years: number; max: number } };

export const INELIGIBLE_REASON_CODES = ['policy_not_open', 'deadline_passed', 'enterprise_inactive', 'industry', 'size', 'age_unknown', 'age_below_min', 'age_above_max'] as const;

export interface EligibilityPolicy {
  status: string;
  deadline: Date;
  industries: readonly string[];
  sizes: readonly string[];
  minAgeYears: number | null;
  maxAgeYears: number | null;
}

export interface EligibilityEnterprise {
  industry: string;
  size: string;
  status: string;
  /** `YYYY-MM-DD` or null. */
  movedInAt: string | null;
}

export interface Eligibility {
  isEligible: boolean;
  /** Whole years in the park, null when unknown. */
  ageYears: number | null;
  reasons: IneligibleReason[];
}

/** Whole years from `from` (YYYY-MM-DD) to `now` (UTC date). */
export function wholeYearsSince(from: string, now: Date): number {
  const [y, m, d] = from.split('-').map(Number);
  let years = now.getUTCFullYear() - y;
  const month = now.getUTCMonth() + 1;
  if (month < m || (month === m && now.getUTCDate() < d)) years--;
  return Math.max(0, years);
}

/** Whether the enterprise may apply now, and every reason why not. */
export function evaluateEligibility(policy: EligibilityPolicy, enterprise: EligibilityEnterprise, now: Date): Eligibility {
  const reasons: IneligibleReason[] = [];
  if (policy.status !== 'published') reasons.push({ code: 'policy_not_open', params: { status: policy.status } });
  if (now.getTime() > policy.deadline.getTime()) reasons.push({ code: 'deadline_passed', params: { deadline: policy.deadline.toISOString() } });
  if (enterprise.status !== 'active') reasons.push({ code: 'enterprise_inactive', params: { status: enterprise.status } });
  if (policy.industries.length && !policy.industries.includes(enterprise.industry)) reasons.push({ code: 'industry', params: { industry: enterprise.industry, allowed: [...policy.industries] } });
  if (policy.sizes.length && !policy.sizes.includes(enterprise.size)) reasons.push({ code: 'size', params: { size: enterprise.size, allowed: [...policy.sizes] } });
  const ageYears = enterprise.movedInAt ? wholeYearsSince(enterprise.movedInAt, now) : null;
  if (policy.minAgeYears !== null || policy.maxAgeYears !== null) {
    if (ageYears === null) reasons.push({ code: 'age_unknown', params: {} });
    else {
      if (policy.minAgeYears !== null && ageYears < policy.minAgeYears) reasons.push({ code: 'age_below_min', params: { years: ageYears, min: policy.minAgeYears } });
      if (policy.maxAgeYears !== null && ageYears > policy.maxAgeYears) reasons.push({ code: 'age_above_max', params: { years: ageYears, max: policy.maxAgeYears } });
    }
  }
  return { isEligible: reasons.length === 0, ageYears, reasons };
}
