//! Sources: one entity behind all the mentions of a speaker.
//!
//! Names match by surname for people and by full name for organisations
//! (`Issam al-Kreiti` … `Al-Kreiti`; titles dropped). Definite descriptions
//! match the most recent source they describe (`the lawmaker`, `the source`,
//! `the government source`). Pronouns go to the most recent compatible
//! source; relative pronouns to their antecedent; follow-on quotations to the
//! source they continue. A lede that withholds a name ("a prominent leader of
//! X revealed…") is joined to the first person named right after it.

use crate::attribution::Candidate;
use crate::lexicon::{self, Lexicon, Lowered};
use crate::quotes::Quote;
use crate::speakers::{Np, NpKind};
use crate::span::Span;
use crate::tokens::{Kind, Token};
use std::collections::HashMap;

/// A source before typing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entity {
    /// All mentions, sorted and unique.
    pub mentions: Vec<Span>,
    /// The best name found so far, with its quality (names beat descriptions).
    pub name: String,
    name_rank: (u8, usize),
    /// Lower-case head and role words seen in its mentions.
    heads: Vec<String>,
    /// Surname or full-name keys.
    keys: Vec<String>,
    person: bool,
    plural: bool,
    /// 'm' or 'f' once a gendered pronoun or honorific names it.
    gender: Option<char>,
    /// Paragraph of the first mention; set for a withheld-name lede.
    lede: Option<usize>,
    has_name: bool,
}

impl Entity {
    /// Adds head and role words it does not have yet.
    fn add_heads(&mut self, heads: impl IntoIterator<Item = String>) {
        push_new(&mut self.heads, heads);
    }

    /// Adds name keys it does not have yet.
    fn add_keys(&mut self, keys: impl IntoIterator<Item = String>) {
        push_new(&mut self.keys, keys);
    }
}

/// Appends the items `list` does not hold yet, in order.
fn push_new(list: &mut Vec<String>, items: impl IntoIterator<Item = String>) {
    for x in items {
        if !list.contains(&x) {
            list.push(x);
        }
    }
}

/// The result: entities and, per candidate, its entity.
pub struct Linked {
    /// The entities.
    pub entities: Vec<Entity>,
    /// Entity index per candidate.
    pub source_of: Vec<Option<usize>>,
}

struct Linker<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lex: &'static Lexicon,
    entities: Vec<Entity>,
    by_key: HashMap<String, usize>,
    /// entities in order of last use (most recent last)
    recent: Vec<usize>,
    /// lower-case form of every token
    lows: &'a Lowered,
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).or_else(|| w.strip_suffix('’')).unwrap_or(w)
}

impl<'a> Linker<'a> {
    fn low(&self, i: usize) -> &'a str {
        self.lows.get(i)
    }

    fn span(&self, np: Np) -> Span {
        self.tokens[np.first].span.cover(self.tokens[np.end - 1].span)
    }

    /// The name part of a phrase: its capitalised run without leading titles.
    fn name_tokens(&self, np: Np) -> Option<(usize, usize)> {
        let mut first = None;
        let mut last = None;
        for i in np.first..np.end {
            let t = self.tokens[i];
            if t.kind == Kind::Word && (t.cap || (first.is_some() && i + 1 < np.end)) {
                let w = self.low(i);
                if first.is_none() && (self.lex.is("determiner", &w) || self.lex.is("not_name", &w)) {
                    continue;
                }
                if first.is_none() {
                    first = Some(i);
                }
                if t.cap {
                    last = Some(i + 1);
                }
            } else if first.is_some() && !(t.kind == Kind::Punct && t.text(self.text) == ".") && t.kind != Kind::Word {
                break;
            }
        }
        let (mut f, mut l) = (first?, last?);
        // drop honorifics and roles in front of a personal name: "Prime Minister X", "Sen. X"
        while f + 1 < l && (self.lex.is("honorific", &self.low(f)) || self.tokens[f + 1].is_punct(self.text, ".") && self.lex.is("abbrev", &self.low(f))) {
            f += 1;
            while f < l && self.tokens[f].kind == Kind::Punct {
                f += 1;
            }
        }
        // a person's name ends before "of": "Rep. Ann Lee of Ohio"
        if !self.is_org_name(f, l) {
            if let Some(cut) = (f + 1..l).find(|&i| matches!(self.low(i), "of" | "from" | "for" | "at" | "in" | "and")) {
                l = cut;
            }
        }
        (f < l).then_some((f, l))
    }

    /// The lower-case noun that ends a phrase after its capitalised run
    /// `..name_end`, before any prepositional tail: `campaign` in "the Trump
    /// campaign", `leaders` in "Central European leaders".
    fn lower_tail(&self, np: Np, name_end: usize) -> Option<usize> {
        let stop = (name_end..np.end).find(|&i| self.tokens[i].kind != Kind::Word || matches!(self.low(i), "of" | "for" | "at" | "from" | "with" | "in" | "on" | "who" | "which" | "and"));
        let last = stop.unwrap_or(np.end).checked_sub(1)?;
        let t = self.tokens[last];
        (last >= name_end && t.kind == Kind::Word && !t.cap && !self.lex.is("pronoun", self.low(last)) && self.low(last).chars().all(|c| c.is_alphabetic() || c == '-')).then_some(last)
    }

    /// An organisation's name: one with an organisation word (`Council`,
    /// `Party`), or a lone acronym in capitals (`NATO`, `F.B.I.`).
    fn is_org_name(&self, first: usize, end: usize) -> bool {
        (first..end).any(|i| self.lex.is("org_head", strip_possessive(self.low(i)))) || self.is_acronym(first, end)
    }

    /// `first..end` is one word written as an acronym ([`acronym_letters`]).
    fn is_acronym(&self, first: usize, end: usize) -> bool {
        let words = (first..end).filter(|&i| self.tokens[i].kind == Kind::Word).count();
        words == 1 && acronym_letters(self.tokens[first].span.cover(self.tokens[end - 1].span).text(self.text)).is_some()
    }

    fn head_words(&self, np: Np) -> Vec<String> {
        let mut out = Vec::new();
        let mut stop = np.end;
        for i in np.first..np.end {
            if self.tokens[i].kind == Kind::Word && matches!(self.low(i), "of" | "for" | "at" | "from" | "with" | "in") {
                stop = i;
                break;
            }
        }
        for i in np.first..stop {
            let t = self.tokens[i];
            // roles written as titles count too: "Transport Minister Pavel Drozd" is a minister
            let title = t.cap && (self.lex.is("honorific", self.low(i)) || self.lex.is("person_head", self.low(i)));
            if t.kind == Kind::Word && (!t.cap || title) {
                let w = title_head(self.low(i));
                if !self.lex.is("determiner", w) {
                    out.push(w.to_string());
                }
            }
        }
        out
    }

    /// The matching key of a name `first..end`: the surname for people,
    /// the whole name for organisations.
    fn key_of(&self, first: usize, end: usize) -> String {
        if self.is_org_name(first, end) {
            let full: Vec<&str> = (first..end).filter(|&i| self.tokens[i].kind == Kind::Word).map(|i| strip_possessive(self.low(i))).collect();
            format!("org:{}", full.join(" "))
        } else {
            let surname = strip_possessive(self.low(end - 1)).trim_start_matches("al-").trim_start_matches("el-");
            format!("per:{surname}")
        }
    }

    /// Adds a phrase set off beside a mention of `e` as another of its mentions.
    fn absorb(&mut self, e: usize, np: Np) {
        let span = self.span(np);
        let heads = self.head_words(np);
        let ent = &mut self.entities[e];
        ent.add_heads(heads);
        if np.kind == NpKind::Name {
            if let Some((f, l)) = self.name_tokens(np) {
                let name = self.tokens[f].span.cover(self.tokens[l - 1].span).text(self.text).to_string();
                self.set_name(e, &name, (2, l - f));
                self.entities[e].has_name = true;
                let key = self.key_of(f, l);
                self.by_key.entry(key.clone()).or_insert(e);
                self.entities[e].add_keys([key]);
            }
        }
        self.add_mention(e, span);
    }

    fn touch(&mut self, e: usize) {
        if let Some(p) = self.recent.iter().rposition(|&x| x == e) {
            self.recent.remove(p);
        }
        self.recent.push(e);
        if self.recent.len() > 64 {
            self.recent.remove(0);
        }
    }

    fn add_mention(&mut self, e: usize, span: Span) {
        // duplicates are removed once, at the end
        self.entities[e].mentions.push(span);
    }

    fn new_entity(&mut self, ent: Entity) -> usize {
        self.entities.push(ent);
        self.entities.len() - 1
    }

    fn set_name(&mut self, e: usize, name: &str, rank: (u8, usize)) {
        let ent = &mut self.entities[e];
        if rank > ent.name_rank {
            ent.name = name.to_string();
            ent.name_rank = rank;
        }
    }

    /// Resolves one speaker phrase to an entity.
    fn resolve(&mut self, np: Np, paragraph: usize) -> usize {
        let span = self.span(np);
        match np.kind {
            NpKind::Pronoun | NpKind::Relative => {
                let w = self.low(np.first).to_string();
                let want_person = matches!(w.as_str(), "he" | "she" | "who" | "i");
                let want_plural = matches!(w.as_str(), "they" | "we");
                let g = match w.as_str() {
                    "he" => Some('m'),
                    "she" => Some('f'),
                    _ => None,
                };
                let found = self.recent.iter().rev().take(8).copied().find(|&e| {
                    let ent = &self.entities[e];
                    if want_person {
                        ent.person && !ent.plural && (g.is_none() || ent.gender.is_none() || ent.gender == g)
                    } else if want_plural {
                        ent.plural || !ent.person
                    } else {
                        !ent.person || w == "which"
                    }
                });
                let e = found.unwrap_or_else(|| {
                    let name = span.text(self.text).to_string();
                    self.new_entity(Entity { name, name_rank: (0, 0), person: want_person, plural: want_plural, ..Entity::default() })
                });
                if g.is_some() {
                    self.entities[e].gender = g;
                }
                self.add_mention(e, span);
                e
            }
            NpKind::Name => {
                let (f, mut l) = self.name_tokens(np).unwrap_or((np.first, np.end));
                // a name used as a modifier: "the Trump campaign" is an organisation,
                // "E.U. leaders" a description
                let common = l == f + 1 && ["person_head", "document_noun"].iter().any(|sec| self.lex.is(sec, self.low(f)));
                if common {
                    // "Critics said": a capitalised common noun
                    return self.resolve(Np { kind: NpKind::Description, ..np }, paragraph);
                }
                if let Some(tail) = self.lower_tail(np, l) {
                    if !self.lex.is("org_head", self.low(tail)) {
                        return self.resolve(Np { kind: NpKind::Description, ..np }, paragraph);
                    }
                    l = tail + 1;
                }
                let org = self.is_org_name(f, l);
                let key = self.key_of(f, l);
                let heads = self.head_words(np);
                let e = match self.by_key.get(&key).copied() {
                    Some(e) => e,
                    None => {
                        // a withheld-name lede waiting for its name
                        let lede = (!org)
                            .then(|| self.recent.iter().rev().take(2).copied().find(|&e| self.entities[e].lede.is_some_and(|p| paragraph <= p + 2) && !self.entities[e].has_name))
                            .flatten();
                        let e = lede.unwrap_or_else(|| {
                            self.new_entity(Entity { person: !org, plural: false, ..Entity::default() })
                        });
                        self.entities[e].lede = None;
                        self.by_key.insert(key.clone(), e);
                        e
                    }
                };
                let name = self.tokens[f].span.cover(self.tokens[l - 1].span).text(self.text).to_string();
                let words = l - f;
                let title = self.low(np.first);
                let g = match title {
                    "mr" => Some('m'),
                    "mrs" | "ms" | "miss" => Some('f'),
                    _ => None,
                };
                if g.is_some() {
                    self.entities[e].gender = g;
                }
                self.set_name(e, &name, (2, words));
                let ent = &mut self.entities[e];
                ent.has_name = true;
                ent.add_keys([key]);
                ent.add_heads(heads);
                self.add_mention(e, span);
                e
            }
            NpKind::Description => {
                let heads = self.head_words(np);
                let head = heads.last().cloned().unwrap_or_default();
                let first = self.low(np.first).to_string();
                let definite = matches!(first.as_str(), "the" | "this" | "that" | "these" | "those") || !self.lex.is("determiner", &first);
                let person = self.lex.is("person_head", &head);
                let plural = head.ends_with('s') && !head.ends_with("ss");
                let found = if definite && !head.is_empty() {
                    self.recent.iter().rev().take(12).copied().find(|&e| self.entities[e].heads.contains(&head))
                } else {
                    None
                };
                let text = span.text(self.text);
                let e = found.unwrap_or_else(|| {
                    let lede = (matches!(first.as_str(), "a" | "an") && person && paragraph <= 1).then_some(paragraph);
                    self.new_entity(Entity { person, plural, lede, ..Entity::default() })
                });
                let mut name = text.to_string();
                if let Some(c) = name.chars().next() {
                    if matches!(first.as_str(), "a" | "an" | "the") {
                        name = c.to_lowercase().chain(name.chars().skip(1)).collect();
                    }
                }
                self.set_name(e, &name, (1, heads.len()));
                let ent = &mut self.entities[e];
                ent.add_heads(heads);
                self.add_mention(e, span);
                e
            }
        }
    }
}

/// Links the candidates' speakers into entities. `quotes` are the text's
/// quotations (pronouns inside one speak from its speaker's point of view);
/// `paragraph_of` gives each candidate's paragraph.
pub fn link(text: &str, tokens: &[Token], lows: &Lowered, quotes: &[Quote], cands: &[Candidate], paragraph_of: &[usize]) -> Linked {
    let mut lk = Linker { text, tokens, lex: lexicon::get(), entities: Vec::new(), by_key: HashMap::new(), recent: Vec::new(), lows };
    let mut source_of: Vec<Option<usize>> = vec![None; cands.len()];
    for (k, c) in cands.iter().enumerate() {
        let para = paragraph_of[k];
        let e = if let Some(f) = c.follows {
            source_of.get(f).copied().flatten()
        } else if let Some(np) = c.speaker {
            if np.kind == NpKind::Relative {
                if let Some(ante) = c.antecedent {
                    let e = lk.resolve(ante, para);
                    let s = lk.span(np);
                    lk.add_mention(e, s);
                    Some(e)
                } else {
                    Some(lk.resolve(np, para))
                }
            } else {
                Some(lk.resolve(np, para))
            }
        } else {
            None
        };
        if let (Some(e), Some(app)) = (e, c.appositive) {
            lk.absorb(e, app);
        }
        if let Some(e) = e {
            lk.touch(e);
        }
        source_of[k] = e;
    }
    merge_acronyms(&mut lk, &mut source_of);
    add_name_repeats(&mut lk);
    merge_descriptions(&mut lk, &mut source_of);
    add_later_mentions(&mut lk, quotes);
    for e in &mut lk.entities {
        tidy(&mut e.mentions);
    }
    // every speaker phrase stays a mention of its source, over any wider repeat
    let mut speakers: Vec<Vec<Span>> = vec![Vec::new(); lk.entities.len()];
    for (k, c) in cands.iter().enumerate() {
        if let (Some(e), Some(np)) = (source_of[k], c.speaker) {
            speakers[e].push(lk.span(np));
        }
    }
    for (e, mut sp) in speakers.into_iter().enumerate() {
        if sp.is_empty() {
            continue;
        }
        sp.sort_unstable();
        sp.dedup();
        let m = &mut lk.entities[e].mentions;
        if sp.iter().all(|s| m.binary_search(s).is_ok()) {
            continue;
        }
        // keep the other mentions that no speaker phrase overlaps (one sorted sweep)
        let mut kept = Vec::with_capacity(m.len() + sp.len());
        let mut j = 0;
        for &x in m.iter() {
            while j < sp.len() && sp[j].end <= x.start {
                j += 1;
            }
            let hit = sp[j.saturating_sub(1)..sp.len().min(j + 2)].iter().any(|s| s.overlaps(x));
            if !hit {
                kept.push(x);
            }
        }
        kept.extend(sp);
        kept.sort_unstable();
        kept.dedup();
        *m = kept;
    }
    Linked { entities: lk.entities, source_of }
}

/// Adds pronouns and definite descriptions that refer to a source, in one
/// pass in text order: a pronoun goes to the most recent compatible source
/// unless another name came between; "the senator" to the most recent source
/// described so.
fn add_later_mentions(lk: &mut Linker, quotes: &[Quote]) {
    if lk.entities.is_empty() {
        return;
    }
    // mention starts in text order
    let mut anchors: Vec<(usize, usize)> = lk.entities.iter().enumerate().flat_map(|(e, ent)| ent.mentions.iter().map(move |m| (m.start, e))).collect();
    anchors.sort_unstable();
    let mut covered: Vec<Span> = lk.entities.iter().flat_map(|e| e.mentions.iter().copied()).collect();
    covered.sort_unstable();
    let mut next_anchor = 0;
    let mut last_seen = vec![None::<usize>; lk.entities.len()]; // token index of the entity's last mention
    let mut last_other_name = None::<usize>;
    let mut recent: Vec<usize> = Vec::with_capacity(17);
    let mut adds: Vec<(usize, Span)> = Vec::new();
    let mut cov = 0;
    let mut q = 0;
    let tokens = lk.tokens;
    for (i, t) in tokens.iter().enumerate() {
        while next_anchor < anchors.len() && anchors[next_anchor].0 <= t.span.start {
            let e = anchors[next_anchor].1;
            last_seen[e] = Some(i);
            if let Some(p) = recent.iter().position(|&x| x == e) {
                recent.remove(p);
            }
            recent.push(e);
            if recent.len() > 16 {
                recent.remove(0);
            }
            next_anchor += 1;
        }
        while cov < covered.len() && covered[cov].end <= t.span.start {
            cov += 1;
        }
        let inside = covered.get(cov).is_some_and(|c| c.start <= t.span.start);
        if t.kind != Kind::Word || inside {
            continue;
        }
        let w = lk.low(i);
        let sentence_start = i == 0 || matches!(tokens[i - 1].kind, Kind::Newline | Kind::Quote(_)) || tokens[i - 1].is_punct(lk.text, ".");
        if t.cap && !sentence_start && !lk.lex.is("not_name", &w) && !lk.lex.is("honorific", &w) {
            if person_like(lk, i) {
                last_other_name = Some(i);
            }
            continue;
        }
        // the gender each entity was given when a pronoun or honorific named it
        let want = match w {
            "he" | "him" | "his" | "himself" => Some('m'),
            "she" | "her" | "hers" | "herself" => Some('f'),
            "they" | "them" | "their" | "themselves" => Some('p'),
            "its" | "itself" => Some('n'),
            _ => None,
        };
        let mut quoted = || {
            while q < quotes.len() && quotes[q].span.end <= t.span.start {
                q += 1;
            }
            quotes.get(q).is_some_and(|x| x.span.start <= t.span.start)
        };
        if let Some(g) = want.filter(|_| !quoted()) {
            let fits = |ent: &Entity| match g {
                'p' => ent.plural,
                'n' => !ent.person && !ent.plural,
                _ => ent.person && !ent.plural && ent.gender.is_none_or(|have| have == g),
            };
            let best = recent
                .iter()
                .copied()
                .filter(|&e| fits(&lk.entities[e]))
                .filter_map(|e| last_seen[e].map(|p| (p, e)))
                .max();
            if let Some((p, e)) = best {
                let near = i - p < 120;
                let blocked = last_other_name.is_some_and(|o| o > p);
                if near && !blocked {
                    adds.push((e, t.span));
                    last_seen[e] = Some(i);
                }
            }
            continue;
        }
        // "the senator", "the lawmaker": a definite description of a source
        if w == "the" && i + 1 < tokens.len() && tokens[i + 1].kind == Kind::Word && !tokens[i + 1].cap {
            let head = lk.low(i + 1);
            if lk.lex.is("person_head", &head) {
                let best = recent.iter().copied().filter(|&e| lk.entities[e].heads.iter().any(|h| h == head)).filter_map(|e| last_seen[e].map(|p| (p, e))).max();
                if let Some((p, e)) = best {
                    if i - p < 400 {
                        adds.push((e, t.span.cover(tokens[i + 1].span)));
                        last_seen[e] = Some(i);
                    }
                }
            }
        }
    }
    for (e, s) in adds {
        lk.entities[e].mentions.push(s);
    }
}

/// The letters of a word written as an acronym (`FBI`, `F.B.I.`, `IRS's`),
/// in lower case: 2 to 6 letters, all capitals, a possessive and any dots or
/// other marks aside. Allocates only for an acronym.
fn acronym_letters(word: &str) -> Option<String> {
    let word = word.strip_suffix("'S").or_else(|| word.strip_suffix("’S")).unwrap_or(strip_possessive(word));
    let letters = || word.chars().filter(|c| c.is_alphabetic());
    let n = letters().count();
    ((2..=6).contains(&n) && letters().all(|c| c.is_ascii_uppercase())).then(|| letters().map(|c| c.to_ascii_lowercase()).collect())
}

/// Records that `key` names entity `e`: `None` once two entities share it.
fn note_unique(map: &mut HashMap<String, Option<usize>>, key: String, e: usize) {
    map.entry(key).and_modify(|x| if *x != Some(e) { *x = None }).or_insert(Some(e));
}

/// Words left out of an organisation's initials ("Bureau of Investigation" → BI).
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "on", "in", "at", "to", "de", "&"];

/// The initials of an organisation key (`org:internal revenue service` →
/// `irs`), when it has two to six initialled words.
fn acronym_of(key: &str) -> Option<String> {
    let words = key.strip_prefix("org:")?;
    let initials: String = words.split(' ').filter(|w| !ACRONYM_SKIP.contains(w)).filter_map(|w| w.chars().next()).filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&initials.chars().count()).then_some(initials)
}

/// A name key that is itself an acronym (`per:fbi`, `org:i.r.s`), with its dots
/// dropped, when the name was written in capitals.
fn acronym_key(key: &str) -> Option<String> {
    let word = key.split_once(':')?.1;
    let bare: String = word.chars().filter(|&c| c != '.').collect();
    (!word.contains(' ') && (2..=6).contains(&bare.chars().count()) && bare.chars().all(|c| c.is_alphabetic())).then_some(bare)
}

/// Joins a source named by an acronym (`the FBI`, `the I.R.S.`) to the one
/// named in full (`the Federal Bureau of Investigation`), when the text
/// spells both.
fn merge_acronyms(lk: &mut Linker, source_of: &mut [Option<usize>]) {
    let n = lk.entities.len();
    let mut full: HashMap<String, usize> = HashMap::new();
    for (e, ent) in lk.entities.iter().enumerate() {
        for k in &ent.keys {
            if let Some(a) = acronym_of(k) {
                full.entry(a).or_insert(e);
            }
        }
    }
    if full.is_empty() {
        return;
    }
    let mut into: Vec<usize> = (0..n).collect();
    for d in 0..n {
        let ent = &lk.entities[d];
        // written in capitals in one of its mentions: "FBI", "I.R.S.", not "Irs"
        let in_capitals = |a: &str| ent.mentions.iter().any(|m| m.text(lk.text).split_whitespace().any(|w| acronym_letters(w).as_deref() == Some(a)));
        let target = ent.keys.iter().filter_map(|k| acronym_key(k)).filter(|a| in_capitals(a)).find_map(|a| full.get(&a).copied());
        if let Some(e) = target.filter(|&e| e != d && into[e] == e) {
            into[d] = e;
        }
    }
    apply_merges(lk, &into, source_of);
}

/// The organisations' names to find again: each full name by its first
/// word, and each acronym (`irs` for the Internal Revenue Service, or one
/// written so).
struct OrgNames {
    full: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// `None` when two organisations share the acronym.
    acronyms: HashMap<String, Option<usize>>,
}

impl OrgNames {
    fn of(entities: &[Entity]) -> OrgNames {
        let mut out = OrgNames { full: HashMap::new(), acronyms: HashMap::new() };
        for (e, ent) in entities.iter().enumerate() {
            for k in &ent.keys {
                let Some(words) = k.strip_prefix("org:") else { continue };
                let words: Vec<String> = words.split(' ').map(str::to_string).collect();
                if words.len() >= 2 {
                    out.full.entry(words[0].clone()).or_default().push((words, e));
                }
                for a in [acronym_of(k), acronym_key(k)].into_iter().flatten() {
                    note_unique(&mut out.acronyms, a, e);
                }
            }
        }
        out
    }

    fn is_empty(&self) -> bool {
        self.full.is_empty() && self.acronyms.is_empty()
    }

    /// The organisation named at token `i` and the end of its name.
    fn at(&self, lk: &Linker, i: usize) -> Option<(usize, usize)> {
        if let Some(&Some(e)) = acronym_letters(lk.tokens[i].text(lk.text)).and_then(|a| self.acronyms.get(&a)) {
            return Some((e, i + 1));
        }
        let w = strip_possessive(lk.low(i));
        self.full.get(w)?.iter().find_map(|(words, e)| {
            let mut k = i;
            for want in words {
                while k < lk.tokens.len() && lk.tokens[k].kind == Kind::Punct && lk.tokens[k].text(lk.text) == "." {
                    k += 1;
                }
                if k >= lk.tokens.len() || lk.tokens[k].kind != Kind::Word || strip_possessive(lk.low(k)) != want {
                    return None;
                }
                k += 1;
            }
            Some((*e, k))
        })
    }
}

/// A capitalised word that may name another person, and so stands between a
/// pronoun and an earlier source: part of a run of two or more capitalised
/// words with no organisation word and no "the" before it ("Jane Doe"). A
/// lone capitalised word is more often a place, a party or a month.
fn person_like(lk: &Linker, i: usize) -> bool {
    let cap = |k: usize| lk.tokens.get(k).is_some_and(|t| t.kind == Kind::Word && t.cap);
    let mut f = i;
    while f > 0 && cap(f - 1) && i - f < 4 {
        f -= 1;
    }
    let mut e = i + 1;
    while cap(e) && e - i < 4 {
        e += 1;
    }
    let org = (f..e).any(|k| lk.lex.is("org_head", strip_possessive(lk.low(k))));
    let the = f > 0 && lk.tokens[f - 1].kind == Kind::Word && lk.low(f - 1) == "the";
    e - f >= 2 && !org && !the
}

/// Adds every other occurrence of a source's surname as a mention, in one pass.
fn add_name_repeats(lk: &mut Linker) {
    let mut surnames: HashMap<String, usize> = HashMap::new();
    for (e, ent) in lk.entities.iter().enumerate() {
        for k in &ent.keys {
            if let Some(s) = k.strip_prefix("per:") {
                if s.chars().count() > 1 && !identity_word(s) {
                    surnames.insert(s.to_string(), e);
                }
            }
        }
    }
    let orgs = OrgNames::of(&lk.entities);
    if surnames.is_empty() && orgs.is_empty() {
        return;
    }
    let mut adds = Vec::new();
    let mut first_names: HashMap<String, Option<usize>> = HashMap::new();
    for (i, t) in lk.tokens.iter().enumerate() {
        if t.kind != Kind::Word || !t.cap {
            continue;
        }
        if let Some((e, end)) = orgs.at(lk, i) {
            adds.push((e, t.span.cover(lk.tokens[end - 1].span)));
            continue;
        }
        let w = lk.low(i);
        let key = strip_possessive(&w).trim_start_matches("al-").trim_start_matches("el-");
        let Some(&e) = surnames.get(key) else { continue };
        // "the Trump campaign", "Clinton aides": the name modifies another noun
        let modifier = lk.tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Word && n.span.start == t.span.end + 1 && {
            let next = lk.low(i + 1);
            lk.lex.is("org_head", next) || (!n.cap && lk.lex.is("person_head", next))
        });
        if !modifier {
            // widen to the capitalised run ending here
            let mut f = i;
            while f > 0
                && lk.tokens[f - 1].kind == Kind::Word
                && lk.tokens[f - 1].cap
                && i - f < 4
                && !["not_name", "pronoun", "determiner"].iter().any(|sec| lk.lex.is(sec, lk.low(f - 1)))
            {
                f -= 1;
            }
            adds.push((e, lk.tokens[f].span.cover(t.span)));
            if f + 1 == i && lk.entities[e].person {
                let first = lk.low(f);
                if first.chars().count() > 2 && first.chars().all(char::is_alphabetic) && !lk.lex.is("honorific", first) && !identity_word(first) {
                    note_unique(&mut first_names, first.to_string(), e);
                }
            }
            // "President Obama" makes him a president, for "the president" later
            let titles = (f..i).filter(|&j| lk.tokens[j].kind == Kind::Word).map(|j| title_head(lk.low(j))).filter(|w| lk.lex.is("person_head", w));
            let titles: Vec<String> = titles.map(str::to_string).collect();
            lk.entities[e].add_heads(titles);
        }
    }
    // a person's first name standing alone ("Hillary"), when one source alone has it
    for (i, t) in lk.tokens.iter().enumerate() {
        if t.kind != Kind::Word || !t.cap {
            continue;
        }
        let key = strip_possessive(lk.low(i));
        let Some(Some(e)) = first_names.get(key).copied() else { continue };
        let capital = |k: usize| lk.tokens.get(k).is_some_and(|n| n.kind == Kind::Word && n.cap);
        if !surnames.contains_key(key) && !capital(i + 1) && (i == 0 || !capital(i - 1)) {
            adds.push((e, t.span));
        }
    }
    for (e, s) in adds {
        lk.entities[e].mentions.push(s);
    }
}

/// The role an abbreviated title stands for (`sen` → `senator`), from the
/// source-type titles list.
fn title_head(w: &str) -> &str {
    crate::sourcetypes::lexicon::get().titles.get(w).map(String::as_str).filter(|r| !r.is_empty() && !r.contains(' ')).unwrap_or(w)
}

/// Party adjectives, demonyms and identity adjectives ("Republican",
/// "European", "Black") are never surnames to repeat.
fn identity_word(w: &str) -> bool {
    let types = crate::sourcetypes::lexicon::get();
    // plural group names ("Republicans", "Iraqis") do repeat: each names the same group
    (types.parties.contains_key(w) && !w.ends_with('s')) || types.demonyms.contains_key(w)
}

/// Joins a source known only by a definite description ("the president",
/// "the senator") to the named person last given that title before it
/// ("President Obama", "Sen. Lee"), and renumbers the entities.
fn merge_descriptions(lk: &mut Linker, source_of: &mut [Option<usize>]) {
    let n = lk.entities.len();
    let first = |ent: &Entity| ent.mentions.iter().map(|m| m.start).min();
    let mut into: Vec<usize> = (0..n).collect();
    for d in 0..n {
        let ent = &lk.entities[d];
        if ent.has_name || !ent.person || ent.plural || !ent.name.starts_with("the ") {
            continue;
        }
        let Some(head) = ent.name.rsplit(' ').next().filter(|h| lk.lex.is("person_head", h)) else { continue };
        let Some(at) = first(ent) else { continue };
        let best = (0..n)
            .filter(|&e| e != d && into[e] == e && lk.entities[e].has_name && lk.entities[e].person && !lk.entities[e].plural)
            .filter(|&e| lk.entities[e].heads.iter().any(|h| h == head))
            .filter_map(|e| lk.entities[e].mentions.iter().map(|m| m.start).filter(|&s| s < at).max().map(|s| (s, e)))
            .max();
        if let Some((_, e)) = best {
            into[d] = e;
        }
    }
    apply_merges(lk, &into, source_of);
}

/// Moves every entity `d` with `into[d] != d` into entity `into[d]` (a
/// survivor: `into[into[d]] == into[d]`), renumbers the survivors in order
/// and remaps `source_of`.
fn apply_merges(lk: &mut Linker, into: &[usize], source_of: &mut [Option<usize>]) {
    let n = into.len();
    if into.iter().enumerate().all(|(d, &e)| d == e) {
        return;
    }
    // the survivors keep their order; each merged entity goes into its survivor
    let mut new_index = vec![0; n];
    for (kept, d) in (0..n).filter(|&d| into[d] == d).enumerate() {
        new_index[d] = kept;
    }
    let mut merged = Vec::new();
    for (d, ent) in std::mem::take(&mut lk.entities).into_iter().enumerate() {
        if into[d] == d {
            lk.entities.push(ent);
        } else {
            merged.push((new_index[into[d]], ent));
        }
    }
    for (e, ent) in merged {
        let survivor = &mut lk.entities[e];
        survivor.mentions.extend(ent.mentions);
        survivor.add_heads(ent.heads);
        survivor.add_keys(ent.keys);
        survivor.has_name |= ent.has_name;
    }
    for s in source_of.iter_mut() {
        if let Some(e) = *s {
            *s = Some(new_index[into[e]]);
        }
    }
    lk.recent.clear();
    lk.by_key.clear();
}

/// Sorts mentions and drops any that overlaps an earlier, longer-or-equal one.
fn tidy(mentions: &mut Vec<Span>) {
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Span> = Vec::with_capacity(mentions.len());
    for &m in mentions.iter() {
        if out.last().is_some_and(|l| l.overlaps(m)) {
            continue;
        }
        out.push(m);
    }
    *mentions = out;
}

#[cfg(test)]
mod tests {
    /// The mentions of every source of `text`, as text (ASCII texts only, so
    /// UTF-16 offsets are byte offsets).
    fn sources(text: &str) -> Vec<Vec<String>> {
        crate::analyze(text).sources.iter().map(|s| s.mentions.iter().map(|m| text[m.start..m.end].to_string()).collect()).collect()
    }

    fn source_with<'a>(all: &'a [Vec<String>], mention: &str) -> Option<&'a Vec<String>> {
        all.iter().find(|s| s.iter().any(|m| m == mention))
    }

    /// (text, a mention, the other mentions its source must have, mentions it must not have)
    const LINKS: &[(&str, &str, &[&str], &[&str])] = &[
        // possessive and reflexive pronouns follow the person
        ("Mayor Ana Ruiz said the budget was fair. Critics disputed her figures.", "Mayor Ana Ruiz", &["her"], &[]),
        ("Dr. Ken Obi said the drug works. His trial ended in May.", "Dr. Ken Obi", &["His"], &[]),
        // a plural group takes "their"
        ("Local farmers said the dam had failed. Their fields flooded twice.", "Local farmers", &["Their"], &[]),
        // a name used as a modifier is no person: the campaign is its own source
        ("Tom Hale said he would win. The Hale campaign said the polls were wrong.", "Tom Hale", &[], &["The Hale campaign", "Hale campaign"]),
        // "E.U. leaders" is a description, so later "E.U." is no mention of it
        ("E.U. leaders said the plan was dead. The E.U. budget rose.", "E.U. leaders", &[], &["E.U."]),
        // a person's name stops before "of": "of Ohio" is no surname
        ("Representative Jane Lowe of Ohio said the bill would pass. Ohio voters agreed.", "Representative Jane Lowe of Ohio", &[], &["Ohio"]),
        // a description takes the named person last given that title
        ("President Ana Kol said the treaty holds. The president said it twice.", "President Ana Kol", &["The president"], &[]),
        ("Sen. Raj Patel said the vote is close. The senator said more later.", "Sen. Raj Patel", &["The senator"], &[]),
        ("Sen. Raj Patel said the vote is close. The president said it was not.", "Sen. Raj Patel", &[], &["The president"]),
        // a surname that modifies a noun is no mention; party words never repeat
        ("Tom Hale said he would win. Hale aides said the same.", "Tom Hale", &[], &["Hale"]),
        ("A Republican said the bill was dead. Republican votes were missing.", "A Republican", &[], &["Republican"]),
        // a first name alone names the one source that has it
        ("Hillary Rodham said she would run. Hillary later smiled.", "Hillary Rodham", &["Hillary"], &[]),
        ("Ann Lee said it was late. Ann Park said it was not. Ann left.", "Ann Lee", &[], &["Ann"]),
        // plural group names repeat
        ("Republicans said the bill would fail. Republicans then left.", "Republicans", &["Republicans"], &[]),
        // two-letter surnames repeat too
        ("Dr. Mehmet Oz said the test was routine. Oz added nothing.", "Dr. Mehmet Oz", &["Oz"], &[]),
        // a pronoun reaches past a lone capitalised word (a place), not past another full name
        ("Mayor Ana Ruiz said the budget was fair. Voters in Ohio cheered her plan.", "Mayor Ana Ruiz", &["her"], &[]),
        ("Mayor Ana Ruiz said the budget was fair. Then Kim Lee criticized her plan.", "Mayor Ana Ruiz", &[], &["her"]),
        // an acronym names the organisation spelled out before, dotted or not, possessive too
        (
            "The Federal Bureau of Investigation said it had closed the case. Later the F.B.I. said the files were public.",
            "The Federal Bureau of Investigation",
            &["the F.B.I."],
            &[],
        ),
        ("The Internal Revenue Service said the audit was routine. The IRS's letter came in May.", "The Internal Revenue Service", &["IRS's"], &[]),
        // an organisation's full name repeats
        ("The Tax Policy Center said the plan would cost more. Economists outside the Tax Policy Center disagreed.", "The Tax Policy Center", &["Tax Policy Center"], &[]),
        // another acronym is another organisation, and takes its own "its"
        ("The National Rifle Association said the law failed. The NBA said its season starts soon.", "The NBA", &["its"], &[]),
        ("The National Rifle Association said the law failed. The NBA said its season starts soon.", "The National Rifle Association", &[], &["The NBA", "its"]),
    ];

    #[test]
    fn links_table() {
        for &(text, anchor, with, without) in LINKS {
            let all = sources(text);
            let s = source_with(&all, anchor).unwrap_or_else(|| panic!("no source with {anchor:?} in {text:?}: {all:?}"));
            for m in with {
                assert!(s.iter().any(|x| x == m), "{anchor:?} lacks {m:?} in {text:?}: {s:?}");
            }
            for m in without {
                assert!(!s.iter().any(|x| x == m), "{anchor:?} has {m:?} in {text:?}: {s:?}");
            }
        }
    }
}
