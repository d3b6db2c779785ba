//! Tests read the views' HTML as HTML: parsed by html5ever (through `scraper`) as a browser
//! would, then elements selected with CSS selectors and their attributes, text and number
//! asserted, never the markup's spelling. Shared by the tests of the engine and the data crates
//! (a dev-dependency only: it is in no bundle).

use scraper::Selector;
pub use scraper::{ElementRef, Html};

/// A view's HTML (a fragment: what goes into the view region, or into `#app`), parsed.
pub fn parse(html: &str) -> Html {
    Html::parse_fragment(html)
}

/// The text a reader sees in `element`: its descendants' text, runs of white space as one
/// space, trimmed.
pub fn text(element: ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|error| panic!("not a selector: {css}: {error}"))
}

/// Selecting in a parsed document (`&Html`) or below an element of it ([`ElementRef`]); what
/// is selected lives as long as the document, so it can be returned from a helper.
pub trait Select<'a>: Copy {
    /// Every element `css` selects, in document order.
    fn all(self, css: &str) -> Vec<ElementRef<'a>>;

    /// The first element `css` selects, if any.
    fn first(self, css: &str) -> Option<ElementRef<'a>> {
        self.all(css).into_iter().next()
    }

    /// The one element `css` selects.
    ///
    /// # Panics
    ///
    /// When `css` selects none, or more than one.
    fn one(self, css: &str) -> ElementRef<'a> {
        let all = self.all(css);
        assert_eq!(all.len(), 1, "`{css}` selects {} elements", all.len());
        all[0]
    }

    /// How many elements `css` selects.
    fn count(self, css: &str) -> usize {
        self.all(css).len()
    }

    /// Whether `css` selects anything.
    fn has(self, css: &str) -> bool {
        self.first(css).is_some()
    }

    /// The [`text`] of every element `css` selects.
    fn texts(self, css: &str) -> Vec<String> {
        self.all(css).into_iter().map(text).collect()
    }

    /// The attribute `name` of every element `css` selects that has it.
    fn attrs(self, css: &str, name: &str) -> Vec<String> {
        self.all(css)
            .into_iter()
            .filter_map(|e| e.value().attr(name).map(str::to_owned))
            .collect()
    }
}

impl<'a> Select<'a> for &'a Html {
    fn all(self, css: &str) -> Vec<ElementRef<'a>> {
        self.select(&selector(css)).collect()
    }
}

impl<'a> Select<'a> for ElementRef<'a> {
    fn all(self, css: &str) -> Vec<ElementRef<'a>> {
        self.select(&selector(css)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_reads_text_and_attributes() {
        let doc = parse("<ul><li><a href=\"/a\">One\n  <b>two</b></a>: 2</li><li>three</li></ul>");
        assert_eq!(doc.texts("li"), ["One two: 2", "three"]);
        assert_eq!(doc.attrs("a", "href"), ["/a"]);
        assert_eq!(doc.one("li a").value().name(), "a");
        assert_eq!(doc.one("ul").count("li"), 2);
        assert!(!doc.has("p"));
    }

    #[test]
    #[should_panic(expected = "`li` selects 2 elements")]
    fn one_of_many_is_refused() {
        let _ = parse("<li>a</li><li>b</li>").one("li");
    }
}
