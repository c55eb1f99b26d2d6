//! The charts under the map: each category's running totals over time, drawn by `flowlines-chart`
//! on a canvas through [`CanvasBackend`](crate::canvas_backend::CanvasBackend), and the lookups the
//! page needs to link a chart to the timeline (the day under the pointer) and to show an
//! observation's source (the mark under the pointer). What each chart drew where stays here, in
//! Rust.

use crate::canvas_backend::CanvasBackend;
use crate::{to_js, Extras};
use flowlines_chart::chart::{render_charts_in, ChartLayout, ChartPlan, Palette};
use flowlines_core::details::confidence_text;
use flowlines_core::i18n::{self, t, tf, Lang};
use flowlines_core::model::{Measure, Story};
use flowlines_core::style::css;
use plotters::prelude::IntoDrawingArea;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

fn with_layout<T>(map: &Extras, category: &str, f: impl FnOnce(&ChartLayout) -> T) -> Option<T> {
    map.layouts.get(category).map(f)
}

/// A category as the charts list it.
#[derive(Serialize)]
struct ChartEntry {
    id: String,
    name: String,
    color: String,
    has_figures: bool,
    /// The height to draw its chart at, in CSS pixels.
    height: u32,
    /// Said instead of a chart when no figure is given.
    message: Option<String>,
    /// One sentence on what the chart shows, for readers who cannot see it.
    description: String,
}

/// An observation's mark, as the page is told about it.
#[derive(Serialize)]
struct MarkEntry {
    observation: usize,
    id: String,
    x: f64,
    y: f64,
}

/// What a reader is told about the observation under the pointer.
#[derive(Serialize)]
struct ObservationEntry {
    observation: usize,
    id: String,
    stream: String,
    figure: String,
    claimant: String,
    period: String,
    reported: String,
    confidence: String,
    source: String,
}

fn observation_entry(story: &Story, i: usize, lang: &str) -> Option<ObservationEntry> {
    let o = story.observations.get(i)?;
    let stream = story.streams.iter().find(|s| *s.id == *o.stream);
    let unit = story.units.iter().find(|u| *u.id == *o.unit);
    let l = Lang::from_code(lang);
    let measure = t(
        l,
        match o.measure {
            Measure::Cumulative => "running_total",
            Measure::InPeriod => "in_period",
        },
    );
    let source = story
        .sources
        .iter()
        .find(|s| *s.id == *o.source)
        .map_or(o.source.to_string(), |s| {
            flowlines_core::details::citation(s, lang)
        });
    Some(ObservationEntry {
        observation: i,
        id: o.id.clone(),
        stream: stream.map_or(o.stream.to_string(), |s| s.label.get(lang).to_string()),
        figure: format!(
            "{}, {measure}",
            flowlines_core::figure::quantity_phrase(&o.quantity, unit, lang)
        ),
        claimant: o.claimant.describe(lang),
        period: i18n::format_period(&o.period, l),
        reported: i18n::format_date_spec(&o.reported, l),
        confidence: confidence_text(o.confidence, l).to_string(),
        source,
    })
}

#[wasm_bindgen]
impl Extras {
    /// Sets the colour theme charts are drawn in: "dark" for light ink on the dark theme's
    /// surface, anything else for the light theme.
    pub fn set_theme(&mut self, theme: &str) {
        self.palette = Palette::of_theme(theme);
    }

    /// Draws the chart of category `category` (an id) on `ctx`, `width` by `height` CSS pixels
    /// of a canvas `dpr` times denser, names in `lang`, in the theme's colours (see
    /// [`Extras::set_theme`]), with its cursor at the current day (see [`Extras::set_state`]),
    /// and keeps where everything went for [`Extras::chart_day_at`] and [`Extras::chart_mark_at`].
    /// Throws with the reason when the category is unknown, the size too small or the canvas
    /// fails.
    pub fn draw_chart(
        &mut self,
        ctx: &CanvasRenderingContext2d,
        width: f64,
        height: f64,
        dpr: f64,
        category: &str,
        lang: &str,
    ) -> Result<(), JsError> {
        let backend = CanvasBackend::new(ctx.clone(), width, height, dpr)
            .map_err(|e| JsError::new(&format!("chart of '{category}': {e}")))?;
        let root = backend.into_drawing_area();
        let index = self
            .scene
            .story()
            .categories
            .iter()
            .position(|c| c.id == category);
        let layout = render_charts_in(
            &root,
            self.scene.story(),
            self.scene.series(),
            category,
            self.scene.day(),
            lang,
            self.palette,
            index.and_then(|i| self.scene.category_color().get(i).copied()),
        )
        .map_err(|e| JsError::new(&format!("chart of '{category}': {e}")))?;
        root.present()
            .map_err(|e| JsError::new(&format!("chart of '{category}': {e}")))?;
        self.layouts.insert(category.to_string(), layout);
        Ok(())
    }

    /// The day (days since 1970-01-01) at `x` CSS pixels on the last drawn chart of `category`,
    /// kept within the story's days; `undefined` before that chart is drawn or when it has no
    /// figures.
    pub fn chart_day_at(&self, category: &str, x: f64) -> Option<f64> {
        with_layout(self, category, |l| l.day_at(x)).flatten()
    }

    /// The observation whose mark is under (`x`, `y`) CSS pixels on the last drawn chart of
    /// `category`, names in `lang`: `{observation, id, stream, figure, claimant, period,
    /// reported, confidence, source}`, or `null`.
    pub fn chart_mark_at(
        &self,
        category: &str,
        x: f64,
        y: f64,
        lang: &str,
    ) -> Result<JsValue, JsError> {
        let hit = with_layout(self, category, |l| l.mark_at(x, y)).flatten();
        to_js(&hit.and_then(|i| observation_entry(self.scene.story(), i, lang)))
    }

    /// Every observation mark of the last drawn chart of `category`: `[{observation, id, x,
    /// y}]` in CSS pixels (empty before it is drawn).
    pub fn chart_marks(&self, category: &str) -> Result<JsValue, JsError> {
        let story = self.scene.story();
        let marks: Vec<MarkEntry> = with_layout(self, category, |l| {
            l.marks
                .iter()
                .map(|m| MarkEntry {
                    observation: m.observation,
                    id: story
                        .observations
                        .get(m.observation)
                        .map(|o| o.id.clone())
                        .unwrap_or_default(),
                    x: m.x,
                    y: m.y,
                })
                .collect()
        })
        .unwrap_or_default();
        to_js(&marks)
    }

    /// The categories the charts show, names in `lang`: `[{id, name, color, has_figures,
    /// height, message, description}]`, where `height` is the chart's height in CSS pixels and
    /// `message` what is said instead of a chart when no figure is given.
    pub fn chart_categories(&self, lang: &str) -> Result<JsValue, JsError> {
        let story = self.scene.story();
        let series = self.scene.series();
        let list = story
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let plan = ChartPlan::new(story, series, &c.id, lang)
                    .map_err(|e| JsError::new(&e.to_string()))?;
                let units: Vec<&str> = plan.panels.iter().map(|p| p.name.as_str()).collect();
                let description = if units.is_empty() {
                    plan.empty.clone().unwrap_or_default()
                } else {
                    tf(
                        Lang::from_code(lang),
                        "chart_description",
                        &[&plan.name, &units.join(", ")],
                    )
                };
                Ok(ChartEntry {
                    id: c.id.clone(),
                    name: plan.name.clone(),
                    color: css(self.scene.color_of_category(i)),
                    has_figures: plan.has_figures(),
                    height: plan.height(),
                    message: plan.empty.clone(),
                    description,
                })
            })
            .collect::<Result<Vec<_>, JsError>>()?;
        to_js(&list)
    }
}
