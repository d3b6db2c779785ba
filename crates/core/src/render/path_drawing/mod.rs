//! The career path drawing, a piece two views show (the path, and a plan on it): the series
//! drawn as SVG, lowest level at the bottom, with the ways in from outside the series and the
//! classes beside it (wide, and narrow for a phone); each class's summary card; the same
//! content as an ordered list; and the drawing as a file to download. `graph` turns the
//! catalogue into nodes and labelled steps, `svg` draws them; this module puts them in a view.

mod graph;
mod svg;

pub use svg::standalone_svg;

use graph::{graph, lay_out, lay_out_narrow, narrow_graph, ClassNode, Graph};
use svg::{data_url, standalone, svg};

use crate::contract::CARD_HINT;
use crate::marked::Marked;
use crate::markup::Markup;
use crate::model::{Basis, Catalogue, Fact, Qualifications, Requirement, Series, Text};
use crate::render::parts::{link_marked, marked, missing_mark};
use crate::route::Route;

/// Where a person stands with a class, when the path shows a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Standing {
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

/// The value of a fact, or what stands in for it in a box too small for the reason.
fn fact_or(fact: &Fact<Text>, missing: &str) -> Marked {
    match fact {
        Fact::Stated(value) => Marked::new().text(value),
        Fact::Inferred { value, why } => {
            Marked::new().value(value, &Basis::Inferred { why: why.clone() })
        }
        Fact::Missing { .. } => Marked::new().text(missing),
    }
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
pub(super) fn series_drawing(
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
