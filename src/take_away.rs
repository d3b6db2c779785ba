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
//!
//! On a kiosk it is "Take this with you" instead: the address as a QR code, drawn on the device,
//! large, in a dialog, with the address in short readable form beside it; an official page's
//! address (text on a kiosk, `web/platform.js`) is offered the same way. The panel, the encoder
//! and their styles are the QR module's (`crates/qr`, asked for on a kiosk only: `crate::qr`);
//! the shell keeps the fallback's button, follows the address with it, and hands a tapped
//! address to the module.

use std::rc::Rc;

use class_spec_core::contract::{
    QR, TAKE_AWAY_FIELD_ID, TAKE_AWAY_ID, TAKE_AWAY_MANUAL_CLASS, TAKE_AWAY_STATUS_CLASS,
};
use class_spec_core::render::{shared_href, COPIED, REFUSED};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::document::by_id;
use crate::qr::Qr;
use class_spec_core::address::Address;

/// Mounts the control into its host, if the page holds one, for the address as it changes;
/// on a kiosk, the QR module's "Take this with you" (`qr`, asked for now, so the first code
/// comes at once).
pub fn mount(address: Memo<Address>, qr: Qr) {
    let Some(host) = by_id(TAKE_AWAY_ID).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let href = Memo::new(move |_| address.with(shared_href));
    if crate::engine::kiosk() {
        kiosk(&host, href, qr);
        return;
    }
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
    leptos::mount::mount_to(host, move || view! { <Share href status by_hand/> }).forget();
}

/// A kiosk's control: the fallback's "Take this with you" button stays (the one `web/boot.js`
/// taps again for the shell if it was tapped before), its `data-qr` the view's address as it
/// changes; a tap on it, or on an official page's button (the QR module's), shows that address's
/// code. Not a Leptos view: the button is the page's already, and the panel is the module's.
fn kiosk(host: &web_sys::HtmlElement, href: Memo<Option<String>>, qr: Qr) {
    let (Some(button), Some(status)) = (
        host.query_selector(&format!("button[{QR}]")).ok().flatten(),
        host.query_selector(&format!(".{TAKE_AWAY_STATUS_CLASS}"))
            .ok()
            .flatten(),
    ) else {
        return;
    };
    // The fallback's share button: no share or copy on a kiosk (its field stays hidden).
    if let Ok(Some(share)) = host.query_selector(".take-away__share") {
        share.remove();
    }
    let shown_on = host.clone();
    let said = status.clone();
    Effect::new(move |_| {
        let _ = match href.get() {
            Some(href) => {
                let _ = button.set_attribute(QR, &href);
                shown_on.remove_attribute("hidden")
            }
            None => shown_on.set_attribute("hidden", ""),
        };
        said.set_text_content(None);
    });
    // Without the module (its file refused, or offline before it was ever fetched), the address
    // as text, to note down, and a tap again tries again (the loader forgets a failed load). The
    // loader's reason (a file name, an integrity hash) says nothing to a person at a kiosk, and
    // the browser's console has the failed request.
    let failed = move |url: String| -> Rc<dyn Fn(String)> {
        let status = status.clone();
        Rc::new(move |_why| {
            status.set_text_content(Some(&format!(
                "The code could not be made just now. Tap \"Take this with you\" to try again, or note down the address: {url}"
            )));
        })
    };
    qr.offer();
    drop(window_event_listener(leptos::ev::click, move |ev| {
        let wanted = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(&format!("button[{QR}]")).ok().flatten())
            .and_then(|button| button.get_attribute(QR));
        if let Some(wanted) = wanted {
            let url = absolute_of(&wanted);
            qr.show(&url, failed(url.clone()));
        }
    }));
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

/// An address as the page names it (`/class/102D`, or an official page's in full) made
/// absolute.
fn absolute_of(address: &str) -> String {
    if address.starts_with('/') {
        absolute(address)
    } else {
        address.to_owned()
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
