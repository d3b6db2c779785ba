//! Comparing two to four class versions: which ones an address names, the deciding factors
//! side by side, what changes between neighbours, and one plain line per step.

pub mod diff;
pub mod duties;

use crate::describe::years_phrase;
use crate::echo::echo;
use crate::marked::Marked;
use crate::model::{
    Catalogue, ClassSpec, ClassVersion, Fact, Oversight, QualificationRoute, Qualifications,
    Requirement, Section, Series,
};
use crate::route::Pick;
pub use crate::route::{MAX_COLUMNS, MIN_COLUMNS};

/// Up to this many classes the compare picker lists every version of every class; a bigger
/// catalogue lists the home series (ladder and neighbours) and the series of what is picked, and
/// takes the others by code. Here, beside the domain, because which data a comparison needs
/// follows from it (`data_files::needs`).
pub const PICKER_LISTS_UP_TO: usize = 40;

/// One compared class version.
#[derive(Clone, Copy, Debug)]
pub struct Column<'a> {
    pub class: &'a ClassSpec,
    pub version: &'a ClassVersion,
}

impl Column<'_> {
    /// The pick that names this column in an address.
    pub fn pick(&self) -> Pick {
        let newest = self.class.newest().is_some_and(|n| n.id == self.version.id);
        Pick::new(
            self.class.code.as_ref(),
            (!newest).then_some(self.version.id.as_ref()),
        )
    }
}

/// Why an address's selection cannot be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectionError {
    TooFew {
        given: usize,
    },
    /// More than [`MAX_COLUMNS`]; an address is read only that far, so how many more is not
    /// counted.
    TooMany,
    UnknownClass {
        code: String,
    },
    UnknownVersion {
        code: String,
        version: String,
        known: Vec<String>,
    },
    Repeated {
        pick: String,
    },
}

/// What a person reads.
impl std::fmt::Display for SelectionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooFew { given } => write!(
                f,
                "A comparison needs at least {MIN_COLUMNS} classes; this address names {given}. Choose {} more below.",
                MIN_COLUMNS - given
            ),
            Self::TooMany => write!(
                f,
                "A comparison shows at most {MAX_COLUMNS} classes side by side; this address names too many. Choose {MAX_COLUMNS} at most below."
            ),
            Self::UnknownClass { code } => write!(f, "There is no class with the code {} in the data.", echo(code)),
            Self::UnknownVersion { code, version, known } => write!(
                f,
                "Class {code} has no version {}; the data holds {}.",
                echo(version),
                known.join(", ")
            ),
            // Not echoed: a repeated pick names a class and version the data holds.
            Self::Repeated { pick } => write!(f, "{pick} is named twice; each class or version can appear once."),
        }
    }
}

impl std::error::Error for SelectionError {}

/// The columns an address's picks name, or every reason they cannot be compared.
///
/// # Errors
/// Unknown classes or versions, a pick named twice, fewer than two or more than four picks.
pub fn resolve<'a>(
    catalogue: &'a Catalogue,
    picks: &[Pick],
) -> Result<Vec<Column<'a>>, Vec<SelectionError>> {
    let mut errors = Vec::new();
    let mut columns: Vec<Column<'a>> = Vec::new();
    for pick in picks {
        let Some(class) = catalogue.class(&pick.code) else {
            errors.push(SelectionError::UnknownClass {
                code: pick.code.clone(),
            });
            continue;
        };
        let Some(version) = class.version(pick.version.as_deref()) else {
            errors.push(SelectionError::UnknownVersion {
                code: class.code.to_string(),
                version: pick.version.clone().unwrap_or_default(),
                known: class.versions.iter().map(|v| v.id.to_string()).collect(),
            });
            continue;
        };
        if columns.iter().any(|c| std::ptr::eq(c.version, version)) {
            errors.push(SelectionError::Repeated { pick: pick.token() });
            continue;
        }
        columns.push(Column { class, version });
    }
    if picks.len() < MIN_COLUMNS {
        errors.push(SelectionError::TooFew { given: picks.len() });
    } else if picks.len() > MAX_COLUMNS {
        errors.push(SelectionError::TooMany);
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

/// The facts that decide between levels, each a row of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Factor {
    Level,
    Supervision,
    Scope,
    Oversight,
    Qualifications,
    Effective,
}

impl Factor {
    pub const ALL: [Self; 6] = [
        Self::Level,
        Self::Supervision,
        Self::Scope,
        Self::Oversight,
        Self::Qualifications,
        Self::Effective,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Level => "Level",
            Self::Supervision => "Supervision received",
            Self::Scope => "Scope (in our words)",
            Self::Oversight => "Leads or supervises others",
            Self::Qualifications => "Desirable qualifications",
            Self::Effective => "Effective",
        }
    }

    /// The factor for one version, as text with how it is known.
    pub fn of(self, catalogue: &Catalogue, v: &ClassVersion) -> Fact<String> {
        let text = |f: &Fact<crate::model::Text>| map_fact(f, ToString::to_string);
        match self {
            Self::Level => text(&v.level),
            Self::Supervision => text(&v.supervision),
            Self::Scope => text(&v.scope),
            Self::Oversight => map_fact(&v.oversight, |o| o.describe().to_owned()),
            Self::Effective => map_fact(&v.effective, ToString::to_string),
            Self::Qualifications => match &v.qualifications {
                Qualifications::NotInData { why } => Fact::Missing { why: why.clone() },
                Qualifications::Routes(routes) => {
                    // Inferred as a whole when any route, or a class it names, is.
                    let mut all = crate::marked::Marked::new();
                    for (i, route) in routes.iter().enumerate() {
                        if i > 0 {
                            all = all.text("; or ");
                        }
                        all = all.then(route.marked(catalogue));
                    }
                    all.into_fact()
                }
            },
        }
    }
}

impl Factor {
    /// The factor for one version as a view prints it: like [`Factor::of`], but a route's
    /// estimated class code is marked on the code alone, never on the official route around it
    /// (issue 22: CSS 4's qualifications read as a guess because 102C is estimated).
    pub fn shown(self, catalogue: &Catalogue, v: &ClassVersion) -> Fact<Marked> {
        match (self, &v.qualifications) {
            (Self::Qualifications, Qualifications::Routes(routes)) => {
                let mut all = Marked::new();
                for (i, route) in routes.iter().enumerate() {
                    if i > 0 {
                        all = all.text("; or ");
                    }
                    all = all.then(route.marked(catalogue));
                }
                Fact::Stated(all)
            }
            _ => map_fact(&self.of(catalogue, v), |text| Marked::new().text(text)),
        }
    }

    /// Where the factor's stated value was read: the scope is our words; the others were read
    /// where the version's facts were.
    pub fn source(self, v: &ClassVersion) -> crate::model::Source<'_> {
        match self {
            Self::Scope => crate::model::Source::OurWords,
            _ => v.source(),
        }
    }
}

fn map_fact<T, U>(fact: &Fact<T>, f: impl Fn(&T) -> U) -> Fact<U> {
    match fact {
        Fact::Stated(v) => Fact::Stated(f(v)),
        Fact::Inferred { value, why } => Fact::Inferred {
            value: f(value),
            why: why.clone(),
        },
        Fact::Missing { why } => Fact::Missing { why: why.clone() },
    }
}

/// One plain line for a step between two columns, built only from their deciding factors:
/// "Customer Service Specialist 3 → Customer Service Specialist 4: from leading others to
/// supervising them; works under administrative direction". Unknown factors are said to be unknown.
pub fn step_summary(from: Column<'_>, to: Column<'_>) -> Marked {
    let (from_title, to_title) = (from.class.title_marked(), to.class.title_marked());
    let line = if std::ptr::eq(from.class, to.class) {
        to_title
            .clone()
            .text(", ")
            .then(from.version.label_marked())
            .text(" → ")
            .then(to.version.label_marked())
    } else {
        from_title.clone().text(" → ").then(to_title.clone())
    };
    let mut parts: Vec<Marked> = Vec::new();
    let lower = |text: &str| {
        let mut chars = text.chars();
        chars.next().map_or_else(String::new, |c| {
            std::iter::once(c.to_ascii_lowercase())
                .chain(chars)
                .collect::<String>()
        })
    };
    let words = |text: String| Marked::new().text(&text);
    match (from.version.oversight.value(), to.version.oversight.value()) {
        (Some(a), Some(b)) if a != b => parts.push(words(format!(
            "from {} to {}",
            oversight_phrase(*a),
            oversight_phrase(*b)
        ))),
        (Some(_), Some(_)) => {}
        (Some(a), None) => parts.push(
            from_title
                .clone()
                .text(&format!(" {}; whether ", lower(a.describe())))
                .then(to_title.clone())
                .text(" does is not in our copy"),
        ),
        (None, Some(b)) => parts.push(
            to_title
                .clone()
                .text(&format!(" {}; whether ", lower(b.describe())))
                .then(from_title.clone())
                .text(" does is not in our copy"),
        ),
        (None, None) => {
            parts.push(words(
                "whether either leads or supervises others is not in our copy".to_owned(),
            ));
        }
    }
    match (
        from.version.supervision.value(),
        to.version.supervision.value(),
    ) {
        (Some(a), Some(b)) if a == b => {
            parts.push(words(format!(
                "the same supervision ({})",
                b.to_ascii_lowercase()
            )));
        }
        (_, Some(b)) => parts.push(words(format!("works under {}", b.to_ascii_lowercase()))),
        (_, None) => parts.push(
            Marked::new()
                .text("the supervision ")
                .then(to_title.clone())
                .text(" works under is not in our copy"),
        ),
    }
    parts.extend(what_the_step_asks(from, to));
    let mut line = line.text(": ");
    for (i, part) in parts.into_iter().enumerate() {
        if i > 0 {
            line = line.text("; ");
        }
        line = line.then(part);
    }
    line
}

/// What the upper class's desirable qualifications ask of the step: in words of what the text
/// asks, never that someone "qualifies" (these are guidance), or that they are not in the data.
fn what_the_step_asks(from: Column<'_>, to: Column<'_>) -> Option<Marked> {
    match &to.version.qualifications {
        Qualifications::Routes(routes) => {
            routes.iter().find_map(|route| match &route.requirement {
                Requirement::YearsInClass { class, years } if from.class.code == *class => {
                    let others = match routes.len() - 1 {
                        0 => String::new(),
                        1 => " or its other route".to_owned(),
                        n => format!(" or one of its {n} other routes"),
                    };
                    Some(
                        Marked::new()
                            .text(&format!(
                                "its desirable qualifications ask for {} as a ",
                                years_phrase(*years)
                            ))
                            .then(from.class.title_marked())
                            .text(&others),
                    )
                }
                _ => None,
            })
        }
        Qualifications::NotInData { .. } if !std::ptr::eq(from.class, to.class) => Some(
            Marked::new()
                .text("the qualifications for ")
                .then(to.class.title_marked())
                .text(" are not in our copy"),
        ),
        Qualifications::NotInData { .. } => None,
    }
}

fn oversight_phrase(o: Oversight) -> &'static str {
    match o {
        Oversight::None => "not leading others",
        Oversight::MayLeadOrSupervise => "possibly leading or supervising others",
        Oversight::Leads => "leading others",
        Oversight::Supervises => "supervising them",
        Oversight::Manages => "managing a unit",
    }
}

/// Comparisons worth offering in `series` (the series the picker lists): each step up their
/// ladders, and each older version of their classes (ladder and neighbours) against its newest.
/// In a big catalogue, a list of every class's revisions would bury the series' own.
pub fn suggestions(
    catalogue: &Catalogue,
    series: &[&Series],
) -> Vec<(Marked, crate::route::Route)> {
    let mut out = Vec::new();
    for series in series {
        let classes: Vec<&ClassSpec> = series
            .ladder
            .iter()
            .filter_map(|c| catalogue.class(c))
            .collect();
        for pair in classes.windows(2) {
            out.push((
                pair[0]
                    .title_marked()
                    .text(" → ")
                    .then(pair[1].title_marked()),
                crate::route::Route::Compare {
                    picks: vec![
                        Pick::new(pair[0].code.as_ref(), None),
                        Pick::new(pair[1].code.as_ref(), None),
                    ],
                },
            ));
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    let codes = series
        .iter()
        .flat_map(|s| s.ladder.iter().chain(s.related.iter().map(|r| &r.code)));
    for class in codes.filter_map(|c| catalogue.class(c)) {
        if seen.contains(&class.code.as_ref()) {
            continue;
        }
        seen.push(class.code.as_ref());
        for older in class.versions.iter().skip(1) {
            let newest = &class.versions[0];
            out.push((
                class
                    .title_marked()
                    .text(": ")
                    .then(older.label_marked())
                    .text(" → ")
                    .then(newest.label_marked()),
                crate::route::Route::Compare {
                    picks: vec![
                        Pick::new(class.code.as_ref(), Some(older.id.as_ref())),
                        Pick::new(class.code.as_ref(), None),
                    ],
                },
            ));
        }
    }
    out
}

/// What two sections of neighbouring columns can be compared on, like with like.
#[derive(Debug, PartialEq, Eq)]
pub enum Comparable<'a> {
    /// Both official text.
    Official(Vec<&'a str>, Vec<&'a str>),
    /// Both in our words (summaries, or summaries beside official text).
    OurWords(Vec<&'a str>, Vec<&'a str>),
    /// One side is a gap, or the two are in different registers (official text and our
    /// words) with no summary to match: nothing to compare word for word.
    Not,
}

/// Picks the like-for-like basis for comparing two versions of a section: official text with
/// official text, else our words with our words.
pub fn comparable<'a>(a: &'a Section, b: &'a Section) -> Comparable<'a> {
    if let (Some(x), Some(y)) = (a.official_paragraphs(), b.official_paragraphs()) {
        return Comparable::Official(x, y);
    }
    match (a.our_words(), b.our_words()) {
        (Some(x), Some(y)) => Comparable::OurWords(
            x.iter().map(AsRef::as_ref).collect(),
            y.iter().map(AsRef::as_ref).collect(),
        ),
        _ => Comparable::Not,
    }
}

/// A big change between two versions of one class that the deciding factors' step line does
/// not name: what a revision summary lists below that line.
#[derive(Debug, PartialEq)]
pub enum RevisionChange<'a> {
    /// The scope, in our words, before and after.
    Scope {
        before: Fact<String>,
        after: Fact<String>,
    },
    /// The desirable qualifications' routes, before and after (the routes as
    /// [`Factor::Qualifications`] describes them), with which routes are new and which gone.
    Qualifications {
        before: Fact<String>,
        after: Fact<String>,
        changes: RouteChanges<'a>,
    },
    /// A class the older version names and the newer no longer does.
    NoLongerNames(&'a ClassSpec),
    /// A class the newer version names and the older did not (beyond its qualification routes).
    NowNames(&'a ClassSpec),
}

/// How two versions' qualification routes differ, route by route, whatever the register
/// (official text or our words) of the sections they were read from.
#[derive(Debug, Default, PartialEq)]
pub struct RouteChanges<'a> {
    /// Routes of the newer version, each with whether the older one had it too.
    pub routes: Vec<(&'a QualificationRoute, bool)>,
    /// Routes of the older version the newer no longer has.
    pub dropped: Vec<&'a QualificationRoute>,
}

impl RouteChanges<'_> {
    pub fn is_unchanged(&self) -> bool {
        self.dropped.is_empty() && self.routes.iter().all(|(_, kept)| *kept)
    }
}

/// The routes of two versions compared, or `None` when either's are not in the data. A route
/// counts as kept when the older version asked the same requirement.
pub fn route_changes<'a>(
    before: &'a ClassVersion,
    after: &'a ClassVersion,
) -> Option<RouteChanges<'a>> {
    let (Qualifications::Routes(old), Qualifications::Routes(new)) =
        (&before.qualifications, &after.qualifications)
    else {
        return None;
    };
    let had =
        |list: &[QualificationRoute], r: &Requirement| list.iter().any(|x| x.requirement == *r);
    Some(RouteChanges {
        routes: new.iter().map(|r| (r, had(old, &r.requirement))).collect(),
        dropped: old.iter().filter(|r| !had(new, &r.requirement)).collect(),
    })
}

/// The big changes from one version of a class to another (empty for two different classes,
/// whose step line says what separates them): the scope, the qualification routes, and the
/// classes named in one version's text and not the other's.
pub fn revision_changes<'a>(
    catalogue: &'a Catalogue,
    from: Column<'a>,
    to: Column<'a>,
) -> Vec<RevisionChange<'a>> {
    let mut out = Vec::new();
    if !std::ptr::eq(from.class, to.class) {
        return out;
    }
    if let (Some(a), Some(b)) = (from.version.scope.value(), to.version.scope.value()) {
        if a != b {
            out.push(RevisionChange::Scope {
                before: Factor::Scope.of(catalogue, from.version),
                after: Factor::Scope.of(catalogue, to.version),
            });
        }
    }
    if let Some(changes) = route_changes(from.version, to.version) {
        if !changes.is_unchanged() {
            out.push(RevisionChange::Qualifications {
                before: Factor::Qualifications.of(catalogue, from.version),
                after: Factor::Qualifications.of(catalogue, to.version),
                changes,
            });
        }
    }
    let (before, after) = (named_classes(catalogue, from), named_classes(catalogue, to));
    let in_routes = |class: &ClassSpec| {
        matches!(&to.version.qualifications, Qualifications::Routes(routes)
            if routes.iter().any(|r| matches!(&r.requirement,
                Requirement::YearsInClass { class: code, .. } if *code == class.code)))
    };
    out.extend(
        before
            .iter()
            .filter(|c| !after.iter().any(|a| std::ptr::eq(*a, **c)))
            .map(|c| RevisionChange::NoLongerNames(c)),
    );
    out.extend(
        after
            .iter()
            .filter(|c| !before.iter().any(|b| std::ptr::eq(*b, **c)) && !in_routes(c))
            .map(|c| RevisionChange::NowNames(c)),
    );
    out
}

/// The other classes a version's text names by title (official text, our words, the scope),
/// in catalogue order.
fn named_classes<'a>(catalogue: &'a Catalogue, column: Column<'_>) -> Vec<&'a ClassSpec> {
    let v = column.version;
    let mut texts: Vec<&str> = Vec::new();
    if let Some(scope) = v.scope.value() {
        texts.push(scope);
    }
    for s in v.sections.iter() {
        if let crate::model::SectionContent::Official(text) = &s.content {
            texts.push(text);
        }
        texts.extend(s.our_words().unwrap_or_default().iter().map(AsRef::as_ref));
    }
    catalogue
        .classes
        .iter()
        .filter(|c| c.code != column.class.code)
        .filter(|c| texts.iter().any(|t| names(t, &c.title)))
        .collect()
}

/// Whether `text` holds `title` as a whole name ("Specialist 1" is not in "Specialist 12").
fn names(text: &str, title: &str) -> bool {
    text.match_indices(title).any(|(at, _)| {
        !text[at + title.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    })
}
