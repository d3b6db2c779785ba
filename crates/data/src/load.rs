//! Turns data files into a checked [`Catalogue`]: every error names its file and line.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use class_spec_core::{
    Basis, Catalogue, ClassSpec, ClassVersion, Date, Education, Fact, HistoryEntry, Oversight,
    QualificationRoute, Qualifications, RelatedClass, Requirement, Section, SectionContent,
    SectionKind, Series, Text,
};
use toml::Spanned;

use crate::error::{DataError, Source};
use crate::schema::{
    FactToml, HistoryToml, QualificationsToml, RouteToml, SectionToml, SeriesFile, VersionFile,
};

/// A checked catalogue, with what deserves a person's attention but does not stop the build.
#[derive(Debug)]
pub struct Loaded {
    pub catalogue: Catalogue,
    /// Facts the importer proposed that nobody has confirmed yet.
    pub warnings: Vec<DataError>,
    /// Every file read, so a build script can re-run when one changes.
    pub files: Vec<PathBuf>,
}

/// One class version read from its file, before it joins its class.
#[derive(Debug)]
pub struct VersionRecord {
    pub code: Text,
    pub code_basis: Basis,
    pub title: Text,
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
    fn error(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> DataError {
        Source {
            path: &self.file,
            text: &self.text,
        }
        .error_at(span, message)
    }
}

/// Every data file read on its own, before the checks that span files.
#[derive(Debug, Default)]
pub struct Scan {
    /// Series ids, in file order.
    pub series_ids: Vec<String>,
    series: Vec<ParsedSeries>,
    pub records: Vec<VersionRecord>,
    /// Problems within single files.
    pub errors: Vec<DataError>,
    pub warnings: Vec<DataError>,
    pub files: Vec<PathBuf>,
}

/// Reads every data file under `root` on its own; the importer uses this to learn the classes
/// already there even while the catalogue as a whole is incomplete.
pub fn scan_dir(root: &Path) -> Scan {
    let mut scan = Scan::default();
    let series_files = toml_files(&root.join("series"), &mut scan.errors);
    let class_files = toml_files(&root.join("classes"), &mut scan.errors);
    for (path, text) in &series_files {
        match parse_series(path, text) {
            Ok(parsed) => {
                scan.series_ids.push(parsed.series.id.to_string());
                scan.series.push(parsed);
            }
            Err(mut e) => scan.errors.append(&mut e),
        }
    }
    for (path, text) in &class_files {
        match parse_version(path, text) {
            Ok((record, mut w)) => {
                scan.warnings.append(&mut w);
                scan.records.push(record);
            }
            Err(mut e) => scan.errors.append(&mut e),
        }
    }
    if series_files.is_empty() && class_files.is_empty() && scan.errors.is_empty() {
        scan.errors.push(DataError {
            file: root.to_path_buf(),
            line: 1,
            column: 1,
            message: "no data files: expected series/*.toml and classes/*.toml".into(),
        });
    }
    scan.files = series_files
        .into_iter()
        .chain(class_files)
        .map(|(p, _)| p)
        .collect();
    scan
}

/// Reads `root/series/*.toml` and `root/classes/*.toml` and checks them together.
///
/// # Errors
/// Every problem found, each with its file and line.
pub fn load_dir(root: &Path) -> Result<Loaded, Vec<DataError>> {
    let Scan {
        series,
        records,
        mut errors,
        warnings,
        files,
        ..
    } = scan_dir(root);
    let files_with_errors = errors.len();
    let catalogue = assemble(series, records, &mut errors);
    if files_with_errors > 0 {
        // A file that could not be read leaves its class out, so references to it fail too.
        for error in &mut errors[files_with_errors..] {
            if error.message.contains("not in the data") {
                error
                    .message
                    .push_str(" (or its file has errors, listed above)");
            }
        }
    }
    if errors.is_empty() {
        Ok(Loaded {
            catalogue,
            warnings,
            files,
        })
    } else {
        Err(errors)
    }
}

fn toml_files(dir: &Path, errors: &mut Vec<DataError>) -> Vec<(PathBuf, String)> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(DataError {
                file: dir.to_path_buf(),
                line: 1,
                column: 1,
                message: format!("cannot read the folder: {e}"),
            });
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| match fs::read_to_string(&path) {
            Ok(text) => Some((path, text)),
            Err(e) => {
                errors.push(DataError {
                    file: path,
                    line: 1,
                    column: 1,
                    message: format!("cannot read the file as UTF-8 text: {e}"),
                });
                None
            }
        })
        .collect()
}

fn from_toml<T: serde::de::DeserializeOwned>(source: Source<'_>) -> Result<T, Vec<DataError>> {
    toml::from_str(source.text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        vec![source.error_at(span, e.message().trim().to_owned())]
    })
}

#[derive(Debug)]
struct ParsedSeries {
    order: u32,
    series: Series,
    source: (PathBuf, String),
    ladder_spans: Vec<std::ops::Range<usize>>,
    related_spans: Vec<std::ops::Range<usize>>,
    id_span: std::ops::Range<usize>,
}

fn parse_series(path: &Path, text: &str) -> Result<ParsedSeries, Vec<DataError>> {
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
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ParsedSeries {
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

fn is_identifier(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
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
    if !is_identifier(&code) {
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
        check
            .errors
            .push(source.error("`tagline` is empty: give a one-line definition for the ladder"));
    }
    if !is_identifier(v.id.get_ref()) {
        check.error(&v.id, "a version id is letters, digits and '-', like 2025");
    }
    if !v.source_url.get_ref().starts_with("https://") {
        check.error(
            &v.source_url,
            "the source address must be an https:// address",
        );
    }
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
    let history = file.history.iter().map(|h| check.history(h)).collect();

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
        code_basis: match &file.class.code_inferred {
            Some(why) => Basis::Inferred {
                why: why.clone().into(),
            },
            None => Basis::Stated,
        },
        title: file.class.title.get_ref().clone().into(),
        series: file.class.series.get_ref().clone().into(),
        version: ClassVersion {
            id: v.id.get_ref().clone().into(),
            label: v.label.clone().into(),
            source_url: v.source_url.get_ref().clone().into(),
            source_note: v.source_note.clone().into(),
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

fn ids<const N: usize>(names: [&str; N]) -> String {
    names.join(", ")
}

struct Checker<'a> {
    source: Source<'a>,
    errors: Vec<DataError>,
    warnings: Vec<DataError>,
}

impl Checker<'_> {
    fn error<T>(&mut self, at: &Spanned<T>, message: impl Into<String>) {
        self.errors.push(self.source.error_at(at.span(), message));
    }

    fn date(&mut self, text: &Spanned<String>) -> Option<Date> {
        match Date::parse_iso(text.get_ref()) {
            Ok(date) => Some(date),
            Err(e) => {
                self.error(text, format!("`{}` is not a date: {e}", text.get_ref()));
                None
            }
        }
    }

    fn fact<T>(
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

    fn sections(&mut self, sections: &[SectionToml]) -> class_spec_core::List<Section> {
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
            out.push(Section {
                kind,
                content,
                alongside,
                note: section.note.clone().map(Text::from),
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

    fn qualifications(
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

    fn route(&mut self, route: &Spanned<RouteToml>) -> Option<QualificationRoute> {
        let r = route.get_ref();
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
                    "a route is one of { education, years }, { class, years } or { equivalent }",
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

    fn history(&mut self, h: &HistoryToml) -> HistoryEntry {
        let effective = h.effective.as_ref().and_then(|d| self.date(d));
        let adopted = h.adopted.as_ref().and_then(|d| self.date(d));
        HistoryEntry {
            effective,
            adopted,
            summary: h.summary.clone().into(),
            basis: match &h.inferred {
                Some(why) => Basis::Inferred {
                    why: why.clone().into(),
                },
                None => Basis::Stated,
            },
        }
    }
}

/// Joins versions into classes and checks what spans files: consistency, duplicates and
/// references to classes and series.
fn assemble(
    mut series: Vec<ParsedSeries>,
    records: Vec<VersionRecord>,
    errors: &mut Vec<DataError>,
) -> Catalogue {
    let mut classes: BTreeMap<String, Vec<VersionRecord>> = BTreeMap::new();
    for record in records {
        classes
            .entry(record.code.to_ascii_uppercase())
            .or_default()
            .push(record);
    }
    let known_series: Vec<String> = series.iter().map(|s| s.series.id.to_string()).collect();
    let mut specs = Vec::new();
    for versions in classes.into_values() {
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
            if other.title != first.title {
                errors.push(other.spans.error(
                    other.spans.title.clone(),
                    format!(
                        "title differs from {} (`{}`)",
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
        specs.push(versions);
    }
    let all_codes: Vec<String> = specs.iter().map(|v| v[0].code.to_string()).collect();
    for record in specs.iter().flatten() {
        for (class, span) in &record.spans.route_classes {
            if !all_codes.iter().any(|c| c == class) {
                errors.push(record.spans.error(
                    span.clone(),
                    format!("qualification route names class `{class}`, which is not in the data"),
                ));
            }
        }
    }
    for s in &series {
        let source = Source {
            path: &s.source.0,
            text: &s.source.1,
        };
        for (code, span) in s.series.ladder.iter().zip(&s.ladder_spans) {
            match specs.iter().find(|v| v[0].code == *code) {
                None => errors.push(source.error_at(
                    span.clone(),
                    format!("ladder names class `{code}`, which is not in the data"),
                )),
                Some(v) if v[0].series != s.series.id => errors.push(source.error_at(
                    span.clone(),
                    format!(
                        "class `{code}` belongs to series `{}`, not this one",
                        v[0].series
                    ),
                )),
                Some(_) => {}
            }
        }
        for (related, span) in s.series.related.iter().zip(&s.related_spans) {
            if !all_codes.iter().any(|c| *c == *related.code) {
                errors.push(source.error_at(
                    span.clone(),
                    format!("related class `{}` is not in the data", related.code),
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
    for versions in &specs {
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
                series: first.series.clone(),
                versions: Cow::Owned(versions.into_iter().map(|r| r.version).collect()),
            }
        })
        .collect();
    Catalogue {
        series: series.into_iter().map(|s| s.series).collect(),
        classes,
    }
}

/// For build scripts: loads and checks the data folder, tells Cargo to run again when any data
/// file changes and passes on the warnings; on errors prints each (`file:line:col` and message)
/// and stops the build.
pub fn load_for_build(root: &Path) -> Loaded {
    println!("cargo::rerun-if-changed={}", root.display());
    println!("cargo::rerun-if-changed={}", root.join("classes").display());
    println!("cargo::rerun-if-changed={}", root.join("series").display());
    let loaded = match load_dir(root) {
        Ok(loaded) => loaded,
        Err(errors) => {
            eprintln!("\nThe data files do not pass their checks:\n");
            for error in &errors {
                eprintln!("error: {error}");
            }
            eprintln!();
            std::process::exit(1);
        }
    };
    for file in &loaded.files {
        println!("cargo::rerun-if-changed={}", file.display());
    }
    for warning in &loaded.warnings {
        println!("cargo::warning={warning}");
    }
    // The benchmark's load case (scripts/bench): a build of its own with a synthetic catalogue.
    println!("cargo::rerun-if-env-changed={SYNTHETIC}");
    let mut loaded = loaded;
    if let Some(classes) = std::env::var(SYNTHETIC)
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        println!("cargo::warning=baked a synthetic catalogue of {classes} classes ({SYNTHETIC}): for the benchmark only, never ship this build");
        loaded.catalogue = crate::synthetic(&loaded.catalogue, classes);
    }
    loaded
}

/// Set to a number of classes, the build bakes a synthetic catalogue of that size instead of
/// the data (see [`crate::synthetic`]).
pub const SYNTHETIC: &str = "CSE_SYNTHETIC_CLASSES";
