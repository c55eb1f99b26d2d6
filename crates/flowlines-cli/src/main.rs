//! `flowlines`: the native command line of flowlines.
//!
//! - `flowlines validate FILE...` checks data files and prints every problem as
//!   `file:line:column: message`, exiting 1 when there is any.
//! - `flowlines totals FILE --at YYYY-MM-DD [--json]` prints each stream's figure at a date.
//! - `flowlines csv FILE --out DIR` writes a story as CSV tables, for editing in a spreadsheet.
//! - `flowlines review FILE [--lang ko] [--documents DIR]` prints the editor's sign-off sheet:
//!   every figure with its qualifier, claimant, source file, dates and quote, quotes checked.
//! - `flowlines compact FILE --out DIR [--json]` validates a story and writes its compact
//!   form in each language: `DIR/<name>.<lang>.bin`, the binary form the page loads, or with
//!   `--json` compact JSON, `DIR/<name>.<lang>.json`.
//! - `flowlines scene FILE --at YYYY-MM-DD [--width W --height H] [--json]` prints what the
//!   page would draw: the projection, each place's dot and each shown route, in CSS pixels.
//! - `flowlines basemap [--story FILE] [--input TOPOJSON] [--out FILE]` builds a basemap
//!   (`data/basemap.json`) from world-atlas's Natural Earth TopoJSON, clipped to the story's
//!   extent (see `docs/basemap.md`).
//! - `flowlines convert DIR --out story.json` writes a story kept in another form as our JSON.
//!
//! A FILE may be a JSON story, a folder of CSV tables, or a folder of FlowmapBlue's sheets
//! (`flows.csv` and `locations.csv`), whose missing settings flags give (`src/sheets.rs`).

mod basemap;
mod convert;
mod load;
mod render;
mod review;
mod scene;
mod sheets;

use clap::{Parser, Subcommand};
use flowlines_core::date::parse_day;
use flowlines_core::series::StorySeries;
use flowlines_core::totals::stream_totals;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "flowlines",
    version,
    about = "Sourced flow maps: validate data, compute totals"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    sheets: sheets::SheetArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Check data files; print every problem as file:line:column: message.
    Validate {
        /// JSON story files, or a folder of CSV tables.
        #[arg(required = true)]
        files: Vec<String>,
    },
    /// Write a story as CSV tables (one file per section) into a folder.
    Csv {
        /// A JSON story file, or a folder of CSV tables.
        file: String,
        /// The folder to write into.
        #[arg(long)]
        out: String,
    },
    /// Validate a story and write its compact form in each language (texts in that language and
    /// English only) into a folder, as NAME.LANG.bin: the binary form the page's map module
    /// reads (the model's fields in order, by postcard, read without a JSON parser).
    Compact {
        /// A JSON story file, or a folder of CSV tables.
        file: String,
        /// The folder to write into.
        #[arg(long)]
        out: String,
        /// Write compact JSON instead (no whitespace), as NAME.LANG.json: a smaller JSON story
        /// for a host that hands the map JSON, which the page turns into the binary form with
        /// its second module before the first frame.
        #[arg(long, conflicts_with = "binary")]
        json: bool,
        /// The binary form: the default, accepted for builds written when it was not.
        #[arg(long)]
        binary: bool,
    },
    /// Write the map's words in each language but English (built into the page's map module)
    /// into a folder, as LANG.bin: the page's map module reads the reader's language's file
    /// (`FlowMap.set_words`), so that it carries English alone.
    Words {
        /// The folder to write into.
        #[arg(long)]
        out: String,
    },
    /// Print each stream's quantity at a date, with its range, unit and sources.
    Totals {
        /// A JSON story file, or a folder of CSV tables.
        file: String,
        /// The date, YYYY-MM-DD.
        #[arg(long)]
        at: String,
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print the editor's sign-off sheet: every figure as the map shows it, with its claimant,
    /// source and file, dates and quote, grouped by flow; each quote checked in its document.
    Review(review::Options),
    /// Draw the map at a date as an SVG or PNG image, with its legend, sources, credit and caveat.
    Render(render::Options),
    /// Write a story kept as FlowmapBlue's sheets (or CSV tables) as our JSON, validated.
    Convert(convert::Options),
    /// Print what the page would draw at a date in a viewport: the projection, each place's dot
    /// and each shown route, in CSS pixels.
    Scene(scene::Options),
    /// Build the basemap (land, borders, coasts) from world-atlas's TopoJSON, clipped to a
    /// story's extent or to a bbox.
    Basemap {
        /// The story whose extent (what its map can show) the basemap covers; its width picks
        /// Natural Earth's scale, 1:50m or 1:110m (docs/basemap.md).
        #[arg(long, conflicts_with = "bbox")]
        story: Option<String>,
        /// The world-atlas TopoJSON file [default: countries-50m.json, or countries-110m.json
        /// for a story's wide extent].
        #[arg(long)]
        input: Option<String>,
        /// The basemap JSON file to write.
        #[arg(long, default_value = "data/basemap.json")]
        out: String,
        /// The compact binary form to write (quantised, delta-encoded), which the page loads.
        #[arg(long, default_value = "data/basemap.bin")]
        bin: String,
        /// Douglas-Peucker tolerance of the simplification, in degrees.
        #[arg(long, default_value_t = 0.05)]
        tolerance: f64,
        /// The region to keep without a story, lon0,lat0,lon1,lat1 in degrees (west, south,
        /// east, north; east may pass 180 across the antimeridian) [default: 15,25,150,72].
        #[arg(long, allow_hyphen_values = true)]
        bbox: Option<String>,
    },
}

/// Prints each file written, one per line, or the error; the exit code says which.
fn report_written(written: Result<Vec<String>, String>) -> ExitCode {
    match written {
        Ok(files) => {
            for f in files {
                println!("{f}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(e) = sheets::configure(&cli.sheets) {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    match cli.command {
        Command::Convert(opts) => match convert::run(&opts) {
            Ok((places, streams, figures)) => {
                println!(
                    "{}: {places} places, {streams} streams, {figures} figures",
                    opts.out
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Command::Validate { files } => {
            let mut ok = true;
            for f in &files {
                match load::story(f) {
                    Ok(_) => println!("{f}: ok"),
                    Err(e) => {
                        eprintln!("{e}");
                        ok = false;
                    }
                }
            }
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Command::Csv { file, out } => {
            report_written(load::story(&file).and_then(|s| load::write_csv_folder(&s, &out)))
        }
        Command::Compact {
            file, out, json, ..
        } => report_written(load::write_compact_folder(&file, &out, !json)),
        Command::Words { out } => report_written(load::write_words_folder(&out)),
        Command::Totals { file, at, json } => {
            let day = match parse_day(&at) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("--at: {e}");
                    return ExitCode::from(2);
                }
            };
            let story = match load::story(&file) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::FAILURE;
                }
            };
            let series = StorySeries::new(&story);
            let rows = stream_totals(&story, &series, f64::from(day));
            if json {
                match serde_json::to_string_pretty(&rows) {
                    Ok(s) => println!("{s}"),
                    Err(e) => {
                        eprintln!("cannot write JSON: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                print!("{}", load::table(&rows));
            }
            ExitCode::SUCCESS
        }
        Command::Review(opts) => match review::run(&opts) {
            Ok(sheet) => {
                print!("{sheet}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Command::Scene(opts) => match scene::run(&opts) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Command::Render(opts) => match render::run(&opts) {
            Ok(w) => {
                println!(
                    "{}: {}x{} pixels, {} bytes",
                    w.path, w.size.0, w.size.1, w.bytes
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Command::Basemap {
            story,
            input,
            out,
            bin,
            tolerance,
            bbox,
        } => {
            use flowlines_core::extent::Extent;
            let (extent, scale_input) = match (story, bbox) {
                (Some(path), _) => match load::story(&path) {
                    Ok(s) => {
                        let extent = Extent::of_story(&s);
                        let input = basemap::input_for(&extent);
                        (extent, input)
                    }
                    Err(e) => {
                        eprintln!("{e}");
                        return ExitCode::FAILURE;
                    }
                },
                (None, b) => match basemap::parse_bbox(b.as_deref().unwrap_or("15,25,150,72"))
                    .and_then(|b| Extent::new(b).ok_or(format!("--bbox {b:?}: not a region")))
                {
                    Ok(e) => (e, basemap::INPUT_50M),
                    Err(e) => {
                        eprintln!("{e}");
                        return ExitCode::from(2);
                    }
                },
            };
            let opts = basemap::Options {
                input: input.unwrap_or_else(|| scale_input.to_string()),
                out,
                bin,
                tolerance,
                extent,
            };
            match basemap::run(&opts) {
                Ok(s) => {
                    println!(
                        "{}: {} countries, {} points, {} bytes; {}: {} bytes (bbox {}, from {})",
                        opts.out,
                        s.countries,
                        s.points,
                        s.bytes,
                        opts.bin,
                        s.bin_bytes,
                        opts.extent.bbox.map(|v| v.to_string()).join(","),
                        opts.input
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
