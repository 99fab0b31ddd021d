// Sample texts written for these tests (not taken from any publication): plain news prose,
// curly quotes, emoji (surrogate pairs), Arabic, odd whitespace and edge cases.

/** Texts every test can run the analysis on; none is expected to give a particular answer. */
export const SAMPLES = {
  empty: '',
  blank: ' \n\t \r\n ',
  minister: '"We will not back down," the minister said.',
  newsroom: [
    'The harbour authority approved a new ferry timetable on Tuesday after weeks of complaints.',
    '"The old schedule left night workers stranded," said Maria Lopes, who chairs the commuters\' association.',
    'A port official, who asked not to be named because talks are continuing, said the unions had pushed the board to add a late crossing.',
    'According to a report by the regional transport office, ridership fell by a fifth last year.',
    'Lopes added that the association would keep pressing the council to cut fares.',
  ].join(' '),
  unicode: [
    '🚧 Work on the bridge began at dawn.',
    '“We will reopen every school 🏫 before winter,” the mayor said.',
    'Residents of حي الزهراء told reporters that the water had returned. 👍🏽',
    '“سنعيد بناء الجسر قبل الشتاء،” the governor said.',
  ].join('\n\n'),
  paragraphs: 'First paragraph, no quotes at all.\r\n\r\nSecond: "an unclosed quotation that runs on\r\n\r\nand on',
  loneSurrogates: 'A broken \uD800 surrogate and another \uDC00 one, "both said" she said.',
  controlChars: 'Nul \u0000 and bell \u0007 characters\u2028line separator\u00a0nbsp, he said.',
  punctuation: '""""""...!!!???«»„“”‘’‹›— – ‑',
  longWord: 'x'.repeat(5000),
};

/**
 * A longer text built from the newsroom sample (about `bytes` long), for size and speed checks.
 *
 * @param {number} bytes
 */
export function longText(bytes) {
  const unit = `${SAMPLES.newsroom}\n\n${SAMPLES.unicode}\n\n`;
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

/**
 * Texts whose answer is unambiguous: the analysis must give exactly these attributions.
 * GENUINE EXPECTED BEHAVIOUR, not placeholders — each follows GUIDE.md §1 (a direct quote's
 * content includes its quotation marks; the speaker is the mention next to the cue).
 * Every `slice` is what `text.slice(start, end)` must give.
 */
export const UNAMBIGUOUS = [
  {
    name: 'straight quotes, then the speaker and the cue',
    text: '"We will not back down," the minister said.',
    attributions: [{ kind: 'direct', content: ['"We will not back down,"'], cue: 'said', speaker: 'the minister' }],
  },
  {
    name: 'curly quotes with an emoji inside and one before (surrogate pairs shift UTF-16 offsets)',
    text: '🚧 Work began at dawn. “We will reopen every school 🏫 before winter,” the mayor said.',
    attributions: [
      { kind: 'direct', content: ['“We will reopen every school 🏫 before winter,”'], cue: 'said', speaker: 'the mayor' },
    ],
  },
  {
    name: 'an Arabic quotation in curly quotes',
    text: 'Residents of حي الزهراء cheered 👍🏽. “سنعيد بناء الجسر قبل الشتاء،” the governor said.',
    attributions: [{ kind: 'direct', content: ['“سنعيد بناء الجسر قبل الشتاء،”'], cue: 'said', speaker: 'the governor' }],
  },
];

/** The words an analysis span covers. */
export function slice(text, span) {
  return span === null ? null : text.slice(span.start, span.end);
}
