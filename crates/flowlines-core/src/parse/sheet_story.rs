//! How a flow sheet becomes a story: places, one stream per (origin, dest) pair, one figure
//! per pair and time (rows summed), and the story's record, source, claimant, confidence,
//! category and unit filled from the settings or their defaults (see [`super::flowmap_blue`]
//! and `docs/formats.md`).

use super::limits::MAX_STREAMS;
use super::locations::SheetPlace;
use super::sheet_settings::{Qualifier, SheetSettings};
use super::source_map::Span;
use super::Read;
use crate::date::{DateSpec, Period};
use crate::model::{
    Category, Claimant, Confidence, Measure, Names, Observation, Place, Precision, Quantity,
    Source, Story, StoryMeta, Stream, Text, Unit,
};
use std::collections::HashMap;
use std::sync::Arc;

/// One row's part of a figure: its count and its line.
struct Part {
    count: f64,
    start: usize,
}

/// Builds the story from the settings, the places and the flows.
pub(super) struct Builder<'s> {
    /// The settings the story is filled from.
    pub settings: &'s SheetSettings,
    /// The name of `flows.csv` without its folder, as the caveat and notes cite it.
    flows_name: String,
    story: Story,
    /// Each place's name by its id, for the streams' labels.
    names: HashMap<String, String>,
    /// Each stream's index by (origin, dest).
    streams: HashMap<(String, String), usize>,
    /// Each figure's index by (stream, time), with the rows summed into it.
    figures: HashMap<(usize, Option<DateSpec>), usize>,
    parts: Vec<(usize, Option<DateSpec>, Vec<Part>)>,
    /// Rows from a place to itself, left out.
    to_itself: usize,
}

impl<'s> Builder<'s> {
    /// A builder for the sheet `flows_name` with `settings`.
    pub fn new(settings: &'s SheetSettings, flows_name: &str) -> Self {
        Builder {
            settings,
            flows_name: super::flowmap_blue::base_name(flows_name).to_string(),
            story: Story::default(),
            names: HashMap::new(),
            streams: HashMap::new(),
            figures: HashMap::new(),
            parts: Vec::new(),
            to_itself: 0,
        }
    }

    /// Makes each place of the sheet a place of the story.
    pub fn places(&mut self, places: &[SheetPlace]) {
        let s = self.settings;
        self.names = places
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        self.story.places = places
            .iter()
            .map(|p| Place {
                id: p.id.clone(),
                names: Names {
                    en: p.name.clone(),
                    ..Names::default()
                },
                label: None,
                lon: p.lon,
                lat: p.lat,
                precision: p.precision.or(s.precision).unwrap_or(Precision::City),
                country: p
                    .country
                    .clone()
                    .or_else(|| s.country.clone())
                    .unwrap_or_default(),
                note: None,
            })
            .collect();
    }

    /// Adds one row of `flows.csv` (at byte `start` of file `file`): a count of `amount` from
    /// `from` to `to` in `when`, summed into the figure of its pair and time. A row from a place
    /// to itself is counted apart and left out. The error is the cap on pairs, passed.
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        read: &mut Read,
        file: usize,
        start: usize,
        from: String,
        to: String,
        when: Option<DateSpec>,
        amount: f64,
    ) -> Result<(), String> {
        if from == to {
            self.to_itself += 1;
            return Ok(());
        }
        let span = Span {
            file,
            start,
            end: start,
        };
        let n = self.streams.len();
        let stream = *self.streams.entry((from.clone(), to.clone())).or_insert(n);
        if stream == n {
            if n >= MAX_STREAMS {
                self.streams.remove(&(from, to));
                return Err(format!(
                    "a story may have at most {MAX_STREAMS} streams: this pair is one too many"
                ));
            }
            read.map.entity("streams", span);
            self.stream(&from, &to);
        }
        let m = self.parts.len();
        let figure = *self.figures.entry((stream, when.clone())).or_insert(m);
        if figure == m {
            read.map.entity("observations", span);
            self.parts.push((stream, when, Vec::new()));
        }
        self.parts[figure].2.push(Part {
            count: amount,
            start,
        });
        Ok(())
    }

    /// Adds the stream from `from` to `to`.
    fn stream(&mut self, from: &str, to: &str) {
        let name = |id: &str| self.names.get(id).map_or(id, String::as_str).to_string();
        self.story.streams.push(Stream {
            id: format!("{from}->{to}"),
            label: Text::Plain(format!("{} → {}", name(from), name(to))),
            category: self.category().0,
            unit: self.unit().0,
            from: from.to_string(),
            to: to.to_string(),
            route: None,
            destination: Default::default(),
            part_of: None,
            sanctions: Vec::new(),
            note: None,
        });
    }

    /// The category's id and name.
    fn category(&self) -> (String, String) {
        let name = self
            .settings
            .category
            .clone()
            .unwrap_or_else(|| "flows".into());
        (name.clone(), name)
    }

    /// The unit's id and name.
    fn unit(&self) -> (String, String) {
        let name = self.settings.unit.clone().unwrap_or_else(|| "units".into());
        (name.clone(), name)
    }

    /// The period every figure covers, its reported date and the rest are filled in `finish`;
    /// here each summed figure gets its quantity and note.
    pub fn figures_from_parts(&mut self, read: &Read, file: usize) {
        let qualifier = self.settings.quantity.unwrap_or(Qualifier::Exact);
        let parts = std::mem::take(&mut self.parts);
        for (stream, when, rows) in parts {
            let total: f64 = rows.iter().map(|p| p.count).sum();
            let quantity = match qualifier {
                Qualifier::Exact => Quantity::Exact(total),
                Qualifier::About => Quantity::About(total),
                Qualifier::AtLeast => Quantity::AtLeast(total),
                Qualifier::AtMost => Quantity::AtMost(total),
            };
            let note = (rows.len() > 1).then(|| {
                let at: Vec<String> = rows
                    .iter()
                    .take(10)
                    .map(|p| read.map.at(file, p.start, String::new()).line.to_string())
                    .collect();
                let more = if rows.len() > 10 { ", ..." } else { "" };
                Text::Plain(format!(
                    "The sum of {} rows of {} (lines {}{more}), as FlowmapBlue sums them.",
                    rows.len(),
                    self.flows_name,
                    at.join(", ")
                ))
            });
            let s = &self.story.streams[stream];
            let period = match &when {
                Some(t) => Period {
                    start: t.clone(),
                    end: t.clone(),
                },
                None => self.settings.period.clone().unwrap_or(Period {
                    start: DateSpec::default(),
                    end: DateSpec::default(),
                }),
            };
            self.story.observations.push(Observation {
                id: match &when {
                    Some(t) => format!("{}@{t}", s.id),
                    None => s.id.clone(),
                },
                stream: s.id.as_str().into(),
                quantity,
                unit: s.unit.as_str().into(),
                measure: Measure::InPeriod,
                period,
                reported: DateSpec::default(),
                claimant: Arc::new(Claimant {
                    name: Text::default(),
                    role: None,
                    party: Text::default(),
                }),
                source: "sheet".into(),
                confidence: Confidence::Claimed,
                denials: Vec::new(),
                note,
                quote: None,
            });
        }
    }

    /// Fills the story's record, its source, category and unit, and each figure's claimant,
    /// confidence and reported date, from the settings or their defaults.
    pub fn finish(mut self, read: &mut Read) {
        let s = self.settings;
        let first = self
            .story
            .observations
            .iter()
            .min_by_key(|o| o.period.first())
            .map(|o| o.period.start.clone());
        let last = self
            .story
            .observations
            .iter()
            .max_by_key(|o| o.period.last())
            .map(|o| o.period.end.clone());
        let Some(as_of) = s.as_of.clone().or_else(|| last.clone()) else {
            if read.problems.is_empty() {
                let d = read.map.at(0, 0, "no flows to read, and no as_of date: give as_of in story.csv or --set as_of=2024-10-13".into());
                read.problems.0.push(d);
            }
            read.story = self.story;
            return;
        };
        let start = s.start.clone().or(first).unwrap_or_else(|| as_of.clone());
        let end = s.end.clone().or(last).unwrap_or_else(|| as_of.clone());
        let (category, category_name) = self.category();
        let (unit, unit_name) = self.unit();
        self.story.categories = vec![Category {
            id: category,
            names: Names {
                en: category_name,
                ..Names::default()
            },
            color: None,
        }];
        self.story.units = vec![Unit {
            id: unit,
            names: Names {
                en: unit_name,
                ..Names::default()
            },
            counted: None,
        }];
        let named_source =
            s.source_title.is_some() || s.source_outlet.is_some() || s.source_file.is_some();
        let source_title = s
            .source_title
            .clone()
            .or_else(|| s.source_outlet.clone())
            .unwrap_or_else(|| format!("the sheet {}", self.flows_name));
        self.story.sources = vec![Source {
            id: "sheet".into(),
            file: s
                .source_file
                .clone()
                .unwrap_or_else(|| self.flows_name.clone()),
            outlet: s.source_outlet.clone(),
            title: Text::Plain(source_title.clone()),
            published: s.source_published.clone().unwrap_or_else(|| as_of.clone()),
            published_inferred: s.source_published.is_none().then(|| {
                Text::Plain(
                    "the sheet gives no date of publication: taken as the story's 'as of' date"
                        .into(),
                )
            }),
        }];
        let claimant_name = s.claimant_name.clone().or_else(|| s.source_outlet.clone());
        // Who speaks for whom: a named claimant speaks for itself unless a party is given.
        let party = s
            .claimant_party
            .clone()
            .or_else(|| claimant_name.clone())
            .unwrap_or_else(|| "not named".into());
        // One claimant for the whole sheet, shared by its readings.
        let claimant = Arc::new(Claimant {
            name: Text::Plain(claimant_name.unwrap_or_else(|| "the sheet's author".into())),
            role: s.claimant_role.clone().map(Text::Plain),
            party: Text::Plain(party),
        });
        let confidence = s.confidence.unwrap_or(Confidence::Claimed);
        let reported = s.source_published.clone().unwrap_or_else(|| as_of.clone());
        for o in &mut self.story.observations {
            o.claimant = claimant.clone();
            o.confidence = confidence;
            o.reported = reported.clone();
        }
        let mut caveat: Vec<String> = s.caveat.iter().cloned().collect();
        if s.confidence.is_none() {
            caveat.push("The sheet does not say how sure its counts are: each is shown as claimed, unverified.".into());
        }
        if !named_source {
            caveat.push(format!(
                "It names no source: the counts are cited to the sheet {}.",
                self.flows_name
            ));
        }
        if self.to_itself > 0 {
            let (rows, are) = if self.to_itself == 1 {
                ("row", "is")
            } else {
                ("rows", "are")
            };
            caveat.push(format!(
                "{} {rows} of {} from a place to itself {are} not drawn: a flow map draws movements between places.",
                self.to_itself, self.flows_name
            ));
        }
        self.story.story = StoryMeta {
            id: s.id.clone().unwrap_or_else(|| "flows".into()),
            title: Text::Plain(s.title.clone().unwrap_or_else(|| "Flows".into())),
            summary: s.summary.clone().map(Text::Plain),
            as_of,
            version: s.version.clone().unwrap_or_else(|| "1.0.0".into()),
            start,
            end,
            open_at: s.open_at.clone(),
            credit: s.credit.clone().map(Text::Plain),
            caveat: (!caveat.is_empty()).then(|| Text::Plain(caveat.join(" "))),
            ..StoryMeta::default()
        };
        read.story = self.story;
    }
}
