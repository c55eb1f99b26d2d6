//! Property tests: whatever is done to the default story, loading it never panics, and a story
//! that fails to load says where, inside the text.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::parse::load_json;
use proptest::prelude::*;

const NK_RUSSIA: &str = include_str!("../../../data/nk-russia.json");

/// Values a mutation may put into the story.
fn junk() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map_or(serde_json::Value::Null, serde_json::Value::Number)),
        any::<i64>().prop_map(serde_json::Value::from),
        "[a-z0-9/-]{0,12}".prop_map(serde_json::Value::from),
        Just(serde_json::json!({"about": -1})),
        Just(serde_json::json!({"range": {"low": 5, "high": 1}})),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
    ]
}

/// Every path to a value inside `v`.
fn paths(v: &serde_json::Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                at.push(k.clone());
                paths(x, at, out);
                at.pop();
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(i.to_string());
                paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn check(name: &str, text: &str) {
    if let Err(errors) = load_json(name, text) {
        assert!(!errors.is_empty());
        let lines = text.lines().count().max(1);
        for d in &errors.0 {
            assert_eq!(d.file, name);
            assert!(d.line >= 1 && d.line <= lines + 1, "{d}");
            assert!(d.column >= 1, "{d}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn replacing_any_value_never_panics(pick in any::<prop::sample::Index>(), value in junk()) {
        let mut story: serde_json::Value = serde_json::from_str(NK_RUSSIA).unwrap();
        let mut all = Vec::new();
        paths(&story, &mut Vec::new(), &mut all);
        let path = pick.get(&all);
        if !path.is_empty() {
            let pointer: String = path.iter().map(|p| format!("/{p}")).collect();
            if let Some(slot) = story.pointer_mut(&pointer) {
                *slot = value;
            }
        }
        let text = serde_json::to_string_pretty(&story).unwrap();
        check("mutated.json", &text);
    }

    #[test]
    fn removing_any_value_never_panics(pick in any::<prop::sample::Index>()) {
        let mut story: serde_json::Value = serde_json::from_str(NK_RUSSIA).unwrap();
        let mut all = Vec::new();
        paths(&story, &mut Vec::new(), &mut all);
        let path = pick.get(&all).clone();
        if let Some((last, parent)) = path.split_last() {
            let pointer: String = parent.iter().map(|p| format!("/{p}")).collect();
            match story.pointer_mut(&pointer) {
                Some(serde_json::Value::Object(m)) => { m.remove(last); }
                Some(serde_json::Value::Array(a)) => {
                    if let Ok(i) = last.parse::<usize>() { if i < a.len() { a.remove(i); } }
                }
                _ => {}
            }
        }
        check("mutated.json", &serde_json::to_string_pretty(&story).unwrap());
    }

    #[test]
    fn cutting_or_garbling_the_text_never_panics(at in any::<prop::sample::Index>(), len in 0usize..40, insert in "\\PC{0,8}") {
        let chars: Vec<char> = NK_RUSSIA.chars().collect();
        let i = at.index(chars.len());
        let j = (i + len).min(chars.len());
        let text: String = chars[..i].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[j..].iter()).collect();
        check("garbled.json", &text);
    }
}
