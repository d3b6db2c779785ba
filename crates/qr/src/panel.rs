//! The kiosk's "Take this with you" panel, drawn by this module rather than by the shell: the
//! shell only asks for it (`src/qr.rs`), so neither the shell nor any page off a kiosk carries
//! the encoder, the panel or its styles.
//!
//! [`show`] opens a modal dialog with the address's code, large (640 CSS pixels wide on the
//! kiosk's 1080 by 1920 screen), and the address in short readable form beside it; or, for an
//! address too long for a code that reads from arm's length, says so and draws none. [`offer`]
//! puts a "Take this with you" button beside each official page's address, which
//! `web/platform.js` shows as text on a kiosk (`data-qr` on the text), now and in every view
//! drawn later.
//!
//! Its styles are set here through the CSSOM (`style.cssText`, which the page's
//! Content-Security-Policy allows, unlike a `style` attribute or element), so the page's
//! stylesheet, loaded on every device, carries none of them.

use class_spec_core::contract::QR;
use class_spec_core::render::readable_address;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlDialogElement};

use crate::{code, MOST_BYTES};

/// The dialog's id; its heading's.
const PANEL_ID: &str = "take-away-panel";
const HEADING_ID: &str = "take-away-heading";
const SVG: &str = "http://www.w3.org/2000/svg";

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect_throw("a page")
}

/// A new element of `document` with its class and, if any, its style.
fn element(document: &Document, tag: &str, class: &str, style: &str) -> Element {
    let el = document.create_element(tag).expect_throw(tag);
    if !class.is_empty() {
        el.set_class_name(class);
    }
    styled(&el, style);
    el
}

fn styled(el: &Element, style: &str) {
    if let (false, Some(el)) = (style.is_empty(), el.dyn_ref::<web_sys::HtmlElement>()) {
        el.style().set_css_text(style);
    } else if let (false, Some(el)) = (style.is_empty(), el.dyn_ref::<web_sys::SvgElement>()) {
        el.style().set_css_text(style);
    }
}

/// The dialog, made once: its heading, an empty body (`role="status"`: what it says is read
/// out) and its Close button. Closed, its body is emptied, so nothing of the last visitor's
/// address stays in the page.
fn panel(document: &Document) -> (HtmlDialogElement, Element) {
    if let Some(dialog) = document.get_element_by_id(PANEL_ID) {
        let body = dialog
            .first_element_child()
            .and_then(|h| h.next_element_sibling());
        return (
            dialog.unchecked_into(),
            body.expect_throw("the panel's body"),
        );
    }
    let dialog: HtmlDialogElement = element(
        document,
        "dialog",
        "take-away-panel",
        // The page behind dimmed by a shadow as wide as the screen: `::backdrop` can only be
        // styled by a stylesheet, and the page's own, loaded on every device, carries none of
        // the panel's styles.
        "width:min(60rem,calc(100vw - 2rem));max-height:calc(100vh - 2rem);padding:1.5rem 2rem;border:none;border-radius:var(--radius);background:var(--surface);color:var(--text);box-shadow:0 0 0 100vmax rgb(0 0 0/.6)",
    )
    .unchecked_into();
    dialog.set_id(PANEL_ID);
    let _ = dialog.set_attribute("aria-labelledby", HEADING_ID);
    let heading = element(document, "h2", "", "margin-top:0");
    heading.set_id(HEADING_ID);
    heading.set_text_content(Some("Take this with you"));
    let body = element(document, "div", "take-away-panel__body", "");
    let _ = body.set_attribute("role", "status");
    let foot = element(document, "p", "", "margin-bottom:0");
    let close = element(document, "button", "button", "");
    let _ = close.set_attribute("type", "button");
    close.set_text_content(Some("Close"));
    let _ = foot.append_child(&close);
    for part in [&heading, &body, &foot] {
        let _ = dialog.append_child(part);
    }
    let closing = dialog.clone();
    let on_close = Closure::<dyn Fn()>::new(move || closing.close());
    let _ = close.add_event_listener_with_callback("click", on_close.as_ref().unchecked_ref());
    on_close.forget();
    let emptied = body.clone();
    let on_closed = Closure::<dyn Fn()>::new(move || emptied.replace_children_with_node_0());
    let _ = dialog.add_event_listener_with_callback("close", on_closed.as_ref().unchecked_ref());
    on_closed.forget();
    if let Some(page) = document.body() {
        let _ = page.append_child(&dialog);
    }
    (dialog, body)
}

/// Opens the panel with the code of `url` (an absolute address), or says it is too long for
/// one and shows the address to note down.
pub fn show(url: &str) {
    let document = document();
    let (dialog, body) = panel(&document);
    let readable = readable_address(url);
    body.replace_children_with_node_0();
    if let Ok(drawn) = code(url) {
        let figure = element(
            &document,
            "figure",
            "take-away-panel__code",
            "display:flex;flex-wrap:wrap;align-items:center;gap:1.5rem;margin:0",
        );
        let svg = document
            .create_element_ns(Some(SVG), "svg")
            .expect_throw("svg");
        for (name, value) in [
            ("class", "qr"),
            ("viewBox", &format!("0 0 {0} {0}", drawn.size)),
            ("role", "img"),
            ("aria-label", &format!("QR code of {readable}")),
            ("shape-rendering", "crispEdges"),
        ] {
            let _ = svg.set_attribute(name, value);
        }
        // Dark modules on light, whatever the colour scheme: a reader needs the contrast.
        styled(
            &svg,
            "flex:none;display:block;background:#fff;width:min(40rem,calc(100vw - 6rem));height:auto;aspect-ratio:1",
        );
        let path = document
            .create_element_ns(Some(SVG), "path")
            .expect_throw("path");
        let _ = path.set_attribute("d", &drawn.path);
        let _ = path.set_attribute("fill", "#000");
        let _ = svg.append_child(&path);
        let caption = element(
            &document,
            "figcaption",
            "",
            "flex:1 1 14rem;font-size:1.25rem",
        );
        caption.set_text_content(Some(
            "Scan it with your phone's camera to open this page there. The code holds this address and nothing else:",
        ));
        let _ = caption.append_child(&address(&document, "strong", &readable));
        let _ = figure.append_child(&svg);
        let _ = figure.append_child(&caption);
        let _ = body.append_child(&figure);
    } else {
        let said = element(&document, "p", "take-away-panel__said", "font-size:1.25rem");
        said.set_text_content(Some(&format!(
            "This address is too long for a code a phone can read from here: it has {} characters, and such a code holds at most {MOST_BYTES}. Note it down instead:",
            url.len()
        )));
        let _ = body.append_child(&said);
        let _ = body.append_child(&address(&document, "p", &readable));
    }
    if !dialog.open() {
        let _ = dialog.show_modal();
    }
}

/// The address as a person reads it, large.
fn address(document: &Document, tag: &str, readable: &str) -> Element {
    let el = element(
        document,
        tag,
        "take-away-panel__address",
        "display:block;margin-top:0.5rem;font-size:1.5rem;overflow-wrap:anywhere",
    );
    el.set_text_content(Some(readable));
    el
}

/// A "Take this with you" button beside every official page's address on the page, now and
/// in every view drawn later.
pub fn offer() {
    let document = document();
    offer_in(&document);
    let watched = document.clone();
    let changed = Closure::<dyn Fn()>::new(move || offer_in(&watched));
    let observer =
        web_sys::MutationObserver::new(changed.as_ref().unchecked_ref()).expect_throw("observer");
    changed.forget();
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    if let Some(root) = document.document_element() {
        let _ = observer.observe_with_options(&root, &options);
    }
}

/// The button for each address `web/platform.js` has marked (`data-qr` on its text), which
/// then moves to the button: each is offered once.
fn offer_in(document: &Document) {
    let Ok(marked) = document.query_selector_all(&format!(".external-address[{QR}]")) else {
        return;
    };
    for index in 0..marked.length() {
        let Some(text) = marked
            .item(index)
            .and_then(|n| n.dyn_into::<Element>().ok())
        else {
            continue;
        };
        let Some(url) = text.get_attribute(QR) else {
            continue;
        };
        let _ = text.remove_attribute(QR);
        let button = element(
            document,
            "button",
            "button button--quiet",
            "margin-left:0.5rem",
        );
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute(QR, &url);
        button.set_text_content(Some("Take this with you"));
        // Named apart from the view's own button for a screen reader: which page's code.
        let which = element(document, "span", "visually-hidden", "");
        which.set_text_content(Some(&format!(
            ": {}",
            text.text_content().unwrap_or_default()
        )));
        let _ = button.append_child(&which);
        let _ = text.append_child(&button);
    }
}
