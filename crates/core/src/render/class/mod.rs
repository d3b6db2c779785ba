//! The class view: one class version, its deciding facts, every section with its provenance,
//! and the way to its other versions (`versions`: where the shown version stands, the switch;
//! `gaps`: what the data lacks of a version, said once at the end).

mod gaps;
mod versions;

use super::parts::{
    basis_mark, date, fact, fact_date, fact_text, link, link_marked, marked, our_words,
    source_line, summary_list, why_note,
};
use super::view::{NotFound, Page};
use crate::echo::echo;
use crate::marked::Marked;
use crate::markup::Markup;
use crate::model::{
    paragraphs, Catalogue, ClassSpec, ClassVersion, Fact, HistoryEntry, Qualifications,
    Requirement, Section, SectionContent, SectionKind, Source, Text, Wording,
};
use crate::route::{Pick, Route};
use gaps::{Gaps, GAPS_ID};
use versions::{standing, version_switch, Holding};

/// The class view of `code` at `version` (the version the class opens at when `None`:
/// [`ClassSpec::opening`]), or what was not found, with what the data holds.
pub(super) fn class_page(
    catalogue: &Catalogue,
    code: &str,
    version: Option<&str>,
) -> Result<Page, NotFound> {
    let Some(class) = catalogue.class(code) else {
        return Err(NotFound {
            heading: format!("No class with the code {}", echo(code)),
            message: "The data holds no class with this code. Check the code, or choose one of the classes below.".to_owned(),
        });
    };
    let shown = match version {
        None => class.opening(),
        Some(_) => class.version(version),
    };
    let Some(shown) = shown else {
        let known: Vec<String> = class
            .versions
            .iter()
            .map(|v| v.label_marked().plain())
            .collect();
        return Err(NotFound {
            heading: format!(
                "{} has no version {}",
                class.title_marked().plain(),
                echo(version.unwrap_or_default())
            ),
            message: format!(
                "The data holds these versions of {}: {}. Open the class to switch between them.",
                class.title_marked().plain(),
                known.join(", ")
            ),
        });
    };
    let title = if is_opening(class, shown) {
        class.title_marked().plain()
    } else {
        format!("{} ({})", class.title_marked().plain(), version_name(shown))
    };
    let mut m = Markup::new();
    m.el("article", &[("class", "class-page")], |m| {
        m.rendered(&class_version(catalogue, class, shown));
    });
    Ok(Page {
        title,
        html: m.finish(),
    })
}

/// "July 2025 version, date estimated": a version's name where only text can go (a document
/// title), the estimate said in words without brackets inside the title's own.
fn version_name(v: &ClassVersion) -> String {
    let name = v.label_marked().words();
    if v.effective.is_inferred() {
        format!("{name}, date estimated")
    } else {
        name
    }
}

fn is_opening(class: &ClassSpec, version: &ClassVersion) -> bool {
    class.opening().is_some_and(|o| o.id == version.id)
}

/// Everything the class view shows of one version: what is known first (the facts, the
/// sections the data holds), then one block for what it lacks.
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
                version.source(),
                |m, code, class| {
                    m.leaf("strong", &[("class", class)], code);
                },
            );
            m.text(" · Category: ");
            fact_text(m, &version.category, version.source());
        });
    });
    version_switch(&mut m, class, version);
    standing(&mut m, class, version);
    compare_links(&mut m, catalogue, class, version);
    let missing_facts = facts(&mut m, class, version);
    let gaps = Gaps::of(version, missing_facts);
    m.el(
        "nav",
        &[
            ("class", "toc"),
            ("aria-label", "Sections of this class specification"),
        ],
        |m| {
            m.el("ul", &[], |m| {
                for s in version.sections.iter().filter(|s| gaps.drawn_above(s)) {
                    m.el("li", &[], |m| {
                        m.leaf(
                            "a",
                            &[("href", &format!("#{}", s.kind.as_str()))],
                            s.kind.heading(),
                        );
                    });
                }
                if !gaps.is_empty() {
                    m.el("li", &[], |m| {
                        m.leaf("a", &[("href", &format!("#{GAPS_ID}"))], "What is missing");
                    });
                }
            });
        },
    );
    for s in version.sections.iter().filter(|s| gaps.drawn_above(s)) {
        section(&mut m, s, |m| match s.kind {
            SectionKind::DesirableQualifications => {
                routes_summary(m, catalogue, &version.qualifications);
            }
            SectionKind::ClassSpecificationHistory
                if !matches!(s.content, SectionContent::Official(_)) =>
            {
                timeline(m, &version.history);
            }
            _ => {}
        });
    }
    gaps.draw(&mut m, catalogue, class, version);
    m.finish()
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

/// The deciding facts of a version the data knows, where they were read, where another version
/// says otherwise, and its source. Returns the facts it does not know (their names and why), for
/// the one block that lists what is missing.
fn facts<'a>(
    m: &mut Markup,
    class: &ClassSpec,
    v: &'a ClassVersion,
) -> Vec<(&'static str, &'a str)> {
    let mut missing = Vec::new();
    m.el(
        "section",
        &[("class", "facts"), ("aria-labelledby", "facts-heading")],
        |m| {
            m.leaf("h2", &[("id", "facts-heading")], "At a glance");
            source_line(m, v);
            m.el("dl", &[("class", "facts__list")], |m| {
                let mut row = |m: &mut Markup,
                               term: &'static str,
                               gap: Option<&'a str>,
                               wide: bool,
                               value: &dyn Fn(&mut Markup)| {
                    if let Some(why) = gap {
                        missing.push((term, why));
                        return;
                    }
                    m.el_with(
                        "div",
                        &[],
                        &[("class", wide.then_some("facts__wide"))],
                        |m| {
                            m.leaf("dt", &[], term).el("dd", &[], |m| value(m));
                        },
                    );
                };
                row(m, "Level", why_missing(&v.level), false, &|m| {
                    fact_text(m, &v.level, v.source());
                });
                row(
                    m,
                    "Supervision received",
                    why_missing(&v.supervision),
                    false,
                    &|m| {
                        fact_text(m, &v.supervision, v.source());
                        differs(m, class, v, |o| &o.supervision);
                    },
                );
                row(
                    m,
                    "Leads or supervises others",
                    why_missing(&v.oversight),
                    false,
                    &|m| {
                        fact(m, &v.oversight, v.source(), |m, o, class| {
                            m.leaf("span", &[("class", class)], o.describe());
                        });
                    },
                );
                row(m, "Scope", why_missing(&v.scope), true, &|m| {
                    fact_text(m, &v.scope, Source::OurWords);
                    m.text(" ");
                    our_words(m);
                });
                row(m, "Effective", why_missing(&v.effective), false, &|m| {
                    fact_date(m, &v.effective, v.source());
                });
                if let Some(adopted) = v.adopted {
                    row(m, "Adopted", None, false, &|m| date(m, adopted, None));
                }
            });
            m.el("div", &[("class", "facts__source")], |m| {
                m.leaf("span", &[("class", "facts__source-label")], "Source: ");
                m.text(source_in_short(v)).text(" ");
                why_note(m, "note", "about this copy", &v.source_note);
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
    missing
}

/// Why a fact is missing, if it is.
/// What other versions of the class state otherwise for a fact this version states (issue 22:
/// CSS 1's 2025 summary reads "direct or close supervision", its official 2019 text "close to
/// general supervision"), each with where it was read, so a reader sees the versions differ.
fn differs(
    m: &mut Markup,
    class: &ClassSpec,
    v: &ClassVersion,
    get: impl Fn(&ClassVersion) -> &Fact<Text>,
) {
    let Some(here) = get(v).value() else {
        return;
    };
    for other in class.versions.iter().filter(|o| o.id != v.id) {
        if get(other).value().is_some_and(|said| said != here) {
            m.el("span", &[("class", "facts__differs")], |m| {
                marked(
                    m,
                    &Marked::new()
                        .text(" Versions differ: the ")
                        .then(other.label_marked())
                        .text(" says “"),
                );
                fact_text(m, get(other), other.source());
                m.text("”");
                let source = other.source().label();
                m.text(" (").text(&source.to_ascii_lowercase()).text(").");
            });
        }
    }
}

fn why_missing<T>(f: &Fact<T>) -> Option<&str> {
    match f {
        Fact::Missing { why } => Some(why),
        _ => None,
    }
}

/// Where a version's text came from, in words a visitor understands (the precise account is
/// the version's source note).
fn source_in_short(v: &ClassVersion) -> &'static str {
    match Holding::of(v) {
        Holding::Official => "The official text of the whole page.",
        Holding::OfficialInPart => {
            "The official text of part of the page; what our copy lacks is listed at the end."
        }
        Holding::Summary => "Our summary of the official page.",
        Holding::SummaryInPart => {
            "Our summary of part of the official page; what our copy lacks is listed at the end."
        }
    }
}

/// One section the data holds: heading, provenance, content, note, and what the app derives
/// from it.
fn section(m: &mut Markup, s: &Section, derived: impl FnOnce(&mut Markup)) {
    let provenance = s.content.provenance();
    let heading_id = format!("{}-heading", s.kind.as_str());
    let class = format!("spec-section spec-section--{}", provenance.as_str());
    m.el("section", &[("id", s.kind.as_str()), ("class", &class), ("aria-labelledby", &heading_id)], |m| {
        m.el("header", &[("class", "spec-section__header")], |m| {
            m.leaf("h2", &[("id", &heading_id)], s.kind.heading());
            // A history whose text is missing shows only its dated entries, each marked.
            if s.content != SectionContent::NotInData {
                m.leaf("span", &[("class", &format!("badge badge--{}", provenance.as_str()))], provenance.label());
            }
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
            SectionContent::NotInData => {}
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
            m.leaf("p", &[("class", "note")], "Our copy breaks off in this section; the rest is on the official page (see the end of this page).");
        }
        if let Some(note) = s.note.as_ref().filter(|_| s.content != SectionContent::NotInData) {
            // The precise account (which copy, what it lacks) is a "why" away.
            m.el("div", &[("class", "note")], |m| {
                why_note(m, "note", "about this section", note);
            });
        }
        derived(m);
    });
}

/// The structured routes of the desirable qualifications, with the hiring caveat.
fn routes_summary(m: &mut Markup, catalogue: &Catalogue, qualifications: &Qualifications) {
    let Qualifications::Routes(routes) = qualifications else {
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
