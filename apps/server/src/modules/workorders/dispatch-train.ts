import { predict, serialize, train, type LabelledText, type SerializedModel } from './classifier/classifier';
import type { DispatchTarget } from './workorders.table';

/** One closed work order as training data. */
export interface DispatchExample {
  title: string;
  description: string;
  category: string;
  teamId: string | null;
  deviceType: string | null;
}

/** A model trained for one target, with its accuracy on the held-back share. */
export interface TrainedDispatchModel {
  target: DispatchTarget;
  model: SerializedModel;
  accuracy: number;
  exampleCount: number;
  heldOutCount: number;
  trainingMs: number;
}

/** The text fields the category model reads: title first (it weighs more), then the description. */
export function categoryText(o: { title: string; description: string }): string[] {
  return [o.title, o.description];
}

/**
 * The team model also reads the category and device type as words, so a category decided by
 * an operator or a dispatch rule still informs the team.
 */
export function teamText(o: { title: string; description: string; category: string; deviceType: string | null }): string[] {
  return [o.title, o.description, `category ${o.category} ${o.category}`, o.deviceType ? `device ${o.deviceType.replace(/_/g, ' ')}` : ''];
}

/** Deterministic shuffle (mulberry32), so the held-back 20 % is the same for the same data. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Holds back about 20 % (by distinct text) to measure accuracy, then trains the stored model on everything. Returns
 * nothing for a target with fewer than two labels or ten examples.
 */
function trainTarget(target: DispatchTarget, labelled: LabelledText[]): TrainedDispatchModel | null {
  if (labelled.length < 10 || new Set(labelled.map((e) => e.label)).size < 2) return null;
  const started = performance.now();
  // Hold back whole groups of identical titles, so accuracy measures phrasings the model has not
  // seen (the same complaint in both halves would flatter it).
  const groups = new Map<string, LabelledText[]>();
  for (const e of labelled) {
    const key = typeof e.text === 'string' ? e.text : (e.text[0] ?? '');
    const g = groups.get(key) ?? [];
    g.push(e);
    groups.set(key, g);
  }
  const order = shuffled([...groups.values()], 20260101);
  const heldOut: LabelledText[] = [];
  const rest: LabelledText[] = [];
  for (const g of order) (heldOut.length < labelled.length * 0.2 ? heldOut : rest).push(...g);
  let accuracy = 0;
  if (new Set(rest.map((e) => e.label)).size >= 2) {
    const probe = train(rest, { minDf: 1 });
    accuracy = heldOut.filter((e) => predict(probe, e.text, { topFeatures: 0 }).label === e.label).length / heldOut.length;
  }
  const model = train(labelled, { minDf: 1 });
  return { target, model: serialize(model), accuracy, exampleCount: labelled.length, heldOutCount: heldOut.length, trainingMs: Math.round(performance.now() - started) };
}

/** Trains the category and the team models from closed work orders. */
export function trainDispatchModels(examples: readonly DispatchExample[]): TrainedDispatchModel[] {
  const category = trainTarget(
    'category',
    examples.map((e) => ({ text: categoryText(e), label: e.category })),
  );
  const team = trainTarget(
    'team',
    examples.filter((e) => e.teamId).map((e) => ({ text: teamText(e), label: e.teamId! })),
  );
  return [category, team].filter((m): m is TrainedDispatchModel => m !== null);
}
