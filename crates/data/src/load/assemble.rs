//! Assembling the catalogue: versions joined into classes, series sorted, and every check that
//! spans files (consistency, duplicates, references to classes and series).

use std::borrow::Cow;
use std::collections::BTreeMap;

use class_spec_core::{Catalogue, ClassSpec};

use super::check::{ParsedSeries, VersionRecord};
use crate::error::{DataError, Source};

/// Joins versions into classes and checks what spans files: consistency, duplicates and
/// references to classes and series. `files_unread`: some file could not be read, so its class
/// is absent and a reference to it says so.
pub(super) fn assemble(
    mut series: Vec<ParsedSeries>,
    records: Vec<VersionRecord>,
    files_unread: bool,
    errors: &mut Vec<DataError>,
) -> Catalogue {
    let mut classes: BTreeMap<String, Vec<VersionRecord>> = BTreeMap::new();
    for record in records {
        classes
            .entry(record.code.to_ascii_uppercase())
            .or_default()
            .push(record);
    }
    let specs: Vec<Vec<VersionRecord>> = classes.into_values().collect();
    let index: ClassIndex = specs
        .iter()
        .map(|v| {
            (
                v[0].code.to_ascii_uppercase(),
                (v[0].code.to_string(), v[0].series.to_string()),
            )
        })
        .collect();
    let all: Vec<&ParsedSeries> = series.iter().collect();
    cross_file(&specs, &index, &all, files_unread, errors);
    series.sort_by_key(|s| s.order);
    let classes = specs
        .into_iter()
        .map(|mut versions| {
            versions.sort_by(|a, b| {
                b.version
                    .effective
                    .value()
                    .cmp(&a.version.effective.value())
            });
            let first = &versions[0];
            ClassSpec {
                code: first.code.clone(),
                code_basis: first.code_basis.clone(),
                title: first.title.clone(),
                title_basis: first.title_basis.clone(),
                series: first.series.clone(),
                versions: Cow::Owned(versions.into_iter().map(|r| r.version).collect()),
            }
        })
        .collect();
    Catalogue {
        series: series.into_iter().map(|s| s.series).collect(),
        classes,
        checked: None,
        glossary: std::borrow::Cow::Borrowed(&[]),
        whole: None,
    }
}

/// Every class of the data, by its code in capitals: its code as its first file (in path order)
/// writes it, and its series. What the checks that span files need of the classes they do not
/// read whole.
pub(super) type ClassIndex = BTreeMap<String, (String, String)>;

/// The checks that span files, for the classes `specs` (each with every one of its versions)
/// against every class of the data (`index`) and every series: the build runs them for every
/// class, the importer for the classes an import touches (the series are few and small, so
/// every series is checked each time). Which rules: the versions of a class agree and name a
/// known series; every class a route or a related entry names exists; a ladder names classes
/// of its own series; each series is defined once; each class is on its series' ladder.
pub(super) fn cross_file(
    specs: &[Vec<VersionRecord>],
    index: &ClassIndex,
    series: &[&ParsedSeries],
    files_unread: bool,
    errors: &mut Vec<DataError>,
) {
    let known_series: Vec<String> = series.iter().map(|s| s.series.id.to_string()).collect();
    for versions in specs {
        check_versions(versions, &known_series, errors);
    }
    let references = References {
        specs,
        index,
        series,
        files_unread,
    };
    references.check(errors);
    for versions in specs {
        let first = &versions[0];
        let listed = series
            .iter()
            .any(|s| s.series.id == first.series && s.series.ladder.contains(&first.code));
        if !listed && known_series.iter().any(|s| *s == *first.series) {
            errors.push(first.spans.error(
                first.spans.series.clone(),
                format!(
                    "class {} is not on the ladder of series `{}`",
                    first.code, first.series
                ),
            ));
        }
    }
}

/// The versions of one class (never empty) agree with each other and name a known series.
fn check_versions(
    versions: &[VersionRecord],
    known_series: &[String],
    errors: &mut Vec<DataError>,
) {
    let first = &versions[0];
    for other in &versions[1..] {
        if other.code != first.code {
            errors.push(other.spans.error(
                other.spans.code.clone(),
                format!(
                    "class code `{}` is written `{}` in {}",
                    other.code,
                    first.code,
                    first.spans.file.display()
                ),
            ));
        }
        if other.title != first.title || other.title_basis != first.title_basis {
            errors.push(other.spans.error(
                other.spans.title.clone(),
                format!(
                    "title (or whether it is inferred) differs from {} (`{}`)",
                    first.spans.file.display(),
                    first.title
                ),
            ));
        }
        if other.series != first.series {
            errors.push(other.spans.error(
                other.spans.series.clone(),
                format!(
                    "series differs from {} (`{}`)",
                    first.spans.file.display(),
                    first.series
                ),
            ));
        }
    }
    for (i, a) in versions.iter().enumerate() {
        for b in &versions[..i] {
            if a.version.id.eq_ignore_ascii_case(&b.version.id) {
                errors.push(a.spans.error(
                    a.spans.id.clone(),
                    format!(
                        "duplicate version `{}` of class {}: also in {}",
                        a.version.id,
                        a.code,
                        b.spans.file.display()
                    ),
                ));
            } else if a.version.effective.value() == b.version.effective.value() {
                errors.push(a.spans.error(
                    a.spans.effective.clone(),
                    format!(
                        "two versions of class {} take effect on the same date: also {}",
                        a.code,
                        b.spans.file.display()
                    ),
                ));
            }
        }
    }
    if !known_series.iter().any(|s| *s == *first.series) {
        errors.push(first.spans.error(
            first.spans.series.clone(),
            format!(
                "unknown series `{}`; the series are: {}",
                first.series,
                known_series.join(", ")
            ),
        ));
    }
}

/// What references to classes are checked against.
struct References<'a> {
    specs: &'a [Vec<VersionRecord>],
    index: &'a ClassIndex,
    series: &'a [&'a ParsedSeries],
    files_unread: bool,
}

impl References<'_> {
    /// A file that could not be read leaves its class out, so references to it fail too.
    fn not_in_data(&self, message: String) -> String {
        if self.files_unread {
            message + " (or its file has errors, listed above)"
        } else {
            message
        }
    }

    /// Every class a route, a ladder or a related class names exists; every series once.
    fn check(&self, errors: &mut Vec<DataError>) {
        let specs = self.specs;
        let series = self.series;
        // A code as the data writes it (the first file's spelling).
        let exists = |code: &str| {
            self.index
                .get(&code.to_ascii_uppercase())
                .is_some_and(|(written, _)| written == code)
        };
        for record in specs.iter().flatten() {
            for (class, span) in &record.spans.route_classes {
                if !exists(class) {
                    errors.push(record.spans.error(
                        span.clone(),
                        self.not_in_data(format!(
                            "qualification route names class `{class}`, which is not in the data"
                        )),
                    ));
                }
            }
        }
        for s in series {
            let source = Source {
                path: &s.source.0,
                text: &s.source.1,
            };
            for (code, span) in s.series.ladder.iter().zip(&s.ladder_spans) {
                match self
                    .index
                    .get(&code.to_ascii_uppercase())
                    .filter(|(written, _)| written == code.as_ref())
                {
                    None => errors.push(source.error_at(
                        span.clone(),
                        self.not_in_data(format!(
                            "ladder names class `{code}`, which is not in the data"
                        )),
                    )),
                    Some((_, of)) if *of != *s.series.id => errors.push(source.error_at(
                        span.clone(),
                        format!("class `{code}` belongs to series `{of}`, not this one"),
                    )),
                    Some(_) => {}
                }
            }
            for (related, span) in s.series.related.iter().zip(&s.related_spans) {
                if !exists(&related.code) {
                    errors.push(source.error_at(
                        span.clone(),
                        self.not_in_data(format!(
                            "related class `{}` is not in the data",
                            related.code
                        )),
                    ));
                }
            }
            if series.iter().filter(|o| o.series.id == s.series.id).count() > 1 {
                errors.push(source.error_at(
                    s.id_span.clone(),
                    format!("series `{}` is defined twice", s.series.id),
                ));
            }
        }
    }
}
