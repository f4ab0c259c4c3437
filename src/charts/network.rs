//! Geometry of the partner network: nodes on a circle, their name labels, node sizes, edge
//! widths.
//!
//! [`circle_layout`] places the nodes and labels once per list of names. Labels are sized for
//! the largest label font the page uses ([`LABEL_FONT`], phones) and drawn from an anchor point
//! with an `em` offset, so a smaller font (desktop) shrinks each label's box towards its anchor,
//! inside the box checked here: what fits at the largest font fits at every smaller one.

/// Width of the drawing (viewBox units); its height grows with the layout when needed.
const VIEW_W: f64 = 600.0;
/// Above and below the ring's centre, the drawing is at least this tall (the 4-partner
/// drawing, as it was before labels were laid out here: 470 units, the centre 5 units above
/// the middle; now 3 more at the top for the label's box).
const MIN_ABOVE: f64 = 233.0;
const MIN_BELOW: f64 = 240.0;
/// The drawing never grows taller than this.
const MAX_H: f64 = 640.0;
/// The largest font size of `.network .label` in `styles/app.css` (the phone rule), in
/// viewBox units. Keep them equal.
pub const LABEL_FONT: f64 = 24.0;
/// A label's box height, in `em`.
const LINE_EM: f64 = 1.2;
/// Between a node's largest circle and its label.
const GAP: f64 = 8.0;
/// Labels stay this far inside the drawing's sides, and this far apart.
const MARGIN: f64 = 2.0;
/// The largest node radius.
const NODE_CAP: f64 = 44.0;
/// Names are drawn with at most this many characters...
const FULL_LABEL: usize = 18;
/// ...shortened down to this many (with the ellipsis) before they give way to numbers.
const MIN_LABEL: usize = 10;
/// Ring radii tried, in order of preference, for names and for numbers.
const NAME_RINGS: [f64; 5] = [150.0, 130.0, 170.0, 115.0, 100.0];
const NUMBER_RINGS: [f64; 4] = [150.0, 170.0, 190.0, 210.0];

/// An axis-aligned box: `x0 <= x1`, `y0 <= y1` (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl LabelBox {
    /// Whether the two boxes come closer than `pad` to each other.
    pub fn near(&self, o: &LabelBox, pad: f64) -> bool {
        self.x0 < o.x1 + pad && o.x0 < self.x1 + pad && self.y0 < o.y1 + pad && o.y0 < self.y1 + pad
    }

    /// Whether the box reaches into the circle at `c` of radius `r`.
    pub fn hits_circle(&self, c: (f64, f64), r: f64) -> bool {
        let dx = c.0 - c.0.clamp(self.x0, self.x1);
        let dy = c.1 - c.1.clamp(self.y0, self.y1);
        dx * dx + dy * dy < r * r
    }

    /// The smallest box around both.
    pub fn union(&self, o: &LabelBox) -> LabelBox {
        LabelBox {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }

    /// Whether `o` lies inside this box.
    pub fn contains(&self, o: &LabelBox) -> bool {
        self.x0 <= o.x0 && o.x1 <= self.x1 && self.y0 <= o.y0 && o.y1 <= self.y1
    }
}

/// One node's label, drawn for a node of radius `r` at [`Label::at`]`(r)` with
/// `text-anchor` = `anchor`, `dominant-baseline="central"` and `dy` = `dy_em` em: it keeps
/// the same gap from the circle as the node grows and shrinks.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// The node's centre.
    pub node: (f64, f64),
    /// The unit direction from the node to the label.
    pub dir: (f64, f64),
    /// The label stays where it is for a node of this radius when the node is smaller: labels
    /// outside the ring keep their places (0 for labels centred above or below, which follow
    /// their node).
    pub min_r: f64,
    pub dy_em: f64,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    pub text: String,
}

impl Label {
    /// Where the label is drawn for a node of radius `r`.
    pub fn at(&self, r: f64) -> (f64, f64) {
        let d = r.max(self.min_r) + GAP;
        (self.node.0 + self.dir.0 * d, self.node.1 + self.dir.1 * d)
    }

    /// The estimated box of the label for a node of radius `r` at font size `font`.
    pub fn bbox(&self, r: f64, font: f64) -> LabelBox {
        let (x, y) = self.at(r);
        let w = text_width(&self.text, font);
        let (x0, x1) = match self.anchor {
            "start" => (x, x + w),
            "end" => (x - w, x),
            _ => (x - w / 2.0, x + w / 2.0),
        };
        let h = LINE_EM * font;
        let cy = y + self.dy_em * font;
        LabelBox {
            x0,
            y0: cy - h / 2.0,
            x1,
            y1: cy + h / 2.0,
        }
    }

    /// Every place the label's box can take as its node's radius goes from `r_min` to `r_max`
    /// (it moves in a straight line: the box around both ends).
    pub fn swept(&self, r_min: f64, r_max: f64, font: f64) -> LabelBox {
        self.bbox(r_min, font).union(&self.bbox(r_max, font))
    }
}

/// The partner network laid out for a list of names: the drawing's size, node centres, node
/// radius range and one label per node. When no name fits, even shortened, the labels are the
/// numbers 1, 2, ... (`numbered`) and the page lists the names in a key.
#[derive(Clone, Debug, PartialEq)]
pub struct CircleLayout {
    pub width: f64,
    pub height: f64,
    pub centre: (f64, f64),
    pub ring: f64,
    pub nodes: Vec<(f64, f64)>,
    pub r_min: f64,
    pub r_max: f64,
    pub labels: Vec<Label>,
    /// Labels outside the ring (else centred above or below the nodes).
    pub radial: bool,
    pub numbered: bool,
    /// The longest label in characters (names: `MIN_LABEL..=FULL_LABEL`).
    pub max_chars: usize,
}

/// Lays out one node per name on a circle (the first at the top, clockwise; a single node in
/// the centre) with its label, preferring in this order: longer names, labels centred above
/// or below the nodes (as few partners allow), labels outside the ring (`start` on the right,
/// `end` on the left, centred at the top and bottom), the ring radii of `NAME_RINGS`. When no
/// name of `MIN_LABEL` characters fits, the labels are numbers. No two labels come closer
/// than `MARGIN`, none touches a node (at its largest) and all lie inside the drawing, at
/// font size [`LABEL_FONT`] and so at any smaller one.
pub fn circle_layout<S: AsRef<str>>(names: &[S]) -> CircleLayout {
    let longest = names
        .iter()
        .map(|s| s.as_ref().chars().count())
        .max()
        .unwrap_or(0)
        .clamp(MIN_LABEL, FULL_LABEL);
    for max_chars in (MIN_LABEL..=longest).rev() {
        let texts: Vec<String> = names
            .iter()
            .map(|s| shorten(s.as_ref(), max_chars))
            .collect();
        for radial in [false, true] {
            for ring in NAME_RINGS {
                if let Some(l) = try_layout(&texts, ring, radial, false, max_chars) {
                    return l;
                }
            }
        }
    }
    let numbers: Vec<String> = (1..=names.len()).map(|i| i.to_string()).collect();
    let chars = numbers.last().map_or(1, |s| s.len());
    for ring in NUMBER_RINGS {
        if let Some(l) = try_layout(&numbers, ring, true, true, chars) {
            return l;
        }
    }
    // Not reached for up to 30 partners (tested); a drawing with touching labels beats none.
    build(&numbers, NUMBER_RINGS[0], true, true, chars).0
}

fn try_layout(
    texts: &[String],
    ring: f64,
    radial: bool,
    numbered: bool,
    max_chars: usize,
) -> Option<CircleLayout> {
    let (layout, fits) = build(texts, ring, radial, numbered, max_chars);
    fits.then_some(layout)
}

/// The layout and whether it fits (labels apart, off the nodes, inside the drawing).
fn build(
    texts: &[String],
    ring: f64,
    radial: bool,
    numbered: bool,
    max_chars: usize,
) -> (CircleLayout, bool) {
    let n = texts.len();
    let nodes = ring_points(n, 0.0, 0.0, ring);
    let r_max = max_radius_for(n, ring, NODE_CAP);
    let r_min = (r_max * 0.3).max(6.0).min(r_max);
    let mut labels: Vec<Label> = nodes
        .iter()
        .zip(texts)
        .map(|(&(x, y), text)| {
            // The direction from the node to its label.
            let u = if n == 1 {
                (0.0, 1.0)
            } else if radial {
                (x / ring, y / ring)
            } else if y < -ring * 0.5 {
                (0.0, -1.0)
            } else {
                (0.0, 1.0)
            };
            let anchor = if u.0 > 0.3 {
                "start"
            } else if u.0 < -0.3 {
                "end"
            } else {
                "middle"
            };
            Label {
                node: (x, y),
                dir: u,
                min_r: if radial { r_max } else { 0.0 },
                // Above the anchor point at the top, below it at the bottom, centred on it at
                // the sides.
                dy_em: u.1 * LINE_EM / 2.0,
                anchor,
                text: text.clone(),
            }
        })
        .collect();
    // Whatever the nodes' sizes: labels apart, off the other nodes and off their own.
    let boxes: Vec<LabelBox> = labels
        .iter()
        .map(|l| l.swept(r_min, r_max, LABEL_FONT))
        .collect();
    let half = VIEW_W / 2.0 - MARGIN;
    let mut fits = boxes.iter().all(|b| b.x0 >= -half && b.x1 <= half);
    fits = fits
        && boxes.iter().enumerate().all(|(i, b)| {
            boxes[i + 1..].iter().all(|o| !b.near(o, MARGIN))
                && nodes
                    .iter()
                    .enumerate()
                    .all(|(j, &c)| i == j || !b.hits_circle(c, r_max + MARGIN))
                && [r_min, r_max].iter().all(|&r| {
                    !labels[i]
                        .bbox(r, LABEL_FONT)
                        .hits_circle(labels[i].node, r + MARGIN)
                })
        });
    let top = boxes.iter().map(|b| b.y0).fold(-ring - r_max, f64::min) - MARGIN;
    let bottom = boxes.iter().map(|b| b.y1).fold(ring + r_max, f64::max) + MARGIN;
    let y0 = top.min(-MIN_ABOVE);
    let height = bottom.max(MIN_BELOW) - y0;
    fits = fits && height <= MAX_H;
    // From centre-relative coordinates to the drawing's.
    let (dx, dy) = (VIEW_W / 2.0, -y0);
    for l in &mut labels {
        l.node = (l.node.0 + dx, l.node.1 + dy);
    }
    let layout = CircleLayout {
        width: VIEW_W,
        height,
        centre: (dx, dy),
        ring,
        nodes: nodes.iter().map(|&(x, y)| (x + dx, y + dy)).collect(),
        r_min,
        r_max,
        labels,
        radial,
        numbered,
        max_chars,
    };
    (layout, fits)
}

/// `name` with at most `max` characters: a longer one is cut and ends with "…".
pub fn shorten(name: &str, max: usize) -> String {
    if name.chars().count() > max {
        let s: String = name.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", s.trim_end())
    } else {
        name.to_string()
    }
}

/// An upper estimate of a character's advance, in `em`, for the bold sans-serif fonts the
/// page may get (the widest common one, DejaVu Sans Bold, as the reference).
fn char_em(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'j' | 'l' | 'I' | 'J' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 0.4,
        'f' | 'r' | 't' | '(' | ')' | '-' | '/' => 0.52,
        'm' | 'w' | 'M' | 'W' | '…' | '@' | '%' => 1.05,
        'a'..='z' | '0'..='9' => 0.72,
        _ => 0.86,
    }
}

/// An upper estimate of the width of `text` at font size `font`.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font
}

/// `n` points evenly spaced on a circle of radius `r` around (`cx`, `cy`), the first at the
/// top, going clockwise. One node sits in the centre.
fn ring_points(n: usize, cx: f64, cy: f64, r: f64) -> Vec<(f64, f64)> {
    if n == 1 {
        return vec![(cx, cy)];
    }
    (0..n)
        .map(|i| {
            let a = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect()
}

/// A node's radius so that its *area* is proportional to `value` against `max`:
/// `r_min` for zero (or a non-positive max), `r_max` for `max`.
pub fn node_radius(value: f64, max: f64, r_min: f64, r_max: f64) -> f64 {
    if max.is_nan() || max <= 0.0 || !value.is_finite() {
        return r_min;
    }
    let f = (value / max).clamp(0.0, 1.0).sqrt();
    r_min + f * (r_max - r_min)
}

/// An edge's stroke width for a trust level in [0, 1]: from `w_min` (no trust) to `w_max`.
pub fn edge_width(trust: f64, w_min: f64, w_max: f64) -> f64 {
    let t = if trust.is_finite() {
        trust.clamp(0.0, 1.0)
    } else {
        0.0
    };
    w_min + t * (w_max - w_min)
}

/// The largest node radius that keeps `n` nodes on a circle of radius `r` from overlapping
/// (with a little gap), capped at `cap`.
pub fn max_radius_for(n: usize, r: f64, cap: f64) -> f64 {
    if n <= 1 {
        return cap;
    }
    let chord = 2.0 * r * (std::f64::consts::PI / n as f64).sin();
    (chord * 0.45).min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// The default scenario's partners, then longer names.
    const NAMES: [&str; 30] = [
        "Nusantara Foods",
        "Hoshi Technologies",
        "Rhein Logistik",
        "Lion City Capital",
        "Garuda Aerospace Indonesia",
        "Sakura Components",
        "Bayern Maschinenbau",
        "Merlion Shipping",
        "Borneo Timber Cooperative",
        "Kyoto Precision Optics",
        "Hamburg Freight Services",
        "Straits Venture Partners",
        "Sumatra Palm Holdings",
        "Osaka Chemical Works",
        "Berliner Software",
        "Marina Bay Insurance",
        "Java Coffee Exporters",
        "Nagoya Auto Parts",
        "Stuttgart Engineering",
        "Orchard Retail Group",
        "Bali Hospitality",
        "Tokyo Robotics Lab",
        "Dresden Semiconductor",
        "Jurong Petrochemical",
        "Makassar Fisheries",
        "Sapporo Dairy",
        "Cologne Media House",
        "Sentosa Leisure",
        "Bandung Textile Mills",
        "Yokohama Port Authority",
    ];

    /// Name lists to lay out for `n` partners: realistic names, the widest possible (60 × "W"),
    /// short ones and the app's default names ("Partner 1", ...).
    fn name_sets(n: usize) -> Vec<Vec<String>> {
        vec![
            NAMES[..n].iter().map(|s| s.to_string()).collect(),
            (0..n).map(|_| "W".repeat(60)).collect(),
            (0..n).map(|i| format!("P{i}")).collect(),
            (0..n).map(|i| format!("Partner {}", i + 1)).collect(),
        ]
    }

    /// The checks the page relies on, at font size `font`, whatever the nodes' radii.
    fn assert_readable(l: &CircleLayout, font: f64, what: &str) {
        let view = LabelBox {
            x0: 0.0,
            y0: 0.0,
            x1: l.width,
            y1: l.height,
        };
        // Each label anywhere between its smallest and largest node's: apart from the others.
        let swept: Vec<LabelBox> = l
            .labels
            .iter()
            .map(|t| t.swept(l.r_min, l.r_max, font))
            .collect();
        for (i, b) in swept.iter().enumerate() {
            assert!(view.contains(b), "{what}: label {i} {b:?} outside {view:?}");
            for (j, o) in swept.iter().enumerate().skip(i + 1) {
                assert!(
                    !b.near(o, 0.0),
                    "{what}: labels {i} and {j} overlap: {b:?} {o:?}"
                );
            }
            for (j, &c) in l.nodes.iter().enumerate() {
                assert!(
                    i == j || !b.hits_circle(c, l.r_max),
                    "{what}: label {i} covers node {j}"
                );
            }
            let t = &l.labels[i];
            for k in 0..=4 {
                let r = l.r_min + (l.r_max - l.r_min) * f64::from(k) / 4.0;
                let own = t.bbox(r, font);
                assert!(swept[i].contains(&own), "{what}: label {i} at radius {r}");
                assert!(!own.hits_circle(t.node, r), "{what}: label {i} on its node");
            }
        }
        for &(x, y) in &l.nodes {
            assert!(
                x - l.r_max >= 0.0 && x + l.r_max <= l.width,
                "{what}: node off the sides"
            );
            assert!(
                y - l.r_max >= 0.0 && y + l.r_max <= l.height,
                "{what}: node off the ends"
            );
        }
    }

    #[test]
    fn labels_never_overlap_and_stay_inside_for_1_to_30_partners() {
        for n in 1..=30 {
            for (k, names) in name_sets(n).iter().enumerate() {
                let l = circle_layout(names);
                assert_eq!(l.nodes.len(), n);
                assert_eq!(l.labels.len(), n);
                assert!(l.height <= MAX_H);
                // The phone font and the desktop one (17, styles/app.css).
                for font in [LABEL_FONT, 17.0, 12.0] {
                    assert_readable(&l, font, &format!("n {n}, names {k}, font {font}"));
                }
            }
        }
    }

    #[test]
    fn smaller_fonts_shrink_labels_towards_their_anchor() {
        for n in [1, 4, 9, 30] {
            for l in name_sets(n).iter().map(|names| circle_layout(names)) {
                for t in &l.labels {
                    for r in [l.r_min, l.r_max] {
                        let big = t.bbox(r, LABEL_FONT);
                        let big = LabelBox {
                            x0: big.x0 - 1e-9,
                            y0: big.y0 - 1e-9,
                            x1: big.x1 + 1e-9,
                            y1: big.y1 + 1e-9,
                        };
                        assert!(big.contains(&t.bbox(r, 17.0)), "{t:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_default_four_keep_full_names_centred_as_before() {
        let l = circle_layout(&NAMES[..4]);
        assert!(!l.numbered);
        assert_eq!((l.width, l.height), (600.0, 473.0));
        assert_eq!(l.centre, (300.0, 233.0));
        assert_eq!(l.ring, 150.0);
        assert_eq!(l.r_max, 44.0);
        let texts: Vec<&str> = l.labels.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, NAMES[..4]);
        assert!(l.labels.iter().all(|t| t.anchor == "middle"));
        // Above the top node, below the others, 8 units from the circle.
        assert_eq!(l.labels[0].at(44.0), (300.0, 233.0 - 150.0 - 52.0));
        assert!(l.labels[0].dy_em < 0.0);
        assert_eq!(l.labels[2].at(30.0), (300.0, 233.0 + 150.0 + 38.0));
        assert!(l.labels[2].dy_em > 0.0);
        let (x, y) = l.labels[1].at(20.0);
        assert!(close(x, 450.0) && close(y, 233.0 + 28.0));
    }

    #[test]
    fn names_are_shortened_then_give_way_to_numbers() {
        for n in 1..=30 {
            let l = circle_layout(&NAMES[..n]);
            if l.numbered {
                let texts: Vec<String> = l.labels.iter().map(|t| t.text.clone()).collect();
                let want: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
                assert_eq!(texts, want);
            } else {
                assert!((MIN_LABEL..=FULL_LABEL).contains(&l.max_chars));
                for (t, name) in l.labels.iter().zip(NAMES) {
                    assert_eq!(t.text, shorten(name, l.max_chars));
                }
            }
        }
        // Up to four in full; thirty long names cannot be drawn even shortened.
        assert!((1..=4).all(|n| circle_layout(&NAMES[..n]).max_chars >= 15));
        assert!(circle_layout(&NAMES).numbered);
        // Short names are not numbered as soon.
        let short: Vec<String> = (1..=12).map(|i| format!("P{i}")).collect();
        assert!(!circle_layout(&short).numbered);
    }

    #[test]
    fn labels_point_away_from_the_ring() {
        let l = circle_layout(&NAMES[..8]);
        assert!(l.radial);
        for (t, &(x, y)) in l.labels.iter().zip(&l.nodes) {
            assert_eq!(t.node, (x, y));
            let (lx, ly) = t.at(l.r_min);
            let out = (x - l.centre.0) * (lx - x) + (y - l.centre.1) * (ly - y);
            assert!(out > 0.0, "{t:?}");
            let side = x - l.centre.0;
            match t.anchor {
                "start" => assert!(side > 0.0),
                "end" => assert!(side < 0.0),
                _ => assert!(side.abs() < l.ring * 0.5),
            }
        }
    }

    #[test]
    fn shorten_cuts_with_an_ellipsis() {
        assert_eq!(shorten("Hoshi Technologies", 18), "Hoshi Technologies");
        assert_eq!(shorten("Hoshi Technologies", 10), "Hoshi Tec…");
        assert_eq!(shorten("Lion City Capital", 10), "Lion City…");
        assert_eq!(shorten("", 10), "");
        assert_eq!(shorten("ééééééééééé", 10).chars().count(), 10);
    }

    #[test]
    fn text_width_grows_with_text_and_font() {
        assert_eq!(text_width("", 24.0), 0.0);
        assert!(text_width("WWW", 10.0) > text_width("iii", 10.0));
        assert!(close(text_width("ab", 20.0), 2.0 * text_width("ab", 10.0)));
        // "Hoshi Technologies" is about 183 units wide at 17 in DejaVu Sans Bold.
        assert!(text_width("Hoshi Technologies", 17.0) > 183.0);
    }

    #[test]
    fn circle_starts_at_top_and_goes_clockwise() {
        let p = ring_points(4, 100.0, 100.0, 50.0);
        assert_eq!(p.len(), 4);
        assert!(close(p[0].0, 100.0) && close(p[0].1, 50.0));
        assert!(close(p[1].0, 150.0) && close(p[1].1, 100.0));
        assert!(close(p[2].0, 100.0) && close(p[2].1, 150.0));
        assert!(close(p[3].0, 50.0) && close(p[3].1, 100.0));
        assert_eq!(ring_points(1, 5.0, 6.0, 9.0), vec![(5.0, 6.0)]);
        assert!(ring_points(0, 0.0, 0.0, 1.0).is_empty());
    }

    #[test]
    fn every_point_is_on_the_circle() {
        for n in 2..31 {
            for (x, y) in ring_points(n, 10.0, 20.0, 7.0) {
                assert!(close(((x - 10.0).powi(2) + (y - 20.0).powi(2)).sqrt(), 7.0));
            }
        }
    }

    #[test]
    fn radius_scales_by_area() {
        assert_eq!(node_radius(0.0, 10.0, 5.0, 25.0), 5.0);
        assert_eq!(node_radius(10.0, 10.0, 5.0, 25.0), 25.0);
        assert!(close(node_radius(2.5, 10.0, 0.0, 20.0), 10.0));
        assert_eq!(node_radius(3.0, 0.0, 5.0, 25.0), 5.0);
        assert_eq!(node_radius(f64::NAN, 1.0, 5.0, 25.0), 5.0);
        assert_eq!(node_radius(99.0, 10.0, 5.0, 25.0), 25.0);
    }

    #[test]
    fn edges_thicken_with_trust() {
        assert_eq!(edge_width(0.0, 1.0, 9.0), 1.0);
        assert_eq!(edge_width(1.0, 1.0, 9.0), 9.0);
        assert_eq!(edge_width(0.5, 1.0, 9.0), 5.0);
        assert_eq!(edge_width(7.0, 1.0, 9.0), 9.0);
        assert_eq!(edge_width(f64::NAN, 1.0, 9.0), 1.0);
    }

    #[test]
    fn nodes_do_not_overlap() {
        for n in 2..31 {
            let r = 100.0;
            let rad = max_radius_for(n, r, 40.0);
            let p = ring_points(n, 0.0, 0.0, r);
            let d = ((p[0].0 - p[1].0).powi(2) + (p[0].1 - p[1].1).powi(2)).sqrt();
            assert!(2.0 * rad < d, "n {n}: radius {rad}, distance {d}");
        }
        assert_eq!(max_radius_for(1, 100.0, 40.0), 40.0);
    }

    /// `cargo test -p aliansi-app --lib charts::network -- --ignored --nocapture` prints what
    /// each partner count gets.
    #[test]
    #[ignore]
    fn print_layouts() {
        for n in 1..=30 {
            for (k, names) in name_sets(n).iter().enumerate() {
                let l = circle_layout(names);
                let kind = match (l.numbered, l.radial) {
                    (true, _) => "numbers",
                    (false, true) => "radial",
                    (false, false) => "centred",
                };
                println!(
                    "n {n:2} set {k}: {kind:7} chars {:2} ring {} height {:.0}",
                    l.max_chars, l.ring, l.height
                );
            }
        }
    }
}
