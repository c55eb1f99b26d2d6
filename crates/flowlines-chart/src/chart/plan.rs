//! What a category's chart holds, decided before anything is drawn: its panels and notes.

use super::{ChartError, MIN_PANEL_HEIGHT, NOTE_HEIGHT, PAD, PANEL_HEIGHT};
use flowlines_core::i18n::{t, tf, Lang};
use flowlines_core::model::Story;
use flowlines_core::series::StorySeries;

/// One unit's panel before it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelPlan {
    /// The unit's id.
    pub unit: String,
    /// The unit's name in the chart's language ("containers").
    pub name: String,
    /// The streams drawn in it, indices into the story's streams, in story order.
    pub streams: Vec<usize>,
}

/// What a category's chart holds, decided before anything is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPlan {
    /// The category's index in the story (it decides the colour).
    pub category: usize,
    /// The category's name in the chart's language.
    pub name: String,
    /// One panel per unit with at least one figure, in the order the category's streams first
    /// use the units.
    pub panels: Vec<PanelPlan>,
    /// One line per stream that has no figure to draw, saying why.
    pub notes: Vec<String>,
    /// When no stream has a figure: the text said instead of a chart.
    pub empty: Option<String>,
}

/// Whether stream `i` has any counted figure with a number.
fn has_numbers(series: &StorySeries, i: usize) -> bool {
    series
        .series(i)
        .is_some_and(|s| s.readings().next().is_some())
}

/// Whether stream `i`, which has nothing to draw, is reported to move with no number (rather
/// than only proposed, offered or denied).
fn moves_without_number(series: &StorySeries, i: usize) -> bool {
    matches!(series.series(i), Some(s) if s.start().is_some() && s.has_unknown())
}

/// The first letter in upper case ("containers" becomes "Containers").
pub(super) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl ChartPlan {
    /// Plans the chart of `category` (an id): its panels, one per unit, and its notes, with
    /// names in `lang`.
    pub fn new(
        story: &Story,
        series: &StorySeries,
        category: &str,
        lang: &str,
    ) -> Result<Self, ChartError> {
        let index = story
            .categories
            .iter()
            .position(|c| c.id == category)
            .ok_or_else(|| ChartError::UnknownCategory(category.to_string()))?;
        let mut panels: Vec<PanelPlan> = Vec::new();
        let mut notes = Vec::new();
        let mut any_unknown = false;
        let mut any_stream = false;
        let l = Lang::from_code(lang);
        for (i, s) in story.streams.iter().enumerate() {
            if s.category != category {
                continue;
            }
            any_stream = true;
            if !has_numbers(series, i) {
                let unknown = moves_without_number(series, i);
                any_unknown |= unknown;
                let why = if unknown {
                    "why_unknown"
                } else {
                    "why_uncounted"
                };
                notes.push(format!("{}: {}.", s.label.get(lang), t(l, why)));
                continue;
            }
            match panels.iter_mut().find(|p| p.unit == s.unit) {
                Some(p) => p.streams.push(i),
                None => panels.push(PanelPlan {
                    unit: s.unit.clone(),
                    name: story
                        .units
                        .iter()
                        .find(|u| u.id == s.unit)
                        .map_or(s.unit.clone(), |u| u.names.get(lang).to_string()),
                    streams: vec![i],
                }),
            }
        }
        let empty = panels.is_empty().then(|| {
            let reason = if !any_stream {
                "no_flow_of_kind"
            } else if any_unknown {
                "moves_no_number"
            } else {
                "only_proposals"
            };
            tf(l, "no_figures", &[t(l, reason)])
        });
        Ok(ChartPlan {
            category: index,
            name: story.categories[index].names.get(lang).to_string(),
            panels,
            notes,
            empty,
        })
    }

    /// Whether any stream of the category has a figure to draw.
    pub fn has_figures(&self) -> bool {
        !self.panels.is_empty()
    }

    /// The height the chart is meant to be drawn at, in pixels: a panel per unit and a line
    /// per note (or the lines of text said instead of a chart).
    pub fn height(&self) -> u32 {
        let lines = self.notes.len() as u32 + u32::from(self.empty.is_some());
        self.panels.len() as u32 * PANEL_HEIGHT + lines * NOTE_HEIGHT + 2 * PAD
    }

    /// The least height the chart can be squeezed to, in pixels.
    pub fn min_height(&self) -> u32 {
        let lines = self.notes.len() as u32 + u32::from(self.empty.is_some());
        self.panels.len() as u32 * MIN_PANEL_HEIGHT + lines * NOTE_HEIGHT + 2 * PAD
    }
}
