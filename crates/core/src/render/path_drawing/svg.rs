//! The graph drawn as SVG: its boxes, its lines and their labels, a plan's marks; in a view
//! (each class's box a link) or as the standalone file an agency can place in its own material
//! (its own style, and a footer with the plan's address and the disclaimer).

use std::fmt::Write as _;

use super::graph::{graph, lay_out, ClassNode, Graph};
use super::{fact_or, Standing};
use crate::contract::CARD;
use crate::marked::Marked;
use crate::markup::Markup;
use crate::model::Catalogue;
use crate::path_layout::{Layout, Rect};
use crate::planner::PlannerInput;
use crate::render::parts::{marked_svg, short_title_marked};
use crate::route::Route;

/// A coordinate as SVG wants it: whole units are plenty.
#[allow(clippy::cast_possible_truncation)] // drawings are a few thousand units wide
fn n(v: f32) -> String {
    (v.round() as i32).to_string()
}

/// One box: a rectangle and up to four lines of text, as one `<text>` whose lines are spans
/// separated by spaces, so that the box's accessible name is its visible text, word for word.
fn node_box(m: &mut Markup, r: Rect, lines: &[(&'static str, Marked)]) {
    m.el(
        "rect",
        &[
            ("x", &n(r.x)),
            ("y", &n(r.y)),
            ("width", &n(r.w)),
            ("height", &n(r.h)),
            ("rx", "8"),
        ],
        |_| {},
    );
    m.el("text", &[], |m| {
        for (i, (class, text)) in lines
            .iter()
            .filter(|(_, t)| !t.words().is_empty())
            .enumerate()
        {
            #[allow(clippy::cast_precision_loss)] // four lines
            let y = r.y + 22.0 + i as f32 * 18.0;
            if i > 0 {
                m.text(" ");
            }
            m.el(
                "tspan",
                &[("x", &n(r.x + 12.0)), ("y", &n(y)), ("class", class)],
                |m| marked_svg(m, text),
            );
        }
    });
}

/// The drawing. `interactive`: class boxes are links (in the app); otherwise plain groups (the
/// standalone file). `standing`: a plan's mark per node, in node order.
pub(super) fn svg(
    (graph, geometry, id): (&Graph<'_>, &Layout, &str),
    standing: Option<&[Option<Standing>]>,
    interactive: bool,
    footer: &[Foot],
) -> String {
    // The footer (the standalone file's address and disclaimer) in lines that fit the width.
    let footer_lines: Vec<(Vec<String>, &str)> = footer
        .iter()
        .map(|f| match f {
            Foot::Words(text) => (wrap(text, geometry.width - 32.0, FOOTER_CHAR_W), " "),
            Foot::Address(url) => (cut(url, geometry.width - 32.0, FOOTER_CHAR_W), ""),
        })
        .collect();
    let count = footer_lines.iter().map(|(l, _)| l.len()).sum::<usize>();
    #[allow(clippy::cast_precision_loss)] // a few lines
    let footer_h = if count == 0 {
        0.0
    } else {
        12.0 + count as f32 * 15.0
    };
    let (w, h) = (n(geometry.width), n(geometry.height + footer_h));
    let view_box = format!("0 0 {w} {h}");
    let title = match standing {
        Some(_) => format!(
            "Your plan on the career path of the {} series",
            graph.series.title
        ),
        None => format!("Career path of the {} series", graph.series.title),
    };
    let ladder: Vec<String> = graph
        .classes
        .iter()
        .filter(|c| c.beside.is_none())
        .map(|c| short_title_marked(c.rung.class).plain())
        .collect();
    let mut desc = format!(
        "From {} at the bottom to {} at the top, each step labelled with what it asks; ways in from outside the series come from the box at the bottom. Dashed lines: not in our copy.",
        ladder.first().map_or("", String::as_str),
        ladder.last().map_or("", String::as_str),
    );
    desc.push_str(&plan_words(graph, standing));
    let mut m = Markup::new();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let both = format!("{title_id} {desc_id}");
    let class = if id == "path-narrow" {
        "path-svg path-svg--narrow"
    } else {
        "path-svg path-svg--wide"
    };
    let mut attrs: Vec<(&'static str, &str)> = vec![("viewBox", &view_box), ("class", class)];
    if interactive {
        attrs.extend([
            ("role", "group"),
            ("aria-labelledby", &title_id),
            ("aria-describedby", &desc_id),
        ]);
    } else {
        attrs.extend([
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", &w),
            ("height", &h),
            ("role", "img"),
            ("aria-labelledby", &both),
        ]);
    }
    m.el("svg", &attrs, |m| {
        m.leaf("title", &[("id", &title_id)], &title);
        m.leaf("desc", &[("id", &desc_id)], &desc);
        if !interactive {
            m.leaf("style", &[], STANDALONE_STYLE);
        }
        arrow_marker(m, id);
        edges(m, graph, geometry, id);
        m.el("g", &[("class", "path-nodes")], |m| {
            outside_node(m, geometry.nodes[0], interactive);
            for (i, class) in graph.classes.iter().enumerate() {
                let mark = standing.and_then(|s| s.get(i).copied().flatten());
                class_node(m, class, geometry.nodes[i + 1], mark, interactive);
            }
        });
        footer_text(m, &footer_lines, geometry.height);
    });
    m.finish()
}

/// A plan's marks in words, for the drawing's description: who reads the file with a screen
/// reader hears them too (" You are here: CSS 3. Within reach: CSS 4.").
fn plan_words(graph: &Graph<'_>, standing: Option<&[Option<Standing>]>) -> String {
    let mut words = String::new();
    for mark in [Standing::Current, Standing::Meets] {
        let names: Vec<String> = graph
            .classes
            .iter()
            .zip(standing.unwrap_or_default())
            .filter(|(_, s)| **s == Some(mark))
            .map(|(c, _)| short_title_marked(c.rung.class).plain())
            .collect();
        if !names.is_empty() {
            let _ = write!(words, " {}: {}.", mark.label(), names.join(", "));
        }
    }
    words
}

/// The footer below the drawing (`top`): one `<text>` per paragraph, its lines joined by what
/// they were cut at: a space between words, nothing inside an address (its text is the
/// address, exactly).
fn footer_text(m: &mut Markup, paragraphs: &[(Vec<String>, &str)], top: f32) {
    let mut at = 0;
    for (lines, joint) in paragraphs {
        m.el("text", &[("class", "path-footer")], |m| {
            for (i, line) in lines.iter().enumerate() {
                #[allow(clippy::cast_precision_loss)] // a few lines
                let y = top + 14.0 + (at + i) as f32 * 15.0;
                if i > 0 {
                    m.text(joint);
                }
                m.leaf("tspan", &[("x", "16"), ("y", &n(y))], line);
            }
        });
        at += lines.len();
    }
}

/// The width of a character of the footer's 11-unit text, generously estimated.
const FOOTER_CHAR_W: f32 = 6.2;

/// A paragraph of the standalone file's footer.
pub(super) enum Foot {
    Words(String),
    /// An address: cut anywhere, since it has no spaces, and joined with nothing.
    Address(String),
}

/// `address` in lines of at most `width` units, each cut after a `/`, `?` or `&` where one is
/// near the end, else anywhere.
fn cut(address: &str, width: f32, char_w: f32) -> Vec<String> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a positive width
    let most = ((width / char_w).floor() as usize).max(20);
    let chars: Vec<char> = address.chars().collect();
    let mut lines = Vec::new();
    let mut rest = &chars[..];
    while rest.len() > most {
        let at = rest[most / 2..most]
            .iter()
            .rposition(|c| matches!(c, '/' | '?' | '&'))
            .map_or(most, |i| most / 2 + i + 1);
        lines.push(rest[..at].iter().collect());
        rest = &rest[at..];
    }
    if !rest.is_empty() {
        lines.push(rest.iter().collect());
    }
    lines
}

/// `text` in lines of at most `width` units, broken between words.
fn wrap(text: &str, width: f32, char_w: f32) -> Vec<String> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a positive width
    let most = ((width / char_w).floor() as usize).max(20);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= most => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// The arrowhead every edge ends in.
fn arrow_marker(m: &mut Markup, id: &str) {
    m.el("defs", &[], |m| {
        m.el(
            "marker",
            &[
                ("id", &format!("{id}-arrow")),
                ("viewBox", "0 0 10 10"),
                ("refX", "9"),
                ("refY", "5"),
                ("markerWidth", "7"),
                ("markerHeight", "7"),
                ("orient", "auto-start-reverse"),
            ],
            |m| {
                m.el(
                    "path",
                    &[("d", "M0,0 L10,5 L0,10 z"), ("class", "edge-arrow")],
                    |_| {},
                );
            },
        );
    });
}

/// The steps: each edge's line, then each label on its background.
fn edges(m: &mut Markup, graph: &Graph<'_>, geometry: &Layout, id: &str) {
    let arrow = format!("url(#{id}-arrow)");
    m.el(
        "g",
        &[("class", "path-edges"), ("aria-hidden", "true")],
        |m| {
            for (step, points) in graph.steps.iter().zip(&geometry.edges) {
                let d: Vec<String> = points
                    .iter()
                    .enumerate()
                    .map(|(i, (x, y))| {
                        format!("{}{},{}", if i == 0 { "M" } else { "L" }, n(*x), n(*y))
                    })
                    .collect();
                let class = match (step.from == 0, step.known) {
                    (true, true) => "edge edge--entry",
                    (true, false) => "edge edge--entry edge--unknown",
                    (false, true) => "edge",
                    (false, false) => "edge edge--unknown",
                };
                m.el(
                    "path",
                    &[
                        ("d", &d.join(" ")),
                        ("class", class),
                        ("marker-end", &arrow),
                    ],
                    |_| {},
                );
            }
            for (step, label) in graph.steps.iter().zip(&geometry.labels) {
                let Some(r) = label else { continue };
                m.el(
                    "rect",
                    &[
                        ("x", &n(r.x - 2.0)),
                        ("y", &n(r.y)),
                        ("width", &n(r.w + 4.0)),
                        ("height", &n(r.h)),
                        ("class", "edge-label__bg"),
                    ],
                    |_| {},
                );
                m.el(
                    "text",
                    &[
                        ("x", &n(r.x)),
                        ("y", &n(r.y + 13.0)),
                        (
                            "class",
                            match (step.from == 0, step.known) {
                                (true, true) => "edge-label edge-label--entry",
                                (true, false) => "edge-label edge-label--entry edge-label--unknown",
                                (false, true) => "edge-label",
                                (false, false) => "edge-label edge-label--unknown",
                            },
                        ),
                    ],
                    |m| marked_svg(m, &step.label),
                );
            }
        },
    );
}

/// The box for the way in from outside the series; in the app, a link to the planner.
fn outside_node(m: &mut Markup, outside: Rect, interactive: bool) {
    let lines = [
        ("node__title", "Education and experience"),
        ("node__meta", "from outside the series"),
        (
            "node__meta",
            if interactive {
                "Check yours in the planner"
            } else {
                ""
            },
        ),
    ]
    .map(|(class, text)| (class, Marked::new().text(text)));
    if interactive {
        let planner = Route::Planner {
            input: PlannerInput::default(),
        }
        .href();
        m.el(
            "a",
            &[("href", &planner), ("class", "node node--outside")],
            |m| node_box(m, outside, &lines),
        );
    } else {
        m.el("g", &[("class", "node node--outside")], |m| {
            node_box(m, outside, &lines[..2]);
        });
    }
}

/// A class's box, with a plan's mark when given; in the app, a link to the class.
fn class_node(
    m: &mut Markup,
    class: &ClassNode<'_>,
    r: Rect,
    mark: Option<Standing>,
    interactive: bool,
) {
    let rung = &class.rung;
    let class_attr = format!(
        "node node--class{}{}",
        if class.beside.is_some() {
            " node--beside"
        } else {
            ""
        },
        mark.map_or(String::new(), |s| format!(" {}", s.class()))
    );
    let meta = rung
        .class
        .code_marked()
        .text(" · ")
        .then(fact_or(rung.level(), "Level not in our copy"));
    let supervision = fact_or(rung.supervision(), "Supervision not in our copy");
    let mut lines = vec![
        ("node__title", rung.class.title_marked()),
        ("node__meta", meta),
        ("node__meta", supervision),
    ];
    if let Some(mark) = mark {
        lines.push(("node__mark", Marked::new().text(mark.label())));
    } else if class.beside.is_some() {
        lines.push(("node__mark", Marked::new().text("Beside the series")));
    }
    if let Some(way_in) = &class.way_in {
        lines.push((
            "node__meta node__way-in",
            Marked::new().text(&format!("Way in: {way_in}")),
        ));
    }
    if interactive {
        let href = Route::class(rung.class.code.as_ref()).href();
        let card = format!("card-{}", rung.class.code);
        m.el(
            "a",
            &[("href", &href), ("class", &class_attr), (CARD, &card)],
            |m| node_box(m, r, &lines),
        );
    } else {
        m.el("g", &[("class", &class_attr)], |m| node_box(m, r, &lines));
    }
}

/// The standalone file's look: it travels without the app's stylesheet.
/// A plan's marks look as on the page (style/main.css, `.path-svg .node--current` …).
const STANDALONE_STYLE: &str =
    "svg{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#fff}\
rect{fill:#e3eff4;stroke:#0b4f6c;stroke-width:1.5}\
.node--outside rect{fill:#fff;stroke-dasharray:4 3}\
.node--beside rect{fill:#fbf1d3;stroke:#5a4400}\
.node--current rect{fill:#0b4f6c}.node--current tspan{fill:#fff}\
.node--meets rect{fill:#e6f2e8;stroke:#1d5e2e;stroke-width:3}\
.node--cannot-tell rect{stroke:#4f5963;stroke-dasharray:6 4}\
.node__title{font-size:13px;font-weight:700;fill:#1c2127}\
.node__meta,.node__mark{font-size:12px;fill:#1c2127}.node__mark{font-weight:700}\
.edge{fill:none;stroke:#0b4f6c;stroke-width:1.5}\
.edge--unknown{stroke:#4f5963;stroke-dasharray:6 4}\
.edge-arrow{fill:#0b4f6c}\
.edge-label__bg{fill:#fff;stroke:none}\
.edge-label{font-size:12px;fill:#14212e}\
.edge-label--unknown{fill:#5b6570;font-style:italic}\
.path-footer{font-size:11px;fill:#5b6570}";

/// A file as a `data:` address.
pub(super) fn data_url(mime: &str, body: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        crate::route::percent_encode(body, b"-_.~!*()/:;=,")
    )
}

/// The drawing as a standalone SVG file an agency can place in its own material.
pub fn standalone_svg(catalogue: &Catalogue) -> Option<String> {
    let graph = graph(catalogue, catalogue.home_series()?);
    Some(standalone(catalogue, &graph, &lay_out(&graph), None))
}

/// The standalone file of a graph already laid out; with a plan, its marks (the page's: "You
/// are here", "Within reach", …) and its address, so the picture says whose plan it is and
/// where to open it again.
pub(super) fn standalone(
    catalogue: &Catalogue,
    graph: &Graph<'_>,
    l: &Layout,
    plan: Option<(&[Option<Standing>], &str)>,
) -> String {
    let mut footer = Vec::new();
    if let Some((_, address)) = plan {
        footer.push(Foot::Words("This plan, in the app:".to_owned()));
        footer.push(Foot::Address(address.to_owned()));
    }
    footer.push(Foot::Words(format!(
        "{} series, from Class Spec Explorer{}. * estimated by us: not read on an official page. Dashed lines: not in our copy. Not an official State of Washington site: the official class specifications are published by the Washington State Office of Financial Management.",
        graph.series.title,
        catalogue
            .data_as_of()
            .map_or(String::new(), |d| format!(" (data as of {d})"))
    )));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}\n",
        svg((graph, l, "path"), plan.map(|(s, _)| s), false, &footer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standalone_files_disclaimer_is_whole_within_the_drawing() {
        // Mutation tried: one line for the footer (as before the fix): it ran past the width.
        let lines = wrap(&"word ".repeat(100), 300.0, 6.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= 50), "{lines:?}");
        assert_eq!(lines.join(" "), "word ".repeat(100).trim_end());
    }

    #[test]
    fn an_address_is_cut_into_lines_that_join_back_to_it() {
        // Mutation tried: the remainder after the last cut dropped; the join then failed.
        let url = "https://classes.example.org/planner?class=102C&years=5&in-class=2&education=high-school";
        let lines = cut(url, 200.0, 6.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 33), "{lines:?}");
        assert_eq!(lines.concat(), url);
    }

    #[test]
    fn a_data_address_carries_the_file_safely() {
        let url = data_url("image/svg+xml", "<svg a=\"1\">#&%</svg>");
        assert_eq!(
            url,
            "data:image/svg+xml;charset=utf-8,%3Csvg%20a=%221%22%3E%23%26%25%3C/svg%3E"
        );
    }
}
