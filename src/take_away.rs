//! "Take it with you" (issue 23): the control that gives the view's address away, a Leptos
//! component mounted into the host element the chrome already holds
//! (`class_spec_core::render::shared_href`, `#take-away`). The host arrives with a plain
//! fallback inside, whose share button `web/boot.js` answers, so a click before the shell has
//! come works too; the component replaces the fallback in place (the same button, the same
//! status line, so nothing moves) and follows the address from then on: hidden for a view that
//! answers no question, its address the view's own.
//!
//! Where the browser offers its share sheet (`navigator.canShare`) the button shares, else it
//! copies the link and says so in a polite live region. Refused (a permission, an insecure
//! context), it says so and shows the address selected, to copy by hand. Never on a kiosk.

use class_spec_core::contract::{
    TAKE_AWAY_FIELD_ID, TAKE_AWAY_ID, TAKE_AWAY_MANUAL_CLASS, TAKE_AWAY_STATUS_CLASS,
};
use class_spec_core::render::{shared_href, COPIED, REFUSED};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::document::by_id;
use class_spec_core::address::Address;

/// Mounts the control into its host, if the page holds one, for the address as it changes.
pub fn mount(address: Memo<Address>) {
    let Some(host) = by_id(TAKE_AWAY_ID).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // What the fallback said (a copy `web/boot.js` answered before the shell came) stays said.
    let said = host
        .query_selector(&format!(".{TAKE_AWAY_STATUS_CLASS}"))
        .ok()
        .flatten()
        .and_then(|status| status.text_content())
        .unwrap_or_default();
    while let Some(child) = host.first_child() {
        let _ = host.remove_child(&child);
    }
    let href = Memo::new(move |_| address.with(shared_href));
    let status = RwSignal::new(said);
    let by_hand = RwSignal::new(false);
    // The host shows only for a view that answers a question; what was said of the last view
    // no longer holds.
    let shown_on = host.clone();
    Effect::new(move |first: Option<()>| {
        let _ = if href.get().is_some() {
            shown_on.remove_attribute("hidden")
        } else {
            shown_on.set_attribute("hidden", "")
        };
        if first.is_some() {
            status.set(String::new());
            by_hand.set(false);
        }
    });
    let kiosk = crate::engine::kiosk();
    leptos::mount::mount_to(host, move || {
        (!kiosk).then(|| view! { <Share href status by_hand/> })
    })
    .forget();
}

/// The share (or "Copy link") button, its status line (`status`) and, when the browser
/// refused (`by_hand`), the address to copy by hand.
#[component]
fn Share(
    href: Memo<Option<String>>,
    status: RwSignal<String>,
    by_hand: RwSignal<bool>,
) -> impl IntoView {
    let sharing = can_share();
    let give = move |_| {
        let Some(url) = href.get_untracked().map(|href| absolute(&href)) else {
            return;
        };
        // Emptied first, so that a second "Link copied." is announced again.
        status.set(String::new());
        by_hand.set(false);
        // Within the click, as browsers require of both.
        let answer = if sharing { share(&url) } else { copy(&url) };
        leptos::task::spawn_local(async move {
            let refused = match answer {
                Some(promise) => match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => {
                        if !sharing {
                            status.set(COPIED.to_owned());
                        }
                        false
                    }
                    // The person closed the share sheet: nothing to say.
                    Err(error) => !is_abort(&error),
                },
                None => true,
            };
            if refused {
                status.set(REFUSED.to_owned());
                by_hand.set(true);
                // Selected once it is shown.
                request_animation_frame(move || {
                    if let Some(input) = by_id(TAKE_AWAY_FIELD_ID)
                        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        input.set_value(&url);
                        let _ = input.focus();
                        input.select();
                    }
                });
            }
        });
    };
    view! {
        <button type="button" class="button button--quiet take-away__share" on:click=give>
            {if sharing { "Share" } else { "Copy link" }}
        </button>
        <p class=TAKE_AWAY_STATUS_CLASS role="status">{move || status.get()}</p>
        <p class=TAKE_AWAY_MANUAL_CLASS hidden=move || !by_hand.get()>
            <label for=TAKE_AWAY_FIELD_ID>"Address of this view"</label>
            " "
            <input id=TAKE_AWAY_FIELD_ID type="url" readonly/>
        </p>
    }
}

/// The page's own origin before a view's address.
fn absolute(href: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{href}")
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// Whether the browser offers its share sheet for a link (as `web/platform.js` marks the page,
/// `data-can-share`).
fn can_share() -> bool {
    let Some(navigator) = navigator() else {
        return false;
    };
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("canShare")).unwrap_or(false) {
        return false;
    }
    let data = web_sys::ShareData::new();
    data.set_url(&absolute("/"));
    navigator.can_share_with_data(&data)
}

/// The share sheet for `url`, with the tab's title.
fn share(url: &str) -> Option<js_sys::Promise> {
    let data = web_sys::ShareData::new();
    data.set_url(url);
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        data.set_title(&document.title());
    }
    Some(navigator()?.share_with_data(&data))
}

/// `url` into the clipboard; `None` where the page has no clipboard (an insecure context).
fn copy(url: &str) -> Option<js_sys::Promise> {
    let navigator = navigator()?;
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    Some(
        clipboard
            .unchecked_into::<web_sys::Clipboard>()
            .write_text(url),
    )
}

/// Whether a rejection is the person's own cancelling of the share sheet.
fn is_abort(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "AbortError")
}
