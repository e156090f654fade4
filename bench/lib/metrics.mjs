// Metrics for the accuracy harness. Pure functions over arrays, no I/O, so they can be checked by
// hand in metrics.test.mjs. Conventions follow scikit-learn where one exists (F1 with
// zero_division=0, Pearson r, ROC AUC via the Mann-Whitney U statistic with average ranks).

/** VADER's published thresholds: compound >= +0.05 positive, <= -0.05 negative, else neutral. */
export const THRESHOLD = 0.05;

export function labelOfCompound(compound, threshold = THRESHOLD) {
  if (compound >= threshold) return 'pos';
  if (compound <= -threshold) return 'neg';
  return 'neu';
}

/** Sign convention for peers that only give a raw score: > 0 pos, < 0 neg, 0 neu. */
export function labelOfSign(score) {
  if (score > 0) return 'pos';
  if (score < 0) return 'neg';
  return 'neu';
}

/**
 * Confusion counts. `matrix[g][p]` counts items with gold label g predicted as p; predictions
 * outside `labels` (e.g. "neu" on a binary set) are kept under their own key so they count as
 * errors without becoming a class of their own.
 */
export function confusion(gold, pred, labels) {
  if (gold.length !== pred.length) throw new Error('gold and pred differ in length');
  const matrix = {};
  for (const g of labels) matrix[g] = {};
  for (let i = 0; i < gold.length; i++) {
    const row = matrix[gold[i]] ?? (matrix[gold[i]] = {});
    row[pred[i]] = (row[pred[i]] ?? 0) + 1;
  }
  return matrix;
}

/** Precision, recall and F1 of one class (zero when undefined, as sklearn's zero_division=0). */
export function classScores(gold, pred, cls) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] === cls;
    const p = pred[i] === cls;
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, support: tp + fn };
}

export function accuracy(gold, pred) {
  if (gold.length === 0) return NaN;
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  return ok / gold.length;
}

/** Unweighted mean of per-class F1 over `labels` (the labels the set has). */
export function macroF1(gold, pred, labels) {
  if (gold.length === 0) return NaN;
  let sum = 0;
  for (const l of labels) sum += classScores(gold, pred, l).f1;
  return sum / labels.length;
}

export function pearson(x, y) {
  const n = x.length;
  if (n !== y.length) throw new Error('x and y differ in length');
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/** 1-based ranks, tied values sharing the average of the ranks they span. */
export function averageRanks(values) {
  const order = values.map((v, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * ROC AUC of `scores` (higher = more likely positive) for binary `positives` (truthy = positive):
 * the probability that a random positive outscores a random negative, ties counting one half.
 * Computed from average ranks (Mann-Whitney U), so it equals the trapezoidal area.
 */
export function rocAuc(scores, positives) {
  const ranks = averageRanks(scores);
  let nPos = 0;
  let rankSum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (positives[i]) {
      nPos++;
      rankSum += ranks[i];
    }
  }
  const nNeg = scores.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * SENTIPOLC 2016 polarity score (Barbieri et al. 2016, "Overview of the EVALITA 2016 SENTIment
 * POLarity Classification Task", Sect. 5). Polarity is two binary decisions per tweet, `opos`
 * (positive or not) and `oneg` (negative or not); a mixed tweet has both, a neutral one neither.
 * For each decision d in {pos, neg}: F^d = (F1 of class 0 + F1 of class 1) / 2; the task score is
 * (F^pos + F^neg) / 2. Arguments are arrays of 0/1.
 */
export function sentipolcPolarity(goldPos, goldNeg, predPos, predNeg) {
  const both = (g, p) => (classScores(g, p, 0).f1 + classScores(g, p, 1).f1) / 2;
  const fPos = both(goldPos, predPos);
  const fNeg = both(goldNeg, predNeg);
  return { fPos, fNeg, f: (fPos + fNeg) / 2 };
}

export function median(values) {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Seeded PRNG (mulberry32) so the speed corpus is the same on every run and machine. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle of a copy, driven by a seeded PRNG. */
export function shuffled(items, seed) {
  const rand = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
