//! "Take it with you": the control that gives a view's address away (issue 23). The chrome
//! holds its host element, [`TAKE_AWAY_ID`], above the view, with a plain fallback inside: a
//! share button (a phone's or desk's; `web/boot.js` answers a click on it before the shell has
//! come) and a kiosk's "Take this with you" (a QR code of the address; the stylesheet shows the
//! one that fits the page's mode). The shell mounts its component into the host (`src/take_away.rs`),
//! which replaces the fallback in place and follows the address from then on.
//!
//! The address given away is the view's own, written by [`Route::href`]: never what else the
//! browser's address holds (`?kiosk=1`, a fragment, a word the app does not read).

use crate::address::Address;
use crate::contract::{
    ACTION, ACTION_SHARE, QR, TAKE_AWAY_ADDRESS, TAKE_AWAY_COPIED, TAKE_AWAY_FIELD_ID,
    TAKE_AWAY_ID, TAKE_AWAY_MANUAL_CLASS, TAKE_AWAY_REFUSED, TAKE_AWAY_STATUS_CLASS,
};
use crate::markup::Markup;
use crate::planner::PlannerInput;
use crate::route::Route;

/// What the control says once the link is copied, and when the browser refused to copy or
/// share it (the address is then shown, selected, to copy by hand). Written on the host for
/// `web/boot.js` ([`TAKE_AWAY_COPIED`], [`TAKE_AWAY_REFUSED`]); the shell's component says the same.
pub const COPIED: &str = "Link copied.";
pub const REFUSED: &str = "The browser did not allow copying the link. The address is selected below: copy it with Ctrl+C (⌘C on a Mac), or press and hold it on a phone.";

/// The most characters of [`readable_address`] before its "…".
pub const READABLE_LIMIT: usize = 60;

/// The address to give away for the view at `address`,
/// or `None` for a view that answers no question of its own (the start view, an index, an
/// empty form, the glossary, an address the app does not have). The views that answer one: a
/// class, a comparison, a plan, the levels view and a search.
pub fn shared_href(address: &Address) -> Option<String> {
    let route = address.route()?;
    let answers = match &route {
        Route::Class { .. } | Route::Levels { .. } => true,
        Route::Compare { picks } => !picks.is_empty(),
        Route::Planner { input } => input != &PlannerInput::default(),
        Route::Search { query } => !query.trim().is_empty(),
        _ => false,
    };
    answers.then(|| route.href())
}

/// An absolute address as a person reads it beside its code: no `https://`, escapes decoded
/// (`102C,102D`, not `102C%2C102D`; a space, not `+`), every invisible character shown
/// ([`crate::echo`]), and at most [`READABLE_LIMIT`] characters, then "…".
pub fn readable_address(url: &str) -> String {
    let bare = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let (path, query) = bare
        .split_once('?')
        .map_or((bare, None), |(p, q)| (p, Some(q)));
    let mut text = percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned();
    if let Some(query) = query {
        text.push('?');
        text.push_str(
            &percent_encoding::percent_decode_str(&query.replace('+', " ")).decode_utf8_lossy(),
        );
    }
    let shown = crate::echo::echo(&text);
    if shown.chars().count() <= READABLE_LIMIT {
        return shown;
    }
    let mut short: String = shown.chars().take(READABLE_LIMIT).collect();
    short.push('…');
    short
}

/// The host element with its plain fallback, for the view at `address`; hidden for a view
/// that has no address to give away (the shell shows it when the address changes).
pub(super) fn take_away(m: &mut Markup, address: &Address) {
    let href = shared_href(address);
    let here = href.as_deref().unwrap_or("/");
    m.el_with(
        "div",
        &[
            ("id", TAKE_AWAY_ID),
            ("class", "take-away"),
            (TAKE_AWAY_ADDRESS, here),
            (TAKE_AWAY_COPIED, COPIED),
            (TAKE_AWAY_REFUSED, REFUSED),
        ],
        &[("hidden", href.is_none().then_some(""))],
        |m| {
            // Which of the two labels shows is the stylesheet's choice, from the mark
            // web/platform.js sets before the page is painted (`data-can-share`): the label
            // is right from the first paint, and the shell's own button takes its place
            // without moving anything.
            m.el(
                "button",
                &[
                    ("type", "button"),
                    ("class", "button button--quiet take-away__share"),
                    (ACTION, ACTION_SHARE),
                ],
                |m| {
                    m.leaf("span", &[("class", "take-away__if-share")], "Share");
                    m.leaf("span", &[("class", "take-away__if-copy")], "Copy link");
                },
            );
            m.leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "button button--quiet take-away__kiosk"),
                    (QR, here),
                ],
                "Take this with you",
            );
            m.leaf(
                "p",
                &[("class", TAKE_AWAY_STATUS_CLASS), ("role", "status")],
                "",
            );
            // Shown with the address selected when the browser refuses to copy or share it.
            m.el_with(
                "p",
                &[("class", TAKE_AWAY_MANUAL_CLASS)],
                &[("hidden", Some(""))],
                |m| {
                    m.leaf(
                        "label",
                        &[("for", TAKE_AWAY_FIELD_ID)],
                        "Address of this view",
                    );
                    m.text(" ");
                    m.void(
                        "input",
                        &[
                            ("id", TAKE_AWAY_FIELD_ID),
                            ("type", "url"),
                            ("readonly", ""),
                            ("value", ""),
                        ],
                    );
                },
            );
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An address as a person types it, `path?query`.
    fn at(typed: &str) -> Address {
        let (path, query) = typed.split_once('?').unwrap_or((typed, ""));
        Address::new(path, query)
    }

    #[test]
    fn only_views_that_answer_a_question_are_given_away() {
        // Mutation tried: `Route::Compare { .. } => true` gives the empty picker away and
        // fails the second assertion.
        assert_eq!(
            shared_href(&at("/class/102D")).as_deref(),
            Some("/class/102D")
        );
        assert_eq!(shared_href(&at("/compare")), None, "the empty picker");
        assert_eq!(
            shared_href(&at("/compare?classes=102C,102D")).as_deref(),
            Some("/compare?classes=102C,102D")
        );
        assert_eq!(shared_href(&at("/planner")), None, "the empty form");
        assert!(shared_href(&at("/planner?class=102C&years=5"))
            .is_some_and(|href| href.starts_with("/planner?class=102C")));
        assert_eq!(shared_href(&at("/levels")).as_deref(), Some("/levels"));
        assert_eq!(shared_href(&at("/search?q=+")), None, "nothing searched");
        assert_eq!(
            shared_href(&at("/search?q=customer")).as_deref(),
            Some("/search?q=customer")
        );
        for none in [
            "/",
            "/classes",
            "/path",
            "/glossary",
            "/nowhere",
            "/embed?view=%2F",
        ] {
            assert_eq!(shared_href(&at(none)), None, "{none}");
        }
    }

    #[test]
    fn the_address_given_away_is_the_views_own() {
        // What the browser's address holds beyond the view is left behind.
        assert_eq!(
            shared_href(&at("/class/102D?kiosk=1&utm=x")).as_deref(),
            Some("/class/102D")
        );
    }

    #[test]
    fn an_address_reads_short_and_plain() {
        assert_eq!(
            readable_address("https://classes.example.org/compare?classes=102C%2C102D"),
            "classes.example.org/compare?classes=102C,102D"
        );
        assert_eq!(
            readable_address("http://127.0.0.1:8080/search?q=close+supervision"),
            "127.0.0.1:8080/search?q=close supervision"
        );
        // An invisible character shows; a long address is cut with "…".
        assert_eq!(
            readable_address("https://a.org/search?q=%E2%80%AEx"),
            "a.org/search?q=[U+202E]x"
        );
        let long = readable_address(&format!("https://a.org/search?q={}", "w".repeat(300)));
        assert_eq!(long.chars().count(), READABLE_LIMIT + 1);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn the_host_holds_a_plain_fallback_and_hides_when_there_is_nothing_to_give() {
        use class_spec_test_html::{parse, text, Select};
        let html = |address: &str| {
            let mut m = Markup::new();
            take_away(&mut m, &at(address));
            parse(&m.finish())
        };
        let class = html("/class/102D?kiosk=1");
        let host = class.one(&format!("#{TAKE_AWAY_ID}"));
        assert_eq!(host.value().attr("hidden"), None);
        assert_eq!(host.value().attr(TAKE_AWAY_ADDRESS), Some("/class/102D"));
        let share = host.one(&format!("button[{ACTION}=\"{ACTION_SHARE}\"]"));
        assert_eq!(share.texts("span"), ["Share", "Copy link"]);
        let kiosk = host.one(&format!("button[{QR}]"));
        assert_eq!(kiosk.value().attr(QR), Some("/class/102D"));
        assert_eq!(text(kiosk), "Take this with you");
        assert_eq!(host.attrs(".take-away__status", "role"), ["status"]);
        assert!(host.has(&format!(
            ".take-away__manual[hidden] input#{TAKE_AWAY_FIELD_ID}[readonly]"
        )));
        // Mutation tried: the `hidden` left out shows the control on the start view.
        let home = html("/");
        assert_eq!(home.attrs(&format!("#{TAKE_AWAY_ID}"), "hidden"), [""]);
    }
}
