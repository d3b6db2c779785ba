//! The take-away control (`src/take_away.rs`) as a component in a real browser (headless
//! Chromium through wasm-bindgen-test-runner): mounted into the host the chrome holds, it
//! replaces the fallback, follows the address and gives the view's own address away; on a
//! kiosk, hands the view's address (or an official page's) to the QR module's panel, here
//! linked in (`class_spec_qr::panel`), which draws its code.
#![cfg(target_arch = "wasm32")]

use class_spec_core::address::Address;
use class_spec_core::render::{readable_address, start_document, COPIED, REFUSED};
use class_spec_explorer::qr::Qr;
use class_spec_explorer::take_away;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod support;
use support::{fresh_host, until};

wasm_bindgen_test_configure!(run_in_browser);

/// The chrome of `path` in a fresh element (the previous test's removed: the ids are the
/// page's), the clipboard answering with `clipboard` (a JavaScript function body given `text`),
/// and the control mounted for the address `address` holds.
fn mount(path: &str, clipboard: &str) -> (web_sys::HtmlElement, RwSignal<Address>) {
    let (bare, query) = path.split_once('?').unwrap_or((path, ""));
    let host = fresh_host(&start_document(&Address::new(bare, query), "", None));
    let navigator = web_sys::window().unwrap().navigator();
    let write = js_sys::Function::new_with_args("text", clipboard);
    let board = js_sys::Object::new();
    js_sys::Reflect::set(&board, &"writeText".into(), &write).unwrap();
    js_sys::Object::define_property(
        &navigator,
        &"clipboard".into(),
        &js_sys::Object::from_entries(&js_sys::Array::of2(
            &js_sys::Array::of2(&"value".into(), &board),
            &js_sys::Array::of2(&"configurable".into(), &true.into()),
        ))
        .unwrap(),
    );
    let (path, search) = path.split_once('?').unwrap_or((path, ""));
    let owner = Owner::new();
    let address = owner.with(|| {
        let address = RwSignal::new(Address::new(path, search));
        take_away::mount(
            Memo::new(move |_| address.get()),
            Qr::Linked(class_spec_qr::panel::show, class_spec_qr::panel::offer),
        );
        address
    });
    std::mem::forget(owner);
    (host, address)
}

/// Marks the page a kiosk (as `web/platform.js` does), or not.
fn kiosk(on: bool) {
    let root = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    let _ = root.class_list().toggle_with_force("kiosk", on);
}

fn control(host: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    host.query_selector("#take-away")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

/// The text of what `selector` selects; empty while there is none.
fn text(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn origin() -> String {
    web_sys::window().unwrap().location().origin().unwrap()
}

fn copied() -> String {
    js_sys::Reflect::get(&web_sys::window().unwrap(), &"copied".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_control_replaces_its_fallback_follows_the_address_and_copies_the_views_own() {
    // Mutation tried: `shared_href` of the browser's address as it is (not the view's) copies
    // "/class/102D?kiosk=0" and fails the first copy.
    kiosk(false);
    let (host, address) = mount(
        "/class/102D?kiosk=0",
        "window.copied = text; return Promise.resolve()",
    );
    leptos::task::tick().await;
    let button = host.query_selector("#take-away button").unwrap().unwrap();
    assert_eq!(button.text_content().unwrap(), "Copy link");
    assert!(
        host.query_selector("#take-away [data-action]")
            .unwrap()
            .is_none(),
        "the fallback is replaced"
    );
    assert_eq!(
        host.query_selector_all("#take-away button")
            .unwrap()
            .length(),
        1
    );
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    until(|| text(&host, ".take-away__status") == COPIED).await;
    assert_eq!(copied(), format!("{}/class/102D", origin()));

    // Mutation tried: the host's `hidden` not following `href` leaves it shown here.
    address.set(Address::new("/classes", ""));
    until(|| control(&host).has_attribute("hidden")).await;
    assert_eq!(
        text(&host, ".take-away__status"),
        "",
        "said of the last view only"
    );

    address.set(Address::new("/levels", ""));
    until(|| !control(&host).has_attribute("hidden")).await;
    host.query_selector("#take-away button")
        .unwrap()
        .unwrap()
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    until(|| text(&host, ".take-away__status") == COPIED).await;
    assert_eq!(copied(), format!("{}/levels", origin()));
}

#[wasm_bindgen_test]
async fn a_refused_copy_says_so_and_shows_the_address_selected() {
    // Mutation tried: `by_hand` left false on refusal keeps the field hidden and fails here.
    kiosk(false);
    let (host, _) = mount(
        "/compare?classes=102C,102D",
        "return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))",
    );
    leptos::task::tick().await;
    let manual = host.query_selector(".take-away__manual").unwrap().unwrap();
    assert!(manual.has_attribute("hidden"));
    host.query_selector("#take-away button")
        .unwrap()
        .unwrap()
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    until(|| text(&host, ".take-away__status") == REFUSED).await;
    let field: web_sys::HtmlInputElement = host
        .query_selector("#take-away-address")
        .unwrap()
        .unwrap()
        .unchecked_into();
    until(|| !field.value().is_empty()).await;
    assert!(!manual.has_attribute("hidden"));
    let address = format!("{}/compare?classes=102C,102D", origin());
    assert_eq!(field.value(), address);
    assert_eq!(
        (
            field.selection_start().unwrap(),
            field.selection_end().unwrap()
        ),
        (Some(0), Some(u32::try_from(address.len()).unwrap())),
        "the address is selected, to copy by hand"
    );
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The drawn code's path in the open panel, if there is one.
fn svg_path() -> Option<String> {
    document()
        .query_selector("dialog[open] svg.qr path")
        .unwrap()
        .and_then(|path| path.get_attribute("d"))
}

/// The text of what `selector` selects in the whole page; empty while there is none.
fn page_text(selector: &str) -> String {
    document()
        .query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn click(element: Option<web_sys::Element>) {
    element
        .expect("a button")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// Closes the panel, and waits until it is emptied (nothing of the last address stays).
async fn close_panel() {
    click(document().query_selector("dialog[open] button").unwrap());
    until(|| {
        document()
            .query_selector("dialog svg, dialog p.take-away-panel__said")
            .unwrap()
            .is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_kiosk_shows_the_views_code_and_an_official_pages_and_says_when_one_is_too_long() {
    kiosk(true);
    let (host, address) = mount(
        "/compare?classes=102C,102D&kiosk=1",
        "return Promise.reject()",
    );
    leptos::task::tick().await;
    // Mutation tried: the fallback's share button left in place on a kiosk fails here.
    assert_eq!(
        host.query_selector_all("#take-away button")
            .unwrap()
            .length(),
        1,
        "no share or copy on a kiosk: one button"
    );
    let take = host.query_selector("#take-away > button").unwrap();
    assert_eq!(
        take.as_ref()
            .and_then(|take| take.text_content())
            .as_deref(),
        Some("Take this with you")
    );
    click(take);
    until(|| svg_path().is_some()).await;
    // The view's own address (no ?kiosk=1), drawn as the QR module draws it.
    let url = format!("{}/compare?classes=102C,102D", origin());
    assert_eq!(
        svg_path(),
        class_spec_qr::code(&url).ok().map(|code| code.path)
    );
    assert_eq!(
        page_text("dialog .take-away-panel__address"),
        readable_address(&url)
    );
    close_panel().await;

    // An official page's address, shown as text on a kiosk (web/platform.js marks it): the
    // module puts a button beside it, in a view drawn after it came too.
    let official = "https://ofm.wa.gov/state-human-resources/compensation-job-classes";
    let text_of = document().create_element("span").unwrap();
    text_of.set_class_name("external-address");
    text_of.set_attribute("data-qr", official).unwrap();
    text_of.set_text_content(Some(
        "Job classes (ofm.wa.gov/state-human-resources/compensation-job-classes)",
    ));
    host.append_child(&text_of).unwrap();
    until(|| text_of.query_selector("button[data-qr]").unwrap().is_some()).await;
    click(text_of.query_selector("button[data-qr]").unwrap());
    until(|| svg_path().is_some()).await;
    assert_eq!(
        svg_path(),
        class_spec_qr::code(official).ok().map(|code| code.path)
    );
    close_panel().await;

    // A search too long for a code that reads from arm's length: said, no code drawn.
    // Mutations tried: MAX_VERSION 40 in crates/qr draws a code for it; the shell not following
    // the address with the button's data-qr draws the comparison's: both fail here.
    address.set(Address::new(
        "/search",
        &format!("q={}", "%C3%A9".repeat(200)),
    ));
    leptos::task::tick().await;
    click(host.query_selector("#take-away > button").unwrap());
    until(|| page_text("dialog .take-away-panel__said").starts_with("This address is too long"))
        .await;
    assert!(document().query_selector("dialog svg").unwrap().is_none());
    close_panel().await;
    kiosk(false);
}
