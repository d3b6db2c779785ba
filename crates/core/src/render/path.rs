//! The career path: the home series drawn as an SVG path, lowest level at the bottom, with the
//! ways in from outside the series and the classes beside it; the same content as an ordered
//! list beside it; and a standalone SVG file to download. The geometry is `path_layout`'s; this
//! module only turns the catalogue into nodes and labelled edges, and those into markup.

use std::fmt::Write as _;

use super::parts::{link_marked, marked, marked_svg, missing_mark};
use crate::catalogue::LadderRung;
use crate::contract::{CARD, CARD_HINT};
use crate::describe::{capitalise, years_phrase};
use crate::marked::Marked;
use crate::markup::Markup;
use crate::model::{Catalogue, Education, Qualifications, Requirement, Series, Text};
use crate::path_layout::{layout, EdgeSpec, Layout, Metrics, NodeSpec, Rect};
use crate::planner::PlannerInput;
use crate::route::Route;

/// Where a person stands with a class, when the path shows a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Current,
    Meets,
    NotYet,
    CannotTell,
}

impl Standing {
    fn class(self) -> &'static str {
        match self {
            Self::Current => "node--current",
            Self::Meets => "node--meets",
            Self::NotYet => "node--not-yet",
            Self::CannotTell => "node--cannot-tell",
        }
    }

    /// The line the node gets.
    pub fn label(self) -> &'static str {
        match self {
            Self::Current => "You are here",
            Self::Meets => "Within reach",
            Self::NotYet => "Not yet",
            Self::CannotTell => "Cannot tell",
        }
    }
}

/// A class of the drawing.
struct ClassNode<'a> {
    rung: LadderRung<'a>,
    /// Beside the series (another series), with how it relates.
    beside: Option<&'a Text>,
    /// In the narrow drawing, a way in from outside written in the box instead of a line.
    way_in: Option<String>,
}

/// A line of the drawing: from one node to another, what the step asks, and whether the data
/// says (a dashed line when it does not).
struct Step {
    from: usize,
    to: usize,
    label: Marked,
    known: bool,
}

/// Node 0 is "from outside the series"; node `i + 1` is `classes[i]`.
struct Graph<'a> {
    series: &'a Series,
    classes: Vec<ClassNode<'a>>,
    steps: Vec<Step>,
}

pub use crate::catalogue::short_title;

/// [`short_title`] of a class, marked when its title is inferred.
pub(super) fn short_title_marked(class: &crate::model::ClassSpec) -> crate::marked::Marked {
    crate::marked::Marked::new().value(&short_title(&class.title), &class.title_basis)
}

fn education_short(education: Education) -> &'static str {
    match education {
        Education::HighSchool => "High school",
        Education::Associate => "Associate's",
        Education::Bachelor => "Bachelor's",
        Education::Graduate => "Graduate degree",
    }
}

/// The routes of a class's newest version, or `None` when the data does not hold them.
fn routes<'a>(rung: &LadderRung<'a>) -> Option<&'a [crate::model::QualificationRoute]> {
    match &rung.version.qualifications {
        Qualifications::Routes(routes) => Some(routes),
        Qualifications::NotInData { .. } => None,
    }
}

/// The way in from outside to the lowest level when the data holds none.
const NO_WAY_IN: &str = crate::model::NOT_IN_OUR_COPY;

/// A label's text as the drawing shows it (an inferred value followed by its "*"), to measure.
fn drawn(label: &Marked) -> String {
    label
        .parts()
        .iter()
        .map(|p| match p {
            crate::marked::Part::Plain(text) => text.clone(),
            crate::marked::Part::Inferred { value, .. } => format!("{value}*"),
        })
        .collect()
}

/// The label of the way in from outside the series, if the class has one.
fn entry_label(rung: &LadderRung<'_>) -> Option<String> {
    let routes = routes(rung)?;
    let mut outside = routes.iter().filter_map(|r| match r.requirement {
        Requirement::EducationAndExperience {
            education,
            years,
            progressive,
        } => Some((education, years, progressive)),
        _ => None,
    });
    let (education, years, progressive) = outside.next()?;
    let mut label = match years {
        0 => education_short(education).to_owned(),
        1 => format!("{} + 1 year", education_short(education)),
        _ => format!("{} + {years} years", education_short(education)),
    };
    if progressive {
        label.push_str(" (progressive)");
    }
    let more = outside.count()
        + routes
            .iter()
            .filter(|r| matches!(r.requirement, Requirement::Equivalent { .. }))
            .count();
    if more > 0 {
        label.push_str(", or other");
    }
    Some(label)
}

/// What the step from `lower` to `upper` asks.
fn step_label(lower: &LadderRung<'_>, upper: &LadderRung<'_>) -> (String, bool) {
    let Some(routes) = routes(upper) else {
        return (crate::model::NOT_IN_OUR_COPY.to_owned(), false);
    };
    routes
        .iter()
        .find_map(|r| match &r.requirement {
            Requirement::YearsInClass { class, years }
                if class.eq_ignore_ascii_case(&lower.class.code) =>
            {
                Some((
                    format!(
                        "{} as {}",
                        capitalise(&years_phrase(*years)),
                        short_title(&lower.class.title)
                    ),
                    true,
                ))
            }
            _ => None,
        })
        .unwrap_or_else(|| {
            (
                format!("No route from {} stated", short_title(&lower.class.title)),
                false,
            )
        })
}

fn graph<'a>(catalogue: &'a Catalogue, series: &'a Series) -> Graph<'a> {
    let view = catalogue.series_view(series);
    let ladder = view.rungs.len();
    let mut classes: Vec<ClassNode<'_>> = view
        .rungs
        .into_iter()
        .map(|rung| ClassNode {
            rung,
            beside: None,
            way_in: None,
        })
        .collect();
    classes.extend(view.related.into_iter().map(|(rung, relation)| ClassNode {
        rung,
        beside: Some(relation),
        way_in: None,
    }));
    let mut steps = Vec::new();
    for i in 1..ladder {
        let (label, known) = step_label(&classes[i - 1].rung, &classes[i].rung);
        steps.push(Step {
            from: i,
            to: i + 1,
            label: Marked::new().text(&label),
            known,
        });
    }
    for (i, class) in classes.iter().enumerate() {
        match entry_label(&class.rung) {
            // Several ways in leave the same box: each names the class it leads to.
            Some(label) => steps.push(Step {
                from: 0,
                to: i + 1,
                label: Marked::new()
                    .text(&format!("{label} → "))
                    .then(short_title_marked(class.rung.class)),
                known: true,
            }),
            // The lowest level is entered from outside: say so even when the data cannot.
            None if i == 0 && routes(&class.rung).is_none() => steps.push(Step {
                from: 0,
                to: 1,
                label: Marked::new()
                    .text(&format!("{NO_WAY_IN} → "))
                    .then(short_title_marked(class.rung.class)),
                known: false,
            }),
            None => {}
        }
    }
    Graph {
        series,
        classes,
        steps,
    }
}

/// Wider boxes than the layout's default: the longest class title fits.
fn metrics() -> Metrics {
    Metrics {
        node_w: 240.0,
        ..Metrics::default()
    }
}

fn lay_out(graph: &Graph<'_>) -> Layout {
    let ladder = graph.classes.iter().filter(|c| c.beside.is_none()).count();
    // Classes beside the series sit beside its top level.
    let layer = |i: usize, c: &ClassNode<'_>| if c.beside.is_some() { ladder } else { i + 1 };
    lay_out_by(graph, &layer, metrics())
}

/// The layout of a graph: "outside" on layer 0, each class on the layer `layer` gives it, a
/// labelled edge per step. One function for the wide and the narrow drawing (`&dyn Fn`, so the
/// engine holds it once).
fn lay_out_by(
    graph: &Graph<'_>,
    layer: &dyn Fn(usize, &ClassNode<'_>) -> usize,
    metrics: Metrics,
) -> Layout {
    let mut nodes = vec![NodeSpec {
        id: "outside".to_owned(),
        layer: 0,
    }];
    nodes.extend(graph.classes.iter().enumerate().map(|(i, c)| NodeSpec {
        id: c.rung.class.code.to_string(),
        layer: layer(i, c),
    }));
    let edges: Vec<EdgeSpec> = graph
        .steps
        .iter()
        .map(|s| EdgeSpec {
            from: s.from,
            to: s.to,
            label: Some(drawn(&s.label)),
        })
        .collect();
    layout(&nodes, &edges, metrics)
}

/// The narrow drawing (a phone): one column, every class a level of its own (the classes
/// beside the series on top), and each way in from outside that would skip levels written in
/// its class's box instead of drawn as a line beside the column.
fn narrow_graph<'a>(graph: &Graph<'a>) -> Graph<'a> {
    let mut classes: Vec<ClassNode<'a>> = graph
        .classes
        .iter()
        .map(|c| ClassNode {
            rung: LadderRung {
                class: c.rung.class,
                version: c.rung.version,
            },
            beside: c.beside,
            way_in: None,
        })
        .collect();
    let mut steps = Vec::new();
    for step in &graph.steps {
        if step.from == 0 && step.to > 1 {
            let class = &mut classes[step.to - 1];
            class.way_in = Some(entry_label(&class.rung).unwrap_or_else(|| NO_WAY_IN.to_owned()));
        } else {
            steps.push(Step {
                from: step.from,
                to: step.to,
                label: step.label.clone(),
                known: step.known,
            });
        }
    }
    Graph {
        series: graph.series,
        classes,
        steps,
    }
}

fn lay_out_narrow(graph: &Graph<'_>) -> Layout {
    lay_out_by(
        graph,
        &|i, _| i + 1,
        Metrics {
            node_w: 320.0,
            node_h: 104.0,
            gap_y: 44.0,
            margin: 8.0,
            ..Metrics::default()
        },
    )
}

/// A coordinate as SVG wants it: whole units are plenty.
#[allow(clippy::cast_possible_truncation)] // drawings are a few thousand units wide
fn n(v: f32) -> String {
    (v.round() as i32).to_string()
}

/// The value of a fact, or what stands in for it in a box too small for the reason.
fn fact_or(fact: &crate::model::Fact<Text>, missing: &str) -> Marked {
    match fact {
        crate::model::Fact::Stated(value) => Marked::new().text(value),
        crate::model::Fact::Inferred { value, why } => {
            Marked::new().value(value, &crate::model::Basis::Inferred { why: why.clone() })
        }
        crate::model::Fact::Missing { .. } => Marked::new().text(missing),
    }
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
fn svg(
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
enum Foot {
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
fn data_url(mime: &str, body: &str) -> String {
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
fn standalone(
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

/// A plan's mark for a class code.
pub(crate) type StandingOf<'a> = &'a dyn Fn(&str) -> Option<Standing>;

/// A plan on the drawing: each class's mark, and the plan's address (for its file).
pub(crate) type PlanOn<'a> = (StandingOf<'a>, &'a str);

/// The drawing of `series` (with a plan's marks, when given: one per class, in the path's
/// order), its summary cards and the text equivalent, for a view.
pub(crate) fn drawing(
    m: &mut Markup,
    catalogue: &Catalogue,
    series: Option<&Series>,
    plan: Option<PlanOn<'_>>,
) {
    if let Some(series) = series {
        series_drawing(m, catalogue, series, plan);
    } else {
        m.leaf("p", &[], "The data holds no class series to draw.");
    }
}

/// [`drawing`] of a given series.
fn series_drawing(
    m: &mut Markup,
    catalogue: &Catalogue,
    series: &Series,
    plan: Option<PlanOn<'_>>,
) {
    let graph = graph(catalogue, series);
    let l = lay_out(&graph);
    let marks: Option<Vec<Option<Standing>>> = plan.map(|(f, _)| {
        graph
            .classes
            .iter()
            .map(|c| f(c.rung.class.code.as_ref()))
            .collect()
    });
    m.el("div", &[("class", "path-layout")], |m| {
        m.el("figure", &[("class", "path-figure")], |m| {
            m.el("div", &[("class", "path-drawing")], |m| {
                // Wide, and narrow for a phone (one shows, by the stylesheet).
                m.rendered(&svg((&graph, &l, "path"), marks.as_deref(), true, &[]));
                let narrow = narrow_graph(&graph);
                let narrow_layout = lay_out_narrow(&narrow);
                m.rendered(&svg((&narrow, &narrow_layout, "path-narrow"), marks.as_deref(), true, &[]));
            });
            m.el("figcaption", &[("class", "path-legend")], |m| {
                m.text("Solid lines: what the data states. Dashed lines: not in our copy. * estimated by us (see the key at the end of the page). ");
                {
                    let address = plan.map(|(_, address)| address);
                    let file = standalone(catalogue, &graph, &l, marks.as_deref().zip(address));
                    let (name, label) = if plan.is_some() {
                        ("my-plan.svg", "Download your plan as a picture (SVG)")
                    } else {
                        ("career-path.svg", "Download the drawing (SVG)")
                    };
                    m.leaf(
                        "a",
                        &[
                            ("href", &data_url("image/svg+xml", &file)),
                            ("download", name),
                            ("class", "button button--quiet path-download"),
                        ],
                        label,
                    );
                }
            });
        });
        m.el(
            "aside",
            &[("class", "path-cards"), ("aria-label", "The class in focus")],
            |m| {
                m.leaf(
                    "p",
                    &[("class", "path-cards__hint"), (CARD_HINT, "")],
                    "Point at a class in the drawing, or move to it with the Tab key, to see its summary here. Select it to open the class.",
                );
                for class in &graph.classes {
                    card(m, class);
                }
            },
        );
    });
    m.el(
        "section",
        &[
            ("class", "path-text"),
            ("aria-labelledby", "path-text-heading"),
        ],
        |m| {
            m.leaf("h2", &[("id", "path-text-heading")], "The path in words");
            m.el("ol", &[("class", "path-steps")], |m| {
                for (i, class) in graph.classes.iter().enumerate() {
                    let mark = marks.as_ref().and_then(|s| s.get(i).copied().flatten());
                    step_item(m, catalogue, &graph, i, class, mark);
                }
            });
        },
    );
}

fn card(m: &mut Markup, class: &ClassNode<'_>) {
    let rung = &class.rung;
    let id = format!("card-{}", rung.class.code);
    m.el(
        "div",
        &[("class", "path-card"), ("id", &id), ("hidden", "")],
        |m| {
            m.el("h2", &[("class", "path-card__title")], |m| {
                marked(m, &rung.class.title_marked());
            });
            m.el("p", &[("class", "path-card__meta")], |m| {
                marked(
                    m,
                    &rung
                        .class
                        .code_marked()
                        .text(" · ")
                        .then(fact_or(rung.level(), "level not in our copy"))
                        .text(" · ")
                        .then(fact_or(rung.supervision(), "supervision not in our copy")),
                );
            });
            m.leaf("p", &[], &rung.version.tagline);
            if let Some(relation) = class.beside {
                m.leaf("p", &[("class", "path-card__beside")], relation);
            }
            m.el("p", &[], |m| {
                link_marked(
                    m,
                    &Route::class(rung.class.code.as_ref()),
                    &Marked::new().text("Open ").then(rung.class.title_marked()),
                );
            });
        },
    );
}

fn step_item(
    m: &mut Markup,
    catalogue: &Catalogue,
    graph: &Graph<'_>,
    i: usize,
    class: &ClassNode<'_>,
    mark: Option<Standing>,
) {
    let rung = &class.rung;
    let id = format!("step-{}", rung.class.code);
    m.el("li", &[("class", "path-step"), ("id", &id)], |m| {
        m.el("h3", &[("class", "path-step__title")], |m| {
            link_marked(
                m,
                &Route::class(rung.class.code.as_ref()),
                &rung.class.title_marked(),
            );
            m.text(" ");
            m.el("span", &[("class", "path-step__code")], |m| {
                marked(m, &rung.class.code_marked());
            });
        });
        m.el("p", &[("class", "path-step__meta")], |m| {
            marked(
                m,
                &fact_or(rung.level(), "Level not in our copy")
                    .text(" · ")
                    .then(fact_or(rung.supervision(), "supervision not in our copy")),
            );
        });
        if let Some(mark) = mark {
            m.leaf(
                "p",
                &[("class", &format!("path-step__mark {}", mark.class()))],
                mark.label(),
            );
        }
        if let Some(relation) = class.beside {
            m.el("p", &[("class", "path-step__beside")], |m| {
                m.leaf("strong", &[], "Beside the series: ").text(relation);
            });
        }
        m.leaf("p", &[("class", "path-step__ways")], "Ways in:");
        match &rung.version.qualifications {
            Qualifications::Routes(routes) => {
                m.el("ul", &[], |m| {
                    for route in routes.iter() {
                        m.el("li", &[], |m| {
                            let from = match &route.requirement {
                                Requirement::YearsInClass { .. } => "From inside the series: ",
                                // It may be either: it says what it is.
                                Requirement::Unread { .. } => "",
                                _ => "From outside the series: ",
                            };
                            marked(m, &Marked::new().text(from).then(route.marked(catalogue)));
                        });
                    }
                    // A step up the ladder the data does not describe is a gap, shown.
                    if i > 0 && class.beside.is_none() {
                        let lower = &graph.classes[i - 1].rung;
                        let stated = routes.iter().any(|r| {
                            matches!(&r.requirement, Requirement::YearsInClass { class, .. }
                                if class.eq_ignore_ascii_case(&lower.class.code))
                        });
                        if !stated {
                            m.el("li", &[], |m| {
                                marked(
                                    m,
                                    &Marked::new()
                                        .text("From ")
                                        .then(lower.class.title_marked())
                                        .text(": no route through it is stated in this version."),
                                );
                            });
                        }
                    }
                });
            }
            Qualifications::NotInData { why } => {
                m.el("div", &[("class", "path-step__gap")], |m| {
                    missing_mark(m, why);
                    m.text(" ");
                    m.leaf(
                        "a",
                        &[("href", &rung.version.source_url), ("rel", "external")],
                        "The official page",
                    );
                });
            }
        }
    });
}

/// The career path view of the home series.
pub fn path_page(catalogue: &Catalogue) -> String {
    if let Some(series) = catalogue.home_series() {
        series_path(catalogue, series)
    } else {
        let mut m = Markup::new();
        m.leaf("h1", &[], "Career path");
        m.leaf("p", &[], "The data holds no class series to draw.");
        m.finish()
    }
}

/// A series' own career path (`/series/ewi/path`).
pub(super) fn series_path_page(catalogue: &Catalogue, id: &str) -> Option<super::view::Page> {
    let series = catalogue.series_by_id(Some(id))?;
    Some(super::view::Page {
        title: format!("Career path: {} series", series.title),
        html: series_path(catalogue, series),
    })
}

fn series_path(catalogue: &Catalogue, series: &Series) -> String {
    let mut m = Markup::new();
    m.el("div", &[("class", "path-page")], |m| {
        m.leaf("h1", &[], "Career path");
        let title = &series.title;
        m.leaf(
            "p",
            &[("class", "lede")],
            &format!(
                "The {title} series as a path, lowest level at the bottom: each step says what it asks, from the data, and the box at the bottom is the way in from outside the series. Select a class to open it; the planner checks which levels your own experience reaches."
            ),
        );
        series_drawing(m, catalogue, series, None);
    });
    m.finish()
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
    fn short_titles_are_initials_and_level() {
        assert_eq!(short_title("Customer Service Specialist 3"), "CSS 3");
        assert_eq!(short_title("Customer Service Manager"), "CSM");
        assert_eq!(short_title("Office Assistant 2"), "OA 2");
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
