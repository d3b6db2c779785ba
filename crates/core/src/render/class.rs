//! The class view: one class version, its deciding facts, every section with its provenance,
//! and the way to its other versions.

use super::not_found::not_found_page;
use super::parts::{
    basis_mark, date, fact, fact_date, fact_text, link, link_marked, marked, missing_mark,
    older_section, our_words, summary_list,
};
use super::view::Page;
use crate::echo::echo;
use crate::marked::Marked;
use crate::markup::Markup;
use crate::model::{
    paragraphs, Catalogue, ClassSpec, ClassVersion, HistoryEntry, Qualifications, Requirement,
    Section, SectionContent, SectionKind, Wording,
};
use crate::route::{Pick, Route};

/// The class view of `code` at `version` (the newest when `None`), or a not-found view that
/// says what the data holds.
pub(super) fn class_page(catalogue: &Catalogue, code: &str, version: Option<&str>) -> Page {
    let Some(class) = catalogue.class(code) else {
        return not_found_page(
            catalogue,
            format!("No class with the code {}", echo(code)),
            "The data holds no class with this code. Check the code, or choose one of the classes below.",
        );
    };
    let Some(shown) = class.version(version) else {
        let known: Vec<String> = class
            .versions
            .iter()
            .map(|v| v.label_marked().plain())
            .collect();
        return not_found_page(
            catalogue,
            format!(
                "{} has no version {}",
                class.title_marked().plain(),
                echo(version.unwrap_or_default())
            ),
            &format!(
                "The data holds these versions of {}: {}. Open the class to switch between them.",
                class.title_marked().plain(),
                known.join(", ")
            ),
        );
    };
    let title = if class.is_superseded(shown) {
        // "(2019 revision, inferred)": the mark without nesting brackets.
        let inferred = if shown.label_basis() == crate::model::Basis::Stated {
            ""
        } else {
            ", inferred"
        };
        format!(
            "{} ({}{inferred})",
            class.title_marked().plain(),
            shown.label
        )
    } else {
        class.title_marked().plain()
    };
    let mut m = Markup::new();
    m.el("article", &[("class", "class-page")], |m| {
        m.rendered(&class_version(catalogue, class, shown));
    });
    Page {
        title,
        html: m.finish(),
    }
}

/// Everything the class view shows of one version.
pub fn class_version(catalogue: &Catalogue, class: &ClassSpec, version: &ClassVersion) -> String {
    let mut m = Markup::new();
    m.el(
        "nav",
        &[("class", "breadcrumb"), ("aria-label", "Breadcrumb")],
        |m| {
            m.el("ol", &[], |m| {
                m.el("li", &[], |m| link(m, &Route::Home, "Home"));
                m.el("li", &[("aria-current", "page")], |m| {
                    marked(m, &class.title_marked());
                });
            });
        },
    );
    m.el("header", &[("class", "class-page__header")], |m| {
        if let Some(series) = catalogue.series_of(class) {
            m.el("p", &[("class", "eyebrow")], |m| {
                link(
                    m,
                    &Route::Series {
                        id: series.id.to_string(),
                    },
                    &format!("{} series", series.title),
                );
            });
        }
        m.el("h1", &[], |m| marked(m, &class.title_marked()));
        m.el("div", &[("class", "class-page__meta")], |m| {
            m.text("Class code ");
            fact(
                m,
                &class.code_basis.fact(class.code.clone()),
                |m, code, class| {
                    m.leaf("strong", &[("class", class)], code);
                },
            );
            m.text(" · Category: ");
            fact_text(m, &version.category);
        });
    });
    if let Some(newest) = class.newest().filter(|n| n.id != version.id) {
        m.el("p", &[("class", "notice"), ("role", "note")], |m| {
            marked(
                m,
                &Marked::new()
                    .text("You are reading an older version (")
                    .then(version.label_marked())
                    .text("). The newest version in the data is the ")
                    .then(newest.label_marked())
                    .text(". "),
            );
            link(
                m,
                &Route::class(class.code.as_ref()),
                "Read the newest version",
            );
        });
    }
    version_switch(&mut m, class, version);
    compare_links(&mut m, catalogue, class, version);
    facts(&mut m, version);
    m.el(
        "nav",
        &[
            ("class", "toc"),
            ("aria-label", "Sections of this class specification"),
        ],
        |m| {
            m.el("ul", &[], |m| {
                for kind in SectionKind::ALL {
                    m.el("li", &[], |m| {
                        m.leaf(
                            "a",
                            &[("href", &format!("#{}", kind.as_str()))],
                            kind.heading(),
                        );
                    });
                }
            });
        },
    );
    for s in version.sections.iter() {
        section(&mut m, s, &version.source_url, |m| match s.kind {
            SectionKind::DesirableQualifications => {
                routes_summary(m, catalogue, &version.qualifications);
                older_qualifications(m, catalogue, class, version);
            }
            SectionKind::ClassSpecificationHistory
                if !matches!(s.content, SectionContent::Official(_)) =>
            {
                timeline(m, &version.history);
                if s.content == SectionContent::NotInData && version.history.is_empty() {
                    older_section(m, class, version, s.kind);
                }
            }
            _ if s.content == SectionContent::NotInData => older_section(m, class, version, s.kind),
            _ => {}
        });
    }
    m.finish()
}

/// Every version, newest first; the one shown is marked, not linked.
fn version_switch(m: &mut Markup, class: &ClassSpec, shown: &ClassVersion) {
    m.el(
        "nav",
        &[
            ("class", "versions"),
            ("aria-labelledby", "versions-heading"),
        ],
        |m| {
            m.leaf(
                "h2",
                &[("id", "versions-heading"), ("class", "versions__heading")],
                "Versions in the data",
            );
            m.el("ul", &[("class", "versions__list")], |m| {
                for (i, v) in class.versions.iter().enumerate() {
                    let date = v
                        .effective
                        .value()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    let inferred = if v.effective.is_inferred() {
                        " (inferred)"
                    } else {
                        ""
                    };
                    let label = v
                        .label_marked()
                        .text(&format!(": effective {date}{inferred}"));
                    let current = v.id == shown.id;
                    let class_attr = if current {
                        "versions__item versions__item--current"
                    } else {
                        "versions__item"
                    };
                    m.el_with(
                        "li",
                        &[("class", class_attr)],
                        &[("aria-current", current.then_some("true"))],
                        |m| {
                            if current {
                                // One flex item: the label and its mark read as one line.
                                m.el("span", &[], |m| marked(m, &label));
                            } else if i == 0 {
                                link_marked(m, &Route::class(class.code.as_ref()), &label);
                            } else {
                                link_marked(
                                    m,
                                    &Route::class_version(class.code.as_ref(), v.id.as_ref()),
                                    &label,
                                );
                            }
                            if i == 0 {
                                m.text(" ").leaf(
                                    "span",
                                    &[("class", "versions__newest")],
                                    "newest",
                                );
                            }
                        },
                    );
                }
            });
        },
    );
}

/// One step to a comparison: with the next level up the ladder (or the one below, at the top),
/// and between this version and the one before it.
fn compare_links(m: &mut Markup, catalogue: &Catalogue, class: &ClassSpec, version: &ClassVersion) {
    let this = Pick::new(
        class.code.as_ref(),
        class.is_superseded(version).then_some(version.id.as_ref()),
    );
    let mut links: Vec<(Marked, Route)> = Vec::new();
    if let Some(ladder) = catalogue.series_of(class).map(|s| &s.ladder) {
        if let Some(at) = ladder.iter().position(|c| *c == class.code) {
            let neighbour = ladder
                .get(at + 1)
                .map(|c| (c, true))
                .or_else(|| at.checked_sub(1).map(|i| (&ladder[i], false)));
            if let Some((code, up)) =
                neighbour.and_then(|(c, up)| catalogue.class(c).map(|n| (n, up)))
            {
                let (text, picks) = if up {
                    (
                        Marked::new()
                            .text("Compare with the next level, ")
                            .then(code.title_marked()),
                        vec![this.clone(), Pick::new(code.code.as_ref(), None)],
                    )
                } else {
                    (
                        Marked::new()
                            .text("Compare with the level below, ")
                            .then(code.title_marked()),
                        vec![Pick::new(code.code.as_ref(), None), this.clone()],
                    )
                };
                links.push((text, Route::Compare { picks }));
            }
        }
    }
    if let Some(series) = catalogue.series_of(class) {
        links.push((
            Marked::new().text(super::parts::LEVELS_LINK_TEXT),
            crate::levels::route_for(catalogue, series),
        ));
    }
    let at = class
        .versions
        .iter()
        .position(|v| v.id == version.id)
        .unwrap_or(0);
    let (newer, older) = if at + 1 < class.versions.len() {
        (at, at + 1)
    } else {
        (at.saturating_sub(1), at)
    };
    if newer != older {
        let pick = |i: usize| {
            Pick::new(
                class.code.as_ref(),
                (i != 0).then_some(class.versions[i].id.as_ref()),
            )
        };
        links.push((
            Marked::new()
                .text("Compare the ")
                .then(class.versions[older].label_marked())
                .text(" with the ")
                .then(class.versions[newer].label_marked()),
            Route::Compare {
                picks: vec![pick(older), pick(newer)],
            },
        ));
    }
    if links.is_empty() {
        return;
    }
    m.el("ul", &[("class", "compare-links")], |m| {
        for (text, route) in &links {
            m.el("li", &[], |m| link_marked(m, route, text));
        }
    });
}

/// The deciding facts of a version and its source.
fn facts(m: &mut Markup, v: &ClassVersion) {
    m.el(
        "section",
        &[("class", "facts"), ("aria-labelledby", "facts-heading")],
        |m| {
            m.leaf("h2", &[("id", "facts-heading")], "At a glance");
            m.el("dl", &[("class", "facts__list")], |m| {
                let row = |m: &mut Markup, term: &str, wide: bool, value: &dyn Fn(&mut Markup)| {
                    m.el_with(
                        "div",
                        &[],
                        &[("class", wide.then_some("facts__wide"))],
                        |m| {
                            m.leaf("dt", &[], term).el("dd", &[], |m| value(m));
                        },
                    );
                };
                row(m, "Level", false, &|m| fact_text(m, &v.level));
                row(m, "Supervision received", false, &|m| {
                    fact_text(m, &v.supervision);
                });
                row(m, "Leads or supervises others", false, &|m| {
                    fact(m, &v.oversight, |m, o, class| {
                        m.leaf("span", &[("class", class)], o.describe());
                    });
                });
                row(m, "Scope", true, &|m| {
                    fact_text(m, &v.scope);
                    m.text(" ");
                    our_words(m);
                });
                row(m, "Effective", false, &|m| fact_date(m, &v.effective));
                if let Some(adopted) = v.adopted {
                    row(m, "Adopted", false, &|m| date(m, adopted, None));
                }
            });
            m.el("div", &[("class", "facts__source")], |m| {
                m.leaf("span", &[("class", "facts__source-label")], "Source: ");
                m.text(source_in_short(v)).text(" ");
                m.el("details", &[("class", "why why--note")], |m| {
                    m.leaf("summary", &[], "about this copy")
                        .leaf("span", &[], &v.source_note);
                });
                m.text(" ");
                m.leaf(
                    "a",
                    &[
                        ("href", &v.source_url),
                        ("class", "facts__official"),
                        ("rel", "noopener"),
                    ],
                    "Official page",
                );
                m.leaf(
                    "span",
                    &[("class", "print-only")],
                    &format!(" ({})", v.source_url),
                );
            });
        },
    );
}

/// Where a version's text came from, in words a visitor understands (the precise account is
/// the version's source note).
fn source_in_short(v: &ClassVersion) -> &'static str {
    let summarised = v
        .sections
        .iter()
        .any(|s| matches!(s.content, SectionContent::Summary(_)));
    let incomplete = v
        .sections
        .iter()
        .any(|s| s.partial || matches!(s.content, SectionContent::NotInData));
    match (summarised, incomplete) {
        (false, false) => "The official text of the whole page.",
        (false, true) => {
            "The official text of part of the page; what is not published here is marked."
        }
        (true, false) => "Our summary of the official page.",
        (true, true) => {
            "Our summary of part of the official page; what is not published here is marked."
        }
    }
}

/// One section: heading, provenance, content or gap, note, and what the app derives from it.
fn section(m: &mut Markup, s: &Section, source_url: &str, derived: impl FnOnce(&mut Markup)) {
    let provenance = s.content.provenance();
    let heading_id = format!("{}-heading", s.kind.as_str());
    let class = format!("spec-section spec-section--{}", provenance.as_str());
    m.el("section", &[("id", s.kind.as_str()), ("class", &class), ("aria-labelledby", &heading_id)], |m| {
        m.el("header", &[("class", "spec-section__header")], |m| {
            m.leaf("h2", &[("id", &heading_id)], s.kind.heading());
            m.leaf("span", &[("class", &format!("badge badge--{}", provenance.as_str()))], provenance.label());
        });
        match &s.content {
            SectionContent::Official(text) if s.kind == SectionKind::TypicalWork => {
                m.el("ul", &[("class", "duties")], |m| {
                    for duty in paragraphs(text) {
                        m.leaf("li", &[], duty);
                    }
                });
            }
            SectionContent::Official(text) => {
                m.el("div", &[("class", "official")], |m| {
                    for p in paragraphs(text) {
                        m.leaf("p", &[], p);
                    }
                });
            }
            SectionContent::Summary(items) => {
                summary_list(m, items);
            }
            SectionContent::NotInData => {
                m.el("p", &[("class", "gap")], |m| {
                    m.text("Not published here — read this section on ");
                    m.leaf("a", &[("href", source_url), ("class", "gap__link")], "the official page");
                    m.leaf("span", &[("class", "print-only")], &format!(" ({source_url})"));
                    m.text(".");
                });
            }
            SectionContent::NotOnPage => {
                m.leaf("p", &[("class", "gap gap--absent")], "This version of the class specification has no such section.");
            }
        }
        if let Some(items) = &s.alongside {
            m.el("details", &[("class", "in-our-words")], |m| {
                m.leaf("summary", &[], "In our words");
                summary_list(m, items);
            });
        }
        if s.partial {
            m.leaf("p", &[("class", "note")], "Only the start of this section is published here; the rest is on the official page.");
        }
        if let Some(note) = &s.note {
            // The precise account (which copy, what it lacks) is a "why" away.
            m.el("div", &[("class", "note")], |m| {
                m.el("details", &[("class", "why why--note")], |m| {
                    m.leaf("summary", &[], "about this section").leaf("span", &[], note);
                });
            });
        }
        derived(m);
    });
}

/// The structured routes of the desirable qualifications, with the hiring caveat.
fn routes_summary(m: &mut Markup, catalogue: &Catalogue, qualifications: &Qualifications) {
    let Qualifications::Routes(routes) = qualifications else {
        if let Qualifications::NotInData { why } = qualifications {
            m.el("div", &[("class", "routes")], |m| {
                m.leaf("h3", &[], "In short");
                m.el("div", &[], |m| missing_mark(m, why));
            });
        }
        return;
    };
    m.el("div", &[("class", "routes")], |m| {
        m.leaf("h3", &[], "In short: any one of these");
        m.el("ul", &[], |m| {
            for route in routes.iter() {
                m.el("li", &[], |m| {
                    let text = route.marked(catalogue);
                    match &route.requirement {
                        Requirement::YearsInClass { class, .. } if catalogue.class(class).is_some() => {
                            link_marked(m, &Route::class(class.as_ref()), &text);
                        }
                        _ => marked(m, &text),
                    }
                });
            }
        });
        m.leaf(
            "p",
            &[("class", "routes__caveat")],
            "Desirable qualifications are guidance for hiring managers, not an entitlement: meeting them does \
             not guarantee a position, and an employer may weigh other experience.",
        );
    });
}

/// Qualifications missing from `version` that an older version states: what that text asked,
/// plainly as the older text's, never as the current requirement.
fn older_qualifications(
    m: &mut Markup,
    catalogue: &Catalogue,
    class: &ClassSpec,
    version: &ClassVersion,
) {
    if !matches!(version.qualifications, Qualifications::NotInData { .. }) {
        return;
    }
    let Some((older, routes)) = class.older_routes(version) else {
        return;
    };
    m.el("div", &[("class", "routes routes--older")], |m| {
        m.el("p", &[], |m| {
            marked(
                m,
                &Marked::new()
                    .text("Not in the data for the ")
                    .then(version.label_marked())
                    .text("; the ")
                    .then(older.label_marked())
                    .text(" asked any one of these (whether the ")
                    .then(version.label_marked())
                    .text(" changed them is not known): "),
            );
        });
        m.el("ul", &[], |m| {
            for route in routes {
                m.el("li", &[], |m| marked(m, &route.marked(catalogue)));
            }
        });
        m.el("p", &[], |m| {
            link_marked(
                m,
                &Route::class_version(class.code.as_ref(), older.id.as_ref()),
                &Marked::new().text("Read the ").then(older.label_marked()),
            );
        });
    });
}

/// Dated history entries, oldest first.
fn timeline(m: &mut Markup, entries: &[HistoryEntry]) {
    if entries.is_empty() {
        return;
    }
    m.el("div", &[("class", "timeline")], |m| {
        m.leaf("h3", &[], "Dated entries");
        m.el("ol", &[], |m| {
            for entry in entries {
                m.el("li", &[], |m| {
                    if let Some(d) = entry.effective {
                        date(m, d, None);
                        m.text(": ");
                    }
                    match &entry.text {
                        Wording::Official(text) => {
                            m.leaf("q", &[("class", "official")], text);
                        }
                        Wording::Summary(text) => {
                            m.text(text).text(" ");
                            our_words(m);
                        }
                    }
                    basis_mark(m, &entry.basis);
                });
            }
        });
    });
}
