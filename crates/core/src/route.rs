//! Every address of the app, built from one typed enum so that no view formats a path by hand.

use percent_encoding::percent_decode_str;

use crate::contract::{PLANNER_CLASS, PLANNER_EDUCATION, PLANNER_IN_CLASS, PLANNER_YEARS};
use crate::model::SectionKind;
use crate::planner::PlannerInput;

/// A view of the app, with what its address carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The series at a glance.
    Home,
    /// One class; `version: None` is its newest version.
    Class {
        code: String,
        version: Option<String>,
    },
    /// Classes (or versions) side by side, as picked, in order; the address carries them so a
    /// comparison can be bookmarked and shared: `/compare?classes=102C,102D@2019`.
    Compare { picks: Vec<Pick> },
    /// The series drawn as a path, lowest level first, with the ways in.
    Path,
    /// "Where can I go from here?": what a person typed, unchecked (the view checks it), so a
    /// plan can be shared and printed: `/planner?class=102C&years=5&in-class=2&education=associate`.
    Planner { input: PlannerInput },
    /// The snippet that places another view (its path and query) in an agency's page.
    Embed { view: String },
    /// Words and phrases found in every section of every class version: `/search?q=duties`.
    Search { query: String },
    /// What each level of a series asks, level by level: `/levels` (the home series) or
    /// `/levels/csm`.
    Levels { series: Option<String> },
    /// Every series and class in the data, narrowed to those whose code, title or category
    /// hold the words of `filter`: `/classes?q=inspector`.
    Classes { filter: String },
    /// A series' own page, its ladder: `/series/ewi` (the home view shows the home series').
    Series { id: String },
    /// A series' own career path: `/series/ewi/path` (`/path` is the home series').
    SeriesPath { id: String },
    /// The words of the trade, defined: `/glossary`, one anchor per term
    /// (`/glossary#journey-level`).
    Glossary,
}

/// How many classes a comparison shows side by side. The address owns the limit (it reads at
/// most one pick more), and the comparison takes it from here, so the two modules depend one
/// way only: `compare` on `route`.
pub const MIN_COLUMNS: usize = 2;
pub const MAX_COLUMNS: usize = 4;

/// A class in a comparison: its code and, optionally, one version (`102D@2019`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pick {
    pub code: String,
    pub version: Option<String>,
}

impl Pick {
    pub fn new(code: impl Into<String>, version: Option<&str>) -> Self {
        Self {
            code: code.into(),
            version: version.map(str::to_owned),
        }
    }

    /// `102D` or `102D@2019`, as in the address.
    pub fn token(&self) -> String {
        match &self.version {
            Some(version) => format!("{}@{version}", self.code),
            None => self.code.clone(),
        }
    }

    /// Reads `102D` or `102D@2019`.
    pub fn from_token(token: &str) -> Self {
        match token.split_once('@') {
            Some((code, version)) => Self::new(code.trim(), Some(version.trim())),
            None => Self::new(token.trim(), None),
        }
    }
}

impl Route {
    /// The newest version of a class.
    pub fn class(code: impl Into<String>) -> Self {
        Self::Class {
            code: code.into(),
            version: None,
        }
    }

    /// One given version of a class.
    pub fn class_version(code: impl Into<String>, version: impl Into<String>) -> Self {
        Self::Class {
            code: code.into(),
            version: Some(version.into()),
        }
    }

    /// The path of this view (`/class/102D/2019`).
    pub fn href(&self) -> String {
        match self {
            Self::Home => "/".to_owned(),
            Self::Class {
                code,
                version: None,
            } => format!("/class/{}", encode(code)),
            Self::Class {
                code,
                version: Some(version),
            } => {
                format!("/class/{}/{}", encode(code), encode(version))
            }
            Self::Compare { picks } if picks.is_empty() => "/compare".to_owned(),
            Self::Compare { picks } => {
                let tokens: Vec<String> = picks.iter().map(|p| encode_query(&p.token())).collect();
                format!("/compare?classes={}", tokens.join(","))
            }
            Self::Path => "/path".to_owned(),
            Self::Glossary => "/glossary".to_owned(),
            Self::Levels { series: None } => "/levels".to_owned(),
            Self::Levels {
                series: Some(series),
            } => format!("/levels/{}", encode(series)),
            Self::Search { query } if query.is_empty() => "/search".to_owned(),
            Self::Search { query } => format!("/search?q={}", encode(query)),
            Self::Classes { filter } if filter.is_empty() => "/classes".to_owned(),
            Self::Classes { filter } => format!("/classes?q={}", encode(filter)),
            Self::Series { id } => format!("/series/{}", encode(id)),
            Self::SeriesPath { id } => format!("/series/{}/path", encode(id)),
            Self::Embed { view } if view.is_empty() => "/embed".to_owned(),
            Self::Embed { view } => format!("/embed?view={}", encode(view)),
            Self::Planner { input } => match Self::planner_query(input) {
                query if query.is_empty() => "/planner".to_owned(),
                query => format!("/planner?{query}"),
            },
        }
    }

    /// The planner's fields in its address, in the form's order, empty ones left out.
    fn planner_query(input: &PlannerInput) -> String {
        let fields = [
            (PLANNER_CLASS, &input.current_class),
            (PLANNER_YEARS, &input.experience),
            (PLANNER_IN_CLASS, &input.in_class),
            (PLANNER_EDUCATION, &input.education),
        ];
        let pairs: Vec<String> = fields
            .iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(key, value)| format!("{key}={}", encode(value.trim())))
            .collect();
        pairs.join("&")
    }

    /// The query names this kind of view reads from its address: with one of them, an address
    /// may show another view than its path alone (`/compare` is the picker, `/compare?classes=…`
    /// a comparison); any other name (`?utm_source=x`) changes nothing. A page written at build
    /// time carries them, so that the start-up script can tell, knowing no route, whether it
    /// holds the view of the address it was served for.
    pub fn query_keys(&self) -> &'static [&'static str] {
        match self {
            Self::Compare { .. } => &["classes"],
            Self::Embed { .. } => &["view"],
            Self::Search { .. } | Self::Classes { .. } => &["q"],
            Self::Planner { .. } => &[
                PLANNER_CLASS,
                PLANNER_YEARS,
                PLANNER_IN_CLASS,
                PLANNER_EDUCATION,
            ],
            Self::Home
            | Self::Class { .. }
            | Self::Path
            | Self::Glossary
            | Self::Levels { .. }
            | Self::Series { .. }
            | Self::SeriesPath { .. } => &[],
        }
    }

    /// The glossary opened at one term (`/glossary#journey-level`).
    pub fn term(id: &str) -> String {
        format!("{}#{}", Self::Glossary.href(), encode(id))
    }

    /// The path of this view opened at one section (`/class/102D#typical-work`).
    pub fn href_at(&self, section: SectionKind) -> String {
        format!("{}#{}", self.href(), section.as_str())
    }
}

impl Route {
    /// The view an address shows (`path`, and `query` with or without its `?`), or `None` for
    /// an address the app does not have. A trailing slash is ignored; segments and the query
    /// are percent-decoded as browsers do (the URL standard: an escape that is not one, like
    /// the `%` of `100%`, stays as typed; bytes that are not UTF-8 become U+FFFD), so every
    /// address is read, whatever its shape.
    pub fn parse(path: &str, query: &str) -> Option<Self> {
        let query = query.strip_prefix('?').unwrap_or(query);
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        let route = match (segments.next(), segments.next(), segments.next()) {
            (None, _, _) => Self::Home,
            (Some("compare"), None, _) => Self::Compare {
                picks: picks_in(query),
            },
            (Some("path"), None, _) => Self::Path,
            (Some("glossary"), None, _) => Self::Glossary,
            (Some("levels"), None, _) => Self::Levels { series: None },
            (Some("levels"), Some(series), None) => Self::Levels {
                series: Some(decode(series)),
            },
            (Some("embed"), None, _) => Self::Embed {
                view: query_value(query, "view"),
            },
            (Some("search"), None, _) => Self::Search {
                query: query_value(query, "q"),
            },
            (Some("classes"), None, _) => Self::Classes {
                filter: query_value(query, "q"),
            },
            (Some("series"), Some(id), None) => Self::Series { id: decode(id) },
            (Some("series"), Some(id), Some("path")) => Self::SeriesPath { id: decode(id) },
            (Some("planner"), None, _) => Self::Planner {
                input: planner_input(query),
            },
            (Some("class"), Some(code), None) => Self::Class {
                code: decode(code),
                version: None,
            },
            (Some("class"), Some(code), Some(version)) => Self::Class {
                code: decode(code),
                version: Some(decode(version)),
            },
            _ => return None,
        };
        segments.next().is_none().then_some(route)
    }
}

impl Route {
    /// The view an in-app link leads to (`/class/102D`, `/compare?classes=…`, an anchor
    /// ignored), or `None` for a link elsewhere or an address the app does not have.
    pub fn from_href(href: &str) -> Option<Self> {
        if !href.starts_with('/') || href.starts_with("//") {
            return None;
        }
        let href = href.split('#').next().unwrap_or_default();
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        Self::parse(path, query)
    }
}

/// The picks of `classes=102A,102D@2019` (also `classes=102A&classes=102D`); a pick that does
/// not exist is kept, so the view can say which one it is. At most one more than a comparison
/// can show is read: enough to say "too many", however long the address.
fn picks_in(query: &str) -> Vec<Pick> {
    let mut picks = Vec::new();
    for (_, value) in form_urlencoded::parse(query.as_bytes()).filter(|(key, _)| key == "classes") {
        for token in value.split(',').filter(|token| !token.trim().is_empty()) {
            if picks.len() > MAX_COLUMNS {
                return picks;
            }
            picks.push(Pick::from_token(token));
        }
    }
    picks
}

/// The value of the first `key` of a query (`+` read as a space), or nothing.
fn query_value(query: &str, key: &str) -> String {
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}

/// The planner's fields from its address, unchecked (the planner says what is wrong with
/// them); a key given twice keeps its last value.
fn planner_input(query: &str) -> PlannerInput {
    let mut input = PlannerInput::default();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let field = match key.as_ref() {
            PLANNER_CLASS => &mut input.current_class,
            PLANNER_YEARS => &mut input.experience,
            PLANNER_IN_CLASS => &mut input.in_class,
            PLANNER_EDUCATION => &mut input.education,
            _ => continue,
        };
        *field = value.into_owned();
    }
    input
}

fn encode_query(value: &str) -> String {
    encode(value).replace("%40", "@")
}

/// A path segment, percent-decoded (a `+` stays a plus: only a query reads it as a space).
fn decode(segment: &str) -> String {
    percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

/// Percent-encodes what is not safe in a path segment; class codes and version ids are plain,
/// but the data is edited by people, so a stray space must not break a link.
fn encode(segment: &str) -> String {
    percent_encode(segment, b"-_.~")
}

/// Percent-encodes every byte but ASCII letters, digits and those in `keep`.
pub(crate) fn percent_encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || keep.contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 0xF)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(href: &str) -> Option<Route> {
        Route::from_href(href)
    }

    #[test]
    fn builds_every_kind_of_address() {
        assert_eq!(Route::Home.href(), "/");
        assert_eq!(Route::class("102D").href(), "/class/102D");
        assert_eq!(
            Route::class_version("102D", "2019").href(),
            "/class/102D/2019"
        );
        assert_eq!(
            Route::class("102A").href_at(SectionKind::TypicalWork),
            "/class/102A#typical-work"
        );
        let compare = Route::Compare {
            picks: vec![Pick::new("102C", None), Pick::new("102D", Some("2019"))],
        };
        assert_eq!(compare.href(), "/compare?classes=102C,102D@2019");
    }

    #[test]
    fn every_address_it_builds_parses_back() {
        for route in [
            Route::Home,
            Route::class("102D"),
            Route::class_version("102D", "2019"),
            Route::class("10 2/A"),
            Route::Compare {
                picks: vec![Pick::new("102C", None), Pick::new("102D", Some("2019"))],
            },
            Route::Path,
            Route::Glossary,
            Route::Levels { series: None },
            Route::Levels {
                series: Some("csm".into()),
            },
            Route::Embed {
                view: "/compare?classes=102C,102D@2019".into(),
            },
            Route::Embed {
                view: String::new(),
            },
            Route::Search {
                query: "\"typical work\" & more".into(),
            },
            Route::Search {
                query: String::new(),
            },
            Route::Classes {
                filter: String::new(),
            },
            Route::Classes {
                filter: "widget inspector & 999X".into(),
            },
            Route::Series { id: "ewi".into() },
            Route::SeriesPath { id: "e w/i".into() },
            Route::Planner {
                input: PlannerInput::default(),
            },
            Route::Planner {
                input: PlannerInput {
                    current_class: "102C".into(),
                    experience: "5.5".into(),
                    in_class: "-1".into(),
                    education: "high-school".into(),
                },
            },
            Route::Planner {
                input: PlannerInput {
                    current_class: String::new(),
                    experience: "three & a bit".into(),
                    in_class: String::new(),
                    education: String::new(),
                },
            },
        ] {
            assert_eq!(parse(&route.href()), Some(route));
        }
    }

    #[test]
    fn reads_a_query_with_or_without_its_question_mark() {
        assert_eq!(
            Route::parse("/compare", "?classes=102C,102D"),
            Route::parse("/compare", "classes=102C,102D")
        );
        assert_eq!(
            Route::parse("/compare", "?classes=102C").map(|r| r.href()),
            Some("/compare?classes=102C".to_owned())
        );
    }

    #[test]
    fn links_elsewhere_are_not_views() {
        assert_eq!(Route::from_href("//example.org/class/102D"), None);
        assert_eq!(Route::from_href("https://ofm.wa.gov/"), None);
        assert_eq!(
            Route::from_href("/class/102D#typical-work"),
            Some(Route::class("102D"))
        );
    }

    #[test]
    fn a_plan_lives_in_its_address() {
        let route = Route::Planner {
            input: PlannerInput {
                current_class: "102C".into(),
                experience: "5".into(),
                in_class: "2".into(),
                education: "associate".into(),
            },
        };
        assert_eq!(
            route.href(),
            "/planner?class=102C&years=5&in-class=2&education=associate"
        );
        assert_eq!(
            Route::parse("/planner", "years=3+years&class=102c&other=1"),
            Some(Route::Planner {
                input: PlannerInput {
                    current_class: "102c".into(),
                    experience: "3 years".into(),
                    ..PlannerInput::default()
                }
            }),
            "kept as typed: the planner says what is wrong"
        );
        assert_eq!(Route::parse("/path", ""), Some(Route::Path));
        assert_eq!(Route::parse("/glossary/", ""), Some(Route::Glossary));
        assert_eq!(Route::term("journey-level"), "/glossary#journey-level");
        assert_eq!(Route::parse("/path/more", ""), None);
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Route::parse("", ""), Some(Route::Home));
        assert_eq!(Route::parse("/class/102d/", ""), Some(Route::class("102d")));
        assert_eq!(
            Route::parse("/class/102D", "x=1"),
            Some(Route::class("102D"))
        );
        assert_eq!(Route::parse("/class", ""), None);
        assert_eq!(Route::parse("/class/102D/2019/extra", ""), None);
        assert_eq!(Route::parse("/classes/102D", ""), None);
        assert_eq!(
            Route::parse("/class/%ZZ", ""),
            Some(Route::class("%ZZ")),
            "a broken escape stays as typed, and the view says there is no such class"
        );
        assert_eq!(
            Route::parse("/compare", ""),
            Some(Route::Compare { picks: vec![] })
        );
        assert_eq!(
            Route::parse("/compare", "classes=102A,%20102d%402019&x=1&classes=103D"),
            Some(Route::Compare {
                picks: vec![
                    Pick::new("102A", None),
                    Pick::new("102d", Some("2019")),
                    Pick::new("103D", None)
                ]
            })
        );
    }

    fn searched(query: &str) -> String {
        match Route::parse("/search", query) {
            Some(Route::Search { query }) => query,
            other => panic!("not a search: {other:?}"),
        }
    }

    // Before the URL standard's decoder replaced our own, each of these lost what was typed
    // (an empty search, no picks) or was not an address at all.
    #[test]
    fn every_escape_is_read_as_browsers_read_it() {
        assert_eq!(searched("q=100%"), "100%", "a stray % at the end");
        assert_eq!(searched("q=100%25"), "100%");
        assert_eq!(searched("q=%+1"), "% 1", "a % before a plus");
        assert_eq!(searched("q=%2"), "%2", "a cut-off escape");
        assert_eq!(
            searched("q=%FF%FE"),
            "\u{FFFD}\u{FFFD}",
            "bytes that are not UTF-8"
        );
        assert_eq!(searched("q=%E2%80%9Cwork%E2%80%9D"), "\u{201C}work\u{201D}");
        assert_eq!(searched("q=a+b%2Bc"), "a b+c");
        assert_eq!(
            searched("x=1&q=one&q=two"),
            "one",
            "the first of a repeated key"
        );
        assert_eq!(
            Route::parse("/compare", "classes=102A%,102D"),
            Some(Route::Compare {
                picks: vec![Pick::new("102A%", None), Pick::new("102D", None)]
            }),
            "a % before a comma"
        );
        assert_eq!(
            Route::parse("/class/10%2B2+1/%FF", ""),
            Some(Route::class_version("10+2+1", "\u{FFFD}")),
            "a plus in a path is a plus"
        );
        assert_eq!(
            Route::parse("/planner", "years=%&class=%ZZ"),
            Some(Route::Planner {
                input: PlannerInput {
                    current_class: "%ZZ".into(),
                    experience: "%".into(),
                    ..PlannerInput::default()
                }
            })
        );
    }

    // Mutation tried: without the `picks.len() > MAX_COLUMNS` stop, all 100,000 are read.
    #[test]
    fn a_comparison_reads_one_pick_more_than_it_can_show() {
        let many = vec!["102A"; 100_000].join(",");
        let Some(Route::Compare { picks }) = Route::parse("/compare", &format!("classes={many}"))
        else {
            panic!("not a comparison");
        };
        assert_eq!(picks.len(), MAX_COLUMNS + 1);
        let Some(Route::Compare { picks }) = Route::parse(
            "/compare",
            "classes=102A&classes=102B,102C&classes=,,102D,103D,102A",
        ) else {
            panic!("not a comparison");
        };
        assert_eq!(picks.len(), MAX_COLUMNS + 1);
    }

    #[test]
    fn the_query_keys_are_those_that_change_the_view() {
        // Mutation tried: leaving "in-class" out of the planner's keys fails this test.
        for path in [
            "/",
            "/class/102D",
            "/compare",
            "/path",
            "/glossary",
            "/planner",
            "/search",
            "/embed",
        ] {
            let plain = Route::parse(path, "").expect("a view");
            for key in plain.query_keys() {
                assert_ne!(
                    Route::parse(path, &format!("{key}=102D")),
                    Some(plain.clone()),
                    "{path}?{key}= changes the view"
                );
            }
            for key in [
                "utm_source",
                "kiosk",
                "embed",
                "parent",
                "idle",
                "classes",
                "q",
                "view",
                "class",
                "years",
                "in-class",
                "education",
            ] {
                if !plain.query_keys().contains(&key) {
                    assert_eq!(
                        Route::parse(path, &format!("{key}=102D")),
                        Some(plain.clone()),
                        "{path}?{key}= changes nothing"
                    );
                }
            }
        }
    }

    #[test]
    fn encodes_unsafe_characters() {
        assert_eq!(Route::class("10 2/A").href(), "/class/10%202%2FA");
    }
}
