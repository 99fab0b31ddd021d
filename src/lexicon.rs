//! Word lists built into the crate from the data files in `src/lexicon/`.
//!
//! Each list is parsed once, on first use. Look-ups take lower-case words;
//! [`lower`] makes one without allocating for short ASCII words.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: a fast hasher for the short, trusted keys of the built-in lists.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
type FastSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// The lower-case form of every token of a text, in one buffer.
#[derive(Debug, Default)]
pub struct Lowered {
    buf: String,
    ends: Vec<u32>,
}

impl Lowered {
    /// Lower-cases every word token of `text` (other tokens get an empty form).
    pub fn new(text: &str, tokens: &[crate::tokens::Token]) -> Lowered {
        Lowered::build(text, tokens, |t| t.kind == crate::tokens::Kind::Word)
    }

    /// Lower-cases every token of `text`, punctuation and numbers included
    /// (a mark's form is the mark itself, `’` folded to `'`).
    pub fn every(text: &str, tokens: &[crate::tokens::Token]) -> Lowered {
        Lowered::build(text, tokens, |_| true)
    }

    fn build(text: &str, tokens: &[crate::tokens::Token], keep: impl Fn(&crate::tokens::Token) -> bool) -> Lowered {
        let mut buf = String::with_capacity(text.len() / 2);
        let mut ends = Vec::with_capacity(tokens.len() + 1);
        ends.push(0);
        let mut scratch = String::new();
        for t in tokens {
            if keep(t) {
                buf.push_str(lower(t.text(text), &mut scratch));
            }
            ends.push(buf.len() as u32);
        }
        Lowered { buf, ends }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len().saturating_sub(1)
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The lower-case form of token `i`.
    pub fn get(&self, i: usize) -> &str {
        &self.buf[self.ends[i] as usize..self.ends[i + 1] as usize]
    }
}

const GRAMMAR: &str = include_str!("lexicon/grammar.txt");
const VERBS: &str = include_str!("lexicon/reporting_verbs.txt");
const MINED: &str = include_str!("lexicon/cues.tsv");

/// A reporting verb form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verb {
    /// The lemma ("say" for "said").
    pub lemma: &'static str,
    /// True when the verb attributes whenever a speaker stands by it.
    pub strong: bool,
    /// True for the `-ing` form.
    pub gerund: bool,
    /// True for the past participle when it differs from the past ("written", "shown").
    pub participle: bool,
}

/// The built-in lists.
pub struct Lexicon {
    sections: FastMap<&'static str, FastSet<&'static str>>,
    verbs: FastMap<&'static str, Verb>,
    mined: FastMap<&'static str, (u32, u32)>,
}

fn data_lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut sections: FastMap<&'static str, FastSet<&'static str>> = FastMap::default();
        let mut current = "";
        for line in data_lines(GRAMMAR) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name;
                sections.entry(current).or_default();
                continue;
            }
            sections.entry(current).or_default().extend(line.split_whitespace());
        }
        let mut verbs = FastMap::default();
        for line in data_lines(VERBS) {
            let strong = line.starts_with('!');
            let mut forms = line.trim_start_matches('!').split_whitespace();
            let Some(lemma) = forms.next() else { continue };
            let rest: Vec<&'static str> = forms.collect();
            let all = std::iter::once(lemma).chain(rest.iter().copied());
            for (i, form) in all.enumerate() {
                let gerund = form.ends_with("ing") && i == 4;
                let participle = i == 3 && rest.get(1) != Some(&form);
                verbs.entry(form).or_insert(Verb { lemma, strong, gerund, participle });
            }
        }
        let mut mined = FastMap::default();
        for line in data_lines(MINED) {
            let mut f = line.split('\t');
            if let (Some(w), Some(g), Some(t)) = (f.next(), f.next(), f.next()) {
                if let (Ok(g), Ok(t)) = (g.parse(), t.parse()) {
                    mined.insert(w, (g, t));
                }
            }
        }
        Lexicon { sections, verbs, mined }
    }

    /// True when the lower-case `word` is in the grammar section `section`.
    pub fn is(&self, section: &str, word: &str) -> bool {
        self.sections.get(section).is_some_and(|s| s.contains(word))
    }

    /// The reporting verb this lower-case form belongs to.
    pub fn verb(&self, word: &str) -> Option<Verb> {
        self.verbs.get(word).copied()
    }

    /// How often the form was a cue in the training gold, and how often it occurred.
    pub fn mined(&self, word: &str) -> Option<(u32, u32)> {
        self.mined.get(word).copied()
    }
}

/// The lexicon, parsed on first use.
pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

/// Lower-cases `word` into `buf` when it is short ASCII (no allocation), and
/// returns the lower-case text (normalising `’` to `'`).
pub fn lower<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    for c in word.chars() {
        match c {
            '’' | 'ʼ' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
    buf.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_table() {
        let lex = get();
        let cases: &[(&str, &str, bool)] = &[
            ("pronoun", "he", true),
            ("pronoun", "minister", false),
            ("abbrev", "sen", true),
            ("not_name", "thursday", true),
            ("honorific", "sheikh", true),
            ("tell_verb", "told", true),
        ];
        for &(s, w, want) in cases {
            assert_eq!(lex.is(s, w), want, "{s} {w}");
        }
    }

    #[test]
    fn verb_forms() {
        let lex = get();
        assert_eq!(lex.verb("said").map(|v| v.lemma), Some("say"));
        assert!(lex.verb("saying").unwrap().gerund);
        assert!(lex.verb("emphasized").unwrap().strong);
        assert!(!lex.verb("believes").unwrap().strong);
        assert!(lex.verb("table").is_none());
    }

    #[test]
    fn mined_counts_present() {
        let (g, t) = get().mined("said").expect("said is mined");
        assert!(g > 0 && t >= g);
    }
}
