// Hostile inputs (issue 9), generated in code at about `bytes` of UTF-8 each.
// Each is built to stress one part of the engine: quote pairing, nesting,
// sentence splitting, speaker search, name runs, UTF-16 conversion, blank text.

import { rng } from './corpus.mjs';

/** Repeats `unit` until the UTF-8 length reaches `bytes` (whole units only). */
function repeatTo(unit, bytes) {
  const n = Math.max(1, Math.floor(bytes / Buffer.byteLength(unit)));
  return unit.repeat(n);
}

/** Joins `next()` pieces with `sep` until the UTF-8 length reaches `bytes`. */
function buildTo(bytes, next, sep = ' ') {
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const p = next();
    parts.push(p);
    size += Buffer.byteLength(p) + Buffer.byteLength(sep);
  }
  return parts.join(sep);
}

const WORDS = ['the', 'minister', 'said', 'officials', 'told', 'according', 'to', 'talks', 'pressure', 'urged',
  'government', 'source', 'anonymity', 'Ahmed', 'Maria', 'Kowalski', 'reporters', 'on', 'Monday', 'would'];
const NAMES = ['Ahmed Al-Rashid', 'Maria Lopez', 'John Smith', 'Mei Zhang', 'Olu Adeyemi', 'Anna Kowalska',
  'Hamid Saleh', 'Pierre Moreau', 'Sven Lindqvist', 'Fatima Haddad', 'Carlos Mendes', 'Yuki Tanaka'];
const ARABIC = ['قال', 'الوزير', 'إن', 'الحكومة', 'لن', 'تتراجع', 'مصدر', 'مسؤول', 'بغداد', 'دمشق', 'الضغط'];
const EMOJI = ['😀', '🔥', '👍🏽', '👩‍👩‍👧‍👦', '🇮🇶', '🗞️', '❤️', '🤝'];

/** The hostile cases: name, what it stresses, and a generator taking a byte budget. */
export const HOSTILE = [
  {
    name: 'quote-marks',
    what: 'only straight and curly quotation marks',
    make: (bytes) => repeatTo('"“”"\'‘’', bytes),
  },
  {
    name: 'nested-curly',
    what: 'tens of thousands of nested curly quotes “a “b … ” ”',
    make: (bytes) => {
      const depth = Math.floor(bytes / 2 / Buffer.byteLength('“w '));
      return '“w '.repeat(depth) + 'said the minister' + ' ”'.repeat(depth);
    },
  },
  {
    name: 'no-punctuation',
    what: 'words and spaces only: one sentence as long as the input',
    make: (bytes) => {
      const r = rng(7);
      return buildTo(bytes, () => WORDS[Math.floor(r() * WORDS.length)]);
    },
  },
  {
    name: 'he-said-storm',
    what: '"He said." repeated',
    make: (bytes) => repeatTo('He said. ', bytes),
  },
  {
    name: 'quote-said-storm',
    what: 'short quotes with a named speaker, back to back',
    make: (bytes) => {
      const r = rng(11);
      return buildTo(bytes, () => `“Yes,” ${NAMES[Math.floor(r() * NAMES.length)]} said.`);
    },
  },
  {
    name: 'endless-names',
    what: 'one line of capitalised names, no punctuation',
    make: (bytes) => {
      const r = rng(13);
      return buildTo(bytes, () => NAMES[Math.floor(r() * NAMES.length)]);
    },
  },
  {
    name: 'unclosed-quote',
    what: 'one opening quote, then nothing but attributed sentences',
    make: (bytes) => '“' + repeatTo('The minister said the talks would resume. ', bytes),
  },
  {
    name: 'arabic-emoji',
    what: 'Arabic words, emoji (surrogate pairs, ZWJ) and English quotes mixed',
    make: (bytes) => {
      const r = rng(17);
      return buildTo(bytes, () => {
        const x = r();
        if (x < 0.55) return ARABIC[Math.floor(r() * ARABIC.length)];
        if (x < 0.85) return EMOJI[Math.floor(r() * EMOJI.length)];
        return '«نعم» “Yes,” he said.';
      });
    },
  },
  {
    name: 'only-newlines',
    what: 'newline characters only',
    make: (bytes) => '\n'.repeat(bytes),
  },
];
