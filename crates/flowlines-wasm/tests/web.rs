//! Browser tests of the handle: run with `wasm-pack test --headless --chrome` (or `--firefox`).
#![allow(clippy::unwrap_used)]

use flowlines_core::route::great_circle_midpoint;
use flowlines_wasm::FlowMap;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FIVE_PLACES: &str = include_str!("../../../data/fixtures/five-places.json");

#[path = "common/canvas.rs"]
mod common;
use common::canvas;

#[wasm_bindgen_test]
fn the_handle_paints_particles_onto_a_real_canvas_where_the_scene_puts_them() {
    let mut map = FlowMap::new("five-places.json", FIVE_PLACES).unwrap();
    let (_canvas, ctx) = canvas(400, 240);
    map.resize(400.0, 240.0, 1.0);
    // Mid-April 2024: the containers stream is between two readings, so it moves.
    let day = FlowMap::day_of("2024-04-15").unwrap();
    map.set_day(day);
    map.frame(1.25);
    map.paint(&ctx).unwrap();
    let particles = map.particle_xy();
    assert!(
        particles.len() >= 4,
        "at least two particles on a moving stream"
    );
    let pixels = ctx.get_image_data(0.0, 0.0, 400.0, 240.0).unwrap().data();
    for xy in particles.chunks(2) {
        let (x, y) = (xy[0].round() as usize, xy[1].round() as usize);
        let i = (y.min(239) * 400 + x.min(399)) * 4;
        assert!(pixels[i + 3] > 128, "a particle is drawn at ({x}, {y})");
        // Munitions are the first category: vermillion, mostly red.
        assert!(
            pixels[i] > pixels[i + 2],
            "the particle has its category's colour"
        );
    }
    let blank = pixels.chunks(4).filter(|p| p[3] == 0).count();
    assert!(
        blank > 400 * 240 * 9 / 10,
        "away from particles the layer stays transparent"
    );
}

#[wasm_bindgen_test]
fn the_particle_layer_shows_the_particles_even_when_the_routes_were_drawn_since_the_frame() {
    let mut map = FlowMap::new("five-places.json", FIVE_PLACES).unwrap();
    let ((_a, particles), (_b, routes)) = (canvas(400, 240), canvas(400, 240));
    map.resize(400.0, 240.0, 1.0);
    map.set_day(FlowMap::day_of("2024-04-15").unwrap());
    map.frame(1.25);
    map.paint(&particles).unwrap();
    let before = particles
        .get_image_data(0.0, 0.0, 400.0, 240.0)
        .unwrap()
        .data();
    // The static layer drawn between the frame and its paint, in the particle layer's memory.
    map.paint_flows(&routes).unwrap();
    map.paint(&particles).unwrap();
    let after = particles
        .get_image_data(0.0, 0.0, 400.0, 240.0)
        .unwrap()
        .data();
    assert!(
        before.iter().skip(3).step_by(4).any(|&a| a > 0),
        "particles are drawn"
    );
    assert!(
        before.to_vec() == after.to_vec(),
        "the same particles, and no route"
    );
    let drawn = routes
        .get_image_data(0.0, 0.0, 400.0, 240.0)
        .unwrap()
        .data();
    assert!(
        drawn.to_vec() != after.to_vec(),
        "the routes are drawn on their own canvas"
    );
}

#[wasm_bindgen_test]
fn a_canvas_painted_frame_after_frame_holds_only_the_last_frame_when_the_routes_move() {
    // Each paint onto the canvas it last painted puts only the part round the routes and the
    // last frame's: zoomed into a corner (particles all over the canvas), then back to the
    // whole map (routes clear of the canvas's edges) and panned, that canvas must show what
    // one paint of the whole layer onto a fresh canvas shows, no earlier particle left over.
    let mut map = FlowMap::synthetic(300, 2_000, 42);
    let (_a, ongoing) = canvas(400, 240);
    map.resize(400.0, 240.0, 1.0);
    map.set_day(FlowMap::day_of("2024-01-01").unwrap());
    let read = |ctx: &web_sys::CanvasRenderingContext2d| {
        ctx.get_image_data(0.0, 0.0, 400.0, 240.0)
            .unwrap()
            .data()
            .to_vec()
    };
    let steps: [fn(&mut FlowMap); 4] = [
        |_| {},
        |m| m.zoom_at(40.0, 40.0, 4.0),
        |m| m.reset_view(),
        |m| {
            m.zoom_at(200.0, 120.0, 2.0);
            m.pan_by(-150.0, 90.0);
        },
    ];
    for (i, step) in steps.into_iter().enumerate() {
        step(&mut map);
        map.frame(1.25 + i as f64);
        map.paint(&ongoing).unwrap();
        let (_b, fresh) = canvas(400, 240);
        map.paint(&fresh).unwrap();
        let whole = read(&fresh);
        assert!(
            whole.iter().skip(3).step_by(4).any(|&a| a > 0),
            "step {i}: particles drawn"
        );
        assert!(
            read(&ongoing) == whole,
            "step {i}: the canvas holds the last frame alone"
        );
        map.paint(&ongoing).unwrap(); // the canvas last painted is this one again
    }
}

#[wasm_bindgen_test]
fn places_are_projected_inside_the_viewport() {
    let mut map = FlowMap::new("five-places.json", FIVE_PLACES).unwrap();
    map.resize(600.0, 300.0, 2.0);
    let xy = map.place_xy();
    assert_eq!(xy.len(), 10);
    for p in xy.chunks(2) {
        assert!((0.0..=600.0).contains(&p[0]) && (0.0..=300.0).contains(&p[1]));
    }
    assert_eq!(map.place_names("ko")[0], "평양");
}

#[wasm_bindgen_test]
fn the_great_circle_from_pyongyang_to_kursk_passes_over_siberia() {
    let (lon, lat) = great_circle_midpoint((125.76, 39.04), (36.19, 51.73));
    assert!((70.0..100.0).contains(&lon), "midpoint longitude {lon}");
    assert!(lat > 53.0, "midpoint latitude {lat}");
}

#[wasm_bindgen_test]
fn bad_data_is_refused_without_a_panic() {
    let bad = FIVE_PLACES.replace("\"to\": \"kursk\"", "\"to\": \"kursk-oblast\"");
    assert!(FlowMap::new("bad.json", &bad).is_err());
    assert!(FlowMap::new("x.json", "{ not json").is_err());
    assert!(FlowMap::new("x.json", "{\"story\": 1,}").is_err());
}

#[wasm_bindgen_test]
fn the_map_reads_a_story_in_its_binary_compact_form_and_refuses_any_other_file() {
    let story = flowlines_core::parse::read_plain(NK_RUSSIA).unwrap();
    let bytes = flowlines_core::compact::binary_story(&story).unwrap();
    let map = FlowMap::from_validated_bytes("nk-russia.bin", &bytes).unwrap();
    assert_eq!(map.place_names("en").len(), story.places.len());
    assert!(FlowMap::from_validated_bytes("nk-russia.json", NK_RUSSIA.as_bytes()).is_err());
    assert!(FlowMap::from_validated_bytes("cut.bin", &bytes[..bytes.len() / 2]).is_err());
}

#[wasm_bindgen_test]
fn the_compact_basemap_loads_like_the_json_one() {
    let mut json = FlowMap::new("nk-russia.json", NK_RUSSIA).unwrap();
    json.set_basemap(BASEMAP).unwrap();
    let mut compact = FlowMap::new("nk-russia.json", NK_RUSSIA).unwrap();
    compact.set_basemap_bytes(BASEMAP_BIN).unwrap();
    json.resize(800.0, 500.0, 1.0);
    compact.resize(800.0, 500.0, 1.0);
    assert_eq!(compact.land_xy(), json.land_xy());
    assert_eq!(compact.border_xy(), json.border_xy());
    assert!(compact.set_basemap_bytes(b"neither").is_err());
}

#[cfg(feature = "csv")]
#[wasm_bindgen_test]
fn a_story_kept_as_csv_loads_through_the_same_parser_and_reports_located_errors() {
    let story = flowlines_core::parse::load_json("five-places.json", FIVE_PLACES).unwrap();
    let files = flowlines_core::parse::write_csv(&story).unwrap();
    let (names, texts): (Vec<String>, Vec<String>) = files.iter().cloned().unzip();
    let map = FlowMap::from_csv(names.clone(), texts.clone()).unwrap();
    assert_eq!(map.place_names("en").len(), 5);
    let broken: Vec<String> = names
        .iter()
        .zip(texts)
        .map(|(n, t)| {
            if n == "places.csv" {
                t.replace("51.73", "north")
            } else {
                t
            }
        })
        .collect();
    assert!(FlowMap::from_csv(names, broken).is_err());
}

const NK_RUSSIA: &str = include_str!("../../../data/nk-russia.json");
const BASEMAP: &str = include_str!("../../../data/basemap.json");
const BASEMAP_BIN: &[u8] = include_bytes!("../../../data/basemap.bin");

#[wasm_bindgen_test]
fn the_default_story_draws_its_basemap_and_answers_what_is_under_a_point() {
    let mut map = FlowMap::new("nk-russia.json", NK_RUSSIA).unwrap();
    map.set_basemap(BASEMAP).unwrap();
    map.resize(1000.0, 600.0, 1.0);
    map.set_day(FlowMap::day_of("2024-10-20").unwrap());
    assert!(map.land_xy().len() > 1000);
    assert!(map.border_lines().len() > 10);
    // The first place's dot is hit as that place, and its details name it.
    let xy = map.place_xy();
    let hit = map.hit(f64::from(xy[0]), f64::from(xy[1])).unwrap();
    let kind = js_sys::Reflect::get(&hit, &"kind".into()).unwrap();
    assert_eq!(kind.as_string().as_deref(), Some("place"));
    let details = map.place_details(0, "en").unwrap();
    let title = js_sys::Reflect::get(&details, &"title".into()).unwrap();
    assert_eq!(title.as_string().as_deref(), Some("Pyongyang"));
    // A stream's details carry its claims with their sources.
    let d = map.stream_details(0, "en").unwrap();
    let claims = js_sys::Reflect::get(&d, &"claims".into()).unwrap();
    assert!(js_sys::Array::from(&claims).length() >= 2);
    assert!(
        map.set_basemap("{").is_err(),
        "a broken basemap is an error, not a panic"
    );
}

#[wasm_bindgen_test]
fn place_labels_never_overlap() {
    let mut map = FlowMap::new("nk-russia.json", NK_RUSSIA).unwrap();
    map.resize(800.0, 500.0, 1.0);
    map.set_day(FlowMap::day_of("2024-10-20").unwrap());
    let n = map.place_names("en").len();
    let xy = map.place_labels(vec![60.0; n], 16.0);
    let boxes: Vec<(f32, f32)> = xy
        .chunks(2)
        .filter(|p| !p[0].is_nan())
        .map(|p| (p[0], p[1]))
        .collect();
    assert!(!boxes.is_empty());
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart =
                a.0 + 60.0 <= b.0 || b.0 + 60.0 <= a.0 || a.1 + 16.0 <= b.1 || b.1 + 16.0 <= a.1;
            assert!(apart, "{a:?} and {b:?} overlap");
        }
    }
}

/// `object[key]`, the way the page reads a column.
fn column(object: &js_sys::Object, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap()
}

/// A copy in JavaScript's memory of the view `object[key]`: a view of the module's memory is
/// valid only until the next allocation in the module, which copying into a `Vec` is.
fn f32_copy(object: &js_sys::Object, key: &str) -> js_sys::Float32Array {
    js_sys::Float32Array::from(column(object, key)).slice(0, u32::MAX)
}

/// As [`f32_copy`], for a column of whole numbers.
fn u32_copy(object: &js_sys::Object, key: &str) -> js_sys::Uint32Array {
    js_sys::Uint32Array::from(column(object, key)).slice(0, u32::MAX)
}

#[wasm_bindgen_test]
fn one_call_hands_the_page_every_column_it_draws_the_flows_from() {
    let mut map = FlowMap::new("nk-russia.json", NK_RUSSIA).unwrap();
    map.resize(600.0, 300.0, 1.0);
    map.set_day(FlowMap::day_of("2024-10-20").unwrap());
    let flows = map.flow_count();
    assert!(flows >= 10, "{flows}");
    let columns = map.frame_columns();
    let length =
        |key: &str| js_sys::Reflect::get(&column(&columns, key), &"length".into()).unwrap();
    assert_eq!(length("route_offsets").as_f64(), Some((flows + 1) as f64));
    assert_eq!(length("widths").as_f64(), Some((3 * flows) as f64));
    assert_eq!(length("arrow_xy").as_f64(), Some((6 * flows) as f64));
    assert_eq!(length("mark_xy").as_f64(), Some((4 * flows) as f64));
    for key in ["styles", "marks", "visible"] {
        assert_eq!(length(key).as_f64(), Some(flows as f64), "{key}");
    }
    // The colours: one string, seven characters a flow, each one of the legend's colours.
    let colors = column(&columns, "colors").as_string().unwrap();
    assert_eq!(colors.len(), 7 * flows);
    let legend = js_sys::JSON::stringify(&map.categories("en").unwrap())
        .unwrap()
        .as_string()
        .unwrap();
    for flow in 0..flows {
        let color = &colors[7 * flow..7 * flow + 7];
        assert!(
            color.starts_with('#') && color[1..].chars().all(|c| c.is_ascii_hexdigit()),
            "{color}"
        );
        assert!(
            legend.contains(&format!("\"color\":\"{color}\"")),
            "{color} in {legend}"
        );
    }
    let (offsets, xy) = (
        u32_copy(&columns, "route_offsets"),
        f32_copy(&columns, "route_xy"),
    );
    let (offsets, xy) = (offsets.to_vec(), xy.to_vec());
    assert_eq!(
        xy.len(),
        2 * offsets[flows] as usize,
        "two numbers per route point"
    );
    assert!(xy.iter().all(|v| v.is_finite()));
}

#[wasm_bindgen_test]
fn the_basemap_columns_are_the_projected_land_coasts_and_borders() {
    let mut map = FlowMap::new("five-places.json", FIVE_PLACES).unwrap();
    map.set_basemap(BASEMAP).unwrap();
    map.resize(600.0, 300.0, 1.0);
    let columns = map.basemap_columns();
    let (land, rings, borders) = (
        f32_copy(&columns, "land_xy"),
        u32_copy(&columns, "land_rings"),
        u32_copy(&columns, "border_lines"),
    );
    let (land, rings, borders) = (land.to_vec(), rings.to_vec(), borders.to_vec());
    assert!(!land.is_empty());
    assert_eq!(land, map.land_xy());
    assert_eq!(2 * *rings.last().unwrap() as usize, land.len());
    assert_eq!(borders, map.border_lines());
}

/// The cover the static layer's rule gives the cell centred at (`px`, `py`) pixels off a
/// segment's start, for a segment of length `len` along (`ux`, `uy`), `line` pixels wide
/// (`StrokeMask::stroke_segment`'s doc comment).
fn stroke_rule(px: f32, py: f32, (ux, uy): (f32, f32), len: f32, line: f32) -> u8 {
    let (d, s) = (px * uy - py * ux, px * ux + py * uy);
    let c = (line / 2.0 + 0.5 - d.abs()).min(s + 0.5).min(len - s + 0.5);
    (c.clamp(0.0, 1.0) * 255.0 * line.min(1.0)) as u8
}

#[wasm_bindgen_test]
fn the_static_layer_s_strokes_and_arrowheads_cover_each_cell_as_their_rule_says_in_the_browser() {
    use flowlines_core::stroke_mask::StrokeMask;
    // The page's module runs these with WebAssembly SIMD (`make test-wasm` builds with
    // simd128, as the page's build does), eight cells at a time.
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |scale: f32| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng >> 40) as f32 / (1u64 << 24) as f32 * scale
    };
    let (width, height) = (53usize, 37usize);
    for _ in 0..300 {
        let mut m = StrokeMask::new(width, height);
        let seg = [
            next(60.0) - 4.0,
            next(44.0) - 4.0,
            next(60.0) - 4.0,
            next(44.0) - 4.0,
        ];
        let line = 0.5 + next(3.0);
        m.stroke_segment(seg[0], seg[1], seg[2], seg[3], line);
        let len = ((seg[2] - seg[0]).powi(2) + (seg[3] - seg[1]).powi(2)).sqrt();
        let u = ((seg[2] - seg[0]) / len, (seg[3] - seg[1]) / len);
        for (x, y) in (0..height).flat_map(|y| (0..width).map(move |x| (x, y))) {
            let (px, py) = (x as f32 + 0.5 - seg[0], y as f32 + 0.5 - seg[1]);
            let want = stroke_rule(px, py, u, len, line);
            let got = m.at(x, y);
            assert!(
                got.abs_diff(want) <= 1,
                "({x}, {y}) of {seg:?} {line}: {got} != {want}"
            );
        }
        // A triangle over it: inside its box (a pixel round its corners) a cell gets its
        // distance inside the nearest edge plus half a pixel, at most 1, if more than it had.
        let under: Vec<u8> = (0..width * height)
            .map(|i| m.at(i % width, i / width))
            .collect();
        let mut point = || (next(60.0) - 3.0, next(44.0) - 3.0);
        let (a, b, c) = (point(), point(), point());
        m.fill_triangle(a, b, c);
        let area = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
        let (b, c) = if area > 0.0 { (b, c) } else { (c, b) };
        let inside = |p: (f32, f32), q: (f32, f32), x: f32, y: f32| {
            let (ex, ey) = (q.0 - p.0, q.1 - p.1);
            ((x - p.0) * -ey + (y - p.1) * ex) / (ex * ex + ey * ey).sqrt().max(1e-6)
        };
        for (i, &had) in under.iter().enumerate() {
            let (x, y) = ((i % width) as f32 + 0.5, (i / width) as f32 + 0.5);
            let boxed = x > a.0.min(b.0).min(c.0) - 1.5
                && x < a.0.max(b.0).max(c.0) + 1.5
                && y > a.1.min(b.1).min(c.1) - 1.5
                && y < a.1.max(b.1).max(c.1) + 1.5;
            let d = inside(a, b, x, y)
                .min(inside(b, c, x, y))
                .min(inside(c, a, x, y));
            let rule = ((d + 0.5).clamp(0.0, 1.0) * 255.0) as u8;
            let want = if area.abs() > 1e-6 && boxed {
                had.max(rule)
            } else {
                had
            };
            let got = m.at(i % width, i / width);
            assert!(
                got.abs_diff(want) <= 1,
                "cell {i} of {a:?} {b:?} {c:?}: {got} != {want}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn a_layer_laid_over_pixels_in_the_browser_gives_the_blend_s_levels_exactly() {
    use flowlines_core::{raster::Raster, stroke_mask::StrokeMask};
    // Strokes of every width from a hair to 4 px give the mask many coverage levels; the
    // pixels under them (premultiplied: no channel above its alpha) are transparent, opaque,
    // or partly transparent at every alpha, and the first rows are transparent throughout, as
    // a fresh layer is.
    let (width, height) = (61usize, 29usize);
    let mut mask = StrokeMask::new(width, height);
    for i in 0..40 {
        let f = i as f32;
        mask.stroke_segment(f * 1.7 - 6.0, -2.0, f * 1.3, 31.0, 0.1 + f * 0.1);
    }
    let painted = |i: usize| -> [u8; 4] {
        if i < 6 * width {
            return [0, 0, 0, 0];
        }
        match i % 5 {
            0 | 1 => [0, 0, 0, 0],
            2 => [(i * 7) as u8, (i * 13) as u8, 90, 255],
            _ => {
                let a = (i % 255 + 1) as u8;
                [(i * 11) as u8 % a, (i * 3) as u8 % a, (i * 29) as u8 % a, a]
            }
        }
    };
    let div255 = |x: u32| (f64::from(x) / 255.0).round() as u32;
    for (color, opacity) in [
        (0xD55E00u32, 0.5f32),
        (0x0072B2, 0.3),
        (0xFFFFFF, 1.0),
        (0x1A1A1A, 0.07),
    ] {
        let mut raster = Raster::new(width, height);
        for (i, px) in raster.rgba_mut().chunks_exact_mut(4).enumerate() {
            px.copy_from_slice(&painted(i));
        }
        mask.composite(&mut raster, color, opacity);
        let laid = raster.clone();
        raster.unpremultiply();
        // Source over in premultiplied alpha, pixel by pixel, each product over 255 rounded;
        // then each channel times 255 over its alpha, rounded half up.
        let src = [color >> 16 & 0xFF, color >> 8 & 0xFF, color & 0xFF, 255];
        let level = (opacity * 255.0).round() as u32;
        for i in 0..width * height {
            let (m, mut want) = (mask.at(i % width, i / width), painted(i));
            let a = div255(u32::from(m) * level);
            for ch in 0..4 {
                want[ch] = (div255(src[ch] * a) + div255(u32::from(want[ch]) * (255 - a))) as u8;
            }
            let (x, y) = (i % width, i / width);
            assert_eq!(
                laid.pixel(x, y),
                Some(want),
                "pixel {i} under {m}, {color:06x} at {opacity}"
            );
            if want[3] != 0 && want[3] != 255 {
                let alpha = u32::from(want[3]);
                for c in &mut want[..3] {
                    *c = ((u32::from(*c) * 255 + alpha / 2) / alpha).min(255) as u8;
                }
            }
            assert_eq!(raster.pixel(x, y), Some(want), "pixel {i} made straight");
        }
    }
}

#[wasm_bindgen_test]
fn discs_laid_over_pixels_in_the_browser_give_the_blend_s_levels_exactly() {
    use flowlines_core::disc_stamp::{weight, DiscStamps, RUN_PX, SUBPIXEL};
    use flowlines_core::raster::Raster;
    // Every sub-pixel position of a disc of 2.5 px, each over pixels of many levels, in colours
    // with channels at both ends and between: the SIMD blend's one multiply in wrapping 16-bit
    // lanes must give each level the two-multiply formula gives.
    let (width, height) = (16usize, 14usize);
    let under = |i: usize| -> [u8; 4] {
        [
            (i * 37) as u8,
            (i * 101 + 7) as u8,
            (255 - i * 13 % 256) as u8,
            (i * 59 + 128) as u8,
        ]
    };
    let stamps = DiscStamps::new(2.5);
    for color in [0x000000u32, 0xFFFFFF, 0xD55E00, 0x0072B2, 0x01FE80] {
        let rgb = [(color >> 16) & 255, (color >> 8) & 255, color & 255, 255];
        for n in 0..SUBPIXEL * SUBPIXEL {
            let (cx, cy) = (
                7.0 + (n % SUBPIXEL) as f32 / SUBPIXEL as f32,
                6.0 + (n / SUBPIXEL) as f32 / SUBPIXEL as f32,
            );
            let mut raster = Raster::new(width, height);
            for (i, px) in raster.rgba_mut().chunks_exact_mut(4).enumerate() {
                px.copy_from_slice(&under(i + n));
            }
            raster.disc(cx, cy, 2.5, color);
            let placed = stamps.place(cx, cy).unwrap();
            for i in 0..width * height {
                let (x, y) = ((i % width) as i32, (i / width) as i32);
                let (col, row) = (x - placed.left, y - placed.top);
                let inside = (0..stamps.rows() as i32).contains(&row)
                    && (0..(stamps.runs() * RUN_PX) as i32).contains(&col);
                let cover = if inside {
                    stamps.row(placed.stamp, row as usize)[col as usize * 4]
                } else {
                    0
                };
                let w = u32::from(weight(cover));
                let had = under(i + n);
                let want: [u8; 4] = std::array::from_fn(|ch| {
                    ((rgb[ch] * w + u32::from(had[ch]) * (256 - w) + 128) >> 8) as u8
                });
                assert_eq!(
                    raster.pixel(x as usize, y as usize),
                    Some(want),
                    "pixel ({x}, {y}) under {cover}, stamp {n}, {color:06x}"
                );
            }
        }
    }
}
