//! The comparison itself: one line per step, then a table whose rows are the deciding factors
//! and the sections, whose columns are the chosen versions, with what changes from each column
//! to the next marked, and the official pages it was read from.

use crate::compare::diff::{diff_words, is_unchanged, kept_share, Change};
use crate::compare::duties::match_duties;
use crate::compare::{
    comparable, revision_changes, route_changes, step_summary, Column, Comparable, Factor,
    RevisionChange, RouteChanges,
};
use crate::markup::Markup;
use crate::model::{paragraphs, Catalogue, Provenance, Section, SectionContent, SectionKind};
use crate::render::parts::{
    column_head, fact, fact_marked, link_marked, marked, older_section, source_line, summary_list,
};
use crate::route::Route;

/// Below this share of carried-over words a section counts as rewritten, not edited.
const REWRITTEN_BELOW: f32 = 0.25;

/// Steps, legend, table and sources for two to four columns.
pub fn compare(catalogue: &Catalogue, columns: &[Column<'_>]) -> String {
    let mut m = Markup::new();
    steps(&mut m, catalogue, columns);
    m.el("table", &[("class", "compare")], |m| {
        m.leaf("caption", &[], "Side by side, section by section");
        table_head(m, columns);
        m.el("tbody", &[], |m| {
            factor_rows(m, catalogue, columns);
            section_rows(m, catalogue, columns);
        });
    });
    sources(&mut m, columns);
    m.finish()
}

/// The step line of each neighbouring pair with a revision's big changes under it, and the
/// legend of the marks.
fn steps(m: &mut Markup, catalogue: &Catalogue, columns: &[Column<'_>]) {
    m.el(
        "section",
        &[
            ("class", "compare__steps"),
            ("aria-labelledby", "steps-heading"),
        ],
        |m| {
            m.leaf(
                "h2",
                &[("id", "steps-heading")],
                "What changes, step by step",
            );
            m.el("ul", &[], |m| {
                for pair in columns.windows(2) {
                    m.el("li", &[], |m| {
                        marked(m, &step_summary(pair[0], pair[1]));
                        revision(m, catalogue, pair[0], pair[1]);
                    });
                }
            });
            m.el("p", &[("class", "compare__legend")], |m| {
                m.text("In each column, what differs from the column before it is marked: ");
                m.leaf("ins", &[], "added words");
                m.text(", ");
                m.leaf("del", &[], "removed words");
                m.text(", and duties that are new or no longer listed. Official text is compared only with official text: where a column has official text and the column before only our summary, our summaries of both are compared, apart from the official text and labelled “Summary in our words”.");
            });
        },
    );
}

/// The column headers: each class's title, code and version.
fn table_head(m: &mut Markup, columns: &[Column<'_>]) {
    m.el("thead", &[], |m| {
        m.el("tr", &[], |m| {
            m.el(
                "th",
                &[("scope", "col"), ("class", "compare__corner")],
                |m| {
                    m.leaf("span", &[("class", "visually-hidden")], "Compared");
                },
            );
            for c in columns {
                m.el("th", &[("scope", "col")], |m| {
                    let version =
                        Route::class_version(c.class.code.as_ref(), c.version.id.as_ref());
                    column_head(m, &version, c.class, c.version);
                });
            }
        });
    });
}

/// One row per deciding factor, a change marked only between two known values.
fn factor_rows(m: &mut Markup, catalogue: &Catalogue, columns: &[Column<'_>]) {
    group(m, "Deciding factors", columns.len());
    for factor in Factor::ALL {
        m.el("tr", &[], |m| {
            m.leaf("th", &[("scope", "row")], factor.label());
            let mut previous: Option<crate::model::Fact<String>> = None;
            for c in columns {
                let value = factor.of(catalogue, c.version);
                // A change only between two known values: next to a gap, the data cannot say.
                let changed = previous
                    .as_ref()
                    .and_then(|p| p.value().zip(value.value()))
                    .is_some_and(|(a, b)| a != b);
                let shown = factor.shown(catalogue, c.version);
                m.el_with(
                    "td",
                    &[("data-label", &c.class.title_marked().plain())],
                    &[("class", changed.then_some("changed"))],
                    |m| {
                        fact_marked(m, &shown, factor.source(c.version));
                        if changed {
                            m.leaf("span", &[("class", "changed__mark")], " (changed)");
                        }
                        if value.value().is_none() {
                            older_factor(m, catalogue, c, factor);
                        }
                    },
                );
                previous = Some(value);
            }
        });
    }
}

/// One row per section, each cell marked against the column before.
fn section_rows(m: &mut Markup, catalogue: &Catalogue, columns: &[Column<'_>]) {
    group(m, "Sections", columns.len());
    for kind in SectionKind::ALL {
        m.el("tr", &[], |m| {
            m.leaf("th", &[("scope", "row")], kind.heading());
            for (i, c) in columns.iter().enumerate() {
                let Some(section) = c.version.section(kind) else {
                    continue;
                };
                let before = i.checked_sub(1).map(|p| columns[p]);
                m.el(
                    "td",
                    &[("data-label", &c.class.title_marked().plain())],
                    |m| {
                        section_cell(m, catalogue, kind, *c, before);
                        if section.content == SectionContent::NotInData {
                            older_section(m, c.class, c.version, kind);
                        }
                    },
                );
            }
        });
    }
}

/// Where each column's text comes from, with its effective date.
fn sources(m: &mut Markup, columns: &[Column<'_>]) {
    m.el(
        "section",
        &[
            ("class", "compare__sources"),
            ("aria-labelledby", "sources-heading"),
        ],
        |m| {
            m.leaf("h2", &[("id", "sources-heading")], "Sources");
            m.el("ul", &[], |m| {
                for c in columns {
                    m.el("li", &[], |m| {
                        marked(
                            m,
                            &c.class
                                .name_marked()
                                .text(", ")
                                .then(c.version.label_marked())
                                .text(", effective "),
                        );
                        fact(
                            m,
                            &c.version.effective,
                            c.version.source(),
                            |m, d, class| {
                                m.leaf("span", &[("class", class)], &d.to_string());
                            },
                        );
                        m.text(": ");
                        m.leaf(
                            "a",
                            &[("href", &c.version.source_url)],
                            &c.version.source_url,
                        );
                        // Where its facts were read, visible on a phone too (the column
                        // headers are hidden there).
                        source_line(m, c.version);
                    });
                }
            });
        },
    );
}

/// A factor missing from a column's version that an older version of the class states: what
/// that version said, as its own, never as current.
fn older_factor(m: &mut Markup, catalogue: &Catalogue, c: &Column<'_>, factor: Factor) {
    let Some((older, said)) = c.class.older_statement(c.version, |v| {
        let said = factor.shown(catalogue, v);
        said.value().is_some().then_some(said)
    }) else {
        return;
    };
    m.el("span", &[("class", "gap gap--older")], |m| {
        m.text(" The ");
        link_marked(
            m,
            &Route::class_version(c.class.code.as_ref(), older.id.as_ref()),
            &older.label_marked(),
        );
        m.text(" said: ");
        fact_marked(m, &said, factor.source(older));
    });
}

fn group(m: &mut Markup, title: &str, columns: usize) {
    m.el("tr", &[("class", "compare__group")], |m| {
        m.leaf(
            "th",
            &[
                ("scope", "colgroup"),
                ("colspan", &(columns + 1).to_string()),
            ],
            title,
        );
    });
}

/// The big changes of a revision that its step line does not name, as a list under it.
fn revision(m: &mut Markup, catalogue: &Catalogue, from: Column<'_>, to: Column<'_>) {
    let changes = revision_changes(catalogue, from, to);
    if changes.is_empty() {
        return;
    }
    let text = |m: &mut Markup, f: &crate::model::Fact<String>| {
        fact(m, f, crate::model::Source::OurWords, |m, text, class| {
            m.leaf("span", &[("class", class)], text);
        });
    };
    m.el("ul", &[("class", "compare__revision")], |m| {
        for change in &changes {
            m.el("li", &[], |m| match change {
                RevisionChange::Scope { before, after } => {
                    m.leaf("strong", &[], "Scope")
                        .text(" (in our words), from ");
                    text(m, before);
                    m.text(" to ");
                    text(m, after);
                }
                RevisionChange::Qualifications { .. } => {
                    // Each estimated code marked on itself, not the routes around it.
                    m.leaf("strong", &[], "Desirable qualifications")
                        .text(", from ");
                    let f = Factor::Qualifications;
                    fact_marked(m, &f.shown(catalogue, from.version), f.source(from.version));
                    m.text(" to ");
                    fact_marked(m, &f.shown(catalogue, to.version), f.source(to.version));
                }
                RevisionChange::NoLongerNames(class) => {
                    m.leaf("strong", &[], "No longer mentions ");
                    link_marked(m, &Route::class(class.code.as_ref()), &class.name_marked());
                }
                RevisionChange::NowNames(class) => {
                    m.leaf("strong", &[], "Now mentions ");
                    link_marked(m, &Route::class(class.code.as_ref()), &class.name_marked());
                }
            });
        }
    });
}

/// A provenance badge: what the text under it is.
fn badge(m: &mut Markup, provenance: Provenance) {
    m.leaf(
        "span",
        &[("class", &format!("badge badge--{}", provenance.as_str()))],
        provenance.label(),
    );
}

/// One section in one column. Under its badge, what the section holds; then, apart and labelled
/// as such, how it differs from the column before: official text marked against official text,
/// or our summaries against each other (never under the "Official text" badge), or, for the
/// desirable qualifications, the structured routes of both.
fn section_cell(
    m: &mut Markup,
    catalogue: &Catalogue,
    kind: SectionKind,
    c: Column<'_>,
    before: Option<Column<'_>>,
) {
    let Some(s) = c.version.section(kind) else {
        return;
    };
    let source_url = c.version.source_url.as_ref();
    let before_section = before.and_then(|b| b.version.section(kind));
    badge(m, s.content.provenance());
    match before_section.map_or(Comparable::Not, |b| comparable(b, s)) {
        Comparable::Official(old, new) => {
            compared(m, s, before_section, (&old, &new, false), source_url);
        }
        Comparable::OurWords(old, new) => {
            if matches!(s.content, SectionContent::Official(_)) {
                // The official text as it is, then our words compared, kept apart. On paper
                // the official text is printed once: this summary beside it is left to the
                // screen (the stylesheet hides `compare__ours--beside-official` in print).
                plain(m, s, source_url);
                m.el(
                    "div",
                    &[("class", "compare__ours compare__ours--beside-official")],
                    |m| {
                        m.el("p", &[("class", "compare__ours-label")], |m| {
                            badge(m, Provenance::Summary);
                            m.text(
                            " Our summaries of this section and of the column before, compared:",
                        );
                        });
                        compared(m, s, before_section, (&old, &new, true), source_url);
                    },
                );
            } else {
                m.leaf(
                    "p",
                    &[("class", "compare__note")],
                    "Compared with our summary of the column before.",
                );
                compared(m, s, before_section, (&old, &new, true), source_url);
            }
        }
        Comparable::Not => {
            plain(m, s, source_url);
            let routes = before
                .filter(|_| kind == SectionKind::DesirableQualifications)
                .and_then(|b| route_changes(b.version, c.version));
            if let Some(routes) = routes {
                routes_compared(m, catalogue, &routes);
            } else if before_section.is_some()
                && !matches!(
                    s.content,
                    SectionContent::NotInData | SectionContent::NotOnPage
                )
            {
                m.leaf("p", &[("class", "compare__note compare__note--not-compared")], "Not compared with the column before: one of the two is not in our copy, or one is official text and the other only our summary.");
            }
        }
    }
}

/// The qualification routes of a column against the column before's, whatever the register
/// of the text they were read from.
fn routes_compared(m: &mut Markup, catalogue: &Catalogue, routes: &RouteChanges<'_>) {
    m.el("div", &[("class", "compare__ours")], |m| {
        m.el("p", &[("class", "compare__ours-label")], |m| {
            badge(m, Provenance::Summary);
            m.text(if routes.is_unchanged() {
                " The same ways to qualify as the column before:"
            } else {
                " Ways to qualify, compared with the column before:"
            });
        });
        m.el("ul", &[("class", "duties duties--compared")], |m| {
            for (route, kept) in &routes.routes {
                let class = if *kept {
                    "duty duty--kept"
                } else {
                    "duty duty--added"
                };
                m.el("li", &[("class", class)], |m| {
                    if !kept {
                        m.leaf("strong", &[("class", "duty__mark")], "New: ");
                    }
                    marked(m, &route.marked(catalogue));
                });
            }
        });
        if !routes.dropped.is_empty() {
            m.leaf(
                "p",
                &[("class", "duties__dropped-title")],
                "No longer a way to qualify:",
            );
            m.el("ul", &[("class", "duties duties--dropped")], |m| {
                for route in &routes.dropped {
                    m.el("li", &[], |m| {
                        m.el("del", &[], |m| marked(m, &route.marked(catalogue)));
                    });
                }
            });
        }
    });
}

/// Whether a section holds only the opening of its text in the data (the copy breaks off).
fn cut_off(section: Option<&Section>) -> bool {
    section.is_some_and(|s| s.partial)
}

/// `new` (this column's paragraphs or points) marked against `old` (the column before's).
fn compared(
    m: &mut Markup,
    s: &Section,
    before: Option<&Section>,
    (old, new, ours): (&[&str], &[&str], bool),
    source_url: &str,
) {
    if s.kind == SectionKind::TypicalWork {
        duties_compared(m, old, new, cut_off(before), s.partial);
        return;
    }
    let changes = diff_words(&old.join(" "), &new.join(" "));
    if kept_share(&changes) < REWRITTEN_BELOW {
        m.leaf(
            "p",
            &[("class", "compare__note")],
            "Rewritten: little of the wording carries over from the column before.",
        );
        match (s.our_words(), &s.content) {
            // Our words compared beside official text (already shown): our words, apart.
            (Some(items), SectionContent::Official(_)) if ours => summary_list(m, items),
            _ => plain(m, s, source_url),
        }
        return;
    }
    if is_unchanged(&changes) {
        m.leaf(
            "p",
            &[("class", "compare__same")],
            "Same as the column before:",
        );
    }
    word_diff(m, &changes);
}

/// Duties matched one to one: new ones marked, and those of the column before that are gone.
/// A list cut off in the data proves nothing by what it lacks: against a cut-off list before,
/// no duty is called new; in a cut-off list, no duty of the column before is called gone, and
/// the view says which cannot be compared.
fn duties_compared(m: &mut Markup, old: &[&str], new: &[&str], old_cut: bool, new_cut: bool) {
    let matched = match_duties(old, new);
    if old_cut {
        m.leaf("p", &[("class", "compare__note compare__note--partial")], "The column before holds only the first duties of its list (the rest is not in our copy), so which of these duties are new cannot be told.");
    }
    m.el("ul", &[("class", "duties duties--compared")], |m| {
        for (j, duty) in new.iter().enumerate() {
            let added = !old_cut && matched.added.contains(&j);
            let class = if added {
                "duty duty--added"
            } else {
                "duty duty--kept"
            };
            m.el("li", &[("class", class)], |m| {
                if added {
                    m.leaf("strong", &[("class", "duty__mark")], "New: ");
                }
                m.text(duty);
            });
        }
    });
    if matched.dropped.is_empty() {
        return;
    }
    if new_cut {
        m.leaf("p", &[("class", "duties__dropped-title compare__note--partial")], "This list holds only its first duties (the rest is not in our copy), so whether it still has these duties of the column before cannot be told:");
        m.el("ul", &[("class", "duties duties--unknown")], |m| {
            for &i in &matched.dropped {
                m.leaf("li", &[], old[i]);
            }
        });
    } else {
        m.leaf(
            "p",
            &[("class", "duties__dropped-title")],
            "No longer listed:",
        );
        m.el("ul", &[("class", "duties duties--dropped")], |m| {
            for &i in &matched.dropped {
                m.el("li", &[], |m| {
                    m.leaf("del", &[], old[i]);
                });
            }
        });
    }
}

/// Words added and removed, each announced to screen readers.
fn word_diff(m: &mut Markup, changes: &[Change]) {
    m.el("p", &[("class", "diff")], |m| {
        for change in changes {
            match change {
                Change::Same(words) => {
                    m.text(words).text(" ");
                }
                Change::Added(words) => {
                    m.el("ins", &[], |m| {
                        m.leaf("span", &[("class", "visually-hidden")], "added: ")
                            .text(words);
                    });
                    m.text(" ");
                }
                Change::Removed(words) => {
                    m.el("del", &[], |m| {
                        m.leaf("span", &[("class", "visually-hidden")], "removed: ")
                            .text(words);
                    });
                    m.text(" ");
                }
            }
        }
    });
}

/// A section shown as it is, without comparison.
fn plain(m: &mut Markup, s: &Section, source_url: &str) {
    match &s.content {
        SectionContent::Official(text) => {
            let tag = if s.kind == SectionKind::TypicalWork {
                "ul"
            } else {
                "div"
            };
            let item = if s.kind == SectionKind::TypicalWork {
                "li"
            } else {
                "p"
            };
            m.el(tag, &[("class", "official")], |m| {
                for p in paragraphs(text) {
                    m.leaf(item, &[], p);
                }
            });
        }
        SectionContent::Summary(items) => {
            summary_list(m, items);
        }
        SectionContent::NotInData => {
            m.el("p", &[("class", "gap")], |m| {
                m.text("Not in our copy — see ");
                m.leaf("a", &[("href", source_url)], "the official page");
            });
        }
        SectionContent::NotOnPage => {
            m.leaf(
                "p",
                &[("class", "gap gap--absent")],
                "No such section in this version.",
            );
        }
    }
}
