//! Reads the text of an official class-specification page into its parts, exactly as printed.

use std::fmt;

use class_spec_core::SectionKind;

/// An official page, split into its parts. Section bodies are the page's own lines, unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// As printed (often in capitals): `CUSTOMER SERVICE SPECIALIST 4`.
    pub title: String,
    pub code: String,
    pub category: String,
    /// In page order, each kind at most once.
    pub sections: Vec<PageSection>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSection {
    pub kind: SectionKind,
    /// 1-based line of the heading.
    pub line: usize,
    /// The lines between this heading and the next, without the blank lines around them.
    pub text: String,
}

impl Page {
    pub fn section(&self, kind: SectionKind) -> Option<&PageSection> {
        self.sections.iter().find(|s| s.kind == kind)
    }
}

/// Why a page could not be read; always names the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for PageError {}

fn fail<T>(line: usize, message: impl Into<String>) -> Result<T, PageError> {
    Err(PageError {
        line,
        message: message.into(),
    })
}

/// The sections every complete page has; the others may be absent from a version.
const REQUIRED: [SectionKind; 5] = [
    SectionKind::Definition,
    SectionKind::TypicalWork,
    SectionKind::LegalRequirements,
    SectionKind::DesirableQualifications,
    SectionKind::ClassSpecificationHistory,
];

/// Other spellings of headings seen on official pages.
fn heading_kind(line: &str) -> Option<SectionKind> {
    SectionKind::from_heading(line).or(match line {
        "Legal Requirements" | "Legal Requirement" => Some(SectionKind::LegalRequirements),
        "Desired Qualifications" => Some(SectionKind::DesirableQualifications),
        _ => None,
    })
}

/// A line that looks like a heading: a few capitalised words with no closing punctuation.
fn looks_like_heading(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let small = ["of", "and", "or", "the", "for", "to", "in", "a"];
    (2..=6).contains(&words.len())
        && line.len() <= 60
        && !line.ends_with(['.', ',', ';', ':'])
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '(') || small.contains(w))
        && words.iter().any(|w| w.chars().any(char::is_lowercase))
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Splits a page into title, code, category and sections.
///
/// # Errors
/// A [`PageError`] naming the line: empty or binary input, no class code or category, text
/// before the first section, an unknown or repeated heading, an empty section, a page that stops
/// before its required sections or in the middle of a sentence.
pub fn parse_page(bytes: &[u8]) -> Result<Page, PageError> {
    let text = page_text(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_blank(text) {
        return fail(1, "the page is empty");
    }
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let (title, code, category, category_at) = header(&lines)?;
    let sections = sections(&lines, category_at + 1)?;
    Ok(Page {
        title,
        code,
        category,
        sections,
    })
}

/// The wide encoding `bytes` are in, if they are UTF-16 or UTF-32 text: by its byte-order mark,
/// or, without one, by the zero bytes every other (or three of four) byte of Latin text has.
/// Such a file is refused, not decoded: the usage asks for UTF-8, and a guess without a mark
/// could be wrong, so one rule (UTF-8 only) is simpler to trust than a decoder that is right
/// for most files.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    let named = match bytes {
        [0xFF, 0xFE, 0, 0, ..] => Some("UTF-32 (little-endian)"),
        [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32 (big-endian)"),
        [0xFF, 0xFE, ..] => Some("UTF-16 (little-endian)"),
        [0xFE, 0xFF, ..] => Some("UTF-16 (big-endian)"),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    // The first few hundred bytes, in whole units of four.
    let head = &bytes[..bytes.len().min(512) / 4 * 4];
    if head.len() < 8 {
        return None;
    }
    // Whether nine in ten of the bytes at `phase` of every `step` are zero.
    let zero_at = |phase: usize, step: usize| {
        let (zeros, all) = head
            .iter()
            .skip(phase)
            .step_by(step)
            .fold((0, 0), |(zeros, all), b| {
                (zeros + usize::from(*b == 0), all + 1)
            });
        zeros * 10 >= all * 9
    };
    let text_at = |phase: usize, step: usize| !zero_at(phase, step);
    if zero_at(1, 4) && zero_at(2, 4) && zero_at(3, 4) && text_at(0, 4) {
        Some("UTF-32 (little-endian)")
    } else if zero_at(0, 4) && zero_at(1, 4) && zero_at(2, 4) && text_at(3, 4) {
        Some("UTF-32 (big-endian)")
    } else if zero_at(1, 2) && text_at(0, 2) {
        Some("UTF-16 (little-endian)")
    } else if zero_at(0, 2) && text_at(1, 2) {
        Some("UTF-16 (big-endian)")
    } else {
        None
    }
}

/// The bytes as text, unless they are binary or not UTF-8.
#[allow(clippy::naive_bytecount)] // counting the lines of one page; not worth a dependency
fn page_text(bytes: &[u8]) -> Result<&str, PageError> {
    if let Some(encoding) = wide_encoding(bytes) {
        return fail(
            1,
            format!("this file is {encoding} text; save it as UTF-8 text and try again (in Notepad: File, Save as, Encoding: UTF-8)"),
        );
    }
    if let Some(at) = bytes.iter().position(|b| *b == 0) {
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        return fail(
            line,
            "this is binary data, not the text of a page (a NUL byte)",
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            fail(
                line,
                "this is not UTF-8 text (save the page as UTF-8 text and try again)",
            )
        }
    }
}

/// The title, code and category above the first section, and the category's line index.
fn header(lines: &[&str]) -> Result<(String, String, String, usize), PageError> {
    let Some(code_at) = lines
        .iter()
        .position(|l| l.trim_start().starts_with("Class Code:"))
    else {
        return fail(
            lines.len(),
            "no `Class Code:` line anywhere: is this the text of an official class-specification page?",
        );
    };
    let code = lines[code_at].trim_start()["Class Code:".len()..]
        .trim()
        .to_owned();
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return fail(
            code_at + 1,
            format!("`{code}` is not a class code (letters and digits, like 102A)"),
        );
    }
    let Some(title_at) = lines[..code_at].iter().rposition(|l| !is_blank(l)) else {
        return fail(code_at + 1, "no class title above the `Class Code:` line");
    };
    let title = lines[title_at].trim().to_owned();
    let category_at = code_at + 1;
    let category = match lines.get(category_at).map(|l| l.trim_start()) {
        Some(l) if l.starts_with("Category:") => l["Category:".len()..].trim().to_owned(),
        _ => {
            return fail(
                category_at + 1,
                "expected a `Category:` line right after the class code",
            )
        }
    };
    Ok((title, code, category, category_at))
}

/// The sections from line index `from` on, in the page's order, with the checks that the page
/// is whole: every required section present and the last one ending a sentence.
fn sections(lines: &[&str], from: usize) -> Result<Vec<PageSection>, PageError> {
    let mut sections: Vec<PageSection> = Vec::new();
    let mut body_start = from;
    let mut current: Option<(SectionKind, usize)> = None;
    let close = |current: Option<(SectionKind, usize)>,
                 end: usize,
                 start: usize,
                 sections: &mut Vec<PageSection>|
     -> Result<(), PageError> {
        let Some((kind, line)) = current else {
            return Ok(());
        };
        let body = trim_blank_lines(&lines[start..end]);
        if body.is_empty() {
            return fail(line, format!("the section `{}` is empty", kind.heading()));
        }
        sections.push(PageSection {
            kind,
            line,
            text: body.join("\n"),
        });
        Ok(())
    };
    for (i, raw) in lines.iter().enumerate().skip(from) {
        let line = raw.trim();
        let standalone = i > 0
            && lines.get(i - 1).is_none_or(|l| is_blank(l))
            && lines.get(i + 1).is_none_or(|l| is_blank(l));
        if let Some(kind) = heading_kind(line) {
            if let Some(previous) = sections.iter().find(|s| s.kind == kind) {
                return fail(
                    i + 1,
                    format!(
                        "the heading `{line}` appears twice (first at line {})",
                        previous.line
                    ),
                );
            }
            if let Some((open, _)) = current {
                if kind <= open || sections.iter().any(|s| s.kind >= kind) {
                    return fail(
                        i + 1,
                        format!(
                            "the heading `{line}` is out of order (it comes after `{}`)",
                            open.heading()
                        ),
                    );
                }
            }
            close(current, i, body_start, &mut sections)?;
            current = Some((kind, i + 1));
            body_start = i + 1;
        } else if current.is_none() && !is_blank(line) {
            return fail(
                i + 1,
                format!("text before the first section heading: `{}`", shorten(line)),
            );
        } else if standalone && looks_like_heading(line) {
            let known: Vec<&str> = SectionKind::ALL.iter().map(|k| k.heading()).collect();
            return fail(
                i + 1,
                format!(
                    "unknown heading `{line}`; the headings this importer reads are: {}",
                    known.join(", ")
                ),
            );
        }
    }
    let Some((last, last_line)) = current else {
        return fail(
            lines.len(),
            "no section headings after the class code and category",
        );
    };
    close(current, lines.len(), body_start, &mut sections)?;

    check_whole(lines, &sections, last, last_line)?;
    Ok(sections)
}

/// The page is whole: every required section is present, and the last line ends a sentence.
/// `last` is the last section, with the line of its heading.
fn check_whole(
    lines: &[&str],
    sections: &[PageSection],
    last: SectionKind,
    last_line: usize,
) -> Result<(), PageError> {
    let end_line = lines
        .iter()
        .rposition(|l| !is_blank(l))
        .map_or(lines.len(), |i| i + 1);
    if let Some(missing) = REQUIRED
        .iter()
        .find(|k| !sections.iter().any(|s| s.kind == **k))
    {
        if *missing > last {
            return fail(
                end_line,
                format!(
                    "the page stops in the section `{}` (heading at line {last_line}); `{}` and what follows never come: it looks cut off",
                    last.heading(),
                    missing.heading()
                ),
            );
        }
        return fail(
            end_line,
            format!("the page has no `{}` section", missing.heading()),
        );
    }
    let last_text = lines[end_line - 1].trim_end_matches(|c: char| c.is_whitespace());
    if !last_text.ends_with(['.', ')', '!', '?', '"', '\u{201d}']) {
        return fail(
            end_line,
            format!("the page stops mid-sentence: `{}`", shorten(last_text)),
        );
    }
    Ok(())
}

fn trim_blank_lines<'a>(lines: &'a [&'a str]) -> &'a [&'a str] {
    let start = lines
        .iter()
        .position(|l| !is_blank(l))
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !is_blank(l))
        .map_or(start, |i| i + 1);
    &lines[start..end]
}

fn shorten(line: &str) -> String {
    let mut out: String = line.chars().take(60).collect();
    if line.chars().count() > 60 {
        out.push('…');
    }
    out
}
