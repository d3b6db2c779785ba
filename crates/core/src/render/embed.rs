//! "Embed this view": the snippet an agency pastes into its page to show one view of the app in
//! an iframe that grows with its content, a preview, and the message format.

use super::view::Page;
use crate::compare::resolve;
use crate::contract::{
    ACTION, ACTION_COPY, APP_NAME, COPY_SOURCE, COPY_STATUS_CLASS, EMBED_PLACE, EMBED_SCRIPT,
    EMBED_VIEW, MESSAGE_HEIGHT, MESSAGE_REPORT_HEIGHT, QUERY_EMBED, QUERY_PARENT,
};
use crate::markup::{escape, Markup};
use crate::model::Catalogue;
use crate::route::Route;

/// The view at `view` (a path and query), if it is one that can be embedded: a view the data
/// holds (the series, a class version, a comparison that can be drawn, the career path, a
/// series level by level, a plan
/// whose answers check, the index of all classes unfiltered), never a "not found" view, a search (it repeats what was typed: an
/// agency's page must not show someone's words under the app's name) or an embed page.
pub(super) fn embeddable(catalogue: &Catalogue, view: &str) -> Option<Route> {
    let view = view.split('#').next().unwrap_or_default();
    let (path, query) = view.split_once('?').unwrap_or((view, ""));
    let route = Route::parse(path, query)?;
    let real = match &route {
        Route::Home | Route::Path | Route::Glossary => true,
        Route::Class { code, version } => catalogue
            .class(code)
            .is_some_and(|class| class.version(version.as_deref()).is_some()),
        Route::Compare { picks } => resolve(catalogue, picks).is_ok(),
        Route::Planner { input } => input.check(catalogue).is_ok(),
        Route::Levels { series } => catalogue.series_by_id(series.as_deref()).is_some(),
        // The index as a whole; narrowed, it would repeat what someone typed, as a search does.
        Route::Classes { filter } => filter.trim().is_empty(),
        Route::Series { id } | Route::SeriesPath { id } => {
            catalogue.series_by_id(Some(id)).is_some()
        }
        Route::Search { .. } | Route::Embed { .. } => false,
    };
    real.then_some(route)
}

/// The snippet for the view at `href`, served from `origin` (`https://classes.example.org`): a
/// link to the view, and the app's own script, `/embed.js` (web/embed.js), which replaces the
/// link with a frame that grows with its content. No inline script: an agency's page that
/// allows scripts and frames from the app's origin alone (`script-src`, `frame-src`) runs it.
/// Where a page strips scripts (or a browser runs none), the link stays: the view is a click
/// away. The script reads the view and the placeholder from its `data-` attributes.
fn snippet(origin: &str, href: &str, title: &str) -> String {
    let id: String = href
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let id = format!("cse{}", id.trim_end_matches('-'));
    let frame_title = if title.is_empty() {
        APP_NAME.to_owned()
    } else {
        format!("{title}, {APP_NAME}")
    };
    format!(
        r#"<div id="{id}"><a href="{link}">{text}</a></div>
<script src="{script}" {EMBED_VIEW}="{view}" {EMBED_PLACE}="{id}" async></script>"#,
        link = escape(&format!("{origin}{href}")),
        text = escape(&frame_title),
        script = escape(&format!("{origin}{EMBED_SCRIPT}")),
        view = escape(href),
    )
}

/// The "Embed this view" page for `embedded` (the view's address and the view drawn), or, when
/// the address names no view that can be embedded, a page that says so.
pub(super) fn embed_page(embedded: Option<(&str, &Page)>, origin: &str) -> Page {
    let mut m = Markup::new();
    m.el("div", &[("class", "embed-page")], |m| {
        m.leaf("h1", &[], "Embed this view");
        let Some((href, shown)) = embedded else {
            m.el("div", &[("class", "notice notice--error"), ("role", "alert")], |m| {
                m.leaf(
                    "p",
                    &[],
                    "This address is not a view of the app that can be embedded: only a view the data holds can be (a class, a comparison, the career path or a plan), not a page that was not found or search results. Open the view you want and follow its “Embed this view” link.",
                );
            });
            m.el("p", &[], |m| {
                m.leaf("a", &[("href", &Route::Home.href())], "Back to the series");
            });
            return;
        };
        let name = if shown.title.is_empty() { "The series" } else { shown.title.as_str() };
        m.el("p", &[("class", "lede")], |m| {
            m.text("Place ")
                .leaf("a", &[("href", href)], name)
                .text(" in your own page: paste this snippet where it should appear. The view shows without this app's header and footer and grows to its full height; nothing else is loaded from your page, and your page learns nothing but that height.");
        });
        let code = snippet(origin, href, &shown.title);
        m.el("pre", &[("class", "snippet")], |m| {
            m.leaf("code", &[("id", "embed-snippet")], &code);
        });
        m.el("p", &[("class", "snippet__actions")], |m| {
            m.leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "button"),
                    (ACTION, ACTION_COPY),
                    (COPY_SOURCE, "embed-snippet"),
                ],
                "Copy the snippet",
            );
            m.text(" ");
            m.leaf("span", &[("class", COPY_STATUS_CLASS), ("role", "status")], "");
        });
        m.leaf("h2", &[], "Preview");
        // Framed by this page, of the app's own origin: that is its parent.
        let preview = format!(
            "{href}{}{QUERY_EMBED}=1&{QUERY_PARENT}={}",
            if href.contains('?') { '&' } else { '?' },
            crate::route::percent_encode(origin, b"-_.~")
        );
        m.el(
            "iframe",
            &[
                ("src", &preview),
                ("title", &format!("Preview: {name}")),
                ("class", "embed-preview"),
                ("loading", "lazy"),
            ],
            |_| {},
        );
        m.leaf("h2", &[], "For the people who run your site");
        m.el("ul", &[("class", "embed-notes")], |m| {
            m.el("li", &[], |m| {
                m.text("The frame tells your page its height with ")
                    .leaf("code", &[], "postMessage")
                    .text(": ")
                    .leaf("code", &[], &format!("{{ type: \"{MESSAGE_HEIGHT}\", height: <CSS pixels> }}"))
                    .text(", sent only to your page's origin, named in the frame's address (an https: origin; http://localhost or 127.0.0.1 while developing: the frame refuses any other, and says so). It accepts one message, ")
                    .leaf("code", &[], &format!("{{ type: \"{MESSAGE_REPORT_HEIGHT}\" }}"))
                    .text(", and only from the page that frames it, at that origin; it ignores all others.");
            });
            m.el("li", &[], |m| {
                m.text("If your page has a Content-Security-Policy, it must allow this app's script and frame: add the app's origin to two of its directives, ")
                    .leaf("code", &[("class", "csp")], &format!("script-src {origin}"))
                    .text(" and ")
                    .leaf("code", &[("class", "csp")], &format!("frame-src {origin}"))
                    .text(". Nothing inline is needed.");
            });
            m.leaf(
                "li",
                &[],
                "The server of this app must allow your site to frame it (its Content-Security-Policy frame-ancestors); the project's README shows the setting.",
            );
            m.leaf(
                "li",
                &[],
                "An embedded view needs the network: the frame keeps no offline copy. A kiosk should run the app itself, not an embed.",
            );
        });
    });
    Page {
        title: "Embed this view".to_owned(),
        html: m.finish(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use class_spec_test_html::Select;

    // Before, the snippet carried its code in an inline script, which an agency's page whose
    // policy allows no inline script (script-src 'self' …) never runs: only the link showed.
    // Mutation tried: the script element written with its code inline again fails the first
    // test (a script without src); the e2e test (tests/e2e/platform.test.mjs) runs it under
    // such a policy.
    #[test]
    fn the_snippet_is_a_link_and_the_apps_own_script_naming_the_view() {
        let code = snippet("https://classes.example.org", "/class/102D", "CSS 4");
        let doc = class_spec_test_html::parse(&code);
        let top: Vec<_> = doc.root_element().child_elements().collect();
        assert_eq!(
            top.iter().map(|e| e.value().name()).collect::<Vec<_>>(),
            ["div", "script"]
        );
        assert_eq!(top[0].value().attr("id"), Some("cse-class-102D"));
        assert_eq!(
            top[0].attrs("a", "href"),
            ["https://classes.example.org/class/102D"]
        );
        assert_eq!(
            class_spec_test_html::text(top[0]),
            "CSS 4, Class Spec Explorer"
        );
        let script = top[1].value();
        assert_eq!(
            script.attr("src"),
            Some("https://classes.example.org/embed.js")
        );
        assert_eq!(script.attr("data-view"), Some("/class/102D"));
        assert_eq!(script.attr("data-place"), Some("cse-class-102D"));
        assert!(script.attr("async").is_some());
        assert_eq!(top[1].text().collect::<String>(), "", "no inline code");

        let compare = class_spec_test_html::parse(&snippet(
            "https://x.org",
            "/compare?classes=102C,102D",
            "",
        ));
        assert!(compare.has("div#cse-compare-classes-102C-102D"));
        assert_eq!(
            compare.attrs("script", "data-view"),
            ["/compare?classes=102C,102D"]
        );
        assert_eq!(
            compare.attrs("script", "data-place"),
            ["cse-compare-classes-102C-102D"]
        );
        // A title of any shape stays text: one script, no markup from it.
        let odd = class_spec_test_html::parse(&snippet(
            "https://x.org",
            "/class/1",
            "A \"q\" </script> \\",
        ));
        assert_eq!(odd.count("script"), 1);
        assert_eq!(
            class_spec_test_html::text(odd.one("div")),
            "A \"q\" </script> \\, Class Spec Explorer"
        );
    }
}
