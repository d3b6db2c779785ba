//! Checking one file on its own: a series file, or a class-version file into a record that
//! keeps where each key was written for the checks that span files.

mod fields;

use std::path::{Path, PathBuf};

use class_spec_core::{Basis, ClassVersion, Date, Fact, Oversight, RelatedClass, Series, Text};
use toml::Spanned;

use crate::error::{DataError, Source};
use crate::schema::{FactToml, SeriesFile, VersionFile};
use fields::Checker;

/// One class version read from its file, before it joins its class.
#[derive(Debug)]
pub struct VersionRecord {
    pub code: Text,
    pub code_basis: Basis,
    pub title: Text,
    pub title_basis: Basis,
    pub series: Text,
    pub version: ClassVersion,
    /// Where things were written, for errors that involve other files.
    pub spans: VersionSpans,
}

/// Byte spans of the keys that cross-file checks report on.
#[derive(Debug, Clone)]
pub struct VersionSpans {
    pub file: PathBuf,
    pub text: String,
    pub code: std::ops::Range<usize>,
    pub title: std::ops::Range<usize>,
    pub series: std::ops::Range<usize>,
    pub id: std::ops::Range<usize>,
    pub effective: std::ops::Range<usize>,
    /// The class code each route names, with where.
    pub route_classes: Vec<(String, std::ops::Range<usize>)>,
}

impl VersionSpans {
    pub(super) fn error(
        &self,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> DataError {
        Source {
            path: &self.file,
            text: &self.text,
        }
        .error_at(span, message)
    }
}

fn from_toml<T: serde::de::DeserializeOwned>(source: Source<'_>) -> Result<T, Vec<DataError>> {
    toml::from_str(source.text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        vec![source.error_at(span, e.message().trim().to_owned())]
    })
}

/// A series file read and checked on its own.
#[derive(Debug)]
pub struct ParsedSeries {
    pub(super) order: u32,
    pub(super) series: Series,
    pub(super) source: (PathBuf, String),
    pub(super) ladder_spans: Vec<std::ops::Range<usize>>,
    pub(super) related_spans: Vec<std::ops::Range<usize>>,
    pub(super) id_span: std::ops::Range<usize>,
    /// Places on the ladder still to confirm.
    pub(super) warnings: Vec<DataError>,
}

impl ParsedSeries {
    pub fn series(&self) -> &Series {
        &self.series
    }

    pub fn order(&self) -> u32 {
        self.order
    }

    pub fn path(&self) -> &Path {
        &self.source.0
    }

    pub fn text(&self) -> &str {
        &self.source.1
    }

    /// The bytes of the file from the ladder's first class code to its last, quotes included:
    /// what to replace to write the ladder anew and keep the rest of the file.
    pub fn ladder_span(&self) -> std::ops::Range<usize> {
        let first = self.ladder_spans.first().map_or(0, |s| s.start);
        let last = self.ladder_spans.last().map_or(0, |s| s.end);
        first..last
    }
}

pub(super) fn parse_series(path: &Path, text: &str) -> Result<ParsedSeries, Vec<DataError>> {
    let source = Source { path, text };
    let file: SeriesFile = from_toml(source)?;
    let mut errors = Vec::new();
    if file.ladder.is_empty() {
        errors.push(source.error("a series needs at least one class in `ladder`"));
    }
    let id_span = file.id.span();
    if !is_identifier(file.id.get_ref()) {
        errors.push(source.error_at(id_span.clone(), "a series id is letters, digits and '-'"));
    }
    let mut warnings = Vec::new();
    for place in &file.proposed {
        let code = place.code.get_ref();
        if file.ladder.iter().any(|c| c.get_ref() == code) {
            warnings.push(source.error_at(
                place.code.span(),
                format!(
                    "proposed: the place of class {code} on the ladder ({}); confirm it by deleting this [[proposed]] entry, or move the class",
                    place.why
                ),
            ));
        } else {
            errors.push(source.error_at(
                place.code.span(),
                format!("proposed place of class `{code}`, which is not on this ladder"),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ParsedSeries {
        warnings,
        order: file.order,
        ladder_spans: file.ladder.iter().map(Spanned::span).collect(),
        related_spans: file.related.iter().map(|r| r.code.span()).collect(),
        id_span,
        series: Series {
            id: file.id.into_inner().into(),
            title: file.title.into(),
            ladder: file
                .ladder
                .into_iter()
                .map(|c| Text::from(c.into_inner()))
                .collect(),
            related: file
                .related
                .into_iter()
                .map(|r| RelatedClass {
                    code: r.code.into_inner().into(),
                    relation: r.relation.into(),
                })
                .collect(),
        },
        source: (path.to_path_buf(), text.to_owned()),
    })
}

/// A version or series id: letters, digits and `-` (it is part of a file name).
pub fn is_identifier(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// An official page's address, as a data file may hold it ([`crate::source_url_problem`]).
pub fn is_source_url(text: &str) -> bool {
    crate::source_url_problem(text).is_none()
}

/// Reads and checks one class-version file on its own (cross-file checks come later).
///
/// # Errors
/// Every problem found in the file, each with its line.
pub fn parse_version(
    path: &Path,
    text: &str,
) -> Result<(VersionRecord, Vec<DataError>), Vec<DataError>> {
    let source = Source { path, text };
    let file: VersionFile = from_toml(source)?;
    let mut check = Checker {
        source,
        errors: Vec::new(),
        warnings: Vec::new(),
    };

    let code = file.class.code.get_ref().clone();
    check_names(&mut check, &file);
    let v = &file.version;
    let effective = check.fact(&v.effective, "effective", |text| {
        Date::parse_iso(text).map_err(|e| e.to_string())
    });
    if matches!(effective, Fact::Missing { .. }) {
        check.error(
            &v.effective,
            "every version needs an effective date, stated or inferred",
        );
    }
    let adopted = v.adopted.as_ref().and_then(|d| check.date(d));
    let oversight = check.fact(&v.oversight, "oversight", |text| {
        Oversight::from_id(text).ok_or_else(|| {
            format!(
                "unknown oversight `{text}`; use one of: {}",
                ids(Oversight::ALL.map(Oversight::as_str))
            )
        })
    });
    let text_fact = |fact: &Spanned<FactToml>, check: &mut Checker<'_>, name: &str| {
        check.fact(fact, name, |t| Ok(Text::from(t.to_owned())))
    };
    let category = text_fact(&v.category, &mut check, "category");
    let level = text_fact(&v.level, &mut check, "level");
    let supervision = text_fact(&v.supervision, &mut check, "supervision");
    let scope = text_fact(&v.scope, &mut check, "scope");
    let sections = check.sections(&file.sections);
    let (qualifications, route_classes) = check.qualifications(&file.qualifications);
    let history = check.history_entries(&file.history, &sections);
    let read = read_date(&mut check, v, &sections);

    if !check.errors.is_empty() {
        return Err(check.errors);
    }
    let spans = VersionSpans {
        file: path.to_path_buf(),
        text: text.to_owned(),
        code: file.class.code.span(),
        title: file.class.title.span(),
        series: file.class.series.span(),
        id: v.id.span(),
        effective: v.effective.span(),
        route_classes,
    };
    let record = VersionRecord {
        code: code.into(),
        code_basis: basis(file.class.code_inferred.as_ref()),
        title: file.class.title.get_ref().clone().into(),
        title_basis: basis(file.class.title_inferred.as_ref()),
        series: file.class.series.get_ref().clone().into(),
        version: ClassVersion {
            id: v.id.get_ref().clone().into(),
            label: v.label.clone().into(),
            source_url: v.source_url.get_ref().clone().into(),
            source_note: v.source_note.clone().into(),
            read,
            category,
            effective,
            adopted,
            level,
            supervision,
            scope,
            oversight,
            tagline: v.tagline.clone().into(),
            sections,
            qualifications,
            history,
        },
        spans,
    };
    Ok((record, check.warnings))
}

/// When the copy a version was read from was read: every fact of a version whose official
/// text the data does not hold was read on a page a reader cannot see here, so the date it was
/// read is part of its source (issue 22); a version whose text the data holds was read on it.
fn read_date(
    check: &mut Checker<'_>,
    v: &crate::schema::VersionToml,
    sections: &[class_spec_core::Section],
) -> Option<Date> {
    let holds_text = sections
        .iter()
        .any(|s| matches!(s.content, class_spec_core::SectionContent::Official(_)));
    match (&v.read, holds_text) {
        (Some(read), false) => check.date(read),
        (Some(read), true) => {
            check.error(
                read,
                "`read` is for a version whose official text the data does not hold; this one holds it, so its facts were read on it",
            );
            None
        }
        (None, false) => {
            check.errors.push(check.source.error(
                "`read` is missing: give the date (YYYY-MM-DD) the copy of the official page was read, since the data does not hold its official text",
            ));
            None
        }
        (None, true) => None,
    }
}

/// Stated, or inferred for the reason given.
pub(super) fn basis(inferred: Option<&String>) -> Basis {
    inferred.map_or(Basis::Stated, |why| Basis::Inferred {
        why: why.clone().into(),
    })
}

/// The names a version file gives: its class's code and title, the version's id, tagline and
/// source address.
fn check_names(check: &mut Checker<'_>, file: &VersionFile) {
    if !is_identifier(file.class.code.get_ref()) {
        check.error(
            &file.class.code,
            "a class code is letters and digits, like 102A",
        );
    }
    if file.class.title.get_ref().trim().is_empty() {
        check.error(&file.class.title, "the class title is empty");
    }
    let v = &file.version;
    if v.tagline.trim().is_empty() {
        check.errors.push(
            check
                .source
                .error("`tagline` is empty: give a one-line definition for the ladder"),
        );
    }
    if !is_identifier(v.id.get_ref()) {
        check.error(&v.id, "a version id is letters, digits and '-', like 2025");
    }
    if let Some(problem) = crate::source_url_problem(v.source_url.get_ref()) {
        check.error(
            &v.source_url,
            format!("the source address must be a well-formed https:// address: {problem}"),
        );
    }
}

pub(super) fn ids<const N: usize>(names: [&str; N]) -> String {
    names.join(", ")
}
