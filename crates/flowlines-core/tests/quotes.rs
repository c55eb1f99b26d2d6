//! Every figure of the default story carries the sentence it comes from, and that sentence
//! stands word for word, on the line given, in the document its source names.
//!
//! The documents live beside the repository, in `../shared/seeds/` (CI has a copy there);
//! `FLOWLINES_SEEDS` points elsewhere. Where the folder is missing the check prints
//! 'skipped: no documents' and passes; every other test here still runs.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::model::{Quote, Story};
use flowlines_core::parse::load_json;
use flowlines_core::quotes::{check, QuoteCheck};
use std::path::PathBuf;

const NK_RUSSIA: &str = include_str!("../../../data/nk-russia.json");

fn story() -> Story {
    load_json("nk-russia.json", NK_RUSSIA).unwrap_or_else(|d| panic!("{d}"))
}

/// The folder of source documents: `$FLOWLINES_SEEDS`, else `<repo>/../shared/seeds`.
fn seeds() -> PathBuf {
    std::env::var_os("FLOWLINES_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/seeds"
            ))
        })
}

/// Every quote of the story with the source id it is checked against and what it backs.
fn quotes(story: &Story) -> Vec<(String, &str, &Quote)> {
    let mut all = Vec::new();
    for o in &story.observations {
        if let Some(q) = &o.quote {
            all.push((o.id.clone(), &*o.source, q));
        }
        for (k, d) in o.denials.iter().enumerate() {
            if let Some(q) = &d.quote {
                all.push((format!("{} denial {k}", o.id), d.source.as_str(), q));
            }
        }
    }
    all
}

#[test]
fn every_figure_and_every_denial_carries_its_sentence() {
    let s = story();
    for o in &s.observations {
        let q = o.quote.as_ref();
        assert!(
            q.is_some_and(|q| !q.text.trim().is_empty() && q.line > 0),
            "{} has no quote",
            o.id
        );
        for d in &o.denials {
            assert!(d.quote.is_some(), "a denial of {} has no quote", o.id);
        }
    }
}

#[test]
fn every_quote_is_short() {
    // A quote is the sentence a figure rests on, not the article: sentences do not carry over.
    for (what, _, q) in quotes(&story()) {
        let words = q.text.split_whitespace().count();
        assert!(words <= 40, "{what}: {words} words");
    }
}

#[test]
fn every_quote_stands_word_for_word_on_its_line_of_its_document() {
    let folder = seeds();
    if !folder.is_dir() {
        println!("skipped: no documents ({})", folder.display());
        return;
    }
    let s = story();
    let mut wrong = Vec::new();
    let all = quotes(&s);
    for (what, source, q) in &all {
        let file = &s.sources.iter().find(|x| &x.id == source).unwrap().file;
        let text = std::fs::read_to_string(folder.join(file))
            .unwrap_or_else(|e| panic!("{what}: cannot read {file}: {e}"));
        match check(&text, q) {
            QuoteCheck::Found => {}
            QuoteCheck::OnLine(n) => {
                wrong.push(format!("{what}: on line {n} of {file}, not {}", q.line))
            }
            QuoteCheck::NotFound => wrong.push(format!("{what}: not in {file}: {:?}", q.text)),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(all.len() >= 20);
}

#[test]
fn a_quote_with_no_words_or_no_line_is_refused_where_it_stands() {
    let text = NK_RUSSIA.replacen("\"line\": 74}", "\"line\": 0}", 1);
    let errors = load_json("nk-russia.json", &text).unwrap_err().to_string();
    assert!(errors.contains(": lines are counted from 1"), "{errors}");
    let line = NK_RUSSIA
        .lines()
        .position(|l| l.contains("\"line\": 74}"))
        .unwrap()
        + 1;
    assert!(
        errors.starts_with(&format!("nk-russia.json:{line}:")),
        "{errors}"
    );
    let wapo = "\"Since last fall, North Korea has supplied over 11,000 containers of munitions to Russia, the Washington Post reported earlier in June this year.\"";
    assert!(NK_RUSSIA.contains(wapo));
    let empty = NK_RUSSIA.replacen(wapo, "\" \"", 1);
    let errors = load_json("nk-russia.json", &empty).unwrap_err().to_string();
    assert!(errors.contains("an empty quote"), "{errors}");
}
