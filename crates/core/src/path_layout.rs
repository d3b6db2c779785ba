//! Where the career-path drawing puts its boxes, lines and labels. Pure geometry, in SVG user
//! units: nodes are placed in layers (a class and the next level up are one layer apart, lowest
//! at the bottom), side by side within a layer (branches, and classes beside a series), edges are
//! routed as vertical-then-horizontal-then-vertical lines, and each label is moved until it
//! overlaps no box and no other label. Nothing here knows how many levels a series has.

/// A box to draw: a class, or a source outside the series ("education and experience").
#[derive(Clone, Debug, PartialEq)]
pub struct NodeSpec {
    pub id: String,
    /// 0 is the lowest layer.
    pub layer: usize,
}

/// A line from one box to another, with an optional label (what the step asks).
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeSpec {
    pub from: usize,
    pub to: usize,
    pub label: Option<String>,
}

/// A rectangle: top-left corner and size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    /// Whether two rectangles share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
}

/// The laid-out drawing.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    /// One per node, in input order.
    pub nodes: Vec<Rect>,
    /// One polyline per edge, in input order.
    pub edges: Vec<Vec<(f32, f32)>>,
    /// One per edge that has a label: the label's box (text starts at its left).
    pub labels: Vec<Option<Rect>>,
}

/// Sizes of the drawing, in SVG user units.
#[derive(Clone, Copy, Debug)]
pub struct Metrics {
    pub node_w: f32,
    pub node_h: f32,
    pub gap_x: f32,
    pub gap_y: f32,
    pub margin: f32,
    /// Estimated width of one character of label text.
    pub char_w: f32,
    pub label_h: f32,
    pub label_max_chars: usize,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            node_w: 220.0,
            node_h: 84.0,
            gap_x: 290.0,
            gap_y: 96.0,
            margin: 16.0,
            char_w: 6.6,
            label_h: 18.0,
            label_max_chars: 40,
        }
    }
}

/// Lays out nodes and edges. Within a layer, nodes keep their input order from left to right.
pub fn layout(nodes: &[NodeSpec], edges: &[EdgeSpec], m: Metrics) -> Layout {
    let layers = nodes.iter().map(|n| n.layer).max().map_or(0, |l| l + 1);
    let mut lane = vec![0usize; nodes.len()];
    let mut per_layer = vec![0usize; layers];
    for (i, node) in nodes.iter().enumerate() {
        lane[i] = per_layer[node.layer];
        per_layer[node.layer] += 1;
    }
    let lanes = per_layer.iter().copied().max().unwrap_or(0);
    #[allow(clippy::cast_precision_loss)] // counts of boxes are small
    let (layers_f, lanes_f) = (layers as f32, lanes as f32);
    let width = 2.0 * m.margin + lanes_f * m.node_w + (lanes_f - 1.0).max(0.0) * m.gap_x;
    let height = 2.0 * m.margin + layers_f * m.node_h + (layers_f - 1.0).max(0.0) * m.gap_y;
    #[allow(clippy::cast_precision_loss)] // a lane and a layer index are small
    let rects: Vec<Rect> = nodes
        .iter()
        .zip(&lane)
        .map(|(node, &lane)| Rect {
            x: m.margin + lane as f32 * (m.node_w + m.gap_x),
            // The lowest layer at the bottom: a ladder is climbed.
            y: m.margin + (layers - 1 - node.layer) as f32 * (m.node_h + m.gap_y),
            w: m.node_w,
            h: m.node_h,
        })
        .collect();
    // An edge that skips layers would cross the boxes between: it runs up a channel of its own
    // in the gap to the right of its source's lane instead.
    let mut channels = vec![0u16; lanes.max(1)];
    let routes: Vec<Vec<(f32, f32)>> = edges
        .iter()
        .map(|e| {
            let (from, to) = (rects[e.from], rects[e.to]);
            if nodes[e.to].layer > nodes[e.from].layer + 1 {
                let k = &mut channels[lane[e.from]];
                let x = from.x + from.w + CHANNEL_FIRST + f32::from(*k) * CHANNEL_STEP;
                *k += 1;
                channel_route(from, to, x)
            } else {
                route(from, to, m)
            }
        })
        .collect();
    let mut placed: Vec<Rect> = Vec::new();
    let labels = edges
        .iter()
        .zip(&routes)
        .map(|(edge, points)| {
            let text = edge.label.as_deref()?;
            let chars = text.chars().count().min(m.label_max_chars);
            #[allow(clippy::cast_precision_loss)] // a label is at most label_max_chars long
            let w = chars as f32 * m.char_w;
            let rect = place_label(points, w, m.label_h, &rects, &placed);
            placed.push(rect);
            Some(rect)
        })
        .collect();
    let right = placed
        .iter()
        .map(|r| r.x + r.w + m.margin)
        .fold(width, f32::max);
    let bottom = placed
        .iter()
        .map(|r| r.y + r.h + m.margin)
        .fold(height, f32::max);
    Layout {
        width: right,
        height: bottom,
        nodes: rects,
        edges: routes,
        labels,
    }
}

/// How far from its lane the first channel runs, and how far apart channels are.
const CHANNEL_FIRST: f32 = 18.0;
const CHANNEL_STEP: f32 = 14.0;

/// Out of the source's right side, up the channel at `x`, into the target's side.
fn channel_route(from: Rect, to: Rect, x: f32) -> Vec<(f32, f32)> {
    let (from_y, to_y) = (from.y + from.h / 2.0, to.y + to.h / 2.0);
    let end_x = if to.x >= x { to.x } else { to.x + to.w };
    vec![
        (from.x + from.w, from_y),
        (x, from_y),
        (x, to_y),
        (end_x, to_y),
    ]
}

/// From the middle of the source's top (or side) to the middle of the target's bottom: straight up
/// within a lane, otherwise up, across and up.
fn route(from: Rect, to: Rect, m: Metrics) -> Vec<(f32, f32)> {
    let (fx, tx) = (from.x + from.w / 2.0, to.x + to.w / 2.0);
    if to.y + to.h <= from.y {
        let (start, end) = ((fx, from.y), (tx, to.y + to.h));
        if (fx - tx).abs() < f32::EPSILON {
            vec![start, end]
        } else {
            let mid = f32::midpoint(start.1, end.1);
            vec![start, (fx, mid), (tx, mid), end]
        }
    } else if (tx - fx).abs() > m.node_w + m.gap_x + 1.0 {
        // Same layer with boxes between: over them, through the gap above the layer.
        let lift = (from.y - m.gap_y / 3.0).max(from.y / 2.0);
        vec![(fx, from.y), (fx, lift), (tx, lift), (tx, to.y)]
    } else {
        // Same layer, next lane (a class beside another): side to side.
        let (start_x, end_x) = if tx > fx {
            (from.x + from.w, to.x)
        } else {
            (from.x, to.x + to.w)
        };
        let y = from.y + from.h / 2.0;
        vec![(start_x, y), (end_x, to.y + to.h / 2.0)]
    }
}

/// Beside the edge's longest segment, nudged down then right until it overlaps nothing (the
/// drawing grows to hold it).
fn place_label(
    points: &[(f32, f32)],
    width: f32,
    height: f32,
    nodes: &[Rect],
    labels: &[Rect],
) -> Rect {
    let (start, end) = points
        .windows(2)
        .map(|pair| (pair[0], pair[1]))
        .max_by(|one, other| seg_len(*one).total_cmp(&seg_len(*other)))
        .unwrap_or((points[0], points[0]));
    let (mid_x, mid_y) = (f32::midpoint(start.0, end.0), f32::midpoint(start.1, end.1));
    let at = |attempt: f32| Rect {
        // Down a line at a time, and every sixth try a step further right.
        x: mid_x + 8.0 + (attempt / 6.0).floor() * 24.0,
        y: mid_y - height / 2.0 + (attempt % 6.0) * height,
        w: width,
        h: height,
    };
    let clear = |candidate: &Rect| {
        !nodes
            .iter()
            .chain(labels)
            .any(|placed| placed.overlaps(candidate))
    };
    #[allow(clippy::cast_precision_loss)] // at most 200 tries
    (0..200)
        .map(|attempt| at(attempt as f32))
        .find(clear)
        .unwrap_or_else(|| at(0.0))
}

fn seg_len(((x1, y1), (x2, y2)): ((f32, f32), (f32, f32))) -> f32 {
    (x2 - x1).abs() + (y2 - y1).abs()
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // coordinates are sums of the same exact constants
mod tests {
    use super::*;

    fn ladder(levels: usize) -> (Vec<NodeSpec>, Vec<EdgeSpec>) {
        let nodes = (0..levels)
            .map(|i| NodeSpec {
                id: format!("L{i}"),
                layer: i,
            })
            .collect();
        let edges = (1..levels)
            .map(|i| EdgeSpec {
                from: i - 1,
                to: i,
                label: Some(format!("One year as a level {i} specialist")),
            })
            .collect();
        (nodes, edges)
    }

    fn assert_nothing_overlaps(l: &Layout) {
        let boxes: Vec<Rect> = l
            .nodes
            .iter()
            .copied()
            .chain(l.labels.iter().flatten().copied())
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
            assert!(
                a.x >= 0.0
                    && a.y >= 0.0
                    && a.x + a.w <= l.width + 0.01
                    && a.y + a.h <= l.height + 0.01,
                "{a:?} outside"
            );
        }
    }

    #[test]
    fn a_ladder_of_any_length_climbs_without_overlaps() {
        for levels in 1..=12 {
            let (nodes, edges) = ladder(levels);
            let l = layout(&nodes, &edges, Metrics::default());
            assert_eq!(l.nodes.len(), levels);
            assert_nothing_overlaps(&l);
            assert_edges_cross_no_other_box(&edges, &l);
            for pair in l.nodes.windows(2) {
                assert!(
                    pair[1].y < pair[0].y,
                    "each level is drawn above the one below"
                );
            }
            for (edge, points) in edges.iter().zip(&l.edges) {
                let (from, to) = (l.nodes[edge.from], l.nodes[edge.to]);
                assert_eq!(
                    points.first().unwrap().1,
                    from.y,
                    "leaves the top of the lower box"
                );
                assert_eq!(
                    points.last().unwrap().1,
                    to.y + to.h,
                    "reaches the bottom of the upper box"
                );
            }
        }
    }

    #[test]
    fn a_branch_and_a_class_beside_the_series_sit_side_by_side() {
        // 0 -> 1 -> {2, 3 (a branch)}; 4 beside 3 in the same layer; 5 a source below 0.
        let nodes = vec![
            NodeSpec {
                id: "source".into(),
                layer: 0,
            },
            NodeSpec {
                id: "1".into(),
                layer: 1,
            },
            NodeSpec {
                id: "2".into(),
                layer: 2,
            },
            NodeSpec {
                id: "3a".into(),
                layer: 3,
            },
            NodeSpec {
                id: "3b".into(),
                layer: 3,
            },
            NodeSpec {
                id: "beside".into(),
                layer: 3,
            },
        ];
        let label = |s: &str| Some(s.to_owned());
        let edges = vec![
            EdgeSpec {
                from: 0,
                to: 1,
                label: label("A high school diploma or GED and one year of experience"),
            },
            EdgeSpec {
                from: 1,
                to: 2,
                label: label("Not in our copy"),
            },
            EdgeSpec {
                from: 2,
                to: 3,
                label: label("One year as a level 2"),
            },
            EdgeSpec {
                from: 2,
                to: 4,
                label: label("Two years as a level 2"),
            },
            EdgeSpec {
                from: 3,
                to: 5,
                label: None,
            },
        ];
        let l = layout(&nodes, &edges, Metrics::default());
        assert_nothing_overlaps(&l);
        assert_edges_cross_no_other_box(&edges, &l);
        assert_eq!(l.nodes[3].y, l.nodes[4].y);
        assert!(
            l.nodes[3].x < l.nodes[4].x && l.nodes[4].x < l.nodes[5].x,
            "input order, left to right"
        );
        assert_eq!(l.edges[3].len(), 4, "a branch to another lane turns twice");
        assert_eq!(
            l.edges[4].len(),
            4,
            "beside, two lanes away: over the box between"
        );
        assert!(l.labels[4].is_none());
    }

    /// Whether an axis-aligned segment runs through the inside of a box.
    fn crosses(((x1, y1), (x2, y2)): ((f32, f32), (f32, f32)), r: &Rect) -> bool {
        let inside = |v: f32, lo: f32, len: f32| v > lo && v < lo + len;
        let spans = |a: f32, b: f32, lo: f32, len: f32| a.min(b) < lo + len && a.max(b) > lo;
        if (x1 - x2).abs() < f32::EPSILON {
            inside(x1, r.x, r.w) && spans(y1, y2, r.y, r.h)
        } else {
            inside(y1, r.y, r.h) && spans(x1, x2, r.x, r.w)
        }
    }

    fn assert_edges_cross_no_other_box(edges: &[EdgeSpec], l: &Layout) {
        for (edge, points) in edges.iter().zip(&l.edges) {
            for pair in points.windows(2) {
                for (i, node) in l.nodes.iter().enumerate() {
                    if i != edge.from && i != edge.to {
                        assert!(
                            !crosses((pair[0], pair[1]), node),
                            "edge {}->{} crosses box {i}",
                            edge.from,
                            edge.to
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn ways_in_from_outside_skip_levels_without_crossing_them() {
        // A source below a ladder of any length, with a way in to every level and to a class
        // beside the top: the edges that skip levels must go around the boxes between.
        for levels in 1..=10 {
            let mut nodes = vec![NodeSpec {
                id: "outside".into(),
                layer: 0,
            }];
            nodes.extend((1..=levels).map(|i| NodeSpec {
                id: format!("L{i}"),
                layer: i,
            }));
            nodes.push(NodeSpec {
                id: "beside".into(),
                layer: levels,
            });
            let mut edges: Vec<EdgeSpec> = (1..levels)
                .map(|i| EdgeSpec {
                    from: i,
                    to: i + 1,
                    label: Some(format!("One year as level {i}")),
                })
                .collect();
            edges.extend((1..=levels + 1).map(|to| EdgeSpec {
                from: 0,
                to,
                label: Some("A high school diploma and four years".to_owned()),
            }));
            let l = layout(&nodes, &edges, Metrics::default());
            assert_nothing_overlaps(&l);
            assert_edges_cross_no_other_box(&edges, &l);
            let skipping = edges
                .iter()
                .zip(&l.edges)
                .filter(|(e, _)| nodes[e.to].layer > nodes[e.from].layer + 1)
                .map(|(_, points)| points[1].0)
                .collect::<Vec<_>>();
            let mut distinct = skipping.clone();
            distinct.dedup();
            assert_eq!(distinct, skipping, "each skipping edge has its own channel");
        }
    }

    #[test]
    fn the_layout_is_the_same_every_time() {
        let (nodes, edges) = ladder(5);
        assert_eq!(
            layout(&nodes, &edges, Metrics::default()),
            layout(&nodes, &edges, Metrics::default())
        );
    }
}
