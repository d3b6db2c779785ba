//! The not-found view: what was not found, every class, and the way home.

use super::parts::{link_marked, wrap};
use super::view::Page;
use crate::markup::Markup;
use crate::model::Catalogue;
use crate::route::Route;

/// A helpful dead end: what was not found, every class, and the way home.
fn not_found(catalogue: &Catalogue, heading: &str, message: &str) -> String {
    let mut m = Markup::new();
    m.leaf("h1", &[], heading).leaf("p", &[], message);
    m.leaf("h2", &[], "The classes in this app");
    m.el("ul", &[("class", "not-found__classes")], |m| {
        for class in catalogue.classes.iter() {
            m.el("li", &[], |m| {
                link_marked(m, &Route::class(class.code.as_ref()), &class.name_marked());
            });
        }
    });
    m.el("p", &[], |m| {
        m.leaf(
            "a",
            &[("href", &Route::Home.href()), ("class", "button")],
            "Back to the series",
        );
    });
    m.finish()
}

/// The not-found view as a page titled `heading`.
pub(super) fn not_found_page(catalogue: &Catalogue, heading: String, message: &str) -> Page {
    Page {
        html: wrap("not-found", &not_found(catalogue, &heading, message)),
        title: heading,
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use class_spec_test_html::Select;

    #[test]
    fn not_found_lists_every_class_and_leads_home() {
        let catalogue = Catalogue {
            series: Cow::Borrowed(&[]),
            classes: Cow::Borrowed(&[]),
            checked: None,
            glossary: std::borrow::Cow::Borrowed(&[]),
            whole: None,
        };
        let html = not_found(&catalogue, "No class with the code <b>", "Check the code.");
        let doc = class_spec_test_html::parse(&html);
        assert_eq!(
            doc.texts("h1"),
            ["No class with the code <b>"],
            "the typed code is text, never markup"
        );
        assert!(!doc.has("b"));
        assert_eq!(doc.texts("a.button[href='/']"), ["Back to the series"]);
    }
}
