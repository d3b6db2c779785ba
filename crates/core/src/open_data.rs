//! The catalogue as open data (issue 24, item 2): the files the build publishes under
//! `/data/v1/` for people and programs, as types that serde writes and reads back. The build
//! writes them (`class-spec-open-data`); a later engine that fetches the series a view needs
//! reads the same shape.
//!
//! - `catalogue.json` ([`Index`]): every series, its classes (code, title) and their versions
//!   (id, name, effective date, official page), and where each series' file is;
//! - `series/<id>.json` ([`SeriesFile`]): every class and version of the series, whole;
//! - `schema.json` ([`SCHEMA`]): a JSON Schema of both, kept beside this file;
//! - `classes.csv`: one row per class version (`sheet::classes_sheet`).
//!
//! Every value carries its source kind ([`Kind`], the spreadsheet's and the views' key): the
//! official text shown here, read on the official page (the version names the page and when
//! its copy was read), estimated by us (with why), our words, or not in our copy (a gap, with
//! what is known of it; the version names the official page). Nothing is filled in: a gap has
//! no value. Official text is the data's, byte for byte.
//!
//! `v1` changes only by adding: a field or a file may be added, none renamed, retyped or
//! removed; readers ignore fields they do not know.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::marked::{Marked, Part, MARK};
use crate::model::{
    Basis, Catalogue, ClassSpec, ClassVersion, Fact, QualificationRoute,
    Qualifications as ModelQualifications, Requirement as ModelRequirement,
    Section as ModelSection, SectionContent, Series, Wording,
};
pub use crate::sheet::Kind;

/// The addresses' version: the folder every file is published in.
pub const VERSION: &str = "v1";
/// Where the files are published, from the site's root (the contract's, for the build's
/// scripts).
pub const BASE: &str = crate::contract::OPEN_DATA;
/// The index's file name.
pub const INDEX_FILE: &str = "catalogue.json";
/// The schema's file name.
pub const SCHEMA_FILE: &str = "schema.json";
/// The table of every class version.
pub const CLASSES_CSV: &str = "classes.csv";
/// The JSON Schema of both kinds of file (draft 2020-12), published as it is.
pub const SCHEMA: &str = include_str!("open_data/schema.json");
/// The `format` of the index.
pub const INDEX_FORMAT: &str = "class-spec-explorer/catalogue/v1";
/// The `format` of a series file.
pub const SERIES_FORMAT: &str = "class-spec-explorer/series/v1";

/// What the files are and are not, in each of them.
pub const NOTICE: &str = "Not an official State of Washington site or document. The official class specifications are published by the Washington State Office of Financial Management, at the official page each version names. A value whose source is \"official\" is the State's text, reproduced word for word; every other value is a fact read on an official page, an estimate of ours or our own words, as its source says, and a gap has no value.";

/// The address of a series' file, from the site's root.
pub fn series_address(id: &str) -> String {
    format!("{BASE}/series/{id}.json")
}

/// `catalogue.json`: the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// [`INDEX_FORMAT`].
    pub format: String,
    /// The schema's address.
    pub schema: String,
    pub notice: String,
    /// The newest effective date of any version (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_as_of: Option<String>,
    /// When the data was last checked against its sources, if it says (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// What each source kind means.
    pub sources: Vec<KindEntry>,
    /// The address of `classes.csv`.
    pub classes_csv: String,
    pub series: Vec<IndexSeries>,
}

/// A source kind of the key: its name, its words, what it means.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KindEntry {
    pub source: Kind,
    pub label: String,
    pub meaning: String,
}

/// A series in the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexSeries {
    pub id: String,
    pub title: String,
    /// The address of its file ([`SeriesFile`]).
    pub file: String,
    /// In ladder order, lowest first.
    pub classes: Vec<IndexClass>,
}

/// A class in the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexClass {
    pub code: Value,
    pub title: Value,
    /// Newest first.
    pub versions: Vec<IndexVersion>,
}

/// A class version in the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexVersion {
    pub id: String,
    /// As the views name it ("July 2025 version").
    pub name: Value,
    pub effective: Value,
    pub official_page: String,
}

/// `series/<id>.json`: a series with every class and version it holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesFile {
    /// [`SERIES_FORMAT`].
    pub format: String,
    pub schema: String,
    pub notice: String,
    pub id: String,
    pub title: String,
    /// Class codes, lowest level first, as keys: whether a code was read or is estimated is
    /// said once, at its class ([`Class::code`]).
    pub ladder: Vec<String>,
    /// Classes of other series shown beside this one.
    pub related: Vec<Related>,
    /// In ladder order.
    pub classes: Vec<Class>,
}

/// A class of another series beside a ladder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Related {
    pub code: String,
    /// How it relates, in our words.
    pub relation: Value,
}

/// A class and every version the data holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Class {
    /// Read on official text if any version's is shown here, else on the official pages.
    pub code: Value,
    pub title: Value,
    /// Newest first.
    pub versions: Vec<Version>,
}

/// One version of a class specification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub id: String,
    /// As the views name it ("July 2025 version"; estimated as its date is).
    pub name: Value,
    /// The data's own name for it, in our words.
    pub label: String,
    /// The official page the version was read from: where to read what is not here.
    pub official_page: String,
    /// Where its stated facts were read: `shown` (its official text, reproduced here) or
    /// `page` (a copy of the official page, not reproduced here, read on `read`).
    pub facts_read_on: Kind,
    /// When the copy of the official page was read (ISO 8601), for facts read there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<String>,
    /// Which copy the data came from and how complete it is, in our words.
    pub source_note: String,
    pub category: Value,
    /// ISO 8601.
    pub effective: Value,
    /// ISO 8601, when the page gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<Value>,
    pub level: Value,
    pub supervision: Value,
    pub scope: Value,
    /// Whether the class leads or supervises others: in words, with its `id`.
    pub oversight: Value,
    /// One line in our words.
    pub tagline: Value,
    /// Every section of the official page, in page order.
    pub sections: Vec<Section>,
    pub qualifications: Qualifications,
    /// Oldest first.
    pub history: Vec<History>,
}

/// A value and where it came from. A gap has no value; an estimate says why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Value {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    pub source: Kind,
    /// Why it is estimated; what is known of a gap; for words holding an estimated value, why
    /// (the estimated value is marked "*").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// A machine identifier for the value, where it has one (oversight).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// A section of a version: official text, our words, or a gap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// `typical-work`.
    pub id: String,
    /// As the official pages print it.
    pub heading: String,
    pub source: Kind,
    /// Official text, byte for byte.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Our summary, one point each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Vec<String>>,
    /// Our summary beside official text, one point each.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alongside: Option<Vec<String>>,
    /// What is incomplete or notable about it, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Only its opening is held: what follows is unknown.
    pub partial: bool,
}

/// The desirable qualifications: any one route is enough; or a gap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Qualifications {
    /// Where the routes were read (`shown`, `page`), or `not-in-our-copy`.
    pub source: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    pub routes: Vec<Route>,
}

/// One way of meeting the desirable qualifications.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Route {
    /// In words, as the views print it.
    pub words: Value,
    pub requirement: Requirement,
}

/// What a route asks, for programs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Requirement {
    EducationAndExperience {
        /// `high-school`, `associate`, `bachelor`, `graduate`.
        education: String,
        years: u8,
        progressive: bool,
    },
    YearsInClass {
        class: String,
        years: u8,
    },
    /// An equivalent the employer judges.
    Equivalent {
        of: String,
    },
    /// Stated on the page but not held in a form that can be checked.
    Unread {
        why: String,
    },
}

/// A dated entry of the class specification history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct History {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<String>,
    /// The entry's words: `official` (a line of the page) or `ours`.
    pub text: Value,
    /// Why the entry is estimated (not seen on this version's page), when it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated: Option<String>,
}

fn words(value: &str, source: Kind) -> Value {
    Value {
        value: Some(value.to_owned()),
        source,
        why: None,
        id: None,
    }
}

/// A fact as a value read where `read` says: stated, estimated with why, or a gap.
fn fact<T>(fact: &Fact<T>, read: Kind, show: impl Fn(&T) -> String) -> Value {
    let why = |why: &str| (!why.is_empty()).then(|| why.to_owned());
    match fact {
        Fact::Stated(value) => words(&show(value), read),
        Fact::Inferred { value, why: w } => Value {
            why: why(w),
            ..words(&show(value), Kind::Estimated)
        },
        Fact::Missing { why: w } => Value {
            value: None,
            source: Kind::NotInOurCopy,
            why: why(w),
            id: None,
        },
    }
}

/// Words holding facts: one estimated value alone is an estimate; otherwise read where `read`
/// says, each estimated value in them marked and its why given.
fn marked(text: &Marked, read: Kind) -> Value {
    let estimates: Vec<(&str, &str)> = text
        .parts()
        .iter()
        .filter_map(|part| match part {
            Part::Inferred { value, why } => Some((value.as_str(), why.as_str())),
            Part::Plain(_) => None,
        })
        .collect();
    if let [Part::Inferred { why, .. }] = text.parts() {
        return Value {
            why: Some(why.clone()),
            ..words(&text.plain(), Kind::Estimated)
        };
    }
    let why: Vec<String> = estimates
        .iter()
        .map(|(value, why)| format!("{value}{MARK}: estimated by us: {why}"))
        .collect();
    Value {
        why: (!why.is_empty()).then(|| why.join(" ")),
        ..words(&text.plain(), read)
    }
}

fn basis_fact(basis: &Basis, value: &str) -> Fact<String> {
    basis.fact(value.to_owned())
}

/// Where a class's code and title were read: on official text if any version's is shown here.
fn class_read(class: &ClassSpec) -> Kind {
    class
        .versions
        .iter()
        .map(|v| Kind::of(v.source()))
        .find(|&kind| kind == Kind::Shown)
        .unwrap_or(Kind::Page)
}

fn version_name(version: &ClassVersion) -> Value {
    let read = Kind::of(version.source());
    if version.effective.is_inferred() {
        Value {
            why: Some(
                "Named by the date it took effect, which is estimated (see effective).".to_owned(),
            ),
            ..words(&version.label_marked().plain(), Kind::Estimated)
        }
    } else {
        marked(&version.label_marked(), read)
    }
}

fn section(section: &ModelSection) -> Section {
    let (text, points) = match &section.content {
        SectionContent::Official(text) => (Some(text.to_string()), None),
        SectionContent::Summary(items) => {
            (None, Some(items.iter().map(ToString::to_string).collect()))
        }
        SectionContent::NotInData | SectionContent::NotOnPage => (None, None),
    };
    Section {
        id: section.kind.as_str().to_owned(),
        heading: section.kind.heading().to_owned(),
        source: Kind::of_section(&section.content),
        text,
        points,
        alongside: section
            .alongside
            .as_ref()
            .map(|items| items.iter().map(ToString::to_string).collect()),
        note: section.note.as_ref().map(ToString::to_string),
        partial: section.partial,
    }
}

fn requirement(requirement: &ModelRequirement) -> Requirement {
    match requirement {
        ModelRequirement::EducationAndExperience {
            education,
            years,
            progressive,
        } => Requirement::EducationAndExperience {
            education: education.as_str().to_owned(),
            years: *years,
            progressive: *progressive,
        },
        ModelRequirement::YearsInClass { class, years } => Requirement::YearsInClass {
            class: class.to_string(),
            years: *years,
        },
        ModelRequirement::Equivalent { of } => Requirement::Equivalent { of: of.to_string() },
        ModelRequirement::Unread { why } => Requirement::Unread {
            why: why.to_string(),
        },
    }
}

fn route(catalogue: &Catalogue, route: &QualificationRoute, read: Kind) -> Route {
    Route {
        words: marked(&route.marked(catalogue), read),
        requirement: requirement(&route.requirement),
    }
}

fn qualifications(catalogue: &Catalogue, version: &ClassVersion) -> Qualifications {
    let read = Kind::of(version.source());
    match &version.qualifications {
        ModelQualifications::Routes(routes) => Qualifications {
            source: read,
            why: None,
            routes: routes.iter().map(|r| route(catalogue, r, read)).collect(),
        },
        ModelQualifications::NotInData { why } => Qualifications {
            source: Kind::NotInOurCopy,
            why: (!why.is_empty()).then(|| why.to_string()),
            routes: Vec::new(),
        },
    }
}

fn history(entry: &crate::model::HistoryEntry) -> History {
    let text = match &entry.text {
        Wording::Official(text) => words(text, Kind::Official),
        Wording::Summary(text) => words(text, Kind::Ours),
    };
    History {
        effective: entry.effective.map(Date::iso),
        adopted: entry.adopted.map(Date::iso),
        text,
        estimated: match &entry.basis {
            Basis::Stated => None,
            Basis::Inferred { why } => Some(why.to_string()),
        },
    }
}

fn version(catalogue: &Catalogue, v: &ClassVersion) -> Version {
    let read = Kind::of(v.source());
    let text = |f: &Fact<crate::model::Text>| fact(f, read, ToString::to_string);
    let mut oversight = fact(&v.oversight, read, |o| o.describe().to_owned());
    oversight.id = v.oversight.value().map(|o| o.as_str().to_owned());
    Version {
        id: v.id.to_string(),
        name: version_name(v),
        label: v.label.to_string(),
        official_page: v.source_url.to_string(),
        facts_read_on: read,
        read: v.read.map(Date::iso),
        source_note: v.source_note.to_string(),
        category: text(&v.category),
        effective: fact(&v.effective, read, |d| d.iso()),
        adopted: v.adopted.map(|d| words(&d.iso(), read)),
        level: text(&v.level),
        supervision: text(&v.supervision),
        scope: fact(&v.scope, Kind::Ours, ToString::to_string),
        oversight,
        tagline: words(&v.tagline, Kind::Ours),
        sections: v.sections.iter().map(section).collect(),
        qualifications: qualifications(catalogue, v),
        history: v.history.iter().map(history).collect(),
    }
}

fn identity(class: &ClassSpec) -> (Value, Value) {
    let read = class_read(class);
    (
        fact(
            &basis_fact(&class.code_basis, &class.code),
            read,
            Clone::clone,
        ),
        fact(
            &basis_fact(&class.title_basis, &class.title),
            read,
            Clone::clone,
        ),
    )
}

/// A series' file.
pub fn series_file(catalogue: &Catalogue, series: &Series, classes: &[&ClassSpec]) -> SeriesFile {
    SeriesFile {
        format: SERIES_FORMAT.to_owned(),
        schema: format!("{BASE}/{SCHEMA_FILE}"),
        notice: NOTICE.to_owned(),
        id: series.id.to_string(),
        title: series.title.to_string(),
        ladder: series.ladder.iter().map(ToString::to_string).collect(),
        related: series
            .related
            .iter()
            .map(|r| Related {
                code: r.code.to_string(),
                relation: words(&r.relation, Kind::Ours),
            })
            .collect(),
        classes: classes
            .iter()
            .map(|class| {
                let (code, title) = identity(class);
                Class {
                    code,
                    title,
                    versions: class
                        .versions
                        .iter()
                        .map(|v| version(catalogue, v))
                        .collect(),
                }
            })
            .collect(),
    }
}

/// The index.
pub fn index(catalogue: &Catalogue) -> Index {
    Index {
        format: INDEX_FORMAT.to_owned(),
        schema: format!("{BASE}/{SCHEMA_FILE}"),
        notice: NOTICE.to_owned(),
        data_as_of: catalogue.data_as_of().map(Date::iso),
        checked: catalogue.checked.map(Date::iso),
        sources: Kind::ALL
            .into_iter()
            .map(|kind| KindEntry {
                source: kind,
                label: kind.label().to_owned(),
                meaning: kind.meaning().to_owned(),
            })
            .collect(),
        classes_csv: format!("{BASE}/{CLASSES_CSV}"),
        series: catalogue
            .classes_by_series()
            .into_iter()
            .map(|(series, classes)| IndexSeries {
                id: series.id.to_string(),
                title: series.title.to_string(),
                file: series_address(&series.id),
                classes: classes
                    .iter()
                    .map(|class| {
                        let (code, title) = identity(class);
                        IndexClass {
                            code,
                            title,
                            versions: class
                                .versions
                                .iter()
                                .map(|v| IndexVersion {
                                    id: v.id.to_string(),
                                    name: version_name(v),
                                    effective: fact(&v.effective, Kind::of(v.source()), |d| {
                                        d.iso()
                                    }),
                                    official_page: v.source_url.to_string(),
                                })
                                .collect(),
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A published file: its path under [`BASE`] and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// `series/css.json`.
    pub path: String,
    pub text: String,
}

fn json<T: Serialize>(value: &T) -> String {
    // Only strings, numbers, booleans, lists and maps with string keys: cannot fail.
    let mut text = serde_json::to_string_pretty(value).expect("open data serialises");
    text.push('\n');
    text
}

/// Every file of the open data, in a fixed order, the same bytes for the same catalogue.
pub fn files(catalogue: &Catalogue) -> Vec<File> {
    let mut files = vec![File {
        path: INDEX_FILE.to_owned(),
        text: json(&index(catalogue)),
    }];
    for (series, classes) in catalogue.classes_by_series() {
        files.push(File {
            path: format!("series/{}.json", series.id),
            text: json(&series_file(catalogue, series, &classes)),
        });
    }
    files.push(File {
        path: SCHEMA_FILE.to_owned(),
        text: SCHEMA.to_owned(),
    });
    files.push(File {
        path: CLASSES_CSV.to_owned(),
        text: crate::sheet::classes_sheet(catalogue, series_address).to_csv(),
    });
    files
}
