//! What every view module returns and what it may depend on: a drawn [`Page`] (or what it
//! could not find, `NotFound`) and the [`Setting`] the app runs in. A leaf module, so every view can use these without a circle.

/// A drawn view: its title (empty for the start view) and its HTML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    pub title: String,
    pub html: String,
}

/// What a view could not find, said by the not-found view `page` draws in its place (a view
/// does not draw another view).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct NotFound {
    /// The heading, which is also the title.
    pub heading: String,
    pub message: String,
}

/// Where and how the app runs, for the views that depend on it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Setting<'a> {
    /// The app's own origin (`https://classes.example.org`), which the embed snippet names.
    pub origin: &'a str,
    /// On an unattended touch screen: no typing (the planner's years are steppers).
    pub kiosk: bool,
}
