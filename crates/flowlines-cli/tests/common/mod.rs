//! What the command-line tests share: running the built `flowlines` from the repository's root,
//! and a fresh folder for a test's files.
#![allow(clippy::unwrap_used, dead_code)]

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs the built `flowlines` with `args` from the repository's root and waits for it.
pub fn flowlines(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flowlines"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .args(args)
        .output()
        .unwrap()
}

/// An empty folder for one test, `flowlines-<suite>-<process id>-<name>` in the system's
/// temporary folder.
pub fn temp_dir(suite: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("flowlines-{suite}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
