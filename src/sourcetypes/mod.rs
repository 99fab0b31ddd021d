//! Source types, roles, affiliations and anonymity (GUIDE.md §2).
//!
//! [`classify`] reads every mention of one source and the words right around
//! each (a title before a name, an appositive after it, a relative clause, a
//! fronted `Speaking on condition of anonymity,`), lets each mention vote for
//! a type with a strength, and keeps the strongest: a personal name outweighs
//! `the lawmaker`, which outweighs `he`. Windows are bounded, so typing all
//! sources stays linear in the length of the text.
//!
//! The helpers ([`is_role_noun`], [`role_of`], [`is_media_outlet`],
//! [`is_organization_name`], [`phrase_type`]) expose the same lexicons to the
//! speaker finder and coreference.

pub mod affiliation;
pub mod anonymity;
pub mod lexicon;
pub mod phrase;
pub mod words;

use crate::model::{AffiliationKind, SourceType};
use crate::span::Span;
use phrase::{Class, Item, Reading, RunKind};
pub use words::Words;
use words::{tokenize, Tok, Word};

/// What the typing decides for one source.
#[derive(Clone, Debug, PartialEq)]
pub struct Typing {
    /// The source type.
    pub source_type: SourceType,
    /// Role or title.
    pub role: Option<String>,
    /// Affiliation.
    pub affiliation: Option<String>,
    /// Sphere of the affiliation.
    pub affiliation_kind: AffiliationKind,
    /// The phrase granting or explaining anonymity.
    pub anonymity_marker: Option<Span>,
    /// The rule that decided the type (a name from [`crate::rules::RULES`]).
    pub rule: &'static str,
}

/// Bytes read after a mention for an appositive or a party code.
const AFTER: usize = 200;
/// Bytes read before a mention for a title (`lawmaker` in `lawmaker Issam al-Kreiti`).
const BEFORE: usize = 90;
/// Bytes read on each side of a mention to qualify a bare `government`.
const QUALIFY: usize = 320;
/// The widest window any reading takes around a mention (for [`Words::around`]).
pub const WINDOW: usize = 400;
const _: () = assert!(WINDOW >= BEFORE && WINDOW >= AFTER && WINDOW >= QUALIFY && WINDOW >= anonymity::BEFORE && WINDOW >= anonymity::AFTER);

/// One mention's vote for a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vote {
    /// The type.
    pub source_type: SourceType,
    /// 1 (a pronoun) to 4 (a full name, or an anonymity marker).
    pub strength: u8,
    /// The rule behind it.
    pub rule: &'static str,
}

/// A weighted candidate for a role or an affiliation.
#[derive(Clone, Debug, PartialEq)]
struct Cand {
    text: String,
    weight: u32,
    kind: AffiliationKind,
    /// A bare institution noun (`government`) to qualify from the context.
    bare: bool,
}

/// True when a mention's vote leaves room for anonymity: no vote, an unnamed
/// type, or a bare pronoun.
fn leaves_anonymity(v: Option<Vote>) -> bool {
    v.map_or(true, |v| v.source_type.is_anonymous() || v.rule == "pronoun-only")
}

/// Everything read from one mention.
#[derive(Clone, Debug, Default)]
struct MentionReading {
    vote: Option<Vote>,
    roles: Vec<Cand>,
    affiliations: Vec<Cand>,
    /// The sphere of the entity itself (an organization or outlet).
    self_kind: Option<AffiliationKind>,
    /// The sphere implied by a group noun or role noun alone.
    noun_kind: Option<AffiliationKind>,
    marker: Option<anonymity::Marker>,
}

fn vote(source_type: SourceType, strength: u8, rule: &'static str) -> Option<Vote> {
    Some(Vote { source_type, strength, rule })
}

/// Role words that make an unnamed person speak for an organization.
fn is_spokes(key: &str) -> bool {
    key.starts_with("spokes") || key == "press officer" || key == "press secretary" || key == "representative"
}

/// The role text of a role item with the modifiers right before it.
fn role_text(items: &[Item], at: usize, role: &str) -> String {
    let mut mods = Vec::new();
    let mut i = at;
    while i > 0 && matches!(items[i - 1].class, Class::RoleMod) {
        i -= 1;
        mods.push(items[i].key.clone());
    }
    mods.reverse();
    mods.push(role.to_string());
    mods.join(" ")
}

/// The sphere of a role key (singular).
fn role_kind(role: &str) -> AffiliationKind {
    let lx = lexicon::get();
    let last = role.rsplit(' ').next().unwrap_or(role);
    lx.roles.get(role).or_else(|| lx.roles.get(last)).copied().unwrap_or(AffiliationKind::Unknown)
}

/// Affiliation candidates from the items before `until` (the head or the title).
fn modifier_affiliations(text: &str, items: &[Item], until: usize, role: Option<&str>, out: &mut Vec<Cand>) {
    let lx = lexicon::get();
    // the last contiguous stretch of names (and institution nouns after them) before `until`
    let mut stretch: Option<(usize, usize)> = None;
    for (i, it) in items[..until].iter().enumerate() {
        match &it.class {
            Class::Run(RunKind::Party) => {
                if let Some(p) = lx.parties.get(&it.key) {
                    out.push(Cand { text: p.clone(), weight: 2, kind: AffiliationKind::Political, bare: false });
                }
                stretch = None;
            }
            Class::Run(RunKind::Demonym) => {
                let kind = role.map(role_kind).unwrap_or(AffiliationKind::Unknown);
                let body = match kind {
                    AffiliationKind::Government | AffiliationKind::International => Some("government"),
                    AffiliationKind::MilitarySecurity => Some("military"),
                    _ => None,
                };
                if let Some(body) = body {
                    let d = lx.demonyms.get(&it.key).cloned().unwrap_or_else(|| it.span.text(text).to_string());
                    out.push(Cand { text: format!("{d} {body}"), weight: 1, kind, bare: false });
                }
                stretch = None;
            }
            // a place before a capitalised title: "Vermont Sen.", "Oversight Chairman"
            Class::Run(RunKind::Person) if !it.possessive && matches!(items.get(i + 1).map(|n| &n.class), Some(Class::Title(_))) => {
                stretch = None;
            }
            Class::Run(_) => {
                stretch = match stretch {
                    Some((f, l)) if l + 1 == i && !items[l].possessive => Some((f, i)),
                    done => {
                        // "Clinton’s top IT staffer": the possessive owner is a candidate of its own
                        if let Some((f, l)) = done {
                            out.push(named_affiliation(Span::new(items[f].span.start, items[l].span.end).text(text), 2));
                        }
                        Some((i, i))
                    }
                };
            }
            Class::Inst => match stretch {
                Some((f, l)) if l + 1 == i && !items[l].possessive => stretch = Some((f, i)),
                _ => {
                    let kind = lx.institutions.get(&it.key).copied().unwrap_or(AffiliationKind::Unknown);
                    out.push(Cand { text: it.span.text(text).to_string(), weight: 1, kind, bare: true });
                }
            },
            Class::Det | Class::Quant => {}
            _ => {
                if let Some((_, l)) = stretch {
                    if l + 1 == i && !items[l].possessive {
                        // "Trump campaign spokesman": keep; anything else ends the stretch
                    }
                }
            }
        }
    }
    if let Some((f, l)) = stretch {
        let span = Span::new(items[f].span.start, items[l].span.end);
        out.push(named_affiliation(span.text(text), 2));
    }
}

/// An affiliation candidate for a name, with party words mapped to the party
/// (`GOP` → `Republican Party`).
fn named_affiliation(name: &str, weight: u32) -> Cand {
    let lx = lexicon::get();
    match lx.parties.get(&lexicon::phrase_key(name)) {
        Some(p) => Cand { text: p.clone(), weight, kind: AffiliationKind::Political, bare: false },
        None => Cand { text: name.to_string(), weight, kind: affiliation::kind_of(name), bare: false },
    }
}

/// True when the role at `h` is introduced by `the`/`this`/`that` or a named
/// possessive (`the city’s`, `Clinton’s`), with no indefinite article or number.
fn definite(items: &[Item], h: usize) -> bool {
    let first = items[..h].iter().find(|it| !matches!(it.class, Class::RoleMod));
    match first {
        Some(it) if it.class == Class::Det => matches!(it.key.as_str(), "the" | "this" | "that"),
        Some(it) => it.possessive && matches!(it.class, Class::Run(_) | Class::Inst),
        // a bare capitalised title ("Publisher", "Chairman"): the name was cut off after it
        None => items[h].span.start == items[0].span.start && items[h].key.chars().count() > 2 && h + 1 == items.len(),
    }
}

/// Roles whose holders speak for their organisation as a body.
fn speaks_for_org(role: &str) -> bool {
    is_spokes(role) || matches!(role, "official" | "executive" | "staffer" | "employee")
}

/// True when the noun at `h` is directly preceded by an organisation's name
/// (not a country, party, people or possessive): "Acme Corp. | executives",
/// "Clinton campaign | officials".
fn named_before(items: &[Item], h: usize) -> bool {
    let Some(prev) = h.checked_sub(1).map(|p| &items[p]) else { return false };
    if prev.possessive {
        return false;
    }
    match &prev.class {
        Class::Run(RunKind::Org(_) | RunKind::Acronym | RunKind::Outlet | RunKind::Person) => true,
        Class::Inst => h >= 2 && matches!(items[h - 2].class, Class::Run(RunKind::Org(_) | RunKind::Acronym | RunKind::Person)),
        _ => false,
    }
}

/// Relation nouns: weak as roles (`his wife` is rarely the role the story gives).
fn is_relation(role: &str) -> bool {
    matches!(
        role,
        "wife" | "husband" | "son" | "daughter" | "mother" | "father" | "brother" | "sister" | "friend" | "relative" | "parent" | "man" | "woman" | "person" | "individual"
    )
}

/// Reads one phrase (the head chunk of a mention or an appositive) into `r`.
fn read_phrase(text: &str, reading: &Reading, r: &mut MentionReading, main: bool, marker_strong: bool) {
    let lx = lexicon::get();
    let items = &reading.items;
    let Some(h) = reading.head else { return };
    let head = &items[h];
    let only_words: Vec<&Item> = items.iter().filter(|it| !matches!(it.class, Class::Det)).collect();
    let pp = reading.pp_affiliation.map(|s| s.text(text).to_string());
    let pp_kind = pp.as_deref().map(affiliation::kind_of).unwrap_or(AffiliationKind::Unknown);
    let push_pp = |r: &mut MentionReading, weight: u32| {
        if let Some(p) = &pp {
            if reading.pp_word != "in" || pp_kind != AffiliationKind::Unknown {
                r.affiliations.push(named_affiliation(p, weight));
            }
        }
    };
    let mut v = None;
    match &head.class {
        Class::Run(kind) => {
            // a title right before the name, or a role noun before it ("lawmaker X")
            let mut title_at = None;
            if h > 0 {
                match &items[h - 1].class {
                    Class::Title(role) if !role.is_empty() => title_at = Some((h - 1, role.clone())),
                    Class::Title(_) => {}
                    Class::Role => title_at = Some((h - 1, items[h - 1].key.clone())),
                    _ => {}
                }
            }
            if let Some((t, role)) = &title_at {
                r.roles.push(Cand { text: role_text(items, *t, role), weight: 3, kind: role_kind(role), bare: false });
            }
            let until = title_at.as_ref().map_or(h, |(t, _)| *t);
            v = match kind {
                RunKind::Person => {
                    modifier_affiliations(text, items, until, title_at.as_ref().map(|(_, r)| r.as_str()), &mut r.affiliations);
                    // "at the Cato Institute", "of the Tax Foundation"; not a home town ("of New Mexico")
                    if matches!(reading.pp_word.as_str(), "at" | "for" | "with") || reading.pp_word == "of" && pp_kind != AffiliationKind::Unknown {
                        push_pp(r, 3);
                    }
                    // a full name (or a titled one) is stronger evidence than a lone surname
                    let tokens = head.key.split(' ').count();
                    let strength = if tokens >= 2 || title_at.is_some() || h > 0 && matches!(items[h - 1].class, Class::Title(_)) { 4 } else { 3 };
                    vote(SourceType::NamedPerson, strength, "named-person")
                }
                RunKind::Outlet => {
                    r.self_kind = Some(AffiliationKind::Media);
                    vote(SourceType::MediaOutlet, 4, "media-outlet")
                }
                RunKind::Org(k) => {
                    r.self_kind = Some(*k);
                    vote(SourceType::NamedOrganization, 4, "named-organization")
                }
                RunKind::Acronym => {
                    r.self_kind = Some(affiliation::kind_of(head.span.text(text)));
                    vote(SourceType::NamedOrganization, 3, "named-organization")
                }
                RunKind::Country => {
                    r.self_kind = Some(AffiliationKind::Government);
                    vote(SourceType::NamedOrganization, 4, "named-organization")
                }
                RunKind::Platform => {
                    r.self_kind = Some(AffiliationKind::Business);
                    vote(SourceType::NamedOrganization, 3, "named-organization")
                }
                RunKind::Party => {
                    if let Some(p) = lx.parties.get(&head.key) {
                        r.affiliations.push(Cand { text: p.clone(), weight: 2, kind: AffiliationKind::Political, bare: false });
                    }
                    r.noun_kind = Some(AffiliationKind::Political);
                    // "One Republican" is a person; a lone "Democratic" or "GOP" is an adjective or the party
                    let counted = h > 0 && matches!(items[h - 1].class, Class::Det | Class::Quant);
                    vote(SourceType::UnnamedPerson, if counted { 3 } else { 1 }, "unnamed-person")
                }
                // a lone adjective ("European", "Black") says nothing about the type
                RunKind::Demonym => None,
            };
        }
        Class::Role | Class::Title(_) => {
            let key = head.key.clone();
            let role = match &head.class {
                Class::Title(t) if !t.is_empty() => t.clone(),
                _ => key.clone(),
            };
            modifier_affiliations(text, items, h, Some(&role), &mut r.affiliations);
            push_pp(r, 3);
            if role != "source" {
                let weight = if is_relation(&role) { 1 } else { 2 };
                r.roles.push(Cand { text: role_text(items, h, &role), weight, kind: role_kind(&role), bare: false });
            }
            r.noun_kind = Some(role_kind(&role));
            let named_org = r.affiliations.iter().any(|c| !c.bare && (c.weight >= 2 || c.kind != AffiliationKind::Unknown));
            v = if role == "source" {
                if marker_strong {
                    vote(SourceType::AnonymousSource, 4, "anonymity-marker")
                } else {
                    vote(SourceType::AnonymousSource, 3, "anonymous-source")
                }
            } else if marker_strong {
                vote(SourceType::AnonymousSource, 4, "anonymity-marker")
            } else if is_spokes(&role) && named_org {
                vote(SourceType::NamedOrganization, 4, "org-spokesperson")
            } else if definite(items, h) && !is_relation(&role) {
                // "the judge", "The city’s mayor": one identified person, named elsewhere in news
                // style; weaker than an indefinite "a witness"
                vote(SourceType::NamedPerson, 2, "definite-role")
            } else {
                vote(SourceType::UnnamedPerson, 3, "unnamed-person")
            };
        }
        Class::RolePlural(single) => {
            modifier_affiliations(text, items, h, Some(single), &mut r.affiliations);
            push_pp(r, 3);
            if single != "source" {
                r.roles.push(Cand { text: role_text(items, h, &head.key), weight: 1, kind: role_kind(single), bare: false });
            }
            r.noun_kind = Some(role_kind(single));
            v = if marker_strong {
                vote(SourceType::AnonymousSource, 4, "anonymity-marker")
            } else if speaks_for_org(single) && named_before(items, h) {
                // "Tesla officials", "NATO spokespeople": the organisation speaking (GUIDE §2)
                vote(SourceType::NamedOrganization, 4, "org-officials")
            } else {
                vote(SourceType::UnnamedGroup, 3, "unnamed-group")
            };
        }
        Class::Group | Class::DemonymPlural => {
            modifier_affiliations(text, items, h, None, &mut r.affiliations);
            push_pp(r, 2);
            if let Some(p) = lx.parties.get(&head.key) {
                r.affiliations.push(Cand { text: p.clone(), weight: 2, kind: AffiliationKind::Political, bare: false });
            }
            r.noun_kind = Some(lx.groups.get(&head.key).copied().unwrap_or(AffiliationKind::Citizen));
            v = if marker_strong {
                vote(SourceType::AnonymousSource, 4, "anonymity-marker")
            } else {
                vote(SourceType::UnnamedGroup, 3, "unnamed-group")
            };
        }
        Class::Doc | Class::Post => {
            modifier_affiliations(text, items, h, None, &mut r.affiliations);
            if matches!(reading.pp_word.as_str(), "by" | "from" | "of" | "on") {
                push_pp(r, 3);
            }
            r.roles.push(Cand { text: head.key.clone(), weight: 1, kind: AffiliationKind::Unknown, bare: false });
            v = if head.class == Class::Post {
                vote(SourceType::SocialMedia, 3, "social-media")
            } else {
                vote(SourceType::Document, 3, "document")
            };
        }
        Class::Inst => {
            let kind = lx.institutions.get(&head.key).copied().unwrap_or(AffiliationKind::Unknown);
            r.self_kind = Some(kind);
            // "Tulsa police", "the Clinton campaign": a name makes the institution a named one
            let named = h > 0 && matches!(items[h - 1].class, Class::Run(RunKind::Person | RunKind::Org(_) | RunKind::Acronym | RunKind::Country)) && !items[h - 1].possessive;
            let strength = if named { 4 } else { 3 };
            v = if reading.of_plural {
                vote(SourceType::UnnamedGroup, 3, "unnamed-group")
            } else if kind == AffiliationKind::Media {
                vote(SourceType::MediaOutlet, strength, "media-outlet")
            } else {
                vote(SourceType::NamedOrganization, strength, "named-organization")
            };
        }
        Class::InstPlural => {
            let single = lx.institutions.keys().find(|k| lexicon::plurals(k).contains(&head.key));
            r.noun_kind = single.and_then(|k| lx.institutions.get(k).copied());
            v = vote(SourceType::UnnamedGroup, 3, "unnamed-group");
        }
        Class::Handle => v = vote(SourceType::SocialMedia, 4, "social-media"),
        Class::Pron => {
            if only_words.len() == 1 {
                if let Some(Some(t)) = phrase::pronoun_type(&head.key) {
                    v = vote(t, 1, "pronoun-only");
                }
                if matches!(head.key.as_str(), "we" | "us" | "our" | "you" | "your") {
                    r.noun_kind = Some(AffiliationKind::Citizen);
                }
            }
        }
        Class::Quant | Class::Number => {
            let one = only_words.len() == 1 && head.key == "one";
            if items.iter().any(|it| it.class == Class::Number || it.key == "percent" || it.key == "others") {
                // "Twelve percent", "29 others": people counted, usually poll respondents or residents
                r.noun_kind = Some(AffiliationKind::Citizen);
            }
            v = if marker_strong {
                vote(SourceType::AnonymousSource, 4, "anonymity-marker")
            } else if one {
                vote(SourceType::UnnamedPerson, 2, "unnamed-person")
            } else {
                vote(SourceType::UnnamedGroup, 2, "unnamed-group")
            };
        }
        Class::Other => {
            // "a wide array of artists", "a chorus of critics": a collective before "of" + plural
            let plural = head.key.ends_with('s') && !head.key.ends_with("ss") || reading.of_plural;
            v = if marker_strong {
                vote(SourceType::AnonymousSource, 4, "anonymity-marker")
            } else if reading.of_plural {
                vote(SourceType::UnnamedGroup, 2, "unnamed-group")
            } else if plural {
                vote(SourceType::UnnamedGroup, 1, "unnamed-group")
            } else {
                vote(SourceType::UnnamedPerson, 1, "unnamed-person")
            };
        }
        Class::Det | Class::RoleMod => {}
    }
    if main {
        r.vote = v;
    }
}

/// Token index of the first token starting at or after `pos`.
fn index_at(words: &[Word], pos: usize) -> usize {
    words.iter().position(|w| w.span.start >= pos).unwrap_or(words.len())
}

/// Reads one mention with its bounded context.
fn read_mention(text: &str, index: &Words, m: Span) -> MentionReading {
    let lx = lexicon::get();
    let lo = anonymity::floor_char(text, m.start.saturating_sub(BEFORE));
    let lo = text[lo..m.start].rfind('\n').map_or(lo, |p| lo + p + 1);
    let hi = anonymity::floor_char(text, m.end + AFTER);
    let hi = text[m.end..hi].find('\n').map_or(hi, |p| m.end + p);
    let words = index.window(Span::new(lo, hi));
    let mi = index_at(words, m.start);
    let mj = index_at(words, m.end);
    let mut r = MentionReading { marker: anonymity::find_in(text, index, m), ..Default::default() };
    if mi >= mj {
        return r;
    }
    // a title before the mention: "lawmaker | Issam al-Kreiti", "White House spokesman | Josh Earnest"
    let mut start = mi;
    let titled = |w: &Word| w.is_word() && (lx.roles.contains_key(&w.key) || lx.titles.contains_key(&w.key)) && w.key != "source";
    if words[mi].cap && mi > 0 && titled(&words[mi - 1]) {
        start = mi - 1;
        while start > 0 && mi - start < 6 {
            let w = &words[start - 1];
            let keep = w.is_word()
                && !phrase::DETERMINERS.contains(&w.key.as_str())
                && (w.cap || titled(w) || lx.modifiers.contains(&w.key) || lx.institutions.contains_key(&w.key))
                && !w.key.ends_with("ed");
            if !keep {
                break;
            }
            start -= 1;
        }
    }
    let strong = r.marker.is_some_and(|m| m.strong);
    let reading = phrase::read(text, &words, start, mj);
    // "close to" only marks sources and people ("sources close to the ministry"),
    // not "Republican lawmakers close to the industry"
    let head_key = reading.head.map(|h| reading.items[h].key.as_str()).unwrap_or("");
    if r.marker.is_some_and(|m| !m.strong) && !matches!(head_key, "source" | "sources" | "people" | "person" | "insider" | "insiders" | "official" | "officials") {
        r.marker = None;
    }
    read_phrase(text, &reading, &mut r, true, strong);
    // appositives inside the mention and right after it: ", a lawmaker from X,"
    let mut k = reading.end;
    let mut budget = 4;
    while k < words.len() && budget > 0 {
        budget -= 1;
        let w = &words[k];
        if w.tok == Tok::Open {
            if let Some(code) = words.get(k + 1).filter(|x| x.is_word()) {
                if let Some(p) = affiliation::party_code(&code.key) {
                    r.affiliations.push(Cand { text: p.to_string(), weight: 4, kind: AffiliationKind::Political, bare: false });
                }
            }
            k = words[k..].iter().position(|x| x.tok == Tok::Close).map_or(words.len(), |p| k + p + 1);
            continue;
        }
        if w.tok != Tok::Comma && w.tok != Tok::Dash {
            break;
        }
        let next = k + 1;
        if next >= words.len() {
            break;
        }
        let n = &words[next];
        if matches!(n.key.as_str(), "his" | "her" | "their" | "its") {
            break;
        }
        // "Jane Roe, 59, of Ashton": age or home town marks a private citizen
        let age = n.is_word() && n.key.len() <= 3 && n.key.chars().all(|c| c.is_ascii_digit());
        let home = n.key == "of" && words.get(next + 1).is_some_and(|x| x.cap);
        if (age || home) && r.vote.is_some_and(|v| v.source_type == SourceType::NamedPerson) {
            r.noun_kind = Some(AffiliationKind::Citizen);
            k = words[next..].iter().position(|x| matches!(x.tok, Tok::Comma | Tok::Stop)).map_or(words.len(), |p| next + p);
            if age {
                continue;
            }
            break;
        }
        let appositive = n.is_word() && !n.cap || n.is_word() && (lx.roles.contains_key(&n.key) || lx.modifiers.contains(&n.key) || lx.titles.contains_key(&n.key));
        let inside = next < mj;
        let unnamed = r.vote.is_some_and(|v| v.source_type == SourceType::UnnamedPerson);
        // "X, Smith’s top aide,": a possessive owner opens an appositive too
        let owned = n.cap && n.possessive;
        if !(appositive || inside || owned || n.cap && unnamed) {
            break;
        }
        let limit = words[next..].iter().position(|x| matches!(x.tok, Tok::Comma | Tok::Stop | Tok::Dash | Tok::Close | Tok::Quote)).map_or(words.len(), |p| next + p);
        let app = phrase::read(text, &words, next, limit);
        if let Some(h) = app.head {
            // "The city’s mayor, Jane Roe, said": the appositive names the person
            let full_name = app.items[h].class == Class::Run(RunKind::Person) && app.items[h].key.contains(' ') && app.items.len() == h + 1;
            if full_name && r.vote.is_some_and(|v| v.source_type == SourceType::UnnamedPerson) {
                r.vote = vote(SourceType::NamedPerson, 4, "named-person");
            }
            if matches!(app.items[h].class, Class::Role | Class::Title(_) | Class::RolePlural(_)) {
                let mut tmp = MentionReading::default();
                read_phrase(text, &app, &mut tmp, false, false);
                r.roles.extend(tmp.roles.into_iter().map(|mut c| {
                    c.weight = c.weight.max(2);
                    c
                }));
                r.affiliations.extend(tmp.affiliations);
                if r.noun_kind.is_none() {
                    r.noun_kind = tmp.noun_kind;
                }
            }
        }
        k = limit;
    }
    r
}

/// The type with the strongest evidence: highest single vote, then the sum,
/// then the earliest mention. One pass over the votes.
fn elect(votes: &[Vote]) -> Option<Vote> {
    // per type: (max strength, sum, first index, the strongest vote)
    let mut per: Vec<(u8, u32, usize, Vote)> = Vec::new();
    for (i, v) in votes.iter().enumerate() {
        match per.iter_mut().find(|p| p.3.source_type == v.source_type) {
            Some(p) => {
                p.1 += v.strength as u32;
                if v.strength > p.0 {
                    p.0 = v.strength;
                    p.3 = *v;
                }
            }
            None => per.push((v.strength, v.strength as u32, i, *v)),
        }
    }
    per.into_iter().max_by_key(|p| (p.0, p.1, std::cmp::Reverse(p.2))).map(|p| p.3)
}

/// The candidate with the largest total weight (over equal texts, case
/// ignored); ties go to the earliest. One pass with a map.
fn best(cands: &[Cand]) -> Option<&Cand> {
    let mut totals: std::collections::HashMap<String, (u32, usize)> = std::collections::HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        let e = totals.entry(c.text.to_lowercase()).or_insert((0, i));
        e.0 += c.weight;
    }
    totals.into_values().max_by_key(|&(t, i)| (t, std::cmp::Reverse(i))).map(|(_, i)| &cands[i])
}

/// Types one source from all its mentions (sorted byte spans into `text`),
/// reading each mention and the words around it.
///
/// Spans that are empty, out of range or not on char boundaries are ignored;
/// with no usable mention the source is an `unnamed_person` typed by rule
/// `unnamed-person`.
pub fn classify(text: &str, mentions: &[Span]) -> Typing {
    classify_in(text, &Words::around(text, mentions, WINDOW), mentions)
}

/// [`classify`] reading the text's tokens from `index`, made once
/// ([`Words::around`] the mentions of every source, with [`WINDOW`]) and
/// shared by every source of the text.
pub fn classify_in(text: &str, index: &Words, mentions: &[Span]) -> Typing {
    let usable: Vec<Span> = mentions
        .iter()
        .copied()
        .filter(|m| !m.is_empty() && m.end <= text.len() && text.is_char_boundary(m.start) && text.is_char_boundary(m.end))
        .collect();
    let readings: Vec<MentionReading> = usable.iter().map(|&m| read_mention(text, index, m)).collect();
    let votes: Vec<Vote> = readings.iter().filter_map(|r| r.vote).collect();
    let winner = elect(&votes).unwrap_or(Vote { source_type: SourceType::UnnamedPerson, strength: 0, rule: "unnamed-person" });
    // an unnamed person or group that some mention marks as anonymous is an anonymous source
    let marked = readings.iter().any(|r| r.marker.is_some_and(|m| m.strong) && leaves_anonymity(r.vote));
    let winner = if marked && matches!(winner.source_type, SourceType::UnnamedPerson | SourceType::UnnamedGroup) {
        Vote { source_type: SourceType::AnonymousSource, strength: winner.strength, rule: "anonymity-marker" }
    } else {
        winner
    };
    let st = winner.source_type;
    let agree: Vec<&MentionReading> = readings.iter().filter(|r| r.vote.is_some_and(|v| v.source_type == st)).collect();
    let all_roles: Vec<Cand> = readings.iter().flat_map(|r| r.roles.iter().cloned()).collect();
    let all_affs: Vec<Cand> = readings.iter().flat_map(|r| r.affiliations.iter().cloned()).collect();
    let mut role = best(&all_roles).cloned();
    let mut aff = best(&all_affs).cloned();
    let mut kind = AffiliationKind::Unknown;
    match st {
        SourceType::NamedOrganization | SourceType::MediaOutlet if !matches!(winner.rule, "org-spokesperson" | "org-officials") => {
            role = None;
            aff = None;
            kind = agree.iter().find_map(|r| r.self_kind).unwrap_or(if st == SourceType::MediaOutlet {
                AffiliationKind::Media
            } else {
                AffiliationKind::Unknown
            });
            if kind == AffiliationKind::Unknown && st == SourceType::MediaOutlet {
                kind = AffiliationKind::Media;
            }
        }
        SourceType::Document | SourceType::SocialMedia => {
            role = agree.iter().flat_map(|r| r.roles.first()).next().cloned();
        }
        _ => {}
    }
    if let Some(a) = aff.as_mut() {
        if a.bare {
            match affiliation::qualify_in(text, index, &usable, &a.text, QUALIFY) {
                Some(q) => a.text = q,
                None => {
                    // keep the sphere of the bare noun, drop the noun itself
                    if kind == AffiliationKind::Unknown {
                        kind = a.kind;
                    }
                    a.text.clear();
                }
            }
        }
    }
    let aff = aff.filter(|a| !a.text.is_empty());
    if kind == AffiliationKind::Unknown {
        kind = aff.as_ref().map_or(AffiliationKind::Unknown, |a| a.kind);
    }
    if kind == AffiliationKind::Unknown {
        kind = role.as_ref().map_or(AffiliationKind::Unknown, |r| r.kind);
    }
    if kind == AffiliationKind::Unknown {
        kind = agree.iter().find_map(|r| r.noun_kind).unwrap_or(AffiliationKind::Unknown);
    }
    let marker = if st.is_anonymous() {
        let strong = readings.iter().find_map(|r| r.marker.filter(|m| m.strong));
        strong.or_else(|| readings.iter().find_map(|r| r.marker)).map(|m| m.span)
    } else {
        None
    };
    Typing {
        source_type: st,
        role: role.map(|r| r.text),
        affiliation: aff.map(|a| a.text),
        affiliation_kind: kind,
        anonymity_marker: marker,
        rule: winner.rule,
    }
}

/// True when `word` is a role or title noun (`lawmaker`, `spokesmen`, `Sen.`),
/// singular or plural, in any case.
pub fn is_role_noun(word: &str) -> bool {
    let lx = lexicon::get();
    let k = lexicon::phrase_key(word);
    lx.roles.contains_key(&k) || lx.role_plurals.contains_key(&k) || lx.titles.get(&k).is_some_and(|r| !r.is_empty())
}

/// The role a mention names, singular and lower case: `the lawmaker` →
/// `lawmaker`, `Prime Minister X` → `prime minister`, `Sen. Warren` →
/// `senator`, `a State Department spokesperson` → `spokesperson`. For
/// coreference: `the lawmaker` refers to the source whose role is `lawmaker`.
pub fn role_of(mention: &str) -> Option<String> {
    let words = tokenize(mention, Span::new(0, mention.len()));
    let reading = phrase::read(mention, &words, 0, words.len());
    let h = reading.head?;
    let items = &reading.items;
    let role = |i: usize| match &items[i].class {
        Class::Role if items[i].key != "source" => Some(items[i].key.clone()),
        Class::Title(t) if !t.is_empty() => Some(t.clone()),
        Class::RolePlural(s) => Some(s.clone()),
        _ => None,
    };
    role(h).or_else(|| (0..h).rev().find_map(role))
}

/// True when `name` is a news outlet: a known one (`Reuters`, `The New York
/// Times`, `Shafaq News`) or one shaped like an outlet (`the Basra Times`,
/// `Kurdistan 24 TV`).
pub fn is_media_outlet(name: &str) -> bool {
    matches!(name_run_kind(name), Some(RunKind::Outlet))
}

/// True when `name` names an organization, a government or a country rather
/// than a person: `the State of Law Coalition`, `FBI`, `Acme Corp.`, `Britain`.
/// Outlets count as organizations too.
pub fn is_organization_name(name: &str) -> bool {
    matches!(
        name_run_kind(name),
        Some(RunKind::Org(_) | RunKind::Acronym | RunKind::Country | RunKind::Platform | RunKind::Outlet)
    )
}

fn name_run_kind(name: &str) -> Option<RunKind> {
    let words = tokenize(name, Span::new(0, name.len()));
    let reading = phrase::read(name, &words, 0, words.len());
    let h = reading.head?;
    match reading.items[h].class {
        Class::Run(k) => Some(k),
        _ => None,
    }
}

/// The type a single phrase suggests on its own, with its strength (1 for a
/// pronoun to 4 for a name): `officials` → unnamed_group, `a witness` →
/// unnamed_person, `the report` → document. `None` for a bare relative
/// pronoun (`who`, `which`).
pub fn phrase_type(phrase: &str) -> Option<Vote> {
    let words = tokenize(phrase, Span::new(0, phrase.len()));
    let reading = phrase::read(phrase, &words, 0, words.len());
    let mut r = MentionReading::default();
    let strong = anonymity::find(phrase, Span::new(0, phrase.len())).is_some_and(|m| m.strong);
    read_phrase(phrase, &reading, &mut r, true, strong);
    r.vote
}

#[cfg(test)]
mod tests;
