//! The names the core's markup and the web shell share: element ids, `data-` attributes, form
//! and field names, and the marks the page's start-up scripts (`web/platform.js`,
//! `web/boot.js`) set. The renderers write these names and the shell looks them up, so a name
//! changed here changes on both sides; the scripts cannot import Rust, so a test below checks
//! that they use the same strings.

/// The element holding the whole document drawn by [`crate::render::start_document`] (skip
/// link, header, main region, footer). `web/boot.js` fills it when the engine draws a view no
/// file of the build holds.
pub const APP_ID: &str = "app";
/// The main region (the skip link's target).
pub const MAIN_ID: &str = "main";
/// The element in the main region that holds the view: the only part the shell redraws when
/// the address changes.
pub const VIEW_ID: &str = "view";
/// The header's search form and its box ("/" anywhere else puts the cursor there).
pub const SEARCH_FORM_ID: &str = "site-search-form";
pub const SEARCH_BOX_ID: &str = "site-search";
/// The search box's field name: `/search?q=…`.
pub const SEARCH_FIELD: &str = "q";
/// The footer's "Embed this view" paragraph (hidden on the embed page itself).
pub const EMBED_LINK_ID: &str = "embed-this-view";

/// The planner's form; its fields are named as in its address (see `Route::Planner`).
pub const PLANNER_FORM_ID: &str = "planner";
/// The compare picker's form, its field name and its status line.
pub const PICKER_FORM_ID: &str = "compare-picker";
pub const PICKER_FIELD: &str = "classes";
pub const PICKER_STATUS_ID: &str = "picker-status";

/// A button's action: `data-action="retry"` (load the engine again; the shell), and
/// `data-action="copy"` (copy the text of the element named by [`COPY_SOURCE`]; `web/boot.js`,
/// so that a click before the shell has come copies too).
pub const ACTION: &str = "data-action";
pub const ACTION_RETRY: &str = "retry";
pub const ACTION_COPY: &str = "copy";
/// The id of the element a copy button copies.
pub const COPY_SOURCE: &str = "data-copy";
/// A kiosk's − and + beside a field of years: the step in years (`-1`, `-0.5`, `0.5`, `1`),
/// a one-tap choice's value (`data-set="3"`), and the field's id. `web/platform.js` repeats a
/// held step; `web/boot.js` keeps a tap made before the shell for it.
pub const STEP: &str = "data-step";
pub const STEP_SET: &str = "data-set";
pub const STEP_FIELD: &str = "data-for";
/// A node of the career-path drawing names the summary card to show (`data-card="card-102D"`);
/// the panel's hint is marked [`CARD_HINT`].
pub const CARD: &str = "data-card";
pub const CARD_HINT: &str = "data-card-hint";
/// The spreadsheet download button carries its view's address (`data-csv="/levels"`);
/// `web/boot.js` asks the engine for that view's sheet.
pub const CSV_ATTRIBUTE: &str = "data-csv";
/// What should take focus when a view is opened in the app, before its heading.
pub const AUTOFOCUS: &str = "data-autofocus";

/// `<meta name="view" content="/class/102D" data-query="…" data-kiosk>`, in every page written
/// at build time: the path the page's view was drawn for, the query names that would make it
/// another view (space-separated), and, if present, that a kiosk sees this view otherwise.
/// `web/platform.js` compares them with the address before anything is painted.
pub const VIEW_META: &str = "view";
/// Set on `<html>` by `web/platform.js` when the page does not hold the view of its address
/// (a server's fallback page, a query that computes the view): the written view stays hidden
/// and `web/boot.js` has the engine draw the right one.
pub const VIEW_PENDING: &str = "data-view-pending";
/// Set on `<html>` by the shell once it has adopted the page (links navigate in the app, the
/// forms act without a page load).
pub const SHELL_READY: &str = "data-shell";

#[cfg(test)]
mod tests {
    use super::*;

    /// `data-view-pending` as `dataset.viewPending`, as the scripts read it.
    fn dataset_name(attribute: &str) -> String {
        let mut out = String::new();
        let mut upper = false;
        for c in attribute.trim_start_matches("data-").chars() {
            if c == '-' {
                upper = true;
            } else if upper {
                out.push(c.to_ascii_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn the_start_up_scripts_use_the_same_names() {
        // Mutation tried: renaming VIEW_PENDING here to "data-pending" fails this test.
        let platform = include_str!("../../../web/platform.js");
        let boot = include_str!("../../../web/boot.js");
        let css = include_str!("../../../style/main.css");
        let pending = dataset_name(VIEW_PENDING);
        assert!(platform.contains(&format!("meta[name=\"{VIEW_META}\"]")));
        assert!(platform.contains(&format!("dataset.{pending}")));
        assert!(boot.contains(&format!("dataset.{pending}")));
        assert!(css.contains(&format!("[{VIEW_PENDING}] #{APP_ID}")));
        assert!(boot.contains(&format!("getElementById('{APP_ID}')")));
        assert!(boot.contains(&format!("getElementById('{SEARCH_BOX_ID}')")));
        assert!(boot.contains(&format!("button[{CSV_ATTRIBUTE}]")));
        assert!(boot.contains(&format!("dataset.{}", dataset_name(CSV_ATTRIBUTE))));
        assert!(boot.contains(&format!("'[{STEP}], [{STEP_SET}]'")));
        assert!(boot.contains(&format!("'[{ACTION}=\"{ACTION_COPY}\"]'")));
        assert!(boot.contains(&format!("dataset.{}", dataset_name(COPY_SOURCE))));
        assert!(platform.contains(&format!("'[{STEP}]'")));
    }
}
