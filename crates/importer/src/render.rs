//! Writes an imported page as a data file, official text verbatim, facts marked by certainty.

use std::fmt::Write as _;

use class_spec_core::{paragraphs, Requirement, SectionKind};

use crate::facts::{self, ReadRoute};
use crate::page::{Page, PageError};

/// What the importer knows beyond the page: the classes already in the data, and what the
/// person running it said.
#[derive(Debug, Default, Clone)]
pub struct Context {
    /// `(code, title, series, source_url)` of every class already in the data.
    pub known: Vec<KnownClass>,
    pub source_url: Option<String>,
    pub series: Option<String>,
    pub version_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct KnownClass {
    pub code: String,
    pub title: String,
    pub series: String,
    pub source_url: String,
}

/// A data file ready to write.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The class code read from the page.
    pub code: String,
    /// The class title as written in the file (`Customer Service Specialist 4`).
    pub title: String,
    /// `102D-2025.toml`
    pub file_name: String,
    pub toml: String,
    /// What a person must look at: proposals and wording the importer did not read.
    pub to_confirm: Vec<String>,
}

/// Renders a page as a data file.
///
/// # Panics
/// Never for a page from [`crate::parse_page`], which guarantees the required sections.
///
/// # Errors
/// When the page lacks what a data file needs (an effective date) or the context lacks a
/// source address or series for a class the data does not have yet.
pub fn render(page: &Page, context: &Context) -> Result<Rendered, PageError> {
    let title = facts::title_case(&page.title);
    let known = context
        .known
        .iter()
        .find(|k| k.code.eq_ignore_ascii_case(&page.code));
    let history_section = page
        .section(SectionKind::ClassSpecificationHistory)
        .expect("required");
    let history = facts::history(&history_section.text);
    let Some(latest) = history.iter().rev().find(|d| d.effective.is_some()) else {
        return Err(PageError {
            line: history_section.line,
            message: "no line of the Class Specification History states an effective date".into(),
        });
    };
    let effective = latest.effective.expect("found above");
    let source_url = context
        .source_url
        .clone()
        .or_else(|| known.map(|k| k.source_url.clone()))
        .ok_or_else(|| PageError {
            line: 1,
            message: format!(
                "class {} is new to the data: give its official page address with --url",
                page.code
            ),
        })?;
    let series = context
        .series
        .clone()
        .or_else(|| known.map(|k| k.series.clone()))
        .ok_or_else(|| PageError {
            line: 1,
            message: format!(
                "class {} is new to the data: name its series with --series",
                page.code
            ),
        })?;
    let id = context
        .version_id
        .clone()
        .unwrap_or_else(|| effective.year.to_string());
    let mut to_confirm = Vec::new();
    let mut out = String::new();
    let _ = write!(
        out,
        "# Imported by class-spec-import from the official page's text.\n\
         # Official text is reproduced exactly: do not edit it. Facts marked `proposed` are the\n\
         # importer's reading of the page; a person confirms each (proposed -> stated, drop `why`) or corrects it.\n\n\
         [class]\ncode = {}\ntitle = {}\nseries = {}\n\n[version]\nid = {}\nlabel = {}\nsource_url = {}\n\
         source_note = \"Official text of the whole page, imported with class-spec-import.\"\n\
         effective = {{ stated = \"{}\" }}\n",
        quote(&page.code),
        quote(&title),
        quote(&series),
        quote(&id),
        quote(&format!("{} revision", effective.year)),
        quote(&source_url),
        effective.iso(),
    );
    if let Some(adopted) = latest.adopted {
        let _ = writeln!(out, "adopted = \"{}\"", adopted.iso());
    }
    write_facts(&mut out, page, &mut to_confirm);

    for kind in SectionKind::ALL {
        let _ = write!(out, "\n[[section]]\nkind = \"{}\"\n", kind.as_str());
        match page.section(kind) {
            Some(section) => {
                let _ = writeln!(out, "official = {}", quote_block(&section.text));
            }
            None => out.push_str("gap = \"not-on-page\"\n"),
        }
    }

    let q = page
        .section(SectionKind::DesirableQualifications)
        .expect("required");
    let (block, mut unread) = qualifications_block(&q.text, &context.known);
    out.push('\n');
    out.push_str(&block);
    to_confirm.append(&mut unread);
    write_history(&mut out, &history);
    Ok(Rendered {
        code: page.code.clone(),
        title,
        file_name: format!("{}-{id}.toml", page.code),
        toml: out,
        to_confirm,
    })
}

/// The version's facts: category, level, supervision, scope, oversight and tagline, each
/// stated from the page, proposed for a person to confirm, or missing.
fn write_facts(out: &mut String, page: &Page, to_confirm: &mut Vec<String>) {
    let definition = &page
        .section(SectionKind::Definition)
        .expect("required")
        .text;
    let distinguishing = page
        .section(SectionKind::DistinguishingCharacteristics)
        .map(|s| s.text.as_str());
    let concept = page
        .section(SectionKind::ClassSeriesConcept)
        .map(|s| s.text.as_str());

    let _ = writeln!(out, "category = {{ stated = {} }}", quote(&page.category));
    match facts::level_name(definition) {
        Some(level) => {
            let _ = writeln!(out, "level = {{ stated = {} }}", quote(&level));
        }
        None => out.push_str(
            "level = { missing = \"The page does not name the level of this class.\" }\n",
        ),
    }
    let supervision =
        facts::supervision(definition).or_else(|| distinguishing.and_then(facts::supervision));
    match supervision {
        Some(s) => {
            let _ = writeln!(out, "supervision = {{ stated = {} }}", quote(&s));
        }
        None => out.push_str(
            "supervision = { missing = \"The page does not state the supervision received.\" }\n",
        ),
    }
    out.push_str("scope = { missing = \"Not summarised yet: see the Definition.\" }\n");
    let (oversight, why) = propose_oversight(definition, distinguishing, concept);
    if let Some(oversight) = oversight {
        let _ = writeln!(
            out,
            "oversight = {{ proposed = \"{oversight}\", why = {} }}",
            quote(why)
        );
        to_confirm.push(format!("oversight `{oversight}`: {why}"));
    } else {
        out.push_str("oversight = { missing = \"The page does not say whether the class leads or supervises others.\" }\n");
    }
    let first_sentence = paragraphs(definition).next().unwrap_or_default();
    let first_sentence = first_sentence
        .split_inclusive(". ")
        .next()
        .unwrap_or(first_sentence)
        .trim();
    out.push_str("# Proposed: the Definition's first sentence. Rewrite it as one line of your own if you like.\n");
    let _ = writeln!(out, "tagline = {}", quote(first_sentence));
}

/// The `[qualifications]` table of a data file, from the official text of the Desirable
/// Qualifications and the classes the data knows: the routes read, each one that could not be
/// read as a comment (and a line to confirm), or `missing` when none could. A route through a
/// class not in the data yet is such a comment, naming it: importing that class later writes
/// the table again, with the route ([`crate::resolve`]).
pub fn qualifications_block(text: &str, known: &[KnownClass]) -> (String, Vec<String>) {
    let mut out = String::from("[qualifications]\n");
    let mut to_confirm = Vec::new();
    let mut routes = Vec::new();
    // A route not read stays in the list as `unread`, so that nobody is told "not yet" for
    // want of a route the data does not hold.
    let mut unread = Vec::new();
    for route in facts::qualification_routes(text) {
        match route_toml(&route, known) {
            Ok(line) => routes.push(line),
            Err(comment) => {
                let _ = writeln!(out, "# {comment}");
                to_confirm.push(comment);
                let why = match &route {
                    ReadRoute::YearsAs { title, .. } => {
                        format!("it names {title}, a class not in the data yet")
                    }
                    _ => "the importer could not read it with certainty".to_owned(),
                };
                unread.push(format!("{{ unread = {} }}", quote(&why)));
            }
        }
    }
    if routes.is_empty() {
        out.push_str("missing = \"The importer could not read these qualifications with certainty: see the official text.\"\n");
    } else {
        routes.append(&mut unread);
        let _ = writeln!(out, "routes = [\n  {},\n]", routes.join(",\n  "));
    }
    (out, to_confirm)
}

/// One `[[history]]` table per line of the Class Specification History.
fn write_history(out: &mut String, history: &[facts::DatedLine]) {
    for line in history {
        out.push_str("\n[[history]]\n");
        if let Some(date) = line.effective {
            let _ = writeln!(out, "effective = \"{}\"", date.iso());
        }
        if let Some(date) = line.adopted {
            let _ = writeln!(out, "adopted = \"{}\"", date.iso());
        }
        // A line of the page, exactly as printed (the build checks it against the section).
        let _ = writeln!(out, "official = {}", quote(&line.text));
    }
}

fn propose_oversight(
    definition: &str,
    distinguishing: Option<&str>,
    concept: Option<&str>,
) -> (Option<&'static str>, &'static str) {
    let own = format!("{definition} {}", distinguishing.unwrap_or_default()).to_lowercase();
    if own.contains("supervisory level") || own.contains("direct the work") {
        (
            Some("supervises"),
            "the Definition names the supervisory level or directing others' work",
        )
    } else if own.contains("lead") {
        (
            Some("leads"),
            "the Definition or Distinguishing Characteristics mention leading others",
        )
    } else if concept.is_some_and(|c| {
        c.to_lowercase()
            .contains("may be assigned lead or supervisory")
    }) {
        (
            Some("may-lead-or-supervise"),
            "the Class Series Concept says any level may be assigned lead or supervisory duties",
        )
    } else {
        (None, "")
    }
}

fn route_toml(route: &ReadRoute, known: &[KnownClass]) -> Result<String, String> {
    let requirement = match route {
        ReadRoute::EducationAndExperience {
            education,
            years,
            progressive,
        } => Requirement::EducationAndExperience {
            education: *education,
            years: *years,
            progressive: *progressive,
        },
        ReadRoute::YearsAs { title, years } => {
            let Some(class) = known.iter().find(|k| k.title.eq_ignore_ascii_case(title)) else {
                return Err(format!("pending: {years} year(s) as a `{title}`, a class not in the data yet; importing its page adds this route (or add {{ class = \"CODE\", years = {years} }} by hand)"));
            };
            Requirement::YearsInClass {
                class: class.code.clone().into(),
                years: *years,
            }
        }
        ReadRoute::Equivalent { of } => Requirement::Equivalent {
            of: of.clone().into(),
        },
        ReadRoute::Unread(text) => {
            return Err(format!(
                "not read with certainty, add a route by hand: {text}"
            ))
        }
    };
    Ok(match requirement {
        Requirement::EducationAndExperience {
            education,
            years,
            progressive: false,
        } => {
            format!(
                "{{ education = \"{}\", years = {years} }}",
                education.as_str()
            )
        }
        Requirement::EducationAndExperience {
            education,
            years,
            progressive: true,
        } => {
            format!(
                "{{ education = \"{}\", years = {years}, progressive = true }}",
                education.as_str()
            )
        }
        Requirement::YearsInClass { class, years } => {
            format!("{{ class = {}, years = {years} }}", quote(&class))
        }
        Requirement::Equivalent { of } => format!("{{ equivalent = {} }}", quote(&of)),
        Requirement::Unread { why } => format!("{{ unread = {} }}", quote(&why)),
    })
}

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML multi-line literal string when the text allows it (readable, every byte kept),
/// otherwise a basic string.
pub fn quote_block(text: &str) -> String {
    let literal_ok = !text.contains("'''")
        && !text.ends_with('\'')
        && text
            .chars()
            .all(|c| c == '\n' || c == '\t' || !c.is_control());
    if literal_ok {
        format!("'''\n{text}'''")
    } else {
        quote(text)
    }
}
