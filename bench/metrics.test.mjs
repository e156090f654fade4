// Unit tests of the metrics against figures computed by hand. Run: node --test (in bench/).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accuracy, averageRanks, classScores, confusion, labelOfCompound, labelOfSign, macroF1, median,
  pearson, rocAuc, sentipolcPolarity, shuffled,
} from './lib/metrics.mjs';
import { hasItalianNegator } from './eval.mjs';

const close = (a, b, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

test('labels follow the ±0.05 convention, inclusive', () => {
  assert.equal(labelOfCompound(0.05), 'pos');
  assert.equal(labelOfCompound(-0.05), 'neg');
  assert.equal(labelOfCompound(0.0499), 'neu');
  assert.equal(labelOfCompound(-0.0499), 'neu');
  assert.equal(labelOfSign(0.001), 'pos');
  assert.equal(labelOfSign(-2), 'neg');
  assert.equal(labelOfSign(0), 'neu');
});

// Three-class confusion matrix (rows gold, columns predicted):
//            pos neg neu
//   gold pos   3   1   1      F1 pos: P = 3/4, R = 3/5, F1 = 2/3
//   gold neg   0   2   1      F1 neg: P = 2/4, R = 2/3, F1 = 4/7
//   gold neu   1   1   0      F1 neu: P = 0/2, R = 0/2, F1 = 0
// accuracy 5/10, macro-F1 (2/3 + 4/7 + 0) / 3 = 26/63.
const gold3 = ['pos', 'pos', 'pos', 'pos', 'pos', 'neg', 'neg', 'neg', 'neu', 'neu'];
const pred3 = ['pos', 'pos', 'pos', 'neg', 'neu', 'neg', 'neg', 'neu', 'pos', 'neg'];

test('confusion matrix, per-class scores, accuracy and macro-F1 by hand', () => {
  assert.deepEqual(confusion(gold3, pred3, ['pos', 'neg', 'neu']), {
    pos: { pos: 3, neg: 1, neu: 1 },
    neg: { neg: 2, neu: 1 },
    neu: { pos: 1, neg: 1 },
  });
  const pos = classScores(gold3, pred3, 'pos');
  close(pos.precision, 3 / 4);
  close(pos.recall, 3 / 5);
  close(pos.f1, 2 / 3);
  close(classScores(gold3, pred3, 'neg').f1, 4 / 7);
  assert.equal(classScores(gold3, pred3, 'neu').f1, 0);
  close(accuracy(gold3, pred3), 0.5);
  close(macroF1(gold3, pred3, ['pos', 'neg', 'neu']), 26 / 63);
});

test('binary set: a neutral prediction is wrong and is not a class of its own', () => {
  // gold pos pos neg neg; pred pos neu neg pos.
  // accuracy 2/4; F1 pos: P 1/2, R 1/2 → 1/2; F1 neg: P 1/1, R 1/2 → 2/3.
  const g = ['pos', 'pos', 'neg', 'neg'];
  const p = ['pos', 'neu', 'neg', 'pos'];
  close(accuracy(g, p), 0.5);
  close(macroF1(g, p, ['pos', 'neg']), (1 / 2 + 2 / 3) / 2);
  // Always-negative baseline: accuracy = share of negatives, F1 pos = 0.
  close(accuracy(g, ['neg', 'neg', 'neg', 'neg']), 0.5);
  close(macroF1(g, ['neg', 'neg', 'neg', 'neg'], ['pos', 'neg']), (0 + 2 / 3) / 2);
});

test('a class never predicted and never gold has F1 0 (zero_division = 0)', () => {
  assert.equal(classScores(['pos'], ['pos'], 'neu').f1, 0);
});

test('Pearson r on known vectors', () => {
  close(pearson([1, 2, 3, 4], [2, 4, 6, 8]), 1);
  close(pearson([1, 2, 3, 4], [8, 6, 4, 2]), -1);
  // x = 1..5, y = 2 1 4 3 5: mean 3 each; Σdxdy = 8, Σdx² = Σdy² = 10 → r = 0.8.
  close(pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]), 0.8);
  assert.ok(Number.isNaN(pearson([1, 1, 1], [1, 2, 3])), 'constant input has no r');
});

test('average ranks share ties', () => {
  assert.deepEqual(averageRanks([10, 20, 20, 30]), [1, 2.5, 2.5, 4]);
  assert.deepEqual(averageRanks([5, 5, 5]), [2, 2, 2]);
});

test('ROC AUC: perfect, inverted, and with ties counted half', () => {
  assert.equal(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]), 1);
  assert.equal(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]), 0);
  assert.equal(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]), 0.5);
  // positives {0.3, 0.5}, negatives {0.1, 0.5, 0.6}. Pairs (pos, neg):
  //   0.3: >0.1 win, <0.5 loss, <0.6 loss                 → 1
  //   0.5: >0.1 win, =0.5 tie (½), <0.6 loss              → 1.5
  // AUC = 2.5 / 6.
  close(rocAuc([0.1, 0.3, 0.5, 0.5, 0.6], [0, 1, 1, 0, 0]), 2.5 / 6);
  assert.ok(Number.isNaN(rocAuc([1, 2], [1, 1])), 'one class only has no AUC');
});

test('SENTIPOLC polarity F by hand', () => {
  // Four tweets: positive, negative, mixed, neutral (gold opos/oneg 10, 01, 11, 00).
  // Predictions pos, neg, neg, pos → opos 1 0 0 1, oneg 0 1 1 0.
  // opos: gold 1 0 1 0 vs pred 1 0 0 1. Class 1: P 1/2 R 1/2 F 1/2; class 0: P 1/2 R 1/2 F 1/2.
  //   F_pos = 1/2.
  // oneg: gold 0 1 1 0 vs pred 0 1 1 0: F_neg = 1.
  // F = 3/4.
  const r = sentipolcPolarity([1, 0, 1, 0], [0, 1, 1, 0], [1, 0, 0, 1], [0, 1, 1, 0]);
  close(r.fPos, 0.5);
  close(r.fNeg, 1);
  close(r.f, 0.75);
  // A system that says neutral to everything gets F1 0 on class 1 and a positive F1 on class 0.
  // opos gold 1 0 1 0, pred 0 0 0 0: class 0 P 2/4 R 1 F 2/3; class 1 F 0 → F_pos = 1/3.
  const n = sentipolcPolarity([1, 0, 1, 0], [0, 1, 1, 0], [0, 0, 0, 0], [0, 0, 0, 0]);
  close(n.fPos, 1 / 3);
  close(n.fNeg, 1 / 3);
});

test('median and the seeded shuffle', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  const a = shuffled([1, 2, 3, 4, 5, 6, 7, 8], 42);
  assert.deepEqual(a, shuffled([1, 2, 3, 4, 5, 6, 7, 8], 42), 'same seed, same order');
  assert.deepEqual([...a].sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
});

test('Italian negator detection works on whole words, with accents and elision', () => {
  assert.ok(hasItalianNegator('Non mi piace'));
  assert.ok(hasItalianNegator('né carne né pesce'));
  assert.ok(hasItalianNegator("ne' carne ne' pesce"));
  assert.ok(hasItalianNegator("nessun'altra cosa, nn so"));
  assert.ok(!hasItalianNegator('nonna simpatica, maiale arrosto'));
  assert.ok(!hasItalianNegator('ne voglio due'));
});
