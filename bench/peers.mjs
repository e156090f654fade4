// Adapters for the npm sentiment libraries polso is compared with, run in-process.
//
// Every adapter maps (text, lang) to `{ score, label }`:
//   - `score` is the library's own continuous output, used for Pearson r against the human mean
//     rating and for speed; `kind` says whether it is a VADER-style compound in [-1, 1] or a raw
//     score on the library's own scale (Pearson r is scale-free, so both are comparable).
//   - `label` is "pos" | "neg" | "neu".
//
// The mappings, one per peer:
//   vader-js       `vader-sentiment` (JS port of VADER). compound in [-1, 1]; label with VADER's
//                  thresholds: >= +0.05 pos, <= -0.05 neg, else neu. English only.
//   afinn          `sentiment` (AFINN-165 word list). score = `comparative` (sum of word values /
//                  tokens); label from the sign of the sum `score` (> 0 pos, < 0 neg, 0 neu); the
//                  two always share their sign. English only (no other language is bundled).
//   wink           `wink-sentiment`. score = `normalizedScore`; label from its sign. English only.
//   natural        `natural` SentimentAnalyzer, as its README shows it: English with the AFINN
//                  vocabulary, PorterStemmer and WordTokenizer; Italian with the Pattern
//                  vocabulary (CLiPS) and natural's Italian tokenizer (AggressiveTokenizerIt), no
//                  stemmer (stemming the Pattern keys makes Italian worse). score = the analyser's
//                  output (sum of word polarities / token count); label from its sign.
//                  The adapter requires the three modules the analyser needs instead of natural's
//                  main entry, which also loads storage back-ends (Redis, Postgres, MongoDB) and
//                  prints dotenv notices; the code that runs is the same.
//   nlpjs          `@nlpjs/sentiment` SentimentAnalyzer in a container with `@nlpjs/lang-it`
//                  (Pattern vocabulary and Italian negations) and `@nlpjs/lang-en` (SentiCon
//                  vocabulary and English negations), locale = the item's language. score =
//                  `average` (score / words); label from the sign of `score` (= its `vote`).
//                  Asynchronous API.
//   multilang      `multilang-sentiment` (machine-translated AFINN-165 plus Emoji Sentiment
//                  Ranking, fuzzy matching of unknown words) called as sentiment(text, lang) with
//                  lang "it" or "en". score = `score` (sum of word values); label from its sign.
//                  (Its own `category` uses another formula; the sign of the sum is what the
//                  README documents and what the other AFINN-style peers use.)
//
// `langs` lists the languages a peer claims. English-only peers are still run on Italian, as
// users do, and reported there as "(en-only, for reference)".

import { createRequire } from 'node:module';
import { labelOfCompound, labelOfSign } from './lib/metrics.mjs';

const require = createRequire(import.meta.url);

function versionOf(pkg) {
  return require(`${pkg}/package.json`).version;
}

export const PEERS = [
  {
    id: 'vader-js',
    name: 'vader-sentiment (JS)',
    pkg: 'vader-sentiment',
    langs: ['en'],
    kind: 'compound',
    load() {
      const vader = require('vader-sentiment');
      return (text) => {
        const compound = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
        return { score: compound, label: labelOfCompound(compound) };
      };
    },
  },
  {
    id: 'afinn',
    name: 'sentiment (AFINN)',
    pkg: 'sentiment',
    langs: ['en'],
    kind: 'raw',
    load() {
      const Sentiment = require('sentiment');
      const analyzer = new Sentiment();
      return (text) => {
        const r = analyzer.analyze(text);
        return { score: r.comparative, label: labelOfSign(r.score), negative: r.negative, calculation: r.calculation };
      };
    },
  },
  {
    id: 'wink',
    name: 'wink-sentiment',
    pkg: 'wink-sentiment',
    langs: ['en'],
    kind: 'raw',
    load() {
      const wink = require('wink-sentiment');
      return (text) => {
        const r = wink(text);
        return { score: r.normalizedScore, label: labelOfSign(r.normalizedScore) };
      };
    },
  },
  {
    id: 'natural',
    name: 'natural',
    pkg: 'natural',
    langs: ['it', 'en'],
    kind: 'raw',
    load() {
      const base = 'natural/lib/natural';
      const Analyzer = require(`${base}/sentiment/SentimentAnalyzer.js`);
      const PorterStemmer = require(`${base}/stemmers/porter_stemmer.js`);
      const { WordTokenizer } = require(`${base}/tokenizers/regexp_tokenizer.js`);
      const AggressiveTokenizerIt = require(`${base}/tokenizers/aggressive_tokenizer_it.js`);
      const en = { analyzer: new Analyzer('English', PorterStemmer, 'afinn'), tokenizer: new WordTokenizer() };
      const it = { analyzer: new Analyzer('Italian', null, 'pattern'), tokenizer: new AggressiveTokenizerIt() };
      return (text, lang) => {
        const { analyzer, tokenizer } = lang === 'it' ? it : en;
        const words = tokenizer.tokenize(text);
        // getSentiment divides by the word count: no words means no sentiment, not NaN.
        const score = words.length ? analyzer.getSentiment(words) : 0;
        return { score, label: labelOfSign(score) };
      };
    },
  },
  {
    id: 'nlpjs',
    name: '@nlpjs/sentiment',
    pkg: '@nlpjs/sentiment',
    langs: ['it', 'en'],
    kind: 'raw',
    async: true,
    load() {
      const { Container } = require('@nlpjs/core');
      const { SentimentAnalyzer } = require('@nlpjs/sentiment');
      const { LangIt } = require('@nlpjs/lang-it');
      const { LangEn } = require('@nlpjs/lang-en');
      const container = new Container();
      container.use(LangIt);
      container.use(LangEn);
      const analyzer = new SentimentAnalyzer({ container });
      return async (text, lang) => {
        const r = await analyzer.process({ locale: lang === 'it' ? 'it' : 'en', text });
        const s = r.sentiment;
        return { score: s.average || 0, label: labelOfSign(s.score) };
      };
    },
  },
  {
    id: 'multilang',
    name: 'multilang-sentiment',
    pkg: 'multilang-sentiment',
    langs: ['it', 'en'],
    kind: 'raw',
    load() {
      const sentiment = require('multilang-sentiment');
      return (text, lang) => {
        const r = sentiment(text, lang === 'it' ? 'it' : 'en');
        return { score: r.score, label: labelOfSign(r.score) };
      };
    },
  },
];

for (const p of PEERS) p.version = versionOf(p.pkg);

export function peerById(id) {
  return PEERS.find((p) => p.id === id);
}

/** Display name for a peer on a set of language `lang`. */
export function peerLabel(peer, lang) {
  const base = `${peer.name} ${peer.version}`;
  return peer.langs.includes(lang) ? base : `${base} (en-only, for reference)`;
}
