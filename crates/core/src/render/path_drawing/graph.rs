//! The career path as a graph, from the catalogue: node 0 the way in from outside the series,
//! then the ladder's classes and the classes beside it; each step a labelled edge, with whether
//! the data states it. And its layouts, wide and narrow (the geometry is `path_layout`'s).

use crate::catalogue::{short_title, LadderRung};
use crate::describe::{capitalise, years_phrase};
use crate::marked::{Marked, Part};
use crate::model::{
    Catalogue, Education, QualificationRoute, Qualifications, Requirement, Series, Text,
    NOT_IN_OUR_COPY,
};
use crate::path_layout::{layout, EdgeSpec, Layout, Metrics, NodeSpec};
use crate::render::parts::short_title_marked;

/// A class of the drawing.
pub(super) struct ClassNode<'a> {
    pub(super) rung: LadderRung<'a>,
    /// Beside the series (another series), with how it relates.
    pub(super) beside: Option<&'a Text>,
    /// In the narrow drawing, a way in from outside written in the box instead of a line.
    pub(super) way_in: Option<String>,
}

/// A line of the drawing: from one node to another, what the step asks, and whether the data
/// says (a dashed line when it does not).
pub(super) struct Step {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) label: Marked,
    pub(super) known: bool,
}

/// Node 0 is "from outside the series"; node `i + 1` is `classes[i]`.
pub(super) struct Graph<'a> {
    pub(super) series: &'a Series,
    pub(super) classes: Vec<ClassNode<'a>>,
    pub(super) steps: Vec<Step>,
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
fn routes<'a>(rung: &LadderRung<'a>) -> Option<&'a [QualificationRoute]> {
    match &rung.version.qualifications {
        Qualifications::Routes(routes) => Some(routes),
        Qualifications::NotInData { .. } => None,
    }
}

/// The way in from outside to the lowest level when the data holds none.
const NO_WAY_IN: &str = NOT_IN_OUR_COPY;

/// A label's text as the drawing shows it (an inferred value followed by its "*"), to measure.
fn drawn(label: &Marked) -> String {
    label
        .parts()
        .iter()
        .map(|p| match p {
            Part::Plain(text) => text.clone(),
            Part::Inferred { value, .. } => format!("{value}*"),
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
        return (NOT_IN_OUR_COPY.to_owned(), false);
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

pub(super) fn graph<'a>(catalogue: &'a Catalogue, series: &'a Series) -> Graph<'a> {
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

pub(super) fn lay_out(graph: &Graph<'_>) -> Layout {
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
pub(super) fn narrow_graph<'a>(graph: &Graph<'a>) -> Graph<'a> {
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

pub(super) fn lay_out_narrow(graph: &Graph<'_>) -> Layout {
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
