//! Reads one noun phrase: its head and what the head says about the source.
//!
//! No tagger: the phrase is cut at the first clause boundary (a comma, a
//! preposition after the head, a relative pronoun...), then its words are
//! sorted into closed classes from the lexicons — determiners, role nouns,
//! group nouns, document nouns, institution nouns — and capitalised runs,
//! which are split at titles (`Prime Minister`, `Sen.`) and read as outlets,
//! organizations, countries or personal names. The rightmost noun is the head.

use super::lexicon::{self, Lexicon};
use super::words::{Tok, Word};
use crate::model::{AffiliationKind, SourceType};
use crate::span::Span;

/// Words that end the head chunk (unless inside a capitalised name for `of`/`for`/`on`).
const BOUNDARY: &[&str] = &[
    "of", "in", "at", "for", "from", "by", "on", "with", "to", "about", "who", "whom", "whose", "which", "that", "and",
    "or", "but", "than", "as", "said", "says", "told", "tells", "added", "has", "have", "had", "is", "are", "was",
    "were", "will", "would", "can", "could", "may", "might", "should", "must", "do", "does", "did", "also", "including",
    "like", "such", "because", "when", "while", "where", "after", "before", "since", "during", "into", "over", "under",
    "through", "against", "between", "among", "within", "without", "via", "per", "if", "though", "although", "not",
];
/// Modifiers peeled off the front of a capitalised run even before a name (`Top Sanders strategists`).
const PEELED: &[&str] = &["top", "former", "senior", "retired", "longtime", "long-time", "acting", "interim"];
/// Calendar words: capitalised, never a source.
const CALENDAR: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec",
];
/// Prepositions that introduce an affiliation.
const PREPOSITIONS: &[&str] = &["of", "at", "for", "to", "from", "with", "by", "in", "on"];
/// Words joining the parts of one capitalised name (`State of Law Coalition`).
const CONNECTORS: &[&str] = &["of", "for", "on", "de", "du", "des", "la", "le", "del", "della", "di", "da", "the"];
/// Lower-case particles inside personal names (`bin Laden`, `de Blasio`).
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la",
    "le", "ter", "dos", "das", "ben",
];
/// Words skipped at the very start of a phrase.
const LEADING_SKIP: &[&str] = &["as", "both", "either", "even", "including", "especially", "perhaps", "only", "and", "but", "then", "also"];
/// Determiners.
pub const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "your", "my", "whose"];
/// Quantifiers and number words.
const QUANTIFIERS: &[&str] = &[
    "some", "many", "several", "few", "most", "all", "no", "none", "each", "every", "any", "other", "others", "another",
    "more", "less", "fewer", "numerous", "various", "certain", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozens", "hundreds",
    "thousands", "millions", "percent", "per", "cent", "half", "one", "someone", "somebody", "everyone", "everybody",
    "anyone", "anybody", "nobody", "not", "everyone", "both", "number", "majority",
];

/// The pronouns a mention can consist of, with the type they suggest alone.
pub fn pronoun_type(key: &str) -> Option<Option<SourceType>> {
    // I've, we're, they'd: the pronoun before the contraction
    let key = match key.split_once('\'') {
        Some((p, "ve" | "re" | "d" | "ll" | "m" | "s")) => p,
        _ => key,
    };
    Some(match key {
        "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" => Some(SourceType::NamedPerson),
        "they" | "them" | "their" | "theirs" | "themselves" | "we" | "us" | "our" | "ours" | "ourselves" => {
            Some(SourceType::UnnamedGroup)
        }
        "i" | "me" | "my" | "mine" | "myself" | "you" | "your" | "yours" | "yourself" => Some(SourceType::UnnamedPerson),
        "it" | "its" | "itself" => Some(SourceType::NamedOrganization),
        "who" | "whom" | "whose" | "which" | "that" => None,
        _ => return None,
    })
}

/// What a capitalised run names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunKind {
    /// A personal name.
    Person,
    /// An organization of this sphere.
    Org(AffiliationKind),
    /// An acronym that is probably an organization.
    Acronym,
    /// A news outlet.
    Outlet,
    /// A country or region.
    Country,
    /// A social network.
    Platform,
    /// A party word: `Democratic` before a noun, `Republican` alone (one member).
    Party,
    /// `Iraqi`, `German` used as an adjective.
    Demonym,
}

/// The class of one item of a phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Class {
    /// a, the, his...
    Det,
    /// some, many, two, percent...
    Quant,
    /// A pronoun.
    Pron,
    /// A word kept before a role (`former`, `senior`).
    RoleMod,
    /// A singular role noun (key is the role).
    Role,
    /// A title standing before a name (value: the role it names, may be empty).
    Title(String),
    /// A plural role noun (value: the singular).
    RolePlural(String),
    /// A group noun.
    Group,
    /// A document noun.
    Doc,
    /// A social-network post noun.
    Post,
    /// A singular institution noun.
    Inst,
    /// A plural institution noun.
    InstPlural,
    /// A plural demonym (`Iraqis`).
    DemonymPlural,
    /// A `@handle`.
    Handle,
    /// A capitalised run.
    Run(RunKind),
    /// A number.
    Number,
    /// Any other word.
    Other,
}

/// One item: a word or a matched phrase of words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Class.
    pub class: Class,
    /// Bytes covered.
    pub span: Span,
    /// Lookup key (phrase key of the words).
    pub key: String,
    /// Ends with a possessive.
    pub possessive: bool,
}

/// The reading of one phrase.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// The items of the head chunk.
    pub items: Vec<Item>,
    /// Index of the head item.
    pub head: Option<usize>,
    /// Index of the first token after the phrase (chunk and any prepositional tail).
    pub end: usize,
    /// An affiliation read from a prepositional phrase after the head: `of the X Coalition`.
    pub pp_affiliation: Option<Span>,
    /// The preposition of that phrase.
    pub pp_word: String,
    /// The head is followed by `of` and a plural noun: `a coalition of leaders`.
    pub of_plural: bool,
}

fn is_cap_word(w: &Word) -> bool {
    w.is_word() && w.cap
}

fn is_quant(k: &str) -> bool {
    QUANTIFIERS.contains(&k)
        || k.chars().next().is_some_and(|c| c.is_ascii_digit())
        || (k.contains('-') && k.split('-').all(|p| QUANTIFIERS.contains(&p) || NUMBER_UNITS.contains(&p)))
}

/// Units of compound number words (`fifty-two`, `twenty-one`).
const NUMBER_UNITS: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "sixty", "seventy", "eighty", "ninety"];

/// The key of the words `words[a..b]` (word tokens only), joined by spaces.
pub fn key_of(words: &[Word], a: usize, b: usize) -> String {
    words[a..b].iter().filter(|w| w.is_word()).map(|w| w.key.as_str()).collect::<Vec<_>>().join(" ")
}

fn span_of(words: &[Word], a: usize, b: usize) -> Span {
    Span::new(words[a].span.start, words[b - 1].span.end)
}

/// The class of a common noun key, if it is one.
pub fn noun_class(lx: &Lexicon, k: &str) -> Option<Class> {
    if let Some(s) = lx.role_plurals.get(k) {
        return Some(Class::RolePlural(s.clone()));
    }
    if lx.roles.contains_key(k) {
        return Some(Class::Role);
    }
    if lx.groups.contains_key(k) {
        return Some(Class::Group);
    }
    if lx.demonym_plurals.contains(k) {
        return Some(Class::DemonymPlural);
    }
    if lx.documents.contains(k) {
        return Some(Class::Doc);
    }
    if lx.posts.contains(k) {
        return Some(Class::Post);
    }
    if lx.institutions.contains_key(k) {
        return Some(Class::Inst);
    }
    if lx.institution_plurals.contains(k) {
        return Some(Class::InstPlural);
    }
    None
}

/// The whole-name lookups: outlet, organization, country, platform.
pub fn known_entity(lx: &Lexicon, k: &str) -> Option<RunKind> {
    let bare = k.strip_prefix("the ").unwrap_or(k);
    if lx.outlets.contains(k) || lx.outlets.contains(bare) {
        return Some(RunKind::Outlet);
    }
    if let Some(&kind) = lx.organizations.get(bare) {
        return Some(RunKind::Org(kind));
    }
    if lx.countries.contains_key(bare) {
        return Some(RunKind::Country);
    }
    if lx.platforms.contains(bare) {
        return Some(RunKind::Platform);
    }
    None
}

/// Length in tokens of the longest title ending at token `t` inside `a..=t`:
/// an abbreviation (`Sen.`) or a role phrase (`Prime Minister`, `Secretary of State`).
fn title_ending_at(lx: &Lexicon, words: &[Word], a: usize, t: usize) -> Option<(usize, String)> {
    for n in (1..=4.min(t + 1 - a)).rev() {
        let k = key_of(words, t + 1 - n, t + 1);
        if let Some(r) = lx.titles.get(&k) {
            return Some((n, r.clone()));
        }
        if lx.roles.contains_key(&k) && k != "source" {
            return Some((n, k));
        }
    }
    None
}

/// Classifies a capitalised name that has no title in it.
fn name_kind(lx: &Lexicon, words: &[Word], text: &str, a: usize, b: usize) -> RunKind {
    let k = key_of(words, a, b);
    if let Some(kind) = known_entity(lx, &k) {
        return kind;
    }
    let ws: Vec<&Word> = words[a..b].iter().filter(|w| w.is_word()).collect();
    let n = ws.len();
    if n >= 2 && (ws.iter().any(|w| w.key == "news") || lx.outlet_tails.contains(&ws[n - 1].key)) {
        return RunKind::Outlet;
    }
    if let Some(w) = ws.iter().rev().find(|w| w.cap && lx.org_heads.contains_key(&w.key)) {
        // "State Department Refugee Processing Center": a known body inside decides the sphere
        for x in a..b {
            for y in (x + 1..=b.min(x + 4)).rev() {
                if (x, y) != (a, b) {
                    if let Some(RunKind::Org(k)) = known_entity(lx, &key_of(words, x, y)) {
                        return RunKind::Org(k);
                    }
                }
            }
        }
        return RunKind::Org(lx.org_heads[&w.key]);
    }
    if n >= 2 && lx.org_suffixes.contains(&ws[n - 1].key) {
        return RunKind::Org(AffiliationKind::Business);
    }
    if n == 1 {
        let w = ws[0];
        if lx.parties.contains_key(&w.key) {
            return RunKind::Party;
        }
        if lx.demonyms.contains_key(&w.key) {
            return RunKind::Demonym;
        }
        if w.is_acronym(text) || is_camel_case(w.span.text(text)) {
            return RunKind::Acronym;
        }
    }
    RunKind::Person
}

/// `SoCalGas`, `LAist`, `PayPal`: inner capitals after the start, as brand names
/// have; `McCain`, `DeVos`, `LaBelle`, `O’Neill` are personal names and excluded.
fn is_camel_case(w: &str) -> bool {
    if w.contains('-') || w.contains('\'') || w.contains('’') {
        return false;
    }
    for prefix in ["Mc", "Mac", "De", "Di", "Du", "La", "Le", "Van", "Von", "Fitz", "St"] {
        if w.strip_prefix(prefix).is_some_and(|r| r.starts_with(|c: char| c.is_uppercase())) {
            return false;
        }
    }
    let upper = w.chars().filter(|c| c.is_uppercase()).count();
    let lower = w.chars().filter(|c| c.is_lowercase()).count();
    upper >= 2 && lower >= 1 && w.chars().skip(1).any(|c| c.is_uppercase())
}

/// A capitalised word at the start of a phrase shaped like a plural common
/// noun (`Investigators`, `Economists`, `African-Americans`), not a surname.
fn plural_common_shape(lx: &Lexicon, key: &str) -> bool {
    let last = key.rsplit('-').next().unwrap_or(key);
    ["ists", "ians", "ors", "icans"].iter().any(|s| key.ends_with(s) && key.len() > s.len() + 2)
        || (key.contains('-') && lx.demonym_plurals.contains(last))
}

/// Splits the capitalised run `words[a..b]` into items.
fn read_run(lx: &Lexicon, words: &[Word], text: &str, a: usize, b: usize, at_start: bool, out: &mut Vec<Item>) {
    let mut a = a;
    // leading capitalised determiners, quantifiers and role modifiers (sentence starts, headlines)
    while a < b {
        let k = words[a].key.as_str();
        let class = if DETERMINERS.contains(&k) {
            Class::Det
        } else if is_quant(k) {
            Class::Quant
        } else if lx.modifiers.contains(k)
            && b - a > 1
            && (PEELED.contains(&k) || lx.titles.contains_key(&words[a + 1].key) || lx.roles.contains_key(&words[a + 1].key))
        {
            Class::RoleMod
        } else {
            break;
        };
        out.push(Item { class, span: words[a].span, key: k.to_string(), possessive: words[a].possessive });
        a += 1;
    }
    if a >= b {
        return;
    }
    let possessive = words[b - 1].possessive;
    let whole = key_of(words, a, b);
    if let Some(kind) = known_entity(lx, &whole) {
        out.push(Item { class: Class::Run(kind), span: span_of(words, a, b), key: whole, possessive });
        return;
    }
    let n_words = words[a..b].iter().filter(|w| w.is_word()).count();
    // one capitalised common noun: a sentence start or a headline ("Officials", "Poll")
    if n_words == 1 && at_start && plural_common_shape(lx, &whole) && noun_class(lx, &whole).is_none() {
        out.push(Item { class: Class::Group, span: span_of(words, a, b), key: whole, possessive });
        return;
    }
    if n_words == 1 {
        if let Some(c) = noun_class(lx, &whole) {
            let at_head = at_start || !matches!(c, Class::Role);
            if at_head {
                out.push(Item { class: c, span: span_of(words, a, b), key: whole, possessive });
                return;
            }
        }
    }
    // a plural or document noun closing the run: "Oversight Committee Republicans", "New Poll"
    if n_words >= 2 {
        let last = &words[b - 1];
        if let Some(c) = noun_class(lx, &last.key) {
            let closing = matches!(c, Class::RolePlural(_) | Class::Group | Class::DemonymPlural | Class::Doc | Class::Post);
            let org_inside = words[a..b - 1].iter().any(|w| w.cap && lx.org_heads.contains_key(&w.key));
            let is_doc = matches!(c, Class::Doc | Class::Post);
            let org_word = lx.org_heads.contains_key(&last.key) || lx.outlet_tails.contains(&last.key);
            if closing && !(org_inside && is_doc) && !org_word {
                read_run(lx, words, text, a, b - 1, at_start, out);
                out.push(Item { class: c, span: last.span, key: last.key.clone(), possessive: last.possessive });
                return;
            }
        }
    }
    // a title inside the run: the name follows the last one
    let mut t = b;
    while t > a + 1 {
        t -= 1;
        let is_name_after = words[t..b].iter().any(|w| is_cap_word(w) && !lx.org_heads.contains_key(&w.key));
        if !is_name_after {
            continue;
        }
        if let Some((n, role)) = title_ending_at(lx, words, a, t - 1) {
            let title_start = t - n;
            if title_start > a {
                read_run(lx, words, text, a, title_start, at_start, out);
            }
            out.push(Item { class: Class::Title(role), span: span_of(words, title_start, t), key: key_of(words, title_start, t), possessive: false });
            let kind = name_kind(lx, words, text, t, b);
            out.push(Item { class: Class::Run(kind), span: span_of(words, t, b), key: key_of(words, t, b), possessive });
            return;
        }
    }
    // a run that is only a title: "Retired General", "President"
    if let Some((n, role)) = title_ending_at(lx, words, a, b - 1) {
        if n == n_words && !lx.titles.contains_key(&whole) {
            let _ = role;
            out.push(Item { class: Class::Role, span: span_of(words, a, b), key: whole, possessive });
            return;
        }
    }
    let kind = name_kind(lx, words, text, a, b);
    out.push(Item { class: Class::Run(kind), span: span_of(words, a, b), key: whole, possessive });
}

/// Longest lexicon phrase starting at `i` (lower-case start), as (tokens, class, key).
fn common_phrase(lx: &Lexicon, words: &[Word], i: usize, e: usize) -> Option<(usize, Class, String)> {
    let max = lx.max_words.min(e - i);
    for n in (1..=max).rev() {
        if !words[i..i + n].iter().all(Word::is_word) {
            continue;
        }
        let k = key_of(words, i, i + n);
        if let Some(c) = noun_class(lx, &k) {
            return Some((n, c, k));
        }
    }
    None
}

/// Reads the phrase starting at token `start`, looking no further than `limit`.
pub fn read(text: &str, words: &[Word], start: usize, limit: usize) -> Reading {
    let lx = lexicon::get();
    let limit = limit.min(words.len());
    let mut i = start;
    while i < limit && (!words[i].is_word() && words[i].tok != Tok::Quote || LEADING_SKIP.contains(&words[i].key.as_str())) {
        i += 1;
    }
    // the head chunk
    let s = i;
    let mut e = i;
    let mut seen_noun = false;
    while e < limit && e - s < 16 {
        let w = &words[e];
        match w.tok {
            Tok::Word => {}
            Tok::Quote | Tok::Other => {
                e += 1;
                continue;
            }
            Tok::Join => {
                let joins = e > s && is_cap_word(&words[e - 1]) && words.get(e + 1).is_some_and(is_cap_word);
                if joins {
                    e += 1;
                    continue;
                }
                break;
            }
            _ => break,
        }
        let k = w.key.as_str();
        if !w.cap {
            let prev_cap = e > s && is_cap_word(&words[e - 1]);
            let next_cap = words.get(e + 1).is_some_and(is_cap_word);
            let prev_plural = e > s && matches!(noun_class(lx, &words[e - 1].key), Some(Class::RolePlural(_) | Class::Group | Class::DemonymPlural));
            let inside_name = prev_cap && next_cap && CONNECTORS.contains(&k) && !prev_plural;
            if BOUNDARY.contains(&k) && !inside_name && e > s {
                break;
            }
            let verb_like = (k.ends_with("ing") || k.ends_with("ed")) && noun_class(lx, k).is_none() && !lx.modifiers.contains(k);
            let noun_next = words.get(e + 1).is_some_and(|n| n.is_word() && (n.cap || noun_class(lx, &n.key).is_some()));
            if seen_noun && verb_like && !noun_next {
                break;
            }
        }
        if w.cap || noun_class(lx, k).is_some() {
            seen_noun = true;
        }
        e += 1;
        if w.possessive && w.cap {
            // "Clinton’s campaign": the possessive is a modifier; go on
        }
    }
    let mut items = Vec::new();
    let mut j = s;
    while j < e {
        let w = &words[j];
        if !w.is_word() {
            j += 1;
            continue;
        }
        let at_start = items.iter().all(|it: &Item| matches!(it.class, Class::Det | Class::Quant | Class::RoleMod));
        let pronoun = w.cap && pronoun_type(&w.key).is_some() && (w.key == "i" || !w.is_acronym(text));
        // "From", "Will", "Saturday’s": capitalised function or calendar words are not names
        let next_cap = words.get(j + 1).is_some_and(|n| j + 1 < e && is_cap_word(n));
        if w.cap && !pronoun && (CALENDAR.contains(&w.key.as_str()) || (!next_cap && (BOUNDARY.contains(&w.key.as_str()) || LEADING_SKIP.contains(&w.key.as_str())))) {
            items.push(Item { class: Class::Other, span: w.span, key: w.key.clone(), possessive: w.possessive });
            j += 1;
            continue;
        }
        let particle_start = !w.cap && PARTICLES.contains(&w.key.as_str()) && words.get(j + 1).is_some_and(is_cap_word) && j + 1 < e;
        if (w.cap && !pronoun) || particle_start {
            let mut r = j + 1;
            if !w.possessive {
                while r < e {
                    let x = &words[r];
                    let prev_cap = is_cap_word(&words[r - 1]) || words[r - 1].tok == Tok::Join;
                    let next_cap = words.get(r + 1).is_some_and(is_cap_word) && r + 1 < e;
                    // "Residents of Mosul": a capitalised plural noun does not start a name
                    let plural_first = r == j + 1
                        && matches!(noun_class(lx, &words[j].key), Some(Class::RolePlural(_) | Class::Group | Class::DemonymPlural));
                    if plural_first && !is_cap_word(x) {
                        break;
                    }
                    let digits = x.is_word() && x.key.chars().next().is_some_and(|c| c.is_ascii_digit());
                    let ok = is_cap_word(x)
                        || (x.is_word() && !x.cap && (CONNECTORS.contains(&x.key.as_str()) || PARTICLES.contains(&x.key.as_str()) || digits) && prev_cap && next_cap)
                        || (x.tok == Tok::Join && next_cap);
                    if !ok {
                        break;
                    }
                    r += 1;
                    if x.possessive {
                        break;
                    }
                }
            }
            read_run(lx, words, text, j, r, at_start, &mut items);
            j = r;
            continue;
        }
        if w.key.starts_with('@') && w.key.len() > 1 {
            items.push(Item { class: Class::Handle, span: w.span, key: w.key.clone(), possessive: false });
            j += 1;
            continue;
        }
        // a role phrase may run past the chunk's end: "the former secretary | of state"
        if let Some((n, c, k)) = common_phrase(lx, words, j, limit) {
            items.push(Item { class: c, span: span_of(words, j, j + n), key: k, possessive: words[j + n - 1].possessive });
            j += n;
            e = e.max(j);
            continue;
        }
        let k = w.key.as_str();
        let class = if DETERMINERS.contains(&k) && !(e - s == 1 && pronoun_type(k).is_some()) {
            Class::Det
        } else if pronoun_type(k).is_some() {
            Class::Pron
        } else if k.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            Class::Number
        } else if is_quant(k) {
            Class::Quant
        } else if lx.modifiers.contains(k) {
            Class::RoleMod
        } else {
            Class::Other
        };
        items.push(Item { class, span: w.span, key: k.to_string(), possessive: w.possessive });
        j += 1;
    }
    let head = find_head(&items);
    let mut reading = Reading { items, head, end: e, pp_affiliation: None, pp_word: String::new(), of_plural: false };
    // a prepositional tail naming an organization: "of the State of Law Coalition",
    // "at the libertarian Cato Institute", "of surgery at Example University"
    if e < limit && words[e].is_word() && words[e].key == "of" {
        let mut p = e + 1;
        while p < limit && words[p].is_word() && (DETERMINERS.contains(&words[p].key.as_str()) || is_quant(&words[p].key)) {
            p += 1;
        }
        reading.of_plural = p < limit && words[p].is_word() && !words[p].cap && {
            let k = &words[p].key;
            matches!(noun_class(lx, k), Some(Class::RolePlural(_) | Class::Group | Class::DemonymPlural))
                || (k.ends_with('s') && !k.ends_with("ss") && noun_class(lx, k).is_none())
        };
    }
    let mut q = e;
    let stop = (e + 14).min(limit);
    while q < stop {
        let w = &words[q];
        if !w.is_word() {
            break;
        }
        if w.cap || !PREPOSITIONS.contains(&w.key.as_str()) {
            q += 1;
            continue;
        }
        let prep = w.key.clone();
        let mut p = q + 1;
        let mut adjectives = 0;
        while p < limit && words[p].is_word() && !words[p].cap {
            let k = words[p].key.as_str();
            if matches!(k, "the" | "a" | "an") {
                p += 1;
            } else if adjectives < 2 && noun_class(lx, k).is_none() && !PREPOSITIONS.contains(&k) && !BOUNDARY.contains(&k) && !is_quant(k) {
                adjectives += 1;
                p += 1;
            } else {
                break;
            }
        }
        let mut r = p;
        while r < limit {
            let x = &words[r];
            let prev_cap = r > p && (is_cap_word(&words[r - 1]) || words[r - 1].tok == Tok::Join);
            let next_cap = words.get(r + 1).is_some_and(is_cap_word);
            // "Security and Defence Committee": "and" inside a name that ends in an org head
            let and_inside = x.is_word() && x.key == "and" && prev_cap && next_cap && {
                let tail = words[r + 1..limit].iter().take_while(|w| is_cap_word(w));
                tail.into_iter().any(|w| lx.org_heads.contains_key(&w.key))
            };
            let ok = is_cap_word(x)
                || (x.is_word() && !x.cap && CONNECTORS.contains(&x.key.as_str()) && prev_cap && next_cap)
                || and_inside
                || (x.tok == Tok::Join && prev_cap && next_cap);
            if !ok {
                break;
            }
            r += 1;
            if x.possessive {
                break;
            }
        }
        // "the Clinton campaign": keep a following institution noun
        while r > p && r < limit && words[r].is_word() && !words[r].cap && lx.institutions.contains_key(&words[r].key) {
            r += 1;
        }
        // "on European defense policy", "in the Clinton ad": the name only modifies a common noun
        let modifies = r > p && r < limit && words[r].is_word() && !words[r].cap && !BOUNDARY.contains(&words[r].key.as_str()) && !lx.institutions.contains_key(&words[r - 1].key);
        if r > p && !modifies && !(r == p + 1 && pronoun_type(&words[p].key).is_some()) {
            reading.pp_affiliation = Some(span_of(words, p, r));
            reading.pp_word = prep;
            reading.end = r;
            break;
        }
        q = p.max(q + 1);
    }
    reading
}

/// The head: the rightmost noun-like item that is not a possessive modifier.
fn find_head(items: &[Item]) -> Option<usize> {
    let nounish = |c: &Class| {
        matches!(
            c,
            Class::Run(_)
                | Class::Role
                | Class::RolePlural(_)
                | Class::Group
                | Class::Doc
                | Class::Post
                | Class::Inst
                | Class::InstPlural
                | Class::DemonymPlural
                | Class::Handle
        )
    };
    let last_word = items.len().checked_sub(1)?;
    // "Property insurance costs": a lone capitalised word opening the phrase, followed
    // only by unknown lower-case words, is a sentence start; the last word is the head
    let opener = items.iter().position(|it| !matches!(it.class, Class::Det | Class::Quant));
    if let Some(o) = opener {
        let lone_name = items[o].class == Class::Run(RunKind::Person) && !items[o].key.contains(' ') && !items[o].possessive;
        if lone_name && o < last_word && items[o + 1..].iter().all(|it| it.class == Class::Other) {
            return Some(last_word);
        }
    }
    for (i, it) in items.iter().enumerate().rev() {
        if nounish(&it.class) {
            let is_modifier = matches!(it.class, Class::Run(RunKind::Party) | Class::Run(RunKind::Demonym));
            if (it.possessive || is_modifier) && i < last_word {
                continue;
            }
            return Some(i);
        }
    }
    // pronouns, quantities, other words
    items.iter().rposition(|it| matches!(it.class, Class::Pron | Class::Quant | Class::Number | Class::Other))
        .or(Some(last_word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sourcetypes::words::tokenize;

    fn head_of(t: &str) -> (String, String) {
        let words = tokenize(t, Span::new(0, t.len()));
        let r = read(t, &words, 0, words.len());
        let h = &r.items[r.head.unwrap()];
        (format!("{:?}", h.class), h.span.text(t).to_string())
    }

    #[test]
    fn heads_table() {
        let cases: &[(&str, &str, &str)] = &[
            ("lawmaker Issam al-Kreiti", "Run(Person)", "Issam al-Kreiti"),
            ("Prime Minister Mohammed Shia al-Sudani", "Run(Person)", "Mohammed Shia al-Sudani"),
            ("the State of Law Coalition", "Run(Org(Political))", "State of Law Coalition"),
            ("a prominent leader of the Example Party", "Role", "leader"),
            ("White House spokesman Josh Earnest", "Run(Person)", "Josh Earnest"),
            ("The government source", "Role", "source"),
            ("A new poll", "Doc", "poll"),
            ("New Poll", "Doc", "Poll"),
            ("Officials", "RolePlural(\"official\")", "Officials"),
            ("Oversight Committee Republicans", "Group", "Republicans"),
            ("the Clinton campaign", "Inst", "campaign"),
            ("Reuters", "Run(Outlet)", "Reuters"),
            ("the Baghdad Tribune", "Run(Outlet)", "Baghdad Tribune"),
            ("Retired U.S. Air Force Gen. Norman Ham", "Run(Person)", "Norman Ham"),
            ("Sen. Lindsey Graham", "Run(Person)", "Lindsey Graham"),
            ("NBC’s Dante Chinni", "Run(Person)", "Dante Chinni"),
            ("the court’s decision", "Doc", "decision"),
            ("Twelve percent", "Quant", "percent"),
            ("he", "Pron", "he"),
            ("@example", "Handle", "@example"),
            ("Americans living in cities", "Group", "Americans"),
            ("One Republican", "Run(Party)", "Republican"),
            ("Federal court", "Inst", "court"),
        ];
        for (t, class, head) in cases {
            let (c, h) = head_of(t);
            assert_eq!((c.as_str(), h.as_str()), (*class, *head), "{t:?}");
        }
    }
}
