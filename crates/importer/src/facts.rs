//! Structured facts read from the standard wording of a page. Each reader either is sure (the
//! wording is the standard formula) or returns nothing; it never guesses.

use class_spec_core::{paragraphs, Date, Education};

/// "This is the supervisory level of the series." gives `Supervisory level`.
pub fn level_name(definition: &str) -> Option<String> {
    let lower = definition.to_lowercase();
    let start = lower.find("this is the ")? + "this is the ".len();
    let end = start + lower[start..].find(" level of the series")?;
    let name = &definition[start..end];
    (name.split_whitespace().count() <= 5).then(|| capitalise(&format!("{name} level")))
}

/// "Under close to general supervision, ..." gives `Close to general supervision`;
/// "Working under administrative direction, ..." gives `Administrative direction`.
pub fn supervision(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("under ") {
        let start = from + at + "under ".len();
        let rest = &lower[start..];
        let stop = rest.find([',', '.', ';']).unwrap_or(rest.len());
        let phrase = rest[..stop].trim();
        let words = phrase.split_whitespace().count();
        if words <= 5 && (phrase.ends_with("supervision") || phrase.ends_with("direction")) {
            return Some(capitalise(&text[start..start + phrase.len()]));
        }
        from = start;
    }
    None
}

/// A dated line of a class specification history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedLine {
    pub effective: Option<Date>,
    pub adopted: Option<Date>,
    pub text: String,
}

/// Every line of the history with the dates it states; a line printed twice is kept once.
pub fn history(text: &str) -> Vec<DatedLine> {
    let mut out: Vec<DatedLine> = Vec::new();
    for line in paragraphs(text) {
        if out.iter().any(|d| d.text == line) {
            continue;
        }
        out.push(DatedLine {
            effective: date_after(line, "effective"),
            adopted: date_after(line, "adopted"),
            text: line.to_owned(),
        });
    }
    out
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The date written right after `keyword` ("effective July 1, 2025").
fn date_after(line: &str, keyword: &str) -> Option<Date> {
    let lower = line.to_lowercase();
    let start = lower.find(keyword)? + keyword.len();
    let words: Vec<&str> = lower[start..].split_whitespace().take(3).collect();
    let [month, day, year] = words.as_slice() else {
        return None;
    };
    let month = MONTHS.iter().position(|m| m == month)? + 1;
    let day: u8 = day.trim_end_matches(',').parse().ok()?;
    let year: u16 = year
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()?;
    Date::parse_iso(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// One alternative of the desirable qualifications, as far as the wording makes it certain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadRoute {
    EducationAndExperience {
        education: Education,
        years: u8,
        progressive: bool,
    },
    /// Years as a member of the class with this title.
    YearsAs {
        title: String,
        years: u8,
    },
    Equivalent {
        of: String,
    },
    /// Wording the importer does not read with certainty: left for a person.
    Unread(String),
}

/// Splits the qualifications on their `OR` lines and reads each alternative.
///
/// # Panics
/// Never: the list of alternatives always holds at least one.
pub fn qualification_routes(text: &str) -> Vec<ReadRoute> {
    let mut alternatives: Vec<String> = vec![String::new()];
    for paragraph in paragraphs(text) {
        if paragraph.eq_ignore_ascii_case("or") {
            alternatives.push(String::new());
        } else {
            let current = alternatives.last_mut().expect("never empty");
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(paragraph);
        }
    }
    alternatives
        .iter()
        .filter(|a| !a.is_empty())
        .map(|a| read_route(a))
        .collect()
}

fn read_route(text: &str) -> ReadRoute {
    let lower = text.to_lowercase();
    let trimmed = lower.trim_end_matches('.').trim();
    if let Some(of) = trimmed.strip_prefix("equivalent ") {
        if !of.contains(' ') {
            return ReadRoute::Equivalent { of: of.to_owned() };
        }
    }
    let years = years_in(&lower);
    let as_a = [" of experience as a ", " of experience as an "]
        .into_iter()
        .find_map(|words| lower.find(words).map(|at| at + words.len()));
    if let Some(start) = as_a {
        let title = text[start..].trim().trim_end_matches('.');
        if let Some(years) = years {
            return ReadRoute::YearsAs {
                title: title.to_owned(),
                years,
            };
        }
    }
    let education = if lower.contains("high school") || lower.contains("ged") {
        Some(Education::HighSchool)
    } else if lower.contains("associate") {
        Some(Education::Associate)
    } else if lower.contains("bachelor") {
        Some(Education::Bachelor)
    } else if lower.contains("master") || lower.contains("graduate degree") {
        Some(Education::Graduate)
    } else {
        None
    };
    match (education, years) {
        (Some(education), Some(years)) if lower.contains("experience") => {
            ReadRoute::EducationAndExperience {
                education,
                years,
                progressive: lower.contains("progressive"),
            }
        }
        _ => ReadRoute::Unread(text.to_owned()),
    }
}

/// "four years of experience" gives 4; only one such number may appear.
fn years_in(lower: &str) -> Option<u8> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut found = None;
    for (i, pair) in words.windows(2).enumerate() {
        if pair[1].starts_with("year") {
            // "two or three years", "2 to 4 years": a range is not a certain number.
            if i > 0 && matches!(words[i - 1], "or" | "to" | "-") {
                return None;
            }
            let n = WORDS
                .iter()
                .position(|w| *w == pair[0])
                .and_then(|i| u8::try_from(i + 1).ok())
                .or_else(|| pair[0].parse().ok())?;
            if found.is_some_and(|f| f != n) {
                return None;
            }
            found = Some(n);
        }
    }
    found
}

/// `CUSTOMER SERVICE SPECIALIST 4` gives `Customer Service Specialist 4`; mixed case is kept.
pub fn title_case(title: &str) -> String {
    if title.chars().any(char::is_lowercase) {
        return title.to_owned();
    }
    title
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_level_formula() {
        assert_eq!(
            level_name("This is the supervisory level of the series. Positions direct"),
            Some("Supervisory level".into())
        );
        assert_eq!(
            level_name("Under close to general supervision, provides assistance"),
            None
        );
    }

    #[test]
    fn reads_supervision_phrases() {
        assert_eq!(
            supervision("Under close to general supervision, provides"),
            Some("Close to general supervision".into())
        );
        assert_eq!(
            supervision("Working under administrative direction, positions"),
            Some("Administrative direction".into())
        );
        assert_eq!(
            supervision("Works under the terms of a contract signed by both parties, and"),
            None
        );
    }

    #[test]
    fn reads_dated_history_lines_and_drops_a_repeated_line() {
        let lines = history("New class effective June 1, 2005; X.\nNew class effective June 1, 2005; X.\nRevised; adopted June 13, 2019; effective July 1, 2019.");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].effective, Some(Date::new_unchecked(2005, 6, 1)));
        assert_eq!(lines[1].adopted, Some(Date::new_unchecked(2019, 6, 13)));
        assert_eq!(lines[1].effective, Some(Date::new_unchecked(2019, 7, 1)));
    }

    #[test]
    fn reads_routes_only_when_the_wording_is_certain() {
        let routes = qualification_routes(
            "High school diploma or equivalent and four years of experience providing assistance.\n\nOR\n\nOne year of experience as a Customer Service Specialist 3.\n\nOR\n\nEquivalent education/experience.",
        );
        assert_eq!(
            routes,
            vec![
                ReadRoute::EducationAndExperience {
                    education: Education::HighSchool,
                    years: 4,
                    progressive: false
                },
                ReadRoute::YearsAs {
                    title: "Customer Service Specialist 3".into(),
                    years: 1
                },
                ReadRoute::Equivalent {
                    of: "education/experience".into()
                },
            ]
        );
        assert!(matches!(
            qualification_routes("Some relevant background.")[0],
            ReadRoute::Unread(_)
        ));
        assert!(matches!(
            qualification_routes("A bachelor's degree and two or three years of experience.")[0],
            ReadRoute::Unread(_)
        ));
    }

    #[test]
    fn title_cases_capitals_only() {
        assert_eq!(
            title_case("CUSTOMER SERVICE SPECIALIST 4"),
            "Customer Service Specialist 4"
        );
        assert_eq!(
            title_case("Customer Service Manager"),
            "Customer Service Manager"
        );
    }
}
