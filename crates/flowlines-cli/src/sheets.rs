//! FlowmapBlue's sheets on the command line: a folder holding `flows.csv` is read as
//! FlowmapBlue's sheets by every command that reads a story (`validate`, `totals`, `render`,
//! `scene`, `convert`...), with the settings the sheets lack given by flags that every command
//! takes: `--set KEY=VALUE` for any column of the folder's `story.csv`, and `--category`,
//! `--unit`, `--confidence` and `--period` for the common ones. Flags win over `story.csv`
//! (see `flowlines_core::parse::SheetSettings` and `docs/formats.md`).

use flowlines_core::parse::{is_flowmap_blue, load_flowmap_blue, CsvFiles, SheetSettings};
use flowlines_core::Story;
use std::sync::OnceLock;

/// The flags that fill what a folder of flow sheets does not say; they apply to every command.
#[derive(clap::Args, Debug, Default)]
pub struct SheetArgs {
    /// For flow sheets: a setting, KEY=VALUE, as a column of story.csv (repeatable), e.g.
    /// --set source.title="Port statistics" --set as_of=2024-10-13.
    #[arg(long = "set", global = true, value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// For flow sheets: the name of what moves [default: flows].
    #[arg(long, global = true)]
    pub category: Option<String>,
    /// For flow sheets: the unit the counts are in, plural [default: units].
    #[arg(long, global = true)]
    pub unit: Option<String>,
    /// For flow sheets: how sure the counts are: confirmed, reported, claimed or proposed
    /// [default: claimed].
    #[arg(long, global = true)]
    pub confidence: Option<String>,
    /// For flow sheets without a time column: the period every count covers (2024, or
    /// 2024-01/2024-06).
    #[arg(long, global = true)]
    pub period: Option<String>,
}

/// The settings of this run's flags, set once by [`configure`].
static GIVEN: OnceLock<SheetSettings> = OnceLock::new();

/// Reads the flags into settings for every story this run reads; the error names the flag.
pub fn configure(args: &SheetArgs) -> Result<(), String> {
    let mut s = SheetSettings::default();
    let named = [
        ("category", &args.category),
        ("unit", &args.unit),
        ("confidence", &args.confidence),
        ("period", &args.period),
    ];
    for (key, value) in named {
        if let Some(v) = value {
            s.set(key, v).map_err(|e| format!("--{key}: {e}"))?;
        }
    }
    for pair in &args.set {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| format!("--set {pair}: expected KEY=VALUE, such as unit=people"))?;
        s.set(key.trim(), value)
            .map_err(|e| format!("--set {pair}: {e}"))?;
    }
    let _ = GIVEN.set(s);
    Ok(())
}

/// Whether the files of a folder are flow sheets (one is `flows.csv`).
pub fn are_sheets(files: &CsvFiles) -> bool {
    is_flowmap_blue(files.iter().map(|(n, _)| n.as_str()))
}

/// Reads and validates the flow sheets `files` with the flags' settings; the folder's name
/// (`dir`) is the story's id and title where nothing else names them.
pub fn load(dir: &str, files: &CsvFiles) -> Result<Story, String> {
    let given = GIVEN.get().cloned().unwrap_or_default();
    let mut folder = SheetSettings::default();
    let path = std::path::Path::new(dir);
    let name = path
        .canonicalize()
        .ok()
        .and_then(|p| Some(p.file_name()?.to_str()?.to_string()))
        .unwrap_or_else(|| "flows".into());
    folder.set("id", &name)?;
    folder.set("title", &name)?;
    load_flowmap_blue(files, &given, &folder).map_err(|d| d.to_string())
}
