//! The clustered map's static layer: the clusters of the zoom level shown, the flows between
//! them with their widths, colours and arrowheads, the clusters' labels, and what is under the
//! pointer, as flat columns the page draws. Built from a [`Scene`] (its story, projection,
//! view, day and filters), so that it follows the map's zoom, pan, day and filters.

use super::flows::{aggregate, members, Aggregate, Member};
use super::tree::ClusterTree;
use super::words::{cluster_description, cluster_short, flow_count, rest_line, sum_phrase};
use super::{distance, heaviest_first, CLUSTER_RADIUS_PX, MAX_DRAWN_FLOWS};
use crate::encoding::{MAX_WIDTH_PX, MIN_WIDTH_PX};
use crate::hit::SLOP_PX;
use crate::i18n::Lang;
use crate::labels::{place_labels, LabelRequest, Rect};
use crate::scene::{Scene, PLACE_RADIUS_PX};

/// What is under the pointer on a clustered map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterHit {
    /// The drawn cluster with this index (in [`ClusterLayer::cluster_xy`]'s order).
    Cluster(usize),
    /// The drawn flow with this index (in [`ClusterLayer::flow_xy`]'s order).
    Flow(usize),
}

/// The clustered layer of one story, laid out again with [`ClusterLayer::layout`].
#[derive(Debug, Clone, Default)]
pub struct ClusterLayer {
    /// The clusters of every level, and the map size they were built for.
    tree: Option<((f64, f64), ClusterTree)>,
    /// Each place's weight: how many streams start or end there.
    weight: Vec<f64>,
    /// Each stream's ends and unit (its value is read at each layout).
    members: Vec<Member>,
    level: usize,
    /// The drawn clusters' ids at the level shown.
    drawn: Vec<u32>,
    cluster_xy: Vec<f32>,
    cluster_radius: Vec<f32>,
    cluster_size: Vec<u32>,
    aggregate: Aggregate,
    flow_xy: Vec<f32>,
    flow_width: Vec<f32>,
    flow_color: Vec<u32>,
    arrow_xy: Vec<f32>,
}

/// A bubble's radius in CSS pixels for a cluster of `size` places: a place's dot for one
/// place, growing with the square root of the count (area for count) up to 24 px.
pub fn bubble_radius(size: usize) -> f64 {
    if size <= 1 {
        PLACE_RADIUS_PX
    } else {
        (5.0 + 2.2 * (size as f64).sqrt()).clamp(9.0, 24.0)
    }
}

impl ClusterLayer {
    /// The layer of `scene`'s story, empty until its first [`ClusterLayer::layout`].
    pub fn new(scene: &Scene) -> Self {
        let members = members(scene.story());
        let mut weight = vec![0.0; scene.story().places.len()];
        for m in &members {
            weight[m.from as usize] += 1.0;
            weight[m.to as usize] += 1.0;
        }
        ClusterLayer {
            weight,
            members,
            ..ClusterLayer::default()
        }
    }

    /// Lays the layer out for `scene` as it is now: its size (a new size groups the places
    /// again), zoom (which level), pan, day (each stream's figure) and filters (hidden streams
    /// count nowhere). At most [`MAX_DRAWN_FLOWS`] flows are kept.
    pub fn layout(&mut self, scene: &Scene) {
        let size = scene.size();
        let proj = scene.projection();
        if self.tree.as_ref().is_none_or(|(s, _)| *s != size) {
            let points: Vec<(f64, f64)> = scene
                .story()
                .places
                .iter()
                .map(|p| proj.forward(p.lon, p.lat))
                .collect();
            self.tree = Some((
                size,
                ClusterTree::new(&points, &self.weight, CLUSTER_RADIUS_PX),
            ));
        }
        let Some((_, tree)) = &self.tree else { return };
        let view = scene.view();
        self.level = tree.level_for_zoom(view.k);
        let Some(level) = tree.level(self.level) else {
            return;
        };
        let (estimates, styles) = (scene.estimates(), scene.styles());
        let members: Vec<Member> = self
            .members
            .iter()
            .filter(|m| styles.get(m.stream as usize).is_some_and(|s| s.visible))
            .map(|m| Member {
                value: estimates.get(m.stream as usize).and_then(|e| e.value),
                ..*m
            })
            .collect();
        self.aggregate = aggregate(&members, &level.of_place, MAX_DRAWN_FLOWS);
        let screen: Vec<(f64, f64)> = level
            .centre
            .iter()
            .map(|&(x, y)| view.apply(x, y))
            .collect();
        let (w, h) = size;
        self.drawn.clear();
        self.cluster_xy.clear();
        self.cluster_radius.clear();
        self.cluster_size.clear();
        for (c, &(x, y)) in screen.iter().enumerate() {
            if x >= 0.0 && x <= w && y >= 0.0 && y <= h {
                let n = level.members[c].len();
                self.drawn.push(c as u32);
                self.cluster_xy.extend([x as f32, y as f32]);
                self.cluster_radius.push(bubble_radius(n) as f32);
                self.cluster_size.push(n as u32);
            }
        }
        let mut top = vec![0.0_f64; scene.story().units.len() + 1];
        for f in &self.aggregate.kept {
            let u = (f.unit as usize).min(top.len() - 1);
            top[u] = top[u].max(f.total);
        }
        self.flow_xy.clear();
        self.flow_width.clear();
        self.flow_color.clear();
        self.arrow_xy.clear();
        for f in &self.aggregate.kept {
            let t = top[(f.unit as usize).min(top.len() - 1)];
            let width = if t > 0.0 {
                MIN_WIDTH_PX + (MAX_WIDTH_PX - MIN_WIDTH_PX) * f.total / t
            } else {
                MIN_WIDTH_PX
            };
            let ((x0, y0), (x1, y1)) = (screen[f.from as usize], screen[f.to as usize]);
            let len = distance((x0, y0), (x1, y1)).max(1e-9);
            let (dx, dy) = ((x1 - x0) / len, (y1 - y0) / len);
            // Each direction on its own side of the line between the centres.
            let side = width / 2.0 + 1.0;
            let (ox, oy) = (-dy * side, dx * side);
            let r0 = bubble_radius(level.members[f.from as usize].len()) + 2.0;
            let r1 = bubble_radius(level.members[f.to as usize].len()) + 2.0;
            let (ax, ay) = (x0 + dx * r0 + ox, y0 + dy * r0 + oy);
            let (tx, ty) = (x1 - dx * r1 + ox, y1 - dy * r1 + oy);
            let half = (width / 2.0 + 2.0).max(3.5);
            let (bx, by) = (tx - dx * half * 1.6, ty - dy * half * 1.6);
            self.flow_xy.extend([ax, ay, bx, by].map(|v| v as f32));
            self.arrow_xy.extend(
                [
                    tx,
                    ty,
                    bx - dy * half,
                    by + dx * half,
                    bx + dy * half,
                    by - dx * half,
                ]
                .map(|v| v as f32),
            );
            self.flow_width.push(width as f32);
            let lead = f.streams.first().copied().unwrap_or(0) as usize;
            self.flow_color
                .push(scene.stream_color().get(lead).copied().unwrap_or(0));
        }
    }

    /// The zoom level shown (0 is the fitted map's, the most merged).
    pub fn level(&self) -> usize {
        self.level
    }

    /// x, y in CSS pixels of each drawn cluster's centre: the clusters whose centre is on screen.
    pub fn cluster_xy(&self) -> &[f32] {
        &self.cluster_xy
    }

    /// Each drawn cluster's radius in CSS pixels ([`bubble_radius`]).
    pub fn cluster_radius(&self) -> &[f32] {
        &self.cluster_radius
    }

    /// How many places each drawn cluster holds.
    pub fn cluster_size(&self) -> &[u32] {
        &self.cluster_size
    }

    /// Each drawn flow's line, x0, y0, x1, y1 in CSS pixels, from its origin's bubble to the
    /// base of its arrowhead, largest share of its unit first.
    pub fn flow_xy(&self) -> &[f32] {
        &self.flow_xy
    }

    /// Each drawn flow's width in CSS pixels, on its unit's own scale: from 1.5 px to 10 px at
    /// the largest drawn flow of that unit.
    pub fn flow_width(&self) -> &[f32] {
        &self.flow_width
    }

    /// Each drawn flow's colour, `0xRRGGBB`: its largest member stream's category's.
    pub fn flow_color(&self) -> &[u32] {
        &self.flow_color
    }

    /// Each drawn flow's arrowhead, three corners x, y in CSS pixels, the tip first.
    pub fn arrow_xy(&self) -> &[f32] {
        &self.arrow_xy
    }

    /// The flows drawn and the rest, as aggregated at the last layout.
    pub fn aggregate(&self) -> &Aggregate {
        &self.aggregate
    }

    /// The places of drawn cluster `i`, the busiest first (equal weights in story order).
    fn members_of(&self, i: usize) -> Vec<u32> {
        let level = self.tree.as_ref().and_then(|(_, t)| t.level(self.level));
        let id = self.drawn.get(i).copied();
        let m = level
            .zip(id)
            .and_then(|(l, c)| l.members.get(c as usize))
            .cloned()
            .unwrap_or_default();
        let w: Vec<f64> = m
            .iter()
            .map(|&p| self.weight.get(p as usize).copied().unwrap_or(0.0))
            .collect();
        heaviest_first(&w)
            .into_iter()
            .map(|i| m[i as usize])
            .collect()
    }

    /// The members of the cluster with id `c` at the level shown, as drawn-cluster index, if drawn.
    fn drawn_index(&self, c: u32) -> Option<usize> {
        self.drawn.iter().position(|&d| d == c)
    }

    /// Where each drawn cluster's label goes: x, y of its top-left corner in CSS pixels. A
    /// cluster of several places is labelled with `widths[i]` (its count, as the page measured
    /// it) centred in its bubble; a single place with its name beside its dot where a free spot
    /// is left (see [`place_labels`]), NaN where none is.
    pub fn label_xy(&self, widths: &[f64], height: f64, size: (f64, f64)) -> Vec<f32> {
        let requests: Vec<LabelRequest> = (0..self.cluster_size.len())
            .map(|i| LabelRequest {
                x: f64::from(self.cluster_xy[2 * i]),
                y: f64::from(self.cluster_xy[2 * i + 1]),
                width: if self.cluster_size[i] > 1 {
                    f64::NAN
                } else {
                    widths.get(i).copied().unwrap_or(0.0)
                },
                height,
                radius: f64::from(self.cluster_radius[i]),
                priority: 0.0,
            })
            .collect();
        let placed = place_labels(&requests, &[], Rect::new(0.0, 0.0, size.0, size.1));
        requests
            .iter()
            .zip(placed)
            .enumerate()
            .flat_map(|(i, (r, p))| {
                if self.cluster_size[i] > 1 {
                    let w = widths.get(i).copied().unwrap_or(0.0);
                    return [(r.x - w / 2.0) as f32, (r.y - height / 2.0) as f32];
                }
                p.map_or([f32::NAN; 2], |p| [p.rect.x as f32, p.rect.y as f32])
            })
            .collect()
    }

    /// The drawn cluster or flow under (`x`, `y`) CSS pixels: a bubble (within 2 px of its edge,
    /// the nearest centre winning) before a flow (within its half width or [`SLOP_PX`] of its
    /// line, the nearest winning).
    pub fn hit(&self, x: f64, y: f64) -> Option<ClusterHit> {
        let mut best: Option<(f64, ClusterHit)> = None;
        for (i, c) in self.cluster_xy.chunks_exact(2).enumerate() {
            let d = distance((f64::from(c[0]), f64::from(c[1])), (x, y));
            if d <= f64::from(self.cluster_radius[i]) + 2.0 && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, ClusterHit::Cluster(i)));
            }
        }
        if best.is_some() {
            return best.map(|(_, h)| h);
        }
        for (i, l) in self.flow_xy.chunks_exact(4).enumerate() {
            let [x0, y0, x1, y1] = [l[0], l[1], l[2], l[3]].map(f64::from);
            let (dx, dy) = (x1 - x0, y1 - y0);
            let len2 = (dx * dx + dy * dy).max(1e-12);
            let t = (((x - x0) * dx + (y - y0) * dy) / len2).clamp(0.0, 1.0);
            let d = distance((x0 + t * dx, y0 + t * dy), (x, y));
            let reach = (f64::from(self.flow_width[i]) / 2.0).max(SLOP_PX);
            if d <= reach && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, ClusterHit::Flow(i)));
            }
        }
        best.map(|(_, h)| h)
    }

    /// The names of `members` in `lang`, as labelled on the map.
    fn names<'a>(scene: &'a Scene, members: &[u32], lang: Lang) -> Vec<&'a str> {
        let places = &scene.story().places;
        members
            .iter()
            .filter_map(|&p| places.get(p as usize))
            .map(|p| p.label.as_ref().unwrap_or(&p.names).get(lang.code()))
            .collect()
    }

    /// The label of drawn cluster `i`: its count of places ("37", as `lang` writes numbers)
    /// for a cluster of several, drawn in its bubble; its place's name for a single place.
    pub fn label(&self, scene: &Scene, i: usize, lang: Lang) -> String {
        match self.cluster_size.get(i) {
            Some(&n) if n > 1 => crate::figure::write_number(f64::from(n), lang).text,
            Some(_) => Self::names(scene, &self.members_of(i), lang).concat(),
            None => String::new(),
        }
    }

    /// What drawn cluster `i` holds: its place's name, or "37 places: Lyon, Paris, Nantes and
    /// 34 more" (the busiest named first).
    pub fn describe_cluster(&self, scene: &Scene, i: usize, lang: Lang) -> Option<String> {
        (i < self.drawn.len())
            .then(|| cluster_description(&Self::names(scene, &self.members_of(i), lang), lang))
    }

    /// What drawn flow `i` is, one line each: "Lyon and 36 more → Paris", its total ("about
    /// 52,000 containers"), and how many streams it sums ("12 flows").
    pub fn describe_flow(&self, scene: &Scene, i: usize, lang: Lang) -> Option<Vec<String>> {
        let f = self.aggregate.kept.get(i)?;
        let end = |c: u32| {
            let members = self
                .drawn_index(c)
                .map(|d| self.members_of(d))
                .unwrap_or_else(|| {
                    let level = self.tree.as_ref().and_then(|(_, t)| t.level(self.level));
                    level
                        .and_then(|l| l.members.get(c as usize))
                        .cloned()
                        .unwrap_or_default()
                });
            cluster_short(&Self::names(scene, &members, lang), lang)
        };
        let unit = scene.story().units.get(f.unit as usize);
        Some(vec![
            format!("{} → {}", end(f.from), end(f.to)),
            sum_phrase(f.total, unit, lang),
            flow_count(f.streams.len(), f.unknown as usize, lang),
        ])
    }

    /// The flows not drawn, summed per unit ("and 1,204 smaller flows totalling about 52,000
    /// containers, about 3,100 troops"), or `None` when every flow is drawn.
    pub fn rest_line(&self, scene: &Scene, lang: Lang) -> Option<String> {
        let units = &scene.story().units;
        rest_line(&self.aggregate.rest, |u| units.get(u as usize), lang)
    }
}
