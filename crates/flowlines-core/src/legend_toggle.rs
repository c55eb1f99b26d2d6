//! What a click on the legend's confidence rows does to the map. The legend has a row for each
//! confidence but denied: a flow that a party denies is shown as faint as a proposed one and
//! goes with it, so the "proposed" row shows or hides both.

use crate::model::Confidence;
use crate::scene::Scene;

/// The confidences that the legend's row for `c` shows or hides: proposed also governs denied,
/// which has no row of its own; every other row governs its own confidence.
pub fn governed_by_row(c: Confidence) -> &'static [Confidence] {
    match c {
        Confidence::Proposed => &[Confidence::Proposed, Confidence::Denied],
        Confidence::Confirmed => &[Confidence::Confirmed],
        Confidence::Reported => &[Confidence::Reported],
        Confidence::Claimed => &[Confidence::Claimed],
        Confidence::Denied => &[Confidence::Denied],
    }
}

/// Shows or hides the flows that the legend's row for `c` governs (see [`governed_by_row`]).
pub fn toggle_confidence_row(scene: &mut Scene, c: Confidence, visible: bool) {
    for &each in governed_by_row(c) {
        scene.set_confidence_visible(each, visible);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::default_scene_at;

    #[test]
    fn hiding_proposed_also_hides_denied() {
        let mut scene = default_scene_at("2024-12-31");
        toggle_confidence_row(&mut scene, Confidence::Proposed, false);
        let hidden = &scene.filters().hidden_confidences;
        assert!(hidden.contains(&Confidence::Proposed) && hidden.contains(&Confidence::Denied));
    }

    #[test]
    fn showing_proposed_again_shows_denied_again() {
        let mut scene = default_scene_at("2024-12-31");
        toggle_confidence_row(&mut scene, Confidence::Proposed, false);
        toggle_confidence_row(&mut scene, Confidence::Proposed, true);
        assert!(scene.filters().hidden_confidences.is_empty());
    }

    #[test]
    fn hiding_claimed_hides_only_claimed() {
        let mut scene = default_scene_at("2024-12-31");
        toggle_confidence_row(&mut scene, Confidence::Claimed, false);
        assert_eq!(
            scene.filters().hidden_confidences,
            vec![Confidence::Claimed]
        );
    }

    #[test]
    fn every_confidence_is_governed_by_exactly_one_row_the_legend_shows() {
        let rows = [
            Confidence::Confirmed,
            Confidence::Reported,
            Confidence::Claimed,
            Confidence::Proposed,
        ];
        for c in Confidence::ALL {
            let governing = rows.iter().filter(|&&r| governed_by_row(r).contains(&c));
            assert_eq!(governing.count(), 1, "{c:?}");
        }
    }
}
