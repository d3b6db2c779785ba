//! An address of the app as the browser holds it: a path and a query, kept apart. Every place
//! that needs both (the chrome around a view, the footer's embed link, the engine drawing a
//! page, the shell following the address bar) passes this value, so no one joins them into a
//! string that another has to split again.

use crate::route::Route;

/// A path (`/compare`) and its query (`classes=102C,102D`, without its `?`; empty if none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    pub path: String,
    pub query: String,
}

impl Address {
    /// The address of `path` and `query`, the query as `location.search` gives it (with its `?`)
    /// or without it.
    pub fn new(path: &str, query: &str) -> Self {
        Self {
            path: path.to_owned(),
            query: query.strip_prefix('?').unwrap_or(query).to_owned(),
        }
    }

    /// The view it names, as every address is read (`Route::parse`).
    pub fn route(&self) -> Option<Route> {
        Route::parse(&self.path, &self.query)
    }

    /// As a link writes it: `/compare?classes=102C,102D`, or the path alone.
    pub fn href(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_kept_without_its_question_mark() {
        let address = Address::new("/compare", "?classes=102C,102D");
        assert_eq!(address.query, "classes=102C,102D");
        assert_eq!(address, Address::new("/compare", "classes=102C,102D"));
        assert_eq!(address.href(), "/compare?classes=102C,102D");
        assert_eq!(Address::new("/path", "").href(), "/path");
        assert_eq!(Address::new("/path", "?").href(), "/path");
        assert_eq!(
            Address::new("/search", "q=a%3Fb").route(),
            Some(Route::Search {
                query: "a?b".to_owned()
            })
        );
    }
}
