//! The take-away control (`src/take_away.rs`) as a component in a real browser (headless
//! Chromium through wasm-bindgen-test-runner): mounted into the host the chrome holds, it
//! replaces the fallback, follows the address and gives the view's own address away.
#![cfg(target_arch = "wasm32")]

use class_spec_core::address::Address;
use class_spec_core::render::{start_document, COPIED, REFUSED};
use class_spec_explorer::take_away;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// The chrome of `path` in a fresh element (the previous test's removed: the ids are the
/// page's), the clipboard answering with `clipboard` (a JavaScript function body given `text`),
/// and the control mounted for the address `address` holds.
fn mount(path: &str, clipboard: &str) -> (web_sys::HtmlElement, RwSignal<Address>) {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let document = web_sys::window().unwrap().document().unwrap();
    if let Some(old) = document.get_element_by_id("test-host") {
        old.remove();
    }
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_id("test-host");
    let (bare, query) = path.split_once('?').unwrap_or((path, ""));
    host.set_inner_html(&start_document(&Address::new(bare, query), "", None));
    document.body().unwrap().append_child(&host).unwrap();
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
        take_away::mount(Memo::new(move |_| address.get()));
        address
    });
    std::mem::forget(owner);
    (host, address)
}

fn control(host: &web_sys::HtmlElement) -> web_sys::HtmlElement {
    host.query_selector("#take-away")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn text(host: &web_sys::HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

/// Waits (a task at a time, at most a second's worth) until `done` holds.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
    assert!(done(), "not reached in time");
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
