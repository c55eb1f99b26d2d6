//! The editor's sign-off sheet (`flowlines review`): every figure of a story as the map shows
//! it, with its qualifier, claimant, source (and the file of our copy of the document), dates
//! and the document's own words, grouped by flow in the order the story lists them, each quote
//! checked against its document. What an editor reads, line by line, before publishing.
//!
//! The sheet is plain text in the reader's language (the quotes stay in the document's); the
//! figures, claims and citations are the tooltip's own ([`crate::details`]), so the sheet shows
//! exactly what readers will see.

use crate::details::{citation, quote_text, sanction_text, stream_details};
use crate::i18n::{format_date, t, tf, Lang};
use crate::model::{Quote, Story};
use crate::quotes::{check, QuoteCheck};
use crate::scene::Scene;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The folder of source documents a sheet checks quotes against.
#[derive(Debug, Clone, Default)]
pub struct Documents {
    /// Where the documents were looked for, as the sheet names it.
    pub folder: String,
    /// Each document's text by file name; `None` when the folder is missing.
    pub texts: Option<BTreeMap<String, String>>,
}

/// The sign-off sheet of `story` in `lang`, its quotes checked against `documents`. Figures
/// are shown as the map shows them on the story's 'as of' date.
pub fn review_sheet(story: &Story, lang: &str, documents: &Documents) -> String {
    let l = Lang::from_code(lang);
    let as_of = story.story.as_of.last();
    let mut scene = Scene::new(story.clone());
    scene.set_day(f64::from(as_of));
    let story = scene.story();
    let mut out = String::new();
    let line = |out: &mut String, indent: usize, text: &str| {
        let _ = writeln!(out, "{:indent$}{text}", "");
    };
    line(
        &mut out,
        0,
        &tf(l, "review_title", &[story.story.title.get(lang)]),
    );
    line(
        &mut out,
        0,
        &tf(
            l,
            "review_version",
            &[&story.story.version, &format_date(as_of, l)],
        ),
    );
    match &documents.texts {
        Some(texts) => line(
            &mut out,
            0,
            &tf(
                l,
                "review_documents",
                &[&format!("{} ({})", documents.folder, texts.len())],
            ),
        ),
        None => line(
            &mut out,
            0,
            &tf(l, "review_no_documents", &[&documents.folder]),
        ),
    }
    let quote_line = |source: &str, quote: Option<&Quote>| -> String {
        let Some(q) = quote else {
            return t(l, "quote_none").to_string();
        };
        let file = story
            .sources
            .iter()
            .find(|s| s.id == source)
            .map(|s| s.file.as_str());
        let verdict = match (&documents.texts, file) {
            (None, _) => None,
            (Some(texts), file) => Some(
                match file.and_then(|f| texts.get(f)).map(|text| check(text, q)) {
                    Some(QuoteCheck::Found) => t(l, "quote_found").to_string(),
                    Some(QuoteCheck::OnLine(n)) => tf(l, "quote_elsewhere", &[&n.to_string()]),
                    Some(QuoteCheck::NotFound) | None => t(l, "quote_missing").to_string(),
                },
            ),
        };
        let quoted = tf(l, "quote_label", &[&quote_text(q, l)]);
        match verdict {
            Some(v) => format!("{quoted} — {v}"),
            None => quoted,
        }
    };
    let source_line = |id: &str| -> String {
        match story.sources.iter().find(|s| s.id == id) {
            Some(s) => {
                let file = tf(l, "review_file", &[&s.file]);
                let how = s
                    .published_inferred
                    .as_ref()
                    .map(|t| format!(" {}", t.get(lang)))
                    .unwrap_or_default();
                tf(
                    l,
                    "source",
                    &[&format!("{} — {file}.{how}", citation(s, lang))],
                )
            }
            None => tf(l, "source", &[id]),
        }
    };
    for (i, s) in story.streams.iter().enumerate() {
        let Some(d) = stream_details(&scene, i, lang) else {
            continue;
        };
        out.push('\n');
        line(
            &mut out,
            0,
            &format!("{}. {} — {}", i + 1, d.title, d.category),
        );
        line(&mut out, 3, &format!("{}; {}", d.route, d.path));
        let shown = format!("{} · {}", d.figure, tf(l, "strongest", &[&d.confidence]));
        line(
            &mut out,
            3,
            &tf(l, "review_on_map", &[&format_date(as_of, l), &shown]),
        );
        for extra in [&d.part_of, &d.destination, &d.note].into_iter().flatten() {
            line(&mut out, 3, extra);
        }
        for (k, c) in d.claims.iter().enumerate() {
            let Some(o) = story.observations.iter().find(|o| o.id == c.id) else {
                continue;
            };
            let letter = char::from(b'a' + (k % 26) as u8);
            line(
                &mut out,
                3,
                &format!("{letter}) {} ({}; {})", c.figure, c.period, c.confidence),
            );
            line(
                &mut out,
                6,
                &tf(l, "reported_on", &[&c.claimant, &c.reported]),
            );
            line(&mut out, 6, &source_line(&o.source));
            line(&mut out, 6, &quote_line(&o.source, o.quote.as_ref()));
            for (text, denial) in c.denials.iter().zip(&o.denials) {
                line(&mut out, 6, text);
                line(&mut out, 9, &source_line(&denial.source));
                line(
                    &mut out,
                    9,
                    &quote_line(&denial.source, denial.quote.as_ref()),
                );
            }
            if let Some(note) = &c.note {
                line(&mut out, 6, note);
            }
        }
        if s.sanctions.is_empty() {
            continue;
        }
        line(&mut out, 3, t(l, "sanctions_heading"));
        for x in story.sanctions_of(s) {
            line(&mut out, 6, &sanction_text(x, lang, true));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Story {
        crate::test_support::default_scene_at("2025-05-30")
            .story()
            .clone()
    }

    fn documents(texts: &[(&str, &str)]) -> Documents {
        Documents {
            folder: "seeds".into(),
            texts: Some(
                texts
                    .iter()
                    .map(|(f, t)| (f.to_string(), t.to_string()))
                    .collect(),
            ),
        }
    }

    #[test]
    fn the_sheet_lists_every_figure_with_its_qualifier_claimant_file_and_quote() {
        let s = story();
        let sheet = review_sheet(&s, "en", &Documents::default());
        assert!(sheet.starts_with("Editor's sign-off sheet: Russia and North Korea"));
        for o in &s.observations {
            let q = o.quote.as_ref().unwrap();
            assert!(sheet.contains(&q.text), "{} is missing", o.id);
        }
        assert!(sheet.contains("at least 11,000 containers"), "{sheet}");
        assert!(sheet.contains("as many as 9 million rounds"), "{sheet}");
        assert!(sheet.contains("file 003_dba21fc1fcb94cef.txt"));
        assert!(sheet.contains("Shin Won-sik, South Korean defence minister"));
        assert!(sheet.contains("No documents at : quotes not checked."));
    }

    #[test]
    fn flows_come_in_the_storys_order_and_claims_oldest_first() {
        let s = story();
        let sheet = review_sheet(&s, "en", &Documents::default());
        let at = |text: &str| sheet.find(text).unwrap_or_else(|| panic!("{text}"));
        let titles: Vec<usize> = s.streams.iter().map(|x| at(x.label.get("en"))).collect();
        assert!(titles.windows(2).all(|w| w[0] < w[1]), "{titles:?}");
        assert!(at("a) about 6,700 containers") < at("b) at least 11,000 containers"));
    }

    #[test]
    fn each_quote_is_checked_against_its_document() {
        let s = story();
        let file = "003_dba21fc1fcb94cef.txt";
        let lines: Vec<String> = (1..=80)
            .map(|n| match n {
                74 => "North Korea had sent about 6,700 containers containing millions of munitions to Russia since September 2023 in exchange for food and raw materials for weapons production.".into(),
                _ => String::new(),
            })
            .collect();
        let sheet = review_sheet(&s, "en", &documents(&[(file, &lines.join("\n"))]));
        let shin = sheet
            .lines()
            .find(|x| x.contains("about 6,700 containers containing"))
            .unwrap();
        assert!(shin.ends_with("checked: on that line"), "{shin}");
        let nis = sheet
            .lines()
            .find(|x| x.contains("1,500 North Korean soldiers"))
            .unwrap();
        assert!(nis.ends_with("CHECK: not in the document"), "{nis}");
    }

    #[test]
    fn the_sheet_speaks_the_editors_language_and_keeps_the_documents_words() {
        let sheet = review_sheet(&story(), "ko", &Documents::default());
        assert!(sheet.starts_with("편집자 검수표: 러시아와 북한의 군사 거래"));
        assert!(sheet.contains("“Since last fall, North Korea has supplied over 11,000 containers"));
        assert!(sheet.contains("(10행)"));
    }
}
