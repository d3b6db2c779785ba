//! A small HTML writer. Element and attribute names are `&'static str` written in this crate;
//! every text and attribute value is escaped, so nothing in the data can become markup.
//!
//! The read-only content of the views is rendered here, natively tested, instead of as one
//! reactive view per element: that keeps the browser bundle within its budget, and the same
//! markup can be written into static files at build time.

use std::fmt::Write as _;

/// HTML under construction.
#[derive(Default)]
pub struct Markup {
    out: String,
}

impl Markup {
    pub fn new() -> Self {
        Self::default()
    }

    /// `<tag attrs…>body</tag>`.
    pub fn el(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        body: impl FnOnce(&mut Self),
    ) -> &mut Self {
        self.el_with(tag, attrs, &[], body)
    }

    /// [`Markup::el`] with attributes that are written only when they have a value
    /// (`("open", failed.then_some(""))`), after the others.
    pub fn el_with(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        optional: &[(&'static str, Option<&str>)],
        body: impl FnOnce(&mut Self),
    ) -> &mut Self {
        self.open(tag, attrs, optional);
        body(self);
        self.close(tag);
        self
    }

    /// A void element (`<input …>`), which has no content and no end tag.
    pub fn void(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        self.void_with(tag, attrs, &[])
    }

    /// [`Markup::void`] with optional attributes, as in [`Markup::el_with`].
    pub fn void_with(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        optional: &[(&'static str, Option<&str>)],
    ) -> &mut Self {
        self.open(tag, attrs, optional);
        self
    }

    // Not inlined (nor is `close`): the views call `el` hundreds of times, each call site its
    // own copy of `el_with` (its `body` is a closure), and the tags' pushes inlined there cost
    // the engine kilobytes (BENCHMARKS.md, 2026-12-03 afternoon).
    #[inline(never)]
    fn open(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        optional: &[(&'static str, Option<&str>)],
    ) {
        self.out.push('<');
        self.out.push_str(tag);
        let present = optional
            .iter()
            .filter_map(|&(name, value)| Some((name, value?)));
        for (name, value) in attrs.iter().copied().chain(present) {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value);
            self.out.push('"');
        }
        self.out.push('>');
    }

    #[inline(never)]
    fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// An element holding only text.
    pub fn leaf(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs, &[]);
        self.text(text);
        self.close(tag);
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.out, text);
        self
    }

    /// Escaped formatted text (`m.fmt(format_args!("{n} levels"))`).
    pub fn fmt(&mut self, args: std::fmt::Arguments<'_>) -> &mut Self {
        let mut text = String::new();
        let _ = text.write_fmt(args);
        self.text(&text)
    }

    /// Markup this crate rendered already (a whole view's part), inserted as is. Never pass
    /// text from the data or the address here: use `text`.
    pub(crate) fn rendered(&mut self, html: &str) -> &mut Self {
        self.out.push_str(html);
        self
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, for markup written outside a [`Markup`] (the
/// embed snippet shown as text).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut m = Markup::new();
        m.el("a", &[("href", "/x?a=1&b=\"2\"")], |m| {
            m.text("<script>alert('x')</script>");
        });
        assert_eq!(
            m.finish(),
            "<a href=\"/x?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>"
        );
    }

    #[test]
    fn writes_void_elements_without_an_end_tag() {
        let mut m = Markup::new();
        m.void("input", &[("type", "checkbox"), ("checked", "")]);
        assert_eq!(m.finish(), "<input type=\"checkbox\" checked=\"\">");
    }

    #[test]
    fn writes_an_optional_attribute_only_when_it_has_a_value() {
        let mut m = Markup::new();
        m.void_with("input", &[("type", "checkbox")], &[("checked", Some(""))]);
        m.el_with(
            "details",
            &[],
            &[("open", None), ("class", Some("a"))],
            |_| {},
        );
        assert_eq!(
            m.finish(),
            "<input type=\"checkbox\" checked=\"\"><details class=\"a\"></details>"
        );
    }

    #[test]
    fn nests_elements() {
        let mut m = Markup::new();
        m.el("ul", &[("class", "list")], |m| {
            m.leaf("li", &[], "one").leaf("li", &[], "two");
        });
        assert_eq!(
            m.finish(),
            "<ul class=\"list\"><li>one</li><li>two</li></ul>"
        );
    }
}
