//! The compare picker's count (`#picker-status`, a live region under the picker) as a
//! component: how many picks are chosen, or, once a submit was refused, why. The words are the
//! core's (`picker_status`, `picker_problem`), the same the view was drawn with; the state is
//! the component's, told by the picker's `change` and `submit` (`behaviour`).

use std::any::Any;
use std::cell::Cell;

use class_spec_core::render::{picker_problem, picker_status};
use leptos::prelude::*;

/// What the count says: `chosen` picks, and whether a submit of them was refused.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Count {
    chosen: usize,
    refused: bool,
}

thread_local! {
    /// The state of the count on screen, if the view holds one.
    static LIVE: Cell<Option<RwSignal<Option<Count>>>> = const { Cell::new(None) };
}

/// Mounts the count into its host, the view's status line under the picker.
pub fn mount(host: web_sys::HtmlElement) -> Box<dyn Any> {
    let (state, handle) = crate::status_line::mount(host, |count: &Count| {
        count
            .refused
            .then(|| picker_problem(count.chosen))
            .flatten()
            .unwrap_or_else(|| picker_status(count.chosen))
    });
    LIVE.set(Some(state));
    handle
}

/// The person changed the picks: `chosen` now.
pub fn chosen(chosen: usize) {
    say(Count {
        chosen,
        refused: false,
    });
}

/// A submit of `chosen` picks was refused: the count says why.
pub fn refused(chosen: usize) {
    say(Count {
        chosen,
        refused: true,
    });
}

fn say(count: Count) {
    if let Some(state) = LIVE.get() {
        // A view drawn since has a count of its own; the old one's state is gone.
        let _ = state.try_set(Some(count));
    }
}
