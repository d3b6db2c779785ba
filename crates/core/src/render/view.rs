//! What every view module returns and what it may depend on: a drawn [`Page`] and the
//! [`Setting`] the app runs in. A leaf module, so every view can use these without a circle.

/// A drawn view: its title (empty for the start view) and its HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub title: String,
    pub html: String,
}

impl Page {
    /// One string for crossing from one wasm module to another: the title, a line break, the
    /// HTML. A title never holds a line break (they are built from one-line data fields).
    pub fn encode(&self) -> String {
        let mut out = String::with_capacity(self.title.len() + 1 + self.html.len());
        out.push_str(&self.title.replace('\n', " "));
        out.push('\n');
        out.push_str(&self.html);
        out
    }

    /// The inverse of [`Page::encode`]; a string without a line break is all title.
    pub fn decode(encoded: &str) -> Self {
        let (title, html) = encoded.split_once('\n').unwrap_or((encoded, ""));
        Self {
            title: title.to_owned(),
            html: html.to_owned(),
        }
    }
}

/// Where and how the app runs, for the views that depend on it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Setting<'a> {
    /// The app's own origin (`https://classes.example.org`), which the embed snippet names.
    pub origin: &'a str,
    /// On an unattended touch screen: no typing (the planner's years are steppers).
    pub kiosk: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_survives_the_trip_between_modules() {
        let page = Page {
            title: "Compare 102C, 102D".to_owned(),
            html: "<p>a\nb</p>".to_owned(),
        };
        assert_eq!(Page::decode(&page.encode()), page);
        assert_eq!(Page::decode("only a title").html, "");
    }
}
