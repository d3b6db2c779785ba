//! Questions the views ask of the catalogue, answered without any view code.

use std::fmt::Write as _;

use crate::date::Date;
use crate::model::{
    Catalogue, ClassSpec, ClassVersion, Fact, QualificationRoute, Qualifications, Requirement,
    Section, SectionContent, SectionKind, Series, SeriesNames, Text, Whole,
};
use crate::route::Route;

/// What [`Catalogue::data_as_of_words`] says right after the date: a line that has room for the
/// date alone (an embedded view's foot, a printed page's head) takes the words before it.
pub const NEWEST_DATE_TAIL: &str = ", the newest effective date in it";

impl Catalogue {
    /// A class by its code, ignoring ASCII case (`102d` finds `102D`).
    pub fn class(&self, code: &str) -> Option<&ClassSpec> {
        self.classes
            .iter()
            .find(|class| class.code.eq_ignore_ascii_case(code))
    }

    /// The series shown on the home view.
    pub fn home_series(&self) -> Option<&Series> {
        self.series.first()
    }

    /// A series by its id, or the home series for `None`.
    pub fn series_by_id(&self, id: Option<&str>) -> Option<&Series> {
        match id {
            None => self.home_series(),
            Some(id) => self.series.iter().find(|s| s.id.eq_ignore_ascii_case(id)),
        }
    }

    /// Every series in order (the home series first) with its classes: the ladder lowest level
    /// first, then any class of the series not on it (the data's checks allow none, but a
    /// catalogue made for the benchmark has them). Each class comes once, under the first
    /// series that places it; a class of no known series is left out.
    pub fn classes_by_series(&self) -> Vec<(&Series, Vec<&ClassSpec>)> {
        // Classes found by code with a binary search over their positions, and marked placed
        // by position: a map and a set would each bring a B-tree's code into both wasm modules.
        let codes: Vec<String> = self
            .classes
            .iter()
            .map(|class| class.code.to_ascii_uppercase())
            .collect();
        let mut by_code: Vec<usize> = (0..codes.len()).collect();
        crate::sort::sort_by(&mut by_code, &|&a, &b| codes[a].cmp(&codes[b]));
        let find = |code: &str| {
            let code = code.to_ascii_uppercase();
            by_code
                .binary_search_by(|&i| codes[i].as_str().cmp(&code))
                .ok()
                .map(|at| by_code[at])
        };
        let mut placed = vec![false; self.classes.len()];
        let mut groups: Vec<(&Series, Vec<&ClassSpec>)> = self
            .series
            .iter()
            .map(|series| {
                let mut ladder = Vec::new();
                for i in series.ladder.iter().filter_map(|code| find(code)) {
                    if !placed[i] {
                        placed[i] = true;
                        ladder.push(&self.classes[i]);
                    }
                }
                (series, ladder)
            })
            .collect();
        for (class, placed) in self.classes.iter().zip(placed) {
            if placed {
                continue;
            }
            if let Some((_, classes)) = groups.iter_mut().find(|(s, _)| s.id == class.series) {
                classes.push(class);
            }
        }
        groups
    }

    /// The series a class belongs to.
    pub fn series_of(&self, class: &ClassSpec) -> Option<&Series> {
        self.series.iter().find(|series| series.id == class.series)
    }

    /// How many classes the catalogue holds (the whole's, for a part: [`Catalogue::whole`]).
    pub fn class_count(&self) -> usize {
        self.whole
            .as_ref()
            .map_or(self.classes.len(), |whole| whole.classes as usize)
    }

    /// Every number of years a qualification route asks, each once, lowest first (the whole's,
    /// for a part).
    pub fn route_years(&self) -> Vec<u8> {
        if let Some(whole) = &self.whole {
            return whole.route_years.to_vec();
        }
        let mut years = Vec::new();
        for version in self.classes.iter().flat_map(|c| c.versions.iter()) {
            if let Qualifications::Routes(routes) = &version.qualifications {
                years.extend(routes.iter().filter_map(|r| match r.requirement {
                    Requirement::EducationAndExperience { years, .. }
                    | Requirement::YearsInClass { years, .. } => Some(years),
                    Requirement::Equivalent { .. } | Requirement::Unread { .. } => None,
                }));
            }
        }
        crate::sort::sort(&mut years);
        years.dedup();
        years
    }

    /// Every class's code and plain name, by series in [`Catalogue::classes_by_series`]'s order
    /// (the whole's, for a part).
    pub fn class_names(&self) -> Vec<SeriesNames> {
        if let Some(whole) = &self.whole {
            return whole.names.to_vec();
        }
        self.classes_by_series()
            .into_iter()
            .map(|(series, classes)| SeriesNames {
                title: series.title.clone(),
                classes: classes
                    .iter()
                    .map(|c| (c.code.clone(), Text::Owned(c.name_marked().plain())))
                    .collect(),
            })
            .collect()
    }

    /// What a part of this catalogue carries of it ([`Catalogue::whole`]).
    ///
    /// # Panics
    /// With more than `u32::MAX` classes.
    pub fn summary(&self) -> Whole {
        Whole {
            newest: self.data_as_of(),
            as_of_words: self.data_as_of_words().map(Text::Owned),
            classes: u32::try_from(self.class_count()).expect("fewer than 2^32 classes"),
            route_years: self.route_years().into(),
            names: self.class_names().into(),
        }
    }

    /// The newest effective date of any version: "data as of" (the whole's, for a part).
    pub fn data_as_of(&self) -> Option<Date> {
        if let Some(whole) = &self.whole {
            return whole.newest;
        }
        self.classes
            .iter()
            .flat_map(|class| class.versions.iter())
            .filter_map(|version| version.effective.value().copied())
            .max()
    }

    /// What the footer says after "Data as of": the newest effective date, and exactly what is
    /// checked and how (issue 22: no date typed by hand presented as a check): "July 1, 2025,
    /// the newest effective date in it. Of its 8 class versions, 2 are official text, which
    /// every build checks is character for character the official pages stored with this app;
    /// the other 6 were read on stored copies of the official pages on November 23, 2026, are
    /// not reproduced here, and are summaries in our words (5 of them partial)".
    pub fn data_as_of_words(&self) -> Option<String> {
        if let Some(whole) = &self.whole {
            return whole.as_of_words.as_ref().map(ToString::to_string);
        }
        let newest = self.data_as_of()?;
        let mut words = format!("{newest}{NEWEST_DATE_TAIL}");
        let versions: Vec<&ClassVersion> = self
            .classes
            .iter()
            .flat_map(|c| c.versions.iter())
            .collect();
        let official = versions
            .iter()
            .filter(|v| v.source() == crate::model::Source::Shown)
            .count();
        let partial = versions
            .iter()
            .filter(|v| {
                v.source() != crate::model::Source::Shown
                    && v.sections
                        .iter()
                        .any(|s| s.content == SectionContent::NotInData || s.partial)
            })
            .count();
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let _ = write!(
            words,
            ". Of its {}, {} official text, which every build checks is character for character \
             the official pages stored with this app",
            count(versions.len(), "class version", "class versions"),
            count(official, "is", "are"),
        );
        let others = versions.len() - official;
        if others > 0 {
            let mut read: Vec<Date> = versions.iter().filter_map(|v| v.read).collect();
            crate::sort::sort(&mut read);
            read.dedup();
            let when = match (read.first(), read.last()) {
                (Some(a), Some(b)) if a == b => format!(" on {a}"),
                (Some(a), Some(b)) => format!(" between {a} and {b}"),
                _ => String::new(),
            };
            let _ = write!(
                words,
                "; the other {others} were read on stored copies of the official pages{when}, \
                 are not reproduced here, and are summaries in our words"
            );
            if partial > 0 {
                let _ = write!(words, " ({partial} of them partial)");
            }
        }
        Some(words)
    }

    /// A series as a ladder of its levels (lowest first) with the classes beside it,
    /// each described by its newest version.
    pub fn series_view<'a>(&'a self, series: &'a Series) -> SeriesView<'a> {
        let rung = |code: &Text| self.class(code).and_then(LadderRung::of);
        SeriesView {
            series,
            rungs: series.ladder.iter().filter_map(rung).collect(),
            related: series
                .related
                .iter()
                .filter_map(|related| rung(&related.code).map(|r| (r, &related.relation)))
                .collect(),
        }
    }
}

impl ClassSpec {
    /// The newest version (versions are kept newest first).
    pub fn newest(&self) -> Option<&ClassVersion> {
        self.versions.first()
    }

    /// A version by its id, or the newest when `id` is `None`.
    pub fn version(&self, id: Option<&str>) -> Option<&ClassVersion> {
        match id {
            None => self.newest(),
            Some(id) => self.versions.iter().find(|v| v.id.eq_ignore_ascii_case(id)),
        }
    }

    /// The version the class page opens at (`/class/102A`): the newest version of which the
    /// data holds official text, else the newest. A person comes for the text the State
    /// published; a newer version known only in part, in our words (CSS 1's 2025 page), is one
    /// step away, and the page says what is known of it. Comparisons and the planner still
    /// judge by the newest version ([`ClassSpec::version`] with no id).
    pub fn opening(&self) -> Option<&ClassVersion> {
        self.versions
            .iter()
            .find(|v| {
                v.sections
                    .iter()
                    .any(|s| matches!(s.content, SectionContent::Official(_)))
            })
            .or_else(|| self.newest())
    }

    /// The address of one version's page: the class's own address for the version it opens
    /// at, the version's address for the others.
    pub fn route_to(&self, version: &ClassVersion) -> Route {
        if self.opening().is_some_and(|o| o.id == version.id) {
            Route::class(self.code.as_ref())
        } else {
            Route::class_version(self.code.as_ref(), version.id.as_ref())
        }
    }

    /// For a gap in `version`: the newest older version that states what `read` finds, with what
    /// it states. Views point to it ("the 2019 text asked …") and never present it as current.
    pub fn older_statement<'a, T>(
        &'a self,
        version: &ClassVersion,
        read: impl Fn(&'a ClassVersion) -> Option<T>,
    ) -> Option<(&'a ClassVersion, T)> {
        let at = self.versions.iter().position(|v| v.id == version.id)?;
        self.versions[at + 1..]
            .iter()
            .find_map(|v| read(v).map(|found| (v, found)))
    }

    /// For qualifications missing from `version`: the newest older version that states its
    /// routes, with them (the class page and the planner both point to it).
    pub fn older_routes(
        &self,
        version: &ClassVersion,
    ) -> Option<(&ClassVersion, &[QualificationRoute])> {
        self.older_statement(version, |v| match &v.qualifications {
            Qualifications::Routes(routes) => Some(routes.as_ref()),
            Qualifications::NotInData { .. } => None,
        })
    }

    /// Whether `version` is older than the newest one the app holds.
    pub fn is_superseded(&self, version: &ClassVersion) -> bool {
        self.newest().is_some_and(|newest| newest.id != version.id)
    }

    /// What people call the class for short: "CSS 3" for "Customer Service Specialist 3".
    pub fn short_title(&self) -> String {
        short_title(&self.title)
    }
}

/// "CSS 3" for "Customer Service Specialist 3", "CSM" for "Customer Service Manager": the
/// initials of a title's capitalised words, then its level number.
pub fn short_title(title: &str) -> String {
    let mut initials = String::new();
    let mut number = None;
    for word in title.split_whitespace() {
        match word.chars().next() {
            Some(c) if c.is_ascii_digit() => number = Some(word),
            Some(c) if c.is_ascii_uppercase() => initials.push(c),
            _ => {}
        }
    }
    match number {
        Some(n) => format!("{initials} {n}"),
        None => initials,
    }
}

impl crate::model::Section {
    /// The section's points in our own words, when the data has them (a summary, or a summary
    /// beside official text).
    pub fn our_words(&self) -> Option<&[Text]> {
        match &self.content {
            SectionContent::Summary(items) => Some(items),
            _ => self.alongside.as_deref(),
        }
    }

    /// The section's official paragraphs, when it is official text.
    pub fn official_paragraphs(&self) -> Option<Vec<&str>> {
        match &self.content {
            SectionContent::Official(text) => Some(crate::model::paragraphs(text).collect()),
            _ => None,
        }
    }
}

impl ClassVersion {
    /// One section; every version holds every kind (possibly as a gap).
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|section| section.kind == kind)
    }
}

/// A series as the home view shows it.
#[derive(Debug)]
pub struct SeriesView<'a> {
    pub series: &'a Series,
    /// Lowest level first.
    pub rungs: Vec<LadderRung<'a>>,
    /// Classes beside the ladder, with how they relate.
    pub related: Vec<(LadderRung<'a>, &'a Text)>,
}

/// One level of a ladder, described by the class's newest version.
#[derive(Debug)]
pub struct LadderRung<'a> {
    pub class: &'a ClassSpec,
    pub version: &'a ClassVersion,
}

impl<'a> LadderRung<'a> {
    fn of(class: &'a ClassSpec) -> Option<Self> {
        class.newest().map(|version| Self { class, version })
    }

    pub fn level(&self) -> &'a Fact<Text> {
        &self.version.level
    }

    pub fn supervision(&self) -> &'a Fact<Text> {
        &self.version.supervision
    }
}
