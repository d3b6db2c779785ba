//! The checks of a class-version file's parts: facts, sections, qualification routes,
//! history.

use class_spec_core::{
    paragraphs, Basis, Date, Education, Fact, HistoryEntry, QualificationRoute, Qualifications,
    Requirement, Section, SectionContent, SectionKind, Text, Wording,
};
use toml::Spanned;

use super::ids;
use crate::error::{DataError, Source};
use crate::schema::{FactToml, HistoryToml, QualificationsToml, RouteToml, SectionToml};

pub(super) struct Checker<'a> {
    pub(super) source: Source<'a>,
    pub(super) errors: Vec<DataError>,
    pub(super) warnings: Vec<DataError>,
}

impl Checker<'_> {
    pub(super) fn error<T>(&mut self, at: &Spanned<T>, message: impl Into<String>) {
        self.errors.push(self.source.error_at(at.span(), message));
    }

    pub(super) fn date(&mut self, text: &Spanned<String>) -> Option<Date> {
        match Date::parse_iso(text.get_ref()) {
            Ok(date) => Some(date),
            Err(e) => {
                self.error(text, format!("`{}` is not a date: {e}", text.get_ref()));
                None
            }
        }
    }

    pub(super) fn fact<T>(
        &mut self,
        fact: &Spanned<FactToml>,
        name: &str,
        read: impl Fn(&str) -> Result<T, String>,
    ) -> Fact<T> {
        let f = fact.get_ref();
        let gap = || Fact::Missing {
            why: Text::Borrowed(""),
        };
        let given = [&f.stated, &f.inferred, &f.proposed, &f.missing];
        if given.iter().filter(|v| v.is_some()).count() != 1 {
            self.error(
                fact,
                format!("`{name}` needs exactly one of stated, inferred, proposed or missing"),
            );
            return gap();
        }
        if let Some(why) = &f.missing {
            if f.why.is_some() {
                self.error(
                    fact,
                    format!("`{name}`: `missing` already says why; drop `why`"),
                );
            }
            return Fact::Missing {
                why: why.clone().into(),
            };
        }
        // `None` for a stated fact, the reason for an inferred or proposed one.
        let (text, why) = if let Some(text) = &f.stated {
            if f.why.is_some() {
                self.error(fact, format!("`{name}`: a stated fact takes no `why`"));
            }
            (text, None)
        } else if let Some(why) = f.why.clone() {
            if let Some(text) = &f.proposed {
                self.warnings.push(self.source.error_at(
                    fact.span(),
                    format!(
                        "`{name}` was proposed by the importer and awaits a person's confirmation"
                    ),
                ));
                (
                    text,
                    Some(format!(
                        "Proposed by the importer, not yet confirmed: {why}"
                    )),
                )
            } else {
                (
                    f.inferred.as_ref().expect("one of the four is present"),
                    Some(why),
                )
            }
        } else {
            self.error(
                fact,
                format!("`{name}`: an inferred or proposed fact must say `why`"),
            );
            return gap();
        };
        match (read(text), why) {
            (Ok(value), None) => Fact::Stated(value),
            (Ok(value), Some(why)) => Fact::Inferred {
                value,
                why: why.into(),
            },
            (Err(message), _) => {
                self.error(fact, format!("`{name}`: {message}"));
                gap()
            }
        }
    }

    pub(super) fn sections(&mut self, sections: &[SectionToml]) -> class_spec_core::List<Section> {
        let mut seen: std::collections::BTreeSet<SectionKind> = std::collections::BTreeSet::new();
        let mut out = Vec::new();
        for section in sections {
            let Some(kind) = SectionKind::from_id(section.kind.get_ref()) else {
                self.error(
                    &section.kind,
                    format!(
                        "unknown section `{}`; the sections are: {}",
                        section.kind.get_ref(),
                        ids(SectionKind::ALL.map(SectionKind::as_str))
                    ),
                );
                continue;
            };
            if !seen.insert(kind) {
                self.error(
                    &section.kind,
                    format!("section `{}` appears twice", kind.as_str()),
                );
                continue;
            }
            let given = usize::from(section.official.is_some())
                + usize::from(section.summary.is_some() && section.official.is_none())
                + usize::from(section.gap.is_some());
            if given != 1 {
                self.error(
                    &section.kind,
                    "a section needs exactly one of official (optionally with a summary beside it), summary or gap",
                );
                continue;
            }
            if let Some(items) = &section.summary {
                if items.is_empty() || items.iter().any(|i| i.trim().is_empty()) {
                    self.error(
                        &section.kind,
                        "a summary needs at least one item, and no empty item",
                    );
                }
            }
            let summary = || -> class_spec_core::List<Text> {
                section
                    .summary
                    .iter()
                    .flatten()
                    .map(|i| Text::from(i.clone()))
                    .collect()
            };
            let (content, alongside) = if let Some(text) = &section.official {
                if text.trim().is_empty() {
                    self.error(
                        &section.kind,
                        "official text is empty; use gap = \"not-in-data\"",
                    );
                }
                (
                    SectionContent::Official(text.clone().into()),
                    section.summary.as_ref().map(|_| summary()),
                )
            } else if section.summary.is_some() {
                (SectionContent::Summary(summary()), None)
            } else {
                let gap = section.gap.as_ref().expect("counted above");
                match gap.get_ref().as_str() {
                    "not-in-data" => (SectionContent::NotInData, None),
                    "not-on-page" => (SectionContent::NotOnPage, None),
                    other => {
                        self.error(
                            gap,
                            format!("unknown gap `{other}`; use not-in-data or not-on-page"),
                        );
                        continue;
                    }
                }
            };
            let partial = section.partial.as_ref().is_some_and(|p| *p.get_ref());
            if let (true, Some(p)) = (section.gap.is_some(), &section.partial) {
                self.error(
                    p,
                    "a gap holds nothing, so it cannot be partial; say what is missing in its note",
                );
            }
            out.push(Section {
                kind,
                content,
                alongside,
                note: section.note.clone().map(Text::from),
                partial,
            });
        }
        for kind in SectionKind::ALL {
            if !seen.contains(&kind) {
                self.errors.push(self.source.error(format!(
                    "section `{}` is missing: give it, or say gap = \"not-in-data\" (not captured) or \"not-on-page\" (the page has none)",
                    kind.as_str()
                )));
            }
        }
        out.sort_by_key(|s| s.kind);
        out.into()
    }

    pub(super) fn qualifications(
        &mut self,
        q: &QualificationsToml,
    ) -> (Qualifications, Vec<(String, std::ops::Range<usize>)>) {
        let mut classes = Vec::new();
        let result = match (&q.routes, &q.missing) {
            (Some(routes), None) if !routes.is_empty() => Qualifications::Routes(
                routes
                    .iter()
                    .filter_map(|route| {
                        let r = self.route(route)?;
                        if let Requirement::YearsInClass { class, .. } = &r.requirement {
                            classes.push((class.to_string(), route.span()));
                        }
                        Some(r)
                    })
                    .collect(),
            ),
            (None, Some(why)) => Qualifications::NotInData {
                why: why.clone().into(),
            },
            _ => {
                self.errors.push(self.source.error(
                    "[qualifications] needs either a non-empty `routes` list or `missing` (why they are not in the data)",
                ));
                Qualifications::NotInData {
                    why: Text::Borrowed(""),
                }
            }
        };
        (result, classes)
    }

    pub(super) fn route(&mut self, route: &Spanned<RouteToml>) -> Option<QualificationRoute> {
        let r = route.get_ref();
        if let Some(why) = &r.unread {
            let alone = r.education.is_none()
                && r.class.is_none()
                && r.equivalent.is_none()
                && r.years.is_none()
                && r.inferred.is_none()
                && r.proposed.is_none();
            if !alone {
                self.error(route, "an `unread` route has no other key");
                return None;
            }
            self.warnings.push(self.source.error_at(
                route.span(),
                format!("a route of the page is not read into the data ({why}): add it by hand"),
            ));
            return Some(QualificationRoute {
                requirement: Requirement::Unread {
                    why: why.clone().into(),
                },
                basis: Basis::Stated,
            });
        }
        let requirement = match (&r.education, &r.class, &r.equivalent) {
            (Some(education), None, None) => {
                let Some(education) = Education::from_id(education) else {
                    self.error(
                        route,
                        format!(
                            "unknown education `{education}`; use one of: {}",
                            ids(Education::ALL.map(Education::as_str))
                        ),
                    );
                    return None;
                };
                let Some(years) = r.years else {
                    self.error(
                        route,
                        "an education route needs `years` of experience (0 if none)",
                    );
                    return None;
                };
                Requirement::EducationAndExperience {
                    education,
                    years,
                    progressive: r.progressive,
                }
            }
            (None, Some(class), None) => {
                let Some(years) = r.years.filter(|y| *y > 0) else {
                    self.error(
                        route,
                        "a route through another class needs `years` (at least 1)",
                    );
                    return None;
                };
                Requirement::YearsInClass {
                    class: class.clone().into(),
                    years,
                }
            }
            (None, None, Some(of)) if r.years.is_none() => Requirement::Equivalent {
                of: of.clone().into(),
            },
            _ => {
                self.error(
                    route,
                    "a route is one of { education, years }, { class, years }, { equivalent } or { unread }",
                );
                return None;
            }
        };
        let basis = match (&r.inferred, &r.proposed) {
            (None, None) => Basis::Stated,
            (Some(why), None) => Basis::Inferred {
                why: why.clone().into(),
            },
            (None, Some(why)) => {
                self.warnings.push(self.source.error_at(
                    route.span(),
                    "this route was proposed by the importer and awaits a person's confirmation",
                ));
                Basis::Inferred {
                    why: format!("Proposed by the importer, not yet confirmed: {why}").into(),
                }
            }
            (Some(_), Some(_)) => {
                self.error(route, "a route is either inferred or proposed, not both");
                return None;
            }
        };
        Some(QualificationRoute { requirement, basis })
    }

    pub(super) fn history_entries(
        &mut self,
        entries: &[HistoryToml],
        sections: &[Section],
    ) -> class_spec_core::List<HistoryEntry> {
        let official = sections
            .iter()
            .find(|s| s.kind == SectionKind::ClassSpecificationHistory)
            .and_then(|s| match &s.content {
                SectionContent::Official(text) => Some(text.clone()),
                _ => None,
            });
        entries
            .iter()
            .filter_map(|h| self.history(h, official.as_deref()))
            .collect()
    }

    /// A history entry: a line of the page's official history exactly as printed, or our words.
    fn history(&mut self, h: &HistoryToml, official_section: Option<&str>) -> Option<HistoryEntry> {
        let effective = h.effective.as_ref().and_then(|d| self.date(d));
        let adopted = h.adopted.as_ref().and_then(|d| self.date(d));
        let text = match (&h.official, &h.summary) {
            (Some(line), None) => {
                if !official_section.is_some_and(|s| paragraphs(s).any(|l| l == line.get_ref())) {
                    self.error(
                        line,
                        "an official history entry must be a line of this version's official Class Specification History, exactly as printed; otherwise write it as `summary` (our words)",
                    );
                }
                Wording::Official(line.get_ref().clone().into())
            }
            (None, Some(summary)) if !summary.get_ref().trim().is_empty() => {
                Wording::Summary(summary.get_ref().clone().into())
            }
            (official, summary) => {
                let message = "a history entry needs exactly one of `official` (a line of the page, as printed) or `summary` (our words), not empty";
                match official.as_ref().or(summary.as_ref()) {
                    Some(at) => self.error(at, message),
                    None => self.errors.push(self.source.error(message)),
                }
                return None;
            }
        };
        Some(HistoryEntry {
            effective,
            adopted,
            text,
            basis: super::basis(h.inferred.as_ref()),
        })
    }
}
