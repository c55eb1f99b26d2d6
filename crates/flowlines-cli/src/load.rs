//! Reading a story from a path, and printing totals as a table.

use flowlines_core::parse::{load_csv, load_json, write_csv, CsvFiles};
use flowlines_core::totals::StreamTotal;
use flowlines_core::Story;
use std::fmt::Write as _;

/// Reads and validates the story at `path`: a JSON file, a folder of CSV tables, or a folder of
/// FlowmapBlue's sheets (one holding `flows.csv`, see [`crate::sheets`]). The error
/// lists every problem, one `file:line:column: message` per line.
pub fn story(path: &str) -> Result<Story, String> {
    if std::path::Path::new(path).is_dir() {
        let files = csv_files(path)?;
        if crate::sheets::are_sheets(&files) {
            return crate::sheets::load(path, &files);
        }
        // A story of our own tables reads only its .csv files, as it always has.
        let tables: CsvFiles = files
            .into_iter()
            .filter(|(n, _)| n.ends_with(".csv"))
            .collect();
        return load_csv(&tables).map_err(|d| d.to_string());
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("{path}:1:1: cannot read: {e}"))?;
    load_json(path, &text).map_err(|d| d.to_string())
}

/// The `.csv` (and `.geojson`) files of folder `dir`, as (path, text) pairs in name order.
fn csv_files(dir: &str) -> Result<CsvFiles, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{dir}:1:1: cannot read: {e}"))?;
    let mut paths: Vec<std::path::PathBuf> = entries
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv" || x == "geojson"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.display().to_string();
            let text =
                std::fs::read_to_string(&p).map_err(|e| format!("{name}:1:1: cannot read: {e}"))?;
            Ok((name, text))
        })
        .collect()
}

/// Writes `story` as CSV tables into folder `dir`, creating it if needed.
pub fn write_csv_folder(story: &Story, dir: &str) -> Result<Vec<String>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    let mut written = Vec::new();
    for (name, text) in write_csv(story)? {
        let path = std::path::Path::new(dir).join(&name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path.display().to_string());
    }
    Ok(written)
}

fn figure(v: Option<f64>) -> String {
    match v {
        Some(v) => format!("{v:.0}"),
        None => "-".into(),
    }
}

/// A plain-text table of stream figures.
pub fn table(rows: &[StreamTotal]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<28} {:>12} {:>12} {:>12}  {:<12} {:<12} {:<12} {:<12} sources",
        "stream", "low", "value", "high", "unit", "category", "from", "to"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "{:<28} {:>12} {:>12} {:>12}  {:<12} {:<12} {:<12} {:<12} {}",
            r.stream,
            figure(r.low),
            figure(r.value),
            figure(r.high),
            r.unit,
            r.category,
            r.from,
            r.to,
            r.sources.join(", ")
        );
    }
    out
}

/// Writes the map's words in Korean, Ukrainian and Russian into folder `dir`, as `ko.bin`,
/// `uk.bin` and `ru.bin` (`flowlines_core::i18n::words_file`; English is built into the map
/// module), and returns the files written.
pub fn write_words_folder(dir: &str) -> Result<Vec<String>, String> {
    use flowlines_core::i18n::{words_file, Lang};
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    let mut written = Vec::new();
    for lang in [Lang::Ko, Lang::Uk, Lang::Ru] {
        let out = format!("{dir}/{}.bin", lang.code());
        let bytes = words_file(lang).map_err(|e| format!("{out}: {e}"))?;
        std::fs::write(&out, bytes).map_err(|e| format!("{out}: {e}"))?;
        written.push(out);
    }
    Ok(written)
}

/// Validates the story at `path` and writes its compact form in each language into folder
/// `dir` as `<name>.<lang>.json`, or with `binary` as `<name>.<lang>.bin` (see
/// `flowlines_core::compact`), creating the folder if needed.
pub fn write_compact_folder(path: &str, dir: &str, binary: bool) -> Result<Vec<String>, String> {
    use flowlines_core::compact::{binary_story, compact_story, in_language};
    use flowlines_core::i18n::Lang;
    let story = story(path)?;
    let name = std::path::Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("story");
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    let mut written = Vec::new();
    for lang in [Lang::En, Lang::Ko, Lang::Uk, Lang::Ru] {
        let out = format!(
            "{dir}/{name}.{}.{}",
            lang.code(),
            if binary { "bin" } else { "json" }
        );
        let bytes = if binary {
            in_language(&story, lang)
                .map_err(|e| e.to_string())
                .and_then(|s| binary_story(&s).map_err(|e| e.to_string()))
        } else {
            compact_story(&story, lang)
                .map(String::into_bytes)
                .map_err(|e| e.to_string())
        };
        std::fs::write(&out, bytes.map_err(|e| format!("{out}: {e}"))?)
            .map_err(|e| format!("{out}: {e}"))?;
        written.push(out);
    }
    Ok(written)
}
