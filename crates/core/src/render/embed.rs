//! "Embed this view": the snippet an agency pastes into its page to show one view of the app in
//! an iframe that grows with its content, a preview, and the message format.

use super::view::Page;
use crate::compare::resolve;
use crate::contract::{ACTION, ACTION_COPY, COPY_SOURCE};
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

/// Text as a JavaScript string literal's content: quotes, backslashes and line breaks escaped,
/// and `<` too, so nothing in it can end the script element.
fn js_string(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003c"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The snippet for the view at `href`, served from `origin` (`https://classes.example.org`): a
/// link to the view, which its script replaces with a frame that grows with its content. Where
/// a page strips scripts (or a browser runs none), the link stays: the view is a click away.
pub fn snippet(origin: &str, href: &str, title: &str) -> String {
    let id: String = href
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let id = format!("cse{}", id.trim_end_matches('-'));
    let separator = if href.contains('?') { '&' } else { '?' };
    let frame_title = if title.is_empty() {
        "Class Spec Explorer".to_owned()
    } else {
        format!("{title}, Class Spec Explorer")
    };
    format!(
        r#"<div id="{id}"><a href="{link}">{text}</a></div>
<script>
(function () {{
  var app = "{origin}";
  var frame = document.createElement("iframe");
  frame.title = "{js_title}";
  frame.loading = "lazy";
  frame.style.cssText = "width:100%;height:40rem;border:0";
  frame.src = app + "{href}{separator}embed=1&parent=" + encodeURIComponent(location.origin);
  document.getElementById("{id}").replaceChildren(frame);
  window.addEventListener("message", function (event) {{
    if (event.origin !== app || event.source !== frame.contentWindow) return;
    if (event.data && event.data.type === "class-spec-explorer:height") {{
      frame.style.height = event.data.height + "px";
    }}
  }});
}})();
</script>"#,
        link = escape(&format!("{origin}{href}")),
        text = escape(&frame_title),
        js_title = js_string(&frame_title),
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
            m.leaf("span", &[("class", "copy-status"), ("role", "status")], "");
        });
        m.leaf("h2", &[], "Preview");
        // Framed by this page, of the app's own origin: that is its parent.
        let preview = format!(
            "{href}{}embed=1&parent={}",
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
                    .leaf("code", &[], "{ type: \"class-spec-explorer:height\", height: <CSS pixels> }")
                    .text(", sent only to your page's origin, named in the frame's address (an https: origin; http://localhost or 127.0.0.1 while developing: the frame refuses any other, and says so). It accepts one message, ")
                    .leaf("code", &[], "{ type: \"class-spec-explorer:report-height\" }")
                    .text(", and only from the page that frames it, at that origin; it ignores all others.");
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

    #[test]
    fn the_snippet_frames_the_view_and_listens_only_to_the_app() {
        let code = snippet("https://classes.example.org", "/class/102D", "CSS 4");
        // Without its script, the snippet is a link to the view (read as HTML); the script is
        // code, read as text below.
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
        assert!(code.contains(r#"frame.title = "CSS 4, Class Spec Explorer";"#));
        assert!(
            code.contains(r#"document.getElementById("cse-class-102D").replaceChildren(frame);"#)
        );
        assert!(code.contains(r#"frame.src = app + "/class/102D?embed=1&parent=""#));
        assert!(code
            .contains("if (event.origin !== app || event.source !== frame.contentWindow) return;"));
        let compare = snippet("https://x.org", "/compare?classes=102C,102D", "");
        assert!(compare.contains(r#""/compare?classes=102C,102D&embed=1&parent=""#));
        assert!(class_spec_test_html::parse(&compare).has("div#cse-compare-classes-102C-102D"));
        let odd = snippet("https://x.org", "/class/1", "A \"q\" </script> \\");
        assert!(
            odd.contains(r#"frame.title = "A \"q\" \u003c/script> \\, Class Spec Explorer";"#),
            "{odd}"
        );
        // The title cannot end the script early: the script holds the whole code. (Mutation
        // tried: `<` written as itself in the script's strings; this failed.)
        assert_eq!(
            class_spec_test_html::parse(&odd).count("script"),
            1,
            "{odd}"
        );
        let script: String = class_spec_test_html::parse(&odd)
            .one("script")
            .text()
            .collect();
        assert!(script.trim_end().ends_with("})();"), "{script}");
    }
}
