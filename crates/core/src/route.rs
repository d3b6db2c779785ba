//! Every address of the app, built from one typed enum so that no view formats a path by hand.

use crate::model::SectionKind;

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
        }
    }

    /// The path of this view opened at one section (`/class/102D#typical-work`).
    pub fn href_at(&self, section: SectionKind) -> String {
        format!("{}#{}", self.href(), section.as_str())
    }
}

impl Route {
    /// The view an address path shows, or `None` for an address the app does not have.
    /// A trailing slash is ignored; segments are percent-decoded.
    pub fn parse(path: &str) -> Option<Self> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        let route = match (segments.next(), segments.next(), segments.next()) {
            (None, _, _) => Self::Home,
            (Some("class"), Some(code), None) => Self::Class {
                code: decode(code)?,
                version: None,
            },
            (Some("class"), Some(code), Some(version)) => Self::Class {
                code: decode(code)?,
                version: Some(decode(version)?),
            },
            _ => return None,
        };
        segments.next().is_none().then_some(route)
    }
}

fn decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = segment.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Percent-encodes what is not safe in a path segment; class codes and version ids are plain,
/// but the data is edited by people, so a stray space must not break a link.
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
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
    }

    #[test]
    fn every_address_it_builds_parses_back() {
        for route in [
            Route::Home,
            Route::class("102D"),
            Route::class_version("102D", "2019"),
            Route::class("10 2/A"),
        ] {
            assert_eq!(Route::parse(&route.href()), Some(route));
        }
    }

    #[test]
    fn parses_what_people_type() {
        assert_eq!(Route::parse(""), Some(Route::Home));
        assert_eq!(Route::parse("/class/102d/"), Some(Route::class("102d")));
        assert_eq!(
            Route::parse("/class/102D?x=1#typical-work"),
            Some(Route::class("102D"))
        );
        assert_eq!(Route::parse("/class"), None);
        assert_eq!(Route::parse("/class/102D/2019/extra"), None);
        assert_eq!(Route::parse("/classes/102D"), None);
        assert_eq!(
            Route::parse("/class/%ZZ"),
            None,
            "a broken escape is not an address"
        );
    }

    #[test]
    fn encodes_unsafe_characters() {
        assert_eq!(Route::class("10 2/A").href(), "/class/10%202%2FA");
    }
}
