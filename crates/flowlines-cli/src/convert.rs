//! `flowlines convert DIR --out story.json`: a story kept in another form (FlowmapBlue's
//! sheets, a folder of our CSV tables) written as our JSON, the canonical form the page and
//! every command read. The story is validated before it is written, and what is written is
//! read back and validated again, so a converted file always passes `flowlines validate`.

use crate::load;
use flowlines_core::parse::load_json;

/// What `flowlines convert` was asked for: its command-line arguments.
#[derive(clap::Args)]
pub struct Options {
    /// A folder of flow sheets (flows.csv, and locations.csv or a .geojson of places), a
    /// folder of CSV tables, or a JSON story.
    pub dir: String,
    /// The JSON story file to write.
    #[arg(long)]
    pub out: String,
}

/// Converts the story and writes it; returns the number of places, streams and figures.
pub fn run(o: &Options) -> Result<(usize, usize, usize), String> {
    let story = load::story(&o.dir)?;
    let mut text = serde_json::to_string_pretty(&story).map_err(|e| format!("{}: {e}", o.out))?;
    text.push('\n');
    // What is written must read back as the same story.
    let back = load_json(&o.out, &text).map_err(|d| {
        format!(
            "{d}\n{}: the converted story does not validate; nothing was written",
            o.out
        )
    })?;
    if back != story {
        return Err(format!(
            "{}: the converted story does not read back as it was; nothing was written",
            o.out
        ));
    }
    std::fs::write(&o.out, text).map_err(|e| format!("{}: {e}", o.out))?;
    Ok((
        story.places.len(),
        story.streams.len(),
        story.observations.len(),
    ))
}
