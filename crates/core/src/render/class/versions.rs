//! The class view's versions: where the shown version stands among the others (what is known of
//! a newer version held only in part, or the way back to the version the class opens at), and
//! the switch between them, each named by when it took effect with how much of it the data holds.

use crate::marked::Marked;
use crate::markup::Markup;
use crate::model::{ClassSpec, ClassVersion, SectionContent};
use crate::render::parts::{fact_text, link, link_marked, marked};

/// Where the shown version stands among the others, when that matters to a reader: on the page
/// a class opens at, what is known of a newer version the data holds only in part; on any other
/// version's page, that it is not the one the class opens at, and the way there.
pub(super) fn standing(m: &mut Markup, class: &ClassSpec, version: &ClassVersion) {
    let Some(opening) = class.opening() else {
        return;
    };
    let at = |v: &ClassVersion| class.versions.iter().position(|o| o.id == v.id);
    if opening.id == version.id {
        let Some(newest) = class.newest().filter(|n| n.id != version.id) else {
            return;
        };
        m.el(
            "aside",
            &[("class", "notice newer"), ("aria-labelledby", "newer-heading")],
            |m| {
                m.el("h2", &[("id", "newer-heading"), ("class", "newer__heading")], |m| {
                    marked(
                        m,
                        &Marked::new().text("A newer version: the ").then(newest.label_marked()),
                    );
                });
                m.leaf(
                    "p",
                    &[],
                    &format!(
                        "Below is the official text our copy holds. Of the newer version, our copy holds {}:",
                        Holding::of(newest).words()
                    ),
                );
                known_facts(m, newest);
                m.el("p", &[], |m| {
                    link_marked(
                        m,
                        &class.route_to(newest),
                        &Marked::new()
                            .text("Everything we hold of the ")
                            .then(newest.label_marked()),
                    );
                });
            },
        );
        return;
    }
    m.el("p", &[("class", "notice"), ("role", "note")], |m| {
        if at(version) < at(opening) {
            marked(
                m,
                &Marked::new()
                    .text("The ")
                    .then(version.label_marked())
                    .text(&format!(
                        " is the newest version of this class. Our copy holds {}. The official text we hold is the ",
                        Holding::of(version).words()
                    ))
                    .then(opening.label_marked())
                    .text(": "),
            );
            link(m, &class.route_to(opening), "read the official text");
        } else {
            marked(
                m,
                &Marked::new()
                    .text("This is an older version, the ")
                    .then(version.label_marked())
                    .text(". "),
            );
            link_marked(
                m,
                &class.route_to(opening),
                &Marked::new().text("Read the ").then(opening.label_marked()),
            );
        }
        m.text(".");
    });
}

/// A newer version's level and supervision, as far as the data knows them (its scope and the
/// rest are a link away).
fn known_facts(m: &mut Markup, v: &ClassVersion) {
    m.el("dl", &[("class", "newer__facts")], |m| {
        for (term, value) in [
            ("Level", &v.level),
            ("Supervision received", &v.supervision),
        ] {
            if value.value().is_some() {
                m.el("div", &[], |m| {
                    m.leaf("dt", &[], term)
                        .el("dd", &[], |m| fact_text(m, value, v.source()));
                });
            }
        }
    });
}

/// How much of a version the data holds, in the words the version switch and the notices use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holding {
    Official,
    OfficialInPart,
    Summary,
    SummaryInPart,
}

impl Holding {
    pub(super) fn of(v: &ClassVersion) -> Self {
        let summarised = v
            .sections
            .iter()
            .any(|s| matches!(s.content, SectionContent::Summary(_)));
        let incomplete = v
            .sections
            .iter()
            .any(|s| s.partial || matches!(s.content, SectionContent::NotInData));
        match (summarised, incomplete) {
            (false, false) => Self::Official,
            (false, true) => Self::OfficialInPart,
            (true, false) => Self::Summary,
            (true, true) => Self::SummaryInPart,
        }
    }

    /// "part of it, in our words": what "our copy holds" of a version.
    fn words(self) -> &'static str {
        match self {
            Self::Official => "the official text of the whole page",
            Self::OfficialInPart => "part of the official text",
            Self::Summary => "all of it, in our words",
            Self::SummaryInPart => "only part of it, in our words",
        }
    }

    /// Short, for the version switch.
    fn short(self) -> &'static str {
        match self {
            Self::Official => "official text",
            Self::OfficialInPart => "official text, in part",
            Self::Summary => "in our words",
            Self::SummaryInPart => "in our words, in part",
        }
    }
}

/// Every version, newest first, each with how much of it the data holds; the one shown is
/// marked, not linked.
pub(super) fn version_switch(m: &mut Markup, class: &ClassSpec, shown: &ClassVersion) {
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
                "Versions of this class",
            );
            m.el("ul", &[("class", "versions__list")], |m| {
                for (i, v) in class.versions.iter().enumerate() {
                    let label = v
                        .label_marked()
                        .text(&format!(" · {}", Holding::of(v).short()));
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
                            } else {
                                link_marked(m, &class.route_to(v), &label);
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
