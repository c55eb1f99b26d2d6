//! Clustering (issue 14, item 6): places group by zoom and split as it grows, flows between
//! clusters add up one unit at a time, the largest are drawn and the rest summed, and the same
//! story always gives the same clusters. Small stories are never clustered.
#![allow(clippy::unwrap_used, clippy::panic)]

use flowlines_core::cluster::words::{cluster_description, rest_line};
use flowlines_core::cluster::{
    self, aggregate, needs_clustering, ClusterHit, ClusterLayer, ClusterTree, Member,
    MAX_DRAWN_FLOWS,
};
use flowlines_core::i18n::Lang;
use flowlines_core::parse::load_json;
use flowlines_core::scene::Scene;
use flowlines_core::synthetic::synthetic_story;
use std::collections::{HashMap, HashSet};

/// The benchmark's story shape, smaller: 3,000 places and 20,000 streams in four units.
fn scene() -> Scene {
    let mut scene = Scene::new(synthetic_story(3000, 20_000, 5, 42));
    scene.resize(1200.0, 700.0);
    scene.set_day(19_723.0); // 2024-01-01
    scene
}

fn tree(scene: &Scene) -> ClusterTree {
    let proj = scene.projection();
    let points: Vec<(f64, f64)> = scene
        .story()
        .places
        .iter()
        .map(|p| proj.forward(p.lon, p.lat))
        .collect();
    ClusterTree::new(&points, &vec![1.0; points.len()], 40.0)
}

/// Each stream as clustering sees it, with its figure at the scene's day.
fn members(scene: &Scene) -> Vec<Member> {
    cluster::members(scene.story())
        .into_iter()
        .map(|m| Member {
            value: scene.estimates()[m.stream as usize].value,
            ..m
        })
        .collect()
}

#[test]
fn clusters_split_as_zoom_grows_and_never_mix() {
    let scene = scene();
    let tree = tree(&scene);
    let counts: Vec<usize> = (0..5)
        .map(|z| tree.level(z).unwrap().members.len())
        .collect();
    assert!(
        counts[0] < 3000,
        "the fitted map groups its 3,000 places: {counts:?}"
    );
    for z in 0..4 {
        assert!(
            counts[z] < counts[z + 1],
            "level {} has more clusters than level {z}: {counts:?}",
            z + 1
        );
        let (outer, inner) = (tree.level(z).unwrap(), tree.level(z + 1).unwrap());
        // Every cluster of the level further in lies inside one cluster of this level.
        for members in &inner.members {
            let parents: HashSet<u32> = members
                .iter()
                .map(|&p| outer.of_place[p as usize])
                .collect();
            assert_eq!(
                parents.len(),
                1,
                "a cluster at level {} is split between clusters at level {z}",
                z + 1
            );
        }
    }
    // Every place is in exactly one cluster at each level.
    for z in 0..5 {
        let level = tree.level(z).unwrap();
        let mut all: Vec<u32> = level.members.iter().flatten().copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..3000).collect::<Vec<u32>>());
    }
    assert_eq!(tree.level_for_zoom(1.0), 0);
    assert_eq!(tree.level_for_zoom(2.0), 1);
    assert_eq!(tree.level_for_zoom(3.9), 1);
    assert_eq!(tree.level_for_zoom(16.0), 4);
}

#[test]
fn cluster_flows_sum_their_member_streams_per_unit_and_never_mix_units() {
    let scene = scene();
    let tree = tree(&scene);
    let members = members(&scene);
    let unit_of: HashMap<u32, u32> = members.iter().map(|m| (m.stream, m.unit)).collect();
    let value_of: HashMap<u32, f64> = members
        .iter()
        .map(|m| (m.stream, m.value.unwrap_or(0.0)))
        .collect();
    for z in [0, 2, 4] {
        let agg = aggregate(&members, &tree.level(z).unwrap().of_place, MAX_DRAWN_FLOWS);
        let mut per_unit: HashMap<u32, f64> = HashMap::new();
        for f in &agg.kept {
            assert!(
                f.streams.iter().all(|s| unit_of[s] == f.unit),
                "a flow between clusters mixes units"
            );
            let sum: f64 = f.streams.iter().map(|s| value_of[s]).sum();
            assert!(
                (sum - f.total).abs() <= 1e-6 * sum.max(1.0),
                "a flow's total is its streams' sum"
            );
            *per_unit.entry(f.unit).or_default() += f.total;
        }
        for r in &agg.rest {
            *per_unit.entry(r.unit).or_default() += r.total;
        }
        let counted: usize = agg.kept.iter().map(|f| f.streams.len()).sum::<usize>()
            + agg.rest.iter().map(|r| r.streams as usize).sum::<usize>();
        assert_eq!(
            counted,
            members.len(),
            "every stream is drawn or in the rest, once"
        );
        for unit in 0..4 {
            let expected: f64 = members
                .iter()
                .filter(|m| m.unit == unit)
                .map(|m| m.value.unwrap_or(0.0))
                .sum();
            let got = per_unit.get(&unit).copied().unwrap_or(0.0);
            assert!(
                (expected - got).abs() <= 1e-6 * expected.max(1.0),
                "unit {unit}: {got} drawn and summed, {expected} in the story"
            );
        }
    }
}

#[test]
fn the_largest_flows_by_share_of_their_unit_are_kept_and_the_rest_summed() {
    let scene = scene();
    let tree = tree(&scene);
    let members = members(&scene);
    let of_place = &tree.level(1).unwrap().of_place;
    let all = aggregate(&members, of_place, usize::MAX);
    let some = aggregate(&members, of_place, MAX_DRAWN_FLOWS);
    assert!(
        all.kept.len() > MAX_DRAWN_FLOWS,
        "this story has more flows between clusters than are drawn"
    );
    assert_eq!(some.kept.len(), MAX_DRAWN_FLOWS);
    assert_eq!(
        some.kept[..],
        all.kept[..MAX_DRAWN_FLOWS],
        "the kept flows are the first by the ranking"
    );
    let top: HashMap<u32, f64> = all.kept.iter().fold(HashMap::new(), |mut m, f| {
        let t = m.entry(f.unit).or_insert(0.0);
        *t = f64::max(*t, f.total);
        m
    });
    let share = |f: &flowlines_core::cluster::ClusterFlow| f.total / top[&f.unit];
    let lowest_kept = some.kept.iter().map(share).fold(f64::MAX, f64::min);
    let highest_left = all.kept[MAX_DRAWN_FLOWS..]
        .iter()
        .map(share)
        .fold(0.0, f64::max);
    assert!(
        lowest_kept >= highest_left,
        "no flow left out has a larger share of its unit than a kept one"
    );
    // Every unit has its largest flow drawn: each unit keeps its own scale.
    for unit in top.keys() {
        assert!(
            some.kept.iter().any(|f| f.unit == *unit && share(f) == 1.0),
            "unit {unit} has its largest flow drawn"
        );
    }
    let text = rest_line(&some.rest, |_| None, Lang::En).unwrap();
    assert!(
        text.starts_with("and ") && text.contains(" smaller flows totalling about "),
        "{text}"
    );
}

#[test]
fn the_same_story_gives_the_same_clusters_and_flows() {
    let (a, b) = (scene(), scene());
    assert_eq!(tree(&a), tree(&b));
    let (mut la, mut lb) = (ClusterLayer::new(&a), ClusterLayer::new(&b));
    la.layout(&a);
    lb.layout(&b);
    assert_eq!(la.cluster_xy(), lb.cluster_xy());
    assert_eq!(la.flow_xy(), lb.flow_xy());
    assert_eq!(la.aggregate(), lb.aggregate());
}

#[test]
fn a_clustered_layer_draws_at_most_500_flows_and_zooming_in_gives_more_smaller_clusters() {
    let mut scene = scene();
    let mut layer = ClusterLayer::new(&scene);
    layer.layout(&scene);
    assert!(layer.flow_xy().len() / 4 <= MAX_DRAWN_FLOWS);
    assert!(
        !layer.aggregate().rest.is_empty(),
        "the smaller flows are summed"
    );
    let (before, size_before) = (layer.cluster_size().len(), mean(layer.cluster_size()));
    scene.zoom_at(600.0, 350.0, 4.0);
    layer.layout(&scene);
    let (after, size_after) = (layer.cluster_size().len(), mean(layer.cluster_size()));
    assert_eq!(layer.level(), 2);
    assert!(
        after > before / 4 && size_after < size_before,
        "{before} clusters of {size_before:.1} places, then {after} of {size_after:.1}"
    );
    // Widths stay on each unit's own scale: each unit's largest drawn flow is 10 px wide.
    let widths = layer.flow_width();
    let units: HashSet<u32> = layer.aggregate().kept.iter().map(|f| f.unit).collect();
    for u in units {
        let widest = layer
            .aggregate()
            .kept
            .iter()
            .zip(widths)
            .filter(|(f, _)| f.unit == u)
            .map(|(_, w)| *w)
            .fold(0.0, f32::max);
        assert!((widest - 10.0).abs() < 1e-3, "unit {u}: {widest}");
    }
    // A bubble answers the pointer with what it holds.
    let i = layer.cluster_size().iter().position(|&n| n > 3).unwrap();
    let (x, y) = (
        f64::from(layer.cluster_xy()[2 * i]),
        f64::from(layer.cluster_xy()[2 * i + 1]),
    );
    assert_eq!(layer.hit(x, y), Some(ClusterHit::Cluster(i)));
    let text = layer.describe_cluster(&scene, i, Lang::En).unwrap();
    let n = layer.cluster_size()[i];
    assert!(
        text.starts_with(&format!("{n} places: "))
            && text.ends_with(&format!(" and {} more", n - 3)),
        "{text}"
    );
}

fn mean(v: &[u32]) -> f64 {
    v.iter().map(|&n| f64::from(n)).sum::<f64>() / v.len().max(1) as f64
}

#[test]
fn a_cluster_is_described_in_every_language_with_its_counted_form() {
    let names = ["Lyon", "Paris", "Nantes", "Lille", "Nice"];
    assert_eq!(
        cluster_description(&names, Lang::En),
        "5 places: Lyon, Paris, Nantes and 2 more"
    );
    assert_eq!(
        cluster_description(&names[..2], Lang::En),
        "2 places: Lyon, Paris"
    );
    assert_eq!(
        cluster_description(&names, Lang::Ru),
        "5 мест: Lyon, Paris, Nantes и ещё 2"
    );
    assert_eq!(
        cluster_description(&names[..3], Lang::Uk),
        "3 місця: Lyon, Paris, Nantes"
    );
    assert_eq!(
        cluster_description(&names, Lang::Ko),
        "장소 5곳: Lyon, Paris, Nantes 외 2곳"
    );
    assert_eq!(cluster_description(&names[..1], Lang::Ru), "Lyon");
}

#[test]
fn the_default_story_and_the_examples_are_never_clustered() {
    for (name, text) in [
        (
            "nk-russia.json",
            include_str!("../../../data/nk-russia.json"),
        ),
        ("lng.json", include_str!("../../../data/examples/lng.json")),
        (
            "mediterranean.json",
            include_str!("../../../data/examples/mediterranean.json"),
        ),
    ] {
        let story = load_json(name, text).unwrap_or_else(|d| panic!("{d}"));
        assert!(
            !needs_clustering(story.places.len(), story.streams.len()),
            "{name}"
        );
    }
    assert!(needs_clustering(3000, 100_000));
}
