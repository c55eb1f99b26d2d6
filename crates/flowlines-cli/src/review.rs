//! `flowlines review`: the editor's sign-off sheet of a story, with every quote checked against
//! the folder of source documents.

use flowlines_core::review::{review_sheet, Documents};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The options of `flowlines review`.
#[derive(clap::Args)]
pub struct Options {
    /// A JSON story file, or a folder of CSV tables.
    pub file: String,
    /// The sheet's language: en, ko, uk or ru (quotes stay in their document's language).
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// The folder of the source documents the story's sources name. Default: $FLOWLINES_SEEDS,
    /// else `shared/seeds` beside the repository the story is in (`<story's folder>/../../shared/seeds`).
    #[arg(long)]
    pub documents: Option<String>,
}

/// Where the documents are looked for when `--documents` is not given.
fn default_folder(story: &str) -> PathBuf {
    if let Some(dir) = std::env::var_os("FLOWLINES_SEEDS") {
        return PathBuf::from(dir);
    }
    let path = Path::new(story);
    let dir = if path.is_dir() {
        path
    } else {
        path.parent().unwrap_or(Path::new(""))
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    dir.join("../../shared/seeds")
}

/// Every file of `folder` by name; `None` when the folder cannot be read.
fn read_folder(folder: &Path) -> Option<BTreeMap<String, String>> {
    let entries = std::fs::read_dir(folder).ok()?;
    let mut texts = BTreeMap::new();
    for e in entries.flatten() {
        let path = e.path();
        if !path.is_file() {
            continue;
        }
        if let (Some(name), Ok(text)) = (path.file_name(), std::fs::read_to_string(&path)) {
            texts.insert(name.to_string_lossy().into_owned(), text);
        }
    }
    Some(texts)
}

/// The sheet of the story at `opts.file`, or every problem of the story.
pub fn run(opts: &Options) -> Result<String, String> {
    let story = crate::load::story(&opts.file)?;
    let folder = opts
        .documents
        .as_ref()
        .map_or_else(|| default_folder(&opts.file), PathBuf::from);
    let documents = Documents {
        folder: folder.display().to_string(),
        texts: read_folder(&folder),
    };
    Ok(review_sheet(&story, &opts.lang, &documents))
}
