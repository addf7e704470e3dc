import { describe, expect, test } from 'vitest';
import { runDispatchTraining, trainingStats } from './dispatch-runner';
import { SEED_TEXTS } from './workorders.seed';

const examples = Object.entries(SEED_TEXTS).flatMap(([category, t]) =>
  [...t.zh, ...t.en].map((title, i) => ({ title, description: '', category, teamId: i % 2 ? `team-${category}-b` : `team-${category}-a`, deviceType: null })),
);

describe('dispatch training', () => {
  test('runs in a worker thread and gives the same models as inline training', async () => {
    const [threaded, inline] = [await runDispatchTraining(examples, 'thread'), await runDispatchTraining(examples, 'inline')];
    expect(trainingStats).toMatchObject({ thread: 1, inline: 1, fallbacks: 0 });
    expect(threaded.map((m) => m.target)).toEqual(['category', 'team']);
    const cat = threaded[0];
    expect(cat.exampleCount).toBe(examples.length);
    expect(cat.heldOutCount).toBeGreaterThanOrEqual(examples.length * 0.2);
    expect(cat.heldOutCount).toBeLessThan(examples.length * 0.3);
    expect(cat.accuracy).toBeGreaterThan(0.5);
    expect(cat.model.labels).toHaveLength(10);
    expect(threaded[0].model.weights).toEqual(inline[0].model.weights);
  });

  test('fewer than ten examples or a single label train nothing', async () => {
    expect(await runDispatchTraining(examples.slice(0, 5), 'inline')).toEqual([]);
  });
});
