import type { DispatchDecision } from './workorders.schema';

/** Who dispatched an order, when and how: what every viewer of the order may see. */
export interface DispatchState {
  /** automatic: smart dispatch sent it; manual: an operator dispatched or re-dispatched it by hand; triage: waiting for an operator; pending: not dispatched yet. */
  mode: 'automatic' | 'manual' | 'triage' | 'pending';
  teamName: string | null;
  at: Date | null;
  /** The operator who dispatched by hand (null when automatic). */
  byName: string | null;
}

interface EventLike {
  kind: string;
  at: Date;
  actorName: string;
  details: Record<string, unknown> | null;
}

/** The latest dispatch of an order, so the panel follows a manual re-dispatch instead of repeating the model's first decision. */
export function dispatchStateOf(order: { needsTriage: boolean; teamName: string | null }, events: readonly EventLike[]): DispatchState {
  const last = [...events].reverse().find((e) => e.kind === 'dispatched');
  if (!last) return { mode: order.needsTriage ? 'triage' : 'pending', teamName: null, at: null, byName: null };
  const isAutomatic = last.details?.automatic === true;
  return { mode: isAutomatic ? 'automatic' : 'manual', teamName: order.teamName, at: last.at, byName: isAutomatic ? null : last.actorName };
}

/**
 * The decision as operators read it: only whole words (`w:` features) that occur in the request's
 * own title or description, so character n-grams (间水), bias codes and the team model's
 * helper tokens (`category plumbing`, `device …`) never reach a person. Features come back
 * without their prefix.
 */
export function readableDecision(decision: DispatchDecision, request: { title: string; description: string }): DispatchDecision {
  const text = `${request.title}\n${request.description}`.normalize('NFKC').toLowerCase();
  const words = (features: DispatchDecision['categoryFeatures']) => {
    const seen = new Set<string>();
    return features
      .filter((f) => f.feature.startsWith('w:'))
      .map((f) => ({ feature: f.feature.slice(2), weight: f.weight }))
      .filter((f) => f.feature.length > 0 && text.includes(f.feature.toLowerCase()) && !seen.has(f.feature) && Boolean(seen.add(f.feature)));
  };
  return { ...decision, categoryFeatures: words(decision.categoryFeatures), teamFeatures: words(decision.teamFeatures) };
}
