//! `flowlines review` as an editor runs it: the sign-off sheet, its quotes checked.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::process::{Command, Output};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn flowlines(args: &[&str], seeds: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_flowlines"));
    cmd.current_dir(ROOT)
        .args(args)
        .env_remove("FLOWLINES_SEEDS");
    if let Some(s) = seeds {
        cmd.env("FLOWLINES_SEEDS", s);
    }
    cmd.output().unwrap()
}

fn sheet(args: &[&str], seeds: Option<&str>) -> String {
    let out = flowlines(args, seeds);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A folder of made-up documents for one test, named `name`.
fn documents(name: &str, files: &[(&str, &str)]) -> String {
    let dir = std::env::temp_dir().join(format!("flowlines-review-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir.display().to_string()
}

#[test]
fn review_prints_every_figure_with_its_claimant_file_and_quote() {
    let text = sheet(&["review", "data/nk-russia.json"], Some("/no/such/folder"));
    assert!(text.starts_with("Editor's sign-off sheet: "), "{text}");
    assert!(text.contains("No documents at /no/such/folder: quotes not checked."));
    assert!(text.contains("1. Munitions by the container"));
    assert!(text.contains("at least 11,000 containers, running total"));
    assert!(text.contains("file 002_e71841c75fbd54cb.txt"));
    assert!(
        text.contains("Quote: “Since last fall, North Korea has supplied over 11,000 containers")
    );
    assert!(text.contains("(line 10)"));
}

#[test]
fn review_checks_each_quote_in_the_documents_folder() {
    let line = "Since last fall, North Korea has supplied over 11,000 containers of munitions to Russia, the Washington Post reported earlier in June this year.";
    let doc = format!("{}{line}\n", "\n".repeat(9));
    let folder = documents("check", &[("002_e71841c75fbd54cb.txt", &doc)]);
    let text = sheet(
        &["review", "data/nk-russia.json", "--documents", &folder],
        None,
    );
    let wapo = text
        .lines()
        .find(|l| l.contains("Since last fall"))
        .unwrap();
    assert!(wapo.ends_with("checked: on that line"), "{wapo}");
    let shin = text
        .lines()
        .find(|l| l.contains("about 6,700 containers containing"))
        .unwrap();
    assert!(shin.ends_with("CHECK: not in the document"), "{shin}");
}

#[test]
fn review_speaks_korean_when_asked() {
    let text = sheet(
        &["review", "data/nk-russia.json", "--lang", "ko"],
        Some("/no/such/folder"),
    );
    assert!(text.starts_with("편집자 검수표: "), "{text}");
    assert!(text.contains("인용: “"));
}

#[test]
fn review_of_a_broken_story_lists_its_problems_and_exits_1() {
    let out = flowlines(&["review", "data/fixtures/errors.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("errors.json:"));
}
