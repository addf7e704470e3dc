import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { deserialize, predict, serialize, train } from './classifier';
import { parseCsv } from './csv';
import { evaluatePredictions, stratifiedKFold } from './metrics';
import { sharedDataPath } from '../../../testing/shared-data';

/** A tiny bilingual work-order history: lights and lifts go to property, noise to environment. */
function buildHistory(): Array<{ text: string; label: string }> {
  const property = ['路灯不亮了', '小区路灯坏了请维修', '电梯故障困人', '电梯经常停运', 'street light broken', 'elevator stuck again'];
  const environment = ['工地噪音扰民', '夜间施工噪音太大', '工厂排放废气刺鼻', '河道污水排放', 'construction noise at night', 'smoke from factory chimney'];
  return [...property.map((text) => ({ text, label: 'property' })), ...environment.map((text) => ({ text, label: 'environment' }))];
}

describe.each(['nb-svm', 'svm', 'logistic', 'complement-nb'] as const)('the %s classifier', (algorithm) => {
  const model = train(buildHistory(), { algorithm, minDf: 1 });

  test('routes unseen Chinese and English text by its words', () => {
    expect(predict(model, '楼道路灯不亮').label).toBe('property');
    expect(predict(model, '半夜施工噪音').label).toBe('environment');
    expect(predict(model, 'the elevator is stuck').label).toBe('property');
  });

  test('returns a confidence that is the largest of probabilities summing to one', () => {
    const p = predict(model, '电梯故障');
    const probabilities = Object.values(p.scores);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(p.confidence).toBe(Math.max(...probabilities));
    expect(p.confidence).toBeGreaterThan(0.5);
  });

  test('explains a decision by the features that weighed most', () => {
    const p = predict(model, '电梯故障', { topFeatures: 3 });
    expect(p.topFeatures.length).toBeGreaterThan(0);
    expect(p.topFeatures.length).toBeLessThanOrEqual(3);
    expect(p.topFeatures.map((f) => f.feature).join(' ')).toMatch(/电梯/);
    const weights = p.topFeatures.map((f) => f.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  test('survives a JSON round trip with the same predictions', () => {
    const copy = deserialize(JSON.parse(JSON.stringify(serialize(model))));
    for (const text of ['路灯坏了', '噪音', 'factory smoke', '']) {
      const a = predict(model, text);
      const b = predict(copy, text);
      expect(b.label).toBe(a.label);
      expect(b.confidence).toBeCloseTo(a.confidence, 4);
    }
  });
});

describe('train', () => {
  test('is deterministic for the same examples and seed', () => {
    const a = serialize(train(buildHistory(), { seed: 3 }));
    const b = serialize(train(buildHistory(), { seed: 3 }));
    expect({ ...a, trainedAt: '' }).toEqual({ ...b, trainedAt: '' });
  });

  test('needs at least two labels', () => {
    expect(() => train([{ text: 'x', label: 'only' }])).toThrow(/two labels/);
  });

  test('takes multi-field text, counting the title more', () => {
    const model = train(
      buildHistory().map((e) => ({ text: [e.text, '请尽快处理'], label: e.label })),
      { minDf: 1 },
    );
    expect(predict(model, ['电梯停运', '请尽快处理']).label).toBe('property');
  });
});

describe('deserialize', () => {
  test('rejects an object that is not a dispatch model', () => {
    expect(() => deserialize({ format: 'other' } as never)).toThrow(/not a ParkOS dispatch classifier/);
  });
});

const ZH_FILE = sharedDataPath('dispatch/zh_gov_messages.csv');

describe.skipIf(!ZH_FILE)('on the public Chinese government-message set (TipDM 2020 C, 824 rows)', () => {
  test('reaches the accuracy floor under stratified 5-fold cross-validation', () => {
    const { rows } = parseCsv(fs.readFileSync(ZH_FILE!, 'utf8'));
    const examples = rows.map((r) => ({ text: [r.subject, r.detail], label: r.label_l1 }));
    const truth: string[] = [];
    const predicted: string[] = [];
    for (const fold of stratifiedKFold(examples.map((e) => e.label), { folds: 5, seed: 42 })) {
      const held = new Set(fold);
      const model = train(examples.filter((_, i) => !held.has(i)));
      for (const i of fold) {
        truth.push(examples[i].label);
        predicted.push(predict(model, examples[i].text, { topFeatures: 0 }).label);
      }
    }
    const report = evaluatePredictions(truth, predicted);
    console.log(`zh_gov_messages 5-fold: accuracy ${report.accuracy.toFixed(4)}, macro-F1 ${report.macroF1.toFixed(4)}`);
    // The goal is 0.90; this build measures 0.886 on these folds (0.869–0.894 on other
    // fold seeds; see the README). The floor guards against regressions; raise it with the model.
    expect(report.accuracy).toBeGreaterThanOrEqual(0.88);
    expect(report.macroF1).toBeGreaterThanOrEqual(0.865);
  });
});
