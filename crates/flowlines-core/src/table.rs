//! The data table: what the map shows of each visible flow at the current day, one row per
//! flow, for readers who want the figures and their sources as text rather than as lines.

use crate::details::{sanction_text, stream_details};
use crate::i18n::{t, Lang};
use crate::scene::Scene;
use serde::Serialize;

/// One row of the data table: what the map shows of one flow at the current day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    /// The flow's index in the story (its stream).
    pub index: usize,
    /// The flow's label.
    pub flow: String,
    /// Its category's name.
    pub category: String,
    /// "From → to" with place names.
    pub from_to: String,
    /// The figure at the current day with its qualifier and unit.
    pub figure: String,
    /// For an estimate between readings: between which dated figures.
    pub estimate: Option<String>,
    /// Said when the destination is our inference.
    pub destination: Option<String>,
    /// The day the figure is for (and whether it is held from an older reading).
    pub as_of: String,
    /// The strongest confidence so far, with "disputed" after it when a party denies it.
    pub confidence: String,
    /// Whether a party denies it.
    pub disputed: bool,
    /// Every source document any claim cites, once each, in the order the claims cite them.
    pub sources: Vec<String>,
    /// The words of the documents each claim rests on, with their lines, oldest claim first.
    pub quotes: Vec<String>,
    /// The UN sanctions it runs into, short ("UNSC 1718 (2006), para. 8").
    pub sanctions: Vec<String>,
}

/// The data table of `scene` at its day with its filters, in `lang`: one row per visible flow,
/// in the story's order.
pub fn table_rows(scene: &Scene, lang: &str) -> Vec<TableRow> {
    let story = scene.story();
    let l = Lang::from_code(lang);
    scene
        .styles()
        .iter()
        .enumerate()
        .filter(|(_, st)| st.visible)
        .filter_map(|(i, _)| {
            let d = stream_details(scene, i, lang)?;
            let stream = story.streams.get(i)?;
            let quotes = d.claims.iter().filter_map(|c| c.quote.clone()).collect();
            let mut sources: Vec<String> = Vec::new();
            for c in &d.claims {
                if !sources.contains(&c.source) {
                    sources.push(c.source.clone());
                }
            }
            let sanctions = story
                .sanctions_of(stream)
                .map(|x| sanction_text(x, lang, true))
                .collect();
            let confidence = if d.disputed {
                format!("{}; {}", d.confidence, t(l, "disputed_short"))
            } else {
                d.confidence.clone()
            };
            Some(TableRow {
                index: i,
                flow: d.title,
                category: d.category,
                from_to: d.route,
                figure: d.figure,
                estimate: d.estimate,
                destination: d.destination,
                as_of: d.as_of,
                confidence,
                disputed: d.disputed,
                sources,
                quotes,
                sanctions,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::default_scene_at;

    #[test]
    fn the_table_has_one_row_per_visible_flow_in_the_storys_order() {
        let scene = default_scene_at("2024-10-20");
        let rows = table_rows(&scene, "en");
        let visible: Vec<usize> = (0..scene.styles().len())
            .filter(|&i| scene.styles()[i].visible)
            .collect();
        let indices: Vec<usize> = rows.iter().map(|r| r.index).collect();
        assert!(indices.len() >= 5, "{indices:?}");
        assert_eq!(indices, visible);
    }

    #[test]
    fn a_source_cited_by_several_claims_of_a_flow_is_listed_once() {
        let scene = default_scene_at("2024-12-31");
        let rows = table_rows(&scene, "en");
        for row in &rows {
            let mut unique = row.sources.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), row.sources.len(), "{:?}", row.sources);
        }
        let claims_cited = rows.iter().any(|r| {
            let details = stream_details(&scene, r.index, "en");
            details.is_some_and(|d| d.claims.len() > r.sources.len())
        });
        assert!(claims_cited, "some flow has more claims than sources");
    }

    #[test]
    fn a_disputed_flow_says_so_after_its_confidence_and_an_undisputed_one_does_not() {
        let scene = default_scene_at("2024-12-31");
        let rows = table_rows(&scene, "en");
        let suffix = format!("; {}", t(Lang::En, "disputed_short"));
        assert!(
            rows.iter().any(|r| r.disputed),
            "the story has a disputed flow"
        );
        for row in &rows {
            assert_eq!(row.confidence.ends_with(&suffix), row.disputed, "{row:?}");
        }
    }

    #[test]
    fn a_flow_that_runs_into_a_sanction_names_it_short() {
        let scene = default_scene_at("2024-12-31");
        let rows = table_rows(&scene, "en");
        let sanctioned: Vec<&TableRow> = rows.iter().filter(|r| !r.sanctions.is_empty()).collect();
        assert!(!sanctioned.is_empty());
        for row in sanctioned {
            assert!(
                row.sanctions.iter().all(|s| s.starts_with("UNSC ")),
                "{:?}",
                row.sanctions
            );
        }
    }

    #[test]
    fn hiding_every_flow_leaves_an_empty_table() {
        let mut scene = default_scene_at("2024-12-31");
        let ids: Vec<String> = scene
            .story()
            .categories
            .iter()
            .map(|c| c.id.clone())
            .collect();
        for id in ids {
            scene.set_category_visible(&id, false);
        }
        assert!(table_rows(&scene, "en").is_empty());
    }
}
