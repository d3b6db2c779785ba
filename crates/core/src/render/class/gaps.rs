//! What the data lacks of a class version, said once: one block at the end of the class page
//! with the sections it does not hold (or holds only the start of) and the facts it does not
//! know, one link to the official page, and for each section what an older version holds.

use crate::marked::Marked;
use crate::markup::Markup;
use crate::model::{
    Catalogue, ClassSpec, ClassVersion, Section, SectionContent, SectionKind, NOT_IN_OUR_COPY,
};
use crate::render::parts::{marked, why_note};

/// The anchor of the block that lists what a version's data lacks.
pub(super) const GAPS_ID: &str = "not-in-our-copy";

/// What the data lacks of a version: sections it does not hold, sections it holds only the
/// start of, facts it does not know. Said once, in one block at the end, with one link to the
/// official page, instead of a gap notice in every section.
pub(super) struct Gaps<'a> {
    sections: Vec<&'a Section>,
    facts: Vec<(&'static str, &'a str)>,
    history_known: bool,
}

impl<'a> Gaps<'a> {
    pub(super) fn of(version: &'a ClassVersion, facts: Vec<(&'static str, &'a str)>) -> Self {
        Self {
            sections: version
                .sections
                .iter()
                .filter(|s| s.partial || s.content == SectionContent::NotInData)
                .collect(),
            facts,
            history_known: !version.history.is_empty(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.sections.is_empty() && self.facts.is_empty()
    }

    /// Whether a section is drawn in the page's flow: all it holds, and a history whose text
    /// is missing but whose dated entries are known; a section held not at all is only listed
    /// in the block.
    pub(super) fn drawn_above(&self, s: &Section) -> bool {
        s.content != SectionContent::NotInData
            || (s.kind == SectionKind::ClassSpecificationHistory && self.history_known)
    }

    pub(super) fn draw(
        &self,
        m: &mut Markup,
        catalogue: &Catalogue,
        class: &ClassSpec,
        version: &ClassVersion,
    ) {
        if self.is_empty() {
            return;
        }
        let source_url = version.source_url.as_ref();
        m.el(
            "section",
            &[
                ("id", GAPS_ID),
                ("class", "gaps"),
                ("aria-labelledby", "gaps-heading"),
            ],
            |m| {
                m.leaf("h2", &[("id", "gaps-heading")], NOT_IN_OUR_COPY);
                m.el("p", &[], |m| {
                    m.text("Our copy of this version lacks what follows. Read it on ");
                    m.leaf(
                        "a",
                        &[("href", source_url), ("class", "gap__link")],
                        "the official page",
                    );
                    m.leaf(
                        "span",
                        &[("class", "print-only")],
                        &format!(" ({source_url})"),
                    );
                    m.text(".");
                });
                m.el("ul", &[("class", "gaps__list")], |m| {
                    for s in &self.sections {
                        // A section not drawn above is found at its anchor here.
                        let id = (!self.drawn_above(s)).then_some(s.kind.as_str());
                        m.el_with("li", &[], &[("id", id)], |m| {
                            m.leaf("strong", &[], s.kind.heading());
                            m.text(gap_extent(s, self.drawn_above(s)));
                            // A partial section's note is beside its text, above.
                            if let Some(note) = s
                                .note
                                .as_ref()
                                .filter(|_| s.content == SectionContent::NotInData)
                            {
                                m.text(" ");
                                why_note(m, "note", "about this section", note);
                            }
                            if s.content == SectionContent::NotInData {
                                older(m, catalogue, class, version, s.kind);
                            }
                        });
                    }
                    for (term, why) in &self.facts {
                        m.el("li", &[], |m| {
                            m.leaf("strong", &[], term);
                            if !why.is_empty() {
                                m.text(" ");
                                why_note(m, "missing", "why", why);
                            }
                        });
                    }
                });
            },
        );
    }
}

/// What of a listed section is missing, after its heading, when part of it is shown above.
fn gap_extent(s: &Section, drawn_above: bool) -> &'static str {
    match (s.partial, drawn_above) {
        (true, _) => ": the rest of it, after what is shown above.",
        (false, true) => ": its text (the dated entries we know are shown above).",
        (false, false) => "",
    }
}

/// What an older version holds of a section this one lacks: its qualifications' routes, or a
/// link to the section in that version; always as the older version's, never as current.
fn older(
    m: &mut Markup,
    catalogue: &Catalogue,
    class: &ClassSpec,
    version: &ClassVersion,
    kind: SectionKind,
) {
    if kind == SectionKind::DesirableQualifications {
        if let Some((older, routes)) = class.older_routes(version) {
            m.el("div", &[("class", "routes routes--older")], |m| {
                m.el("p", &[], |m| {
                    marked(
                        m,
                        &Marked::new()
                            .text("The ")
                            .then(older.label_marked())
                            .text(" asked any one of these; whether the ")
                            .then(version.label_marked())
                            .text(" changed them is not known:"),
                    );
                });
                m.el("ul", &[], |m| {
                    for route in routes {
                        m.el("li", &[], |m| marked(m, &route.marked(catalogue)));
                    }
                });
                m.el("p", &[], |m| {
                    let href = format!("{}#{}", class.route_to(older).href(), kind.as_str());
                    m.el("a", &[("href", &href)], |m| {
                        marked(
                            m,
                            &Marked::new()
                                .text("Read them in the ")
                                .then(older.label_marked()),
                        );
                    });
                });
            });
            return;
        }
    }
    let held = |v: &ClassVersion| {
        v.section(kind).and_then(|s| {
            matches!(
                s.content,
                SectionContent::Official(_) | SectionContent::Summary(_)
            )
            .then_some(())
        })
    };
    if let Some((older, ())) = class.older_statement(version, held) {
        m.el("p", &[("class", "gap--older")], |m| {
            marked(
                m,
                &Marked::new()
                    .text("The ")
                    .then(older.label_marked())
                    .text(" has this section; it may have changed since: "),
            );
            let href = format!("{}#{}", class.route_to(older).href(), kind.as_str());
            m.leaf("a", &[("href", &href)], "read it there");
            m.text(".");
        });
    }
}
