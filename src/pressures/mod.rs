//! Claimed pressures: who pushes whom to do what, and who says so (GUIDE.md §3).
//!
//! The finder reads one clause at a time (the given sentences, cut again at
//! line breaks and final punctuation) and looks for cues in the word lists of
//! `src/lexicon/pressure/`: verbs in the frames that make them pressure
//! ("urged X to", "called on X to", "was forced to"), nouns with what stands
//! around them ("under pressure from X", "international pressure", "calls for
//! X to"), participles and relative clauses ("..., urging X to"), and a
//! speaker's "X should act". The roles are read from bounded windows around
//! the cue, so the work is linear in the length of the text.
//!
//! Modules: `words` (tokens and clauses), `lexicon` (the word lists),
//! `phrases` (subjects, objects, demands), `verbs`, `nouns` and `modal` (the
//! cue readers), `cues` (the clause pass, negation, participle joining) and
//! `claims` (which attribution holds a pressure: its claimant and speaker).
//!
//! ```
//! use sourcelens::pressures::find;
//! use sourcelens::span::Span;
//! let text = "The league urged its clubs to cut ticket prices.";
//! let found = find(text, &[Span::new(0, text.len())], &[]);
//! assert_eq!(found[0].cue.unwrap().text(text), "urged");
//! assert_eq!(found[0].target.unwrap().text(text), "its clubs");
//! assert_eq!(found[0].demand.unwrap().text(text), "cut ticket prices");
//! ```

mod claims;
mod cues;
mod lexicon;
mod modal;
mod nouns;
mod phrases;
mod verbs;
mod words;

use crate::findings::{FoundAttribution, FoundPressure};
use crate::span::Span;
use claims::Claims;
use words::Words;

/// Finds the claimed pressures in `text`.
///
/// `sentences` are the sentence spans in order; `attributions` are the
/// attributions already found (a pressure inside an attribution's content is
/// claimed by that attribution's source).
pub fn find(text: &str, sentences: &[Span], attributions: &[FoundAttribution]) -> Vec<FoundPressure> {
    find_in(text, &crate::tokens::tokenize(text), sentences, attributions)
}

/// [`find`] over the tokens the pipeline already made of `text`.
pub fn find_in(text: &str, tokens: &[crate::tokens::Token], sentences: &[Span], attributions: &[FoundAttribution]) -> Vec<FoundPressure> {
    let w = Words::from_tokens(text, tokens);
    if w.is_empty() {
        return Vec::new();
    }
    let claims = Claims::new(attributions);
    let mut out = Vec::new();
    for clause in w.clauses(sentences) {
        if w.is_question(&clause) {
            continue;
        }
        for c in cues::in_clause(&w, clause.start, clause.end) {
            let cue = w.span(&c.cue);
            let holder = claims.holder(cue);
            let mut pressurers: Vec<Span> = c.pressurers.iter().map(|r| w.span(r)).collect();
            if c.rule == "pressure-modal" {
                // "X should resign" pushes only when someone says it: the speaker
                match holder {
                    Some(h) => pressurers.extend(h.speaker),
                    None => continue,
                }
            }
            out.push(FoundPressure {
                span: w.span(&c.extent()),
                cue: Some(cue),
                pressurers,
                target: c.target.as_ref().map(|r| w.span(r)),
                demand: c.demand.as_ref().map(|r| w.span(r)),
                claimed_by: holder.and_then(|h| h.source),
                negated: c.negated,
                rule: c.rule,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One expected pressure: cue, pressurers, target, demand, negated.
    struct Want {
        cue: &'static str,
        pressurers: &'static [&'static str],
        target: Option<&'static str>,
        demand: Option<&'static str>,
        negated: bool,
    }

    const fn want(
        cue: &'static str,
        pressurers: &'static [&'static str],
        target: Option<&'static str>,
        demand: Option<&'static str>,
    ) -> Want {
        Want { cue, pressurers, target, demand, negated: false }
    }

    fn run(text: &str) -> Vec<FoundPressure> {
        find(text, &[Span::new(0, text.len())], &[])
    }

    fn check(text: &str, want: &Want) {
        let found = run(text);
        assert_eq!(found.len(), 1, "{text:?}: expected one pressure, got {found:#?}");
        let p = &found[0];
        let show = |s: Option<Span>| s.map(|s| s.text(text));
        assert_eq!(show(p.cue), Some(want.cue), "cue of {text:?}");
        let got: Vec<&str> = p.pressurers.iter().map(|s| s.text(text)).collect();
        assert_eq!(got, want.pressurers, "pressurers of {text:?}");
        assert_eq!(show(p.target), want.target, "target of {text:?}");
        assert_eq!(show(p.demand), want.demand, "demand of {text:?}");
        assert_eq!(p.negated, want.negated, "negation of {text:?}");
        assert!(p.span.contains(p.cue.unwrap()), "span of {text:?}");
    }

    #[test]
    fn verbs() {
        let cases: &[(&str, Want)] = &[
            ("The league urged its clubs to cut ticket prices.", want("urged", &["The league"], Some("its clubs"), Some("cut ticket prices"))),
            ("Senator Okafor on Tuesday called on the agency to release the files.", want("called on", &["Senator Okafor"], Some("the agency"), Some("release the files"))),
            ("Parents have pressed the school board to reopen the library.", want("pressed", &["Parents"], Some("the school board"), Some("reopen the library"))),
            ("The union demanded that the company rehire the drivers.", want("demanded", &["The union"], Some("the company"), Some("the company rehire the drivers"))),
            ("Critics demanded that the prime minister apologise.", want("demanded", &["Critics"], Some("the prime minister"), Some("the prime minister apologise"))),
            ("Anglers, who have long pressed the agency to act, cheered.", want("pressed", &["Anglers"], Some("the agency"), Some("act"))),
            ("Neighbours lobbied the council against the new runway.", want("lobbied", &["Neighbours"], Some("the council"), Some("the new runway"))),
            ("The coach warned his players not to talk to reporters.", want("warned", &["The coach"], Some("his players"), Some("not to talk to reporters"))),
            ("Rebels threatened to close the border crossing.", want("threatened", &["Rebels"], None, Some("close the border crossing"))),
            ("Residents have threatened legal action against the council.", want("threatened", &["Residents"], None, Some("legal action against the council"))),
            ("The union piles pressure on bosses to settle.", want("pressure", &["The union"], Some("bosses"), Some("settle"))),
            ("The judge ordered the firm to pay the fine.", want("ordered", &["The judge"], Some("the firm"), Some("pay the fine"))),
            ("Police urged drivers not to travel.", want("urged", &["Police"], Some("drivers"), Some("not to travel"))),
            (
                "The envoy read out the terms to the rebel council and warned against breaking them.",
                want("warned", &[], Some("the rebel council"), Some("breaking them")),
            ),
            ("Grocers called on ministers to \u{201c}think again\u{201d}.", want("called on", &["Grocers"], Some("ministers"), Some("think again"))),
            ("The Greens demanded an urgent statement in the chamber.", want("demanded", &["The Greens"], None, Some("an urgent statement in the chamber"))),
            ("Critics decried the mayor's calls to close the park.", want("calls", &["the mayor's"], None, Some("close the park"))),
            ("Ministers urged Tokyo last week to lift the ban.", want("urged", &["Ministers"], Some("Tokyo"), Some("lift the ban"))),
            ("She told voters he would force the city to pay.", want("force", &["he"], Some("the city"), Some("pay"))),
            ("Activists are pushing for the director's resignation over the leak.", want("pushing for", &["Activists"], None, Some("the director's resignation over the leak"))),
            ("Ms. Cole, who urged Lisbon months ago to drop the tax, spoke.", want("urged", &["Ms. Cole"], Some("Lisbon"), Some("drop the tax"))),
            ("Tariq Said, an adviser to the club, who told the players to stay calm", want("told", &["Tariq Said"], Some("the players"), Some("stay calm"))),
            ("The court's ruling \u{201c}will force us to close two wards.\u{201d}", want("force", &["The court's ruling"], Some("us"), Some("close two wards"))),
            ("Both Norway and Chile urged the delegates to sign the treaty.", want("urged", &["Norway", "Chile"], Some("the delegates"), Some("sign the treaty"))),
        ];
        for (text, w) in cases {
            check(text, w);
        }
    }

    #[test]
    fn nouns_participles_passives() {
        let cases: &[(&str, Want)] = &[
            (
                "The port authority came under pressure from shipping firms and insurers to extend its hours.",
                want("under pressure from", &["shipping firms", "insurers"], Some("The port authority"), Some("extend its hours")),
            ),
            ("Foreign pressure shaped the final text.", want("Foreign pressure", &["Foreign"], None, None)),
            ("Under pressure from lenders, the council sold the depot.", want("Under pressure from", &["lenders"], Some("the council"), None)),
            ("The pressure on the coach to quit has grown.", want("pressure", &[], Some("the coach"), Some("quit"))),
            ("Donors increased pressure on Lima on Monday to settle.", want("pressure", &["Donors"], Some("Lima"), Some("settle"))),
            (
                "Pressure is mounting on the chancellor to scrap the levy.",
                want("Pressure", &[], Some("the chancellor"), Some("scrap the levy")),
            ),
            ("The minister is facing calls from backbenchers to resign.", want("calls from", &["backbenchers"], Some("The minister"), Some("resign"))),
            ("Unions pressurised the board into dropping the plan.", want("pressurised", &["Unions"], Some("the board"), Some("dropping the plan"))),
            ("There were growing calls for the minister to resign.", want("calls", &[], Some("the minister"), Some("resign"))),
            ("She acted at the urging of her lawyers.", want("at the urging of", &["her lawyers"], None, None)),
            (
                "The bill faced pressure from farm groups, urging lawmakers to drop the tax.",
                want("pressure from", &["farm groups"], Some("The bill"), Some("drop the tax")),
            ),
            (
                "The plan follows pressure from the World Bank, which urged the government to cut subsidies.",
                want("pressure from", &["the World Bank"], Some("the government"), Some("cut subsidies")),
            ),
            ("The mayor was forced to cancel the parade.", want("forced", &[], Some("The mayor"), Some("cancel the parade"))),
            ("The clerk was pressured by his manager into signing the form.", want("pressured", &["his manager"], Some("The clerk"), Some("signing the form"))),
            ("The firm issued an ultimatum to the strikers.", want("ultimatum", &["The firm"], None, None)),
            ("The union gave the rail operators an ultimatum.", want("ultimatum", &["The union"], Some("the rail operators"), None)),
            ("The mayor sounded a call for the region to share its water.", want("call", &["The mayor"], Some("the region"), Some("share its water"))),
            ("She said he ignored her commands.", want("commands", &["her"], Some("he"), None)),
            ("The club refused to meet the fans' demands.", want("demands", &["the fans'"], Some("The club"), None)),
            ("The board didn't heed the auditor's demands.", want("demands", &["the auditor's"], Some("The board"), None)),
            (
                "He was hauled before a county panel to explain the missing funds.",
                want("hauled before", &["a county panel"], Some("He"), Some("explain the missing funds")),
            ),
        ];
        for (text, w) in cases {
            check(text, w);
        }
    }

    #[test]
    fn negations() {
        let cases: &[(&str, Want)] = &[
            (
                "Officials denied any pressure from the embassy.",
                Want { cue: "pressure from", pressurers: &["the embassy"], target: None, demand: None, negated: true },
            ),
            (
                "The minister said he was not leaned on to approve the deal.",
                Want { cue: "leaned on", pressurers: &[], target: Some("he"), demand: Some("approve the deal"), negated: true },
            ),
            (
                "The minister rejected claims that pressure from donors shaped the bill.",
                Want { cue: "pressure from", pressurers: &["donors"], target: None, demand: None, negated: true },
            ),
            (
                "Nobody forced the tenants to leave.",
                Want { cue: "forced", pressurers: &["Nobody"], target: Some("the tenants"), demand: Some("leave"), negated: true },
            ),
        ];
        for (text, w) in cases {
            check(text, w);
        }
    }

    #[test]
    fn pressures_that_stand() {
        // a pressure that is rejected or not obeyed still happened
        let cases: &[&str] = &[
            "The ministry rejected a push by farmers for lower fuel duty.",
            "The council did not meet the residents' demands.",
            "The board rejected both bids and ordered the manager to resign.",
        ];
        for text in cases {
            let found = run(text);
            assert_eq!(found.len(), 1, "{text:?}");
            assert!(!found[0].negated, "{text:?} read as denied");
        }
    }

    #[test]
    fn not_pressure() {
        let cases: &[&str] = &[
            "The minister asked whether the report was ready.",
            "She sought approval from the party before the trip.",
            "The spokesman told a press conference that talks went well.",
            "The press secretary declined to comment.",
            "He did fifty push-ups before breakfast.",
            "A retired air force colonel spoke at the event.",
            "They left early in order to catch the train.",
            "He took a phone call from his sister.",
            "The government will prevent armed groups from crossing the border.",
            "Doctors checked his blood pressure twice.",
            "There was support for the visit.",
            "The executive order takes effect on Monday.",
            "The press reported the story first.",
            "Did anyone urge caution?",
            "The reporter asked him to comment on the vote.",
            "Demand for copper rose sharply.",
            "A task force will study the flooding.",
            "The police forced entry into the flat.",
            "The candidate has long called for tax fairness.",
            "He warned against hackers from abroad.",
            "Critics mocked the pressured speech of the host.",
            "A panel of the Court of Appeals for the Ninth Circuit ruled.",
            "The bill requires firms to publish their pay gaps.",
            "Results came from the Associated Press and local papers for the count.",
            "The senator asked how it was fair to cut the budget.",
            "The state was called for the challenger at midnight.",
            "The striker was asked to name his favourite goal.",
            "The late goal pushed the club to victory despite the rain.",
            "Flooding poses a threat to farms.",
            "The host took calls from listeners all morning.",
            "Parents demanded to know why the school had closed.",
            "Lena Ortiz told the Herald she plans to move to a smaller flat.",
            "Pressure rises in the pipes.",
            "The president signed an executive order that restores the rule.",
            "There's a threat of rain.",
            "Strong sales pushed the shares to record highs.",
            "Humour has an easier appeal to children than to adults.",
            "She needs to make additional appeals to young voters to turn out.",
            "The company faces pressure on margins.",
            "There is pressure on prices.",
            "Police pressed charges against the driver.",
            "The firm will press ahead with the merger.",
            "He warned of a recession.",
            "Pressure groups welcomed the ruling.",
            "There was no compelling reason to wait.",
            "The powerful farm lobby group met the minister.",
            "Reformers call for a large increase in spending to find a cure.",
            "The scheme threatened women's privacy.",
            "Many readers felt intimidated by the legal language.",
            "Respondents were asked to rank the candidates.",
            "",
            "   \n\n ",
        ];
        for text in cases {
            let found = run(text);
            assert!(found.is_empty(), "{text:?} gave {found:#?}");
        }
    }

    #[test]
    fn claimed_by_the_attribution_that_holds_it() {
        use crate::model::AttributionKind;
        let text = "The envoy said Washington pressed Baghdad to reopen the embassy.";
        let content = Span::new(15, text.len() - 1);
        let a = FoundAttribution { kind: AttributionKind::Indirect, source: Some(2), content: vec![content], cue: None, speaker: None, rule: "speaker-cue-clause", confidence: 1.0, features: Vec::new() };
        let found = find(text, &[Span::new(0, text.len())], &[a]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].claimed_by, Some(2));
        assert_eq!(found[0].pressurers[0].text(text), "Washington");
        assert_eq!(run(text)[0].claimed_by, None);
    }

    #[test]
    fn modal_pressures_need_a_speaker() {
        use crate::model::AttributionKind;
        /// Expected target and demand; `None`: not a pressure.
        type Expect = Option<(&'static str, Option<&'static str>)>;
        // the quoted words, then what is expected
        let cases: &[(&str, Expect)] = &[
            ("Ms. Grant should return the money", Some(("Ms. Grant", Some("return the money")))),
            ("He really should", Some(("He", None))),
            ("The coach should go", Some(("The coach", Some("go")))),
            ("The mayor ought to apologize to the families", Some(("The mayor", Some("apologize to the families")))),
            ("Voters should know the facts", None),
            ("Gun owners should leave their weapons at home", None),
            ("People should take a look at that", None),
            ("He said GOP voters should go with him", None),
            ("Should he win, the party will split", None),
            ("Parents should read the rules", None),
            ("Kim and all other coaches should do so", Some(("Kim and all other coaches", Some("do so")))),
            ("It should be easy", None),
            ("We should leave now", None),
            ("Ms. Grant should be fine", None),
            ("Ms. Grant's plan should win votes", None),
            ("The same rule should apply to them", None),
            ("No one should do that", None),
            ("I think the council should act", Some(("the council", Some("act")))),
            ("If Ms. Grant should call, take a message", None),
        ];
        for &(quote, want) in cases {
            let text = format!("\u{201c}{quote},\u{201d} Kim said.");
            let q = Span::new(3, 3 + quote.len());
            let speaker = Span::new(text.len() - 9, text.len() - 6);
            let a = FoundAttribution { kind: AttributionKind::Direct, source: Some(0), content: vec![q], cue: None, speaker: Some(speaker), rule: "quote-speaker-cue", confidence: 1.0, features: Vec::new() };
            let found = find(&text, &[Span::new(0, text.len())], &[a]);
            match want {
                None => assert!(found.is_empty(), "{quote:?} gave {found:#?}"),
                Some((target, demand)) => {
                    assert_eq!(found.len(), 1, "{quote:?}");
                    let p = &found[0];
                    assert_eq!(p.target.map(|s| s.text(&text)), Some(target), "{quote:?}");
                    assert_eq!(p.demand.map(|s| s.text(&text)), demand, "{quote:?}");
                    assert_eq!(p.pressurers.iter().map(|s| s.text(&text)).collect::<Vec<_>>(), ["Kim"], "{quote:?}");
                    assert_eq!(p.claimed_by, Some(0));
                }
            }
            // the writer's own "should" is not a claimed pressure
            assert!(run(quote).is_empty(), "{quote:?} without a speaker");
        }
    }

    #[test]
    fn many_sentences_stay_linear_and_ordered() {
        let one = "The council urged residents to save water. ";
        let text = one.repeat(2000);
        let found = find(&text, &[Span::new(0, text.len())], &[]);
        assert_eq!(found.len(), 2000);
        assert!(found.windows(2).all(|p| p[0].span.end <= p[1].span.start));
    }

    #[test]
    fn odd_input_never_panics() {
        let cases: &[&str] = &["urged", "under pressure", "pressure from", ", urging", "calls for", "was forced to", "\u{201c}Urge them to\u{201d}", "é urged ü to ö"];
        for text in cases {
            let _ = run(text);
            let _ = find(text, &[], &[]);
        }
    }
}
