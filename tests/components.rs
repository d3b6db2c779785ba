//! The views as components in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): the main region of an address, with the engine linked in.
#![cfg(target_arch = "wasm32")]

use std::sync::Once;

use class_spec_core::address::Address;
use class_spec_core::render::{picker_codes_field, start_document, Page};
use class_spec_explorer::engine::Engine;
use class_spec_explorer::view::follow_address;
use class_spec_explorer::Navigator;
use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod support;
use support::{fresh_host, sleep, until};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the view of an address (path, query), the engine linked in, and returns the element
/// holding it (the chrome around an empty view, the view drawn by the shell).
fn mount(path: &'static str, search: &'static str) -> web_sys::HtmlElement {
    mount_with(Engine::linked(class_spec_engine::page), path, search)
}

/// The chrome in a fresh element (the previous test's is removed: the ids are the page's), then
/// the view of the address drawn by the shell, its behaviour attached to the window once.
fn mount_with(engine: Engine, path: &'static str, search: &'static str) -> web_sys::HtmlElement {
    let host = fresh_host(&start_document(&Address::new(path, ""), "", None));
    let owner = Owner::new();
    owner.with(|| {
        let navigator = Navigator::new(ArcRwSignal::new(BrowserUrl::current().unwrap()));
        provide_context(engine);
        attach_behaviour(&navigator);
        let address = Memo::new(move |_| Address::new(path, search));
        let fragment = Memo::new(|_| String::new());
        follow_address(address, fragment, None, navigator);
    });
    std::mem::forget(owner);
    host
}

/// The page's behaviour by delegation, attached to the window once for every test.
fn attach_behaviour(navigator: &Navigator) {
    static BEHAVIOUR: Once = Once::new();
    BEHAVIOUR.call_once(|| class_spec_explorer::behaviour::attach(navigator));
}

fn texts(host: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = host.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| nodes.get(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn document_title() -> String {
    web_sys::window().unwrap().document().unwrap().title()
}

#[wasm_bindgen_test]
async fn the_home_page_draws_the_ladder_lowest_first() {
    let host = mount("/", "");
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, ".ladder .rung__title"),
        [
            "Customer Service Specialist 1",
            "Customer Service Specialist 2",
            "Customer Service Specialist 3",
            "Customer Service Specialist 4"
        ]
    );
    assert_eq!(
        texts(&host, ".beside .rung__title"),
        // The manager class's title is estimated in the data: its mark (a "*" the key explains,
        // and the words a screen reader hears) travels with it.
        ["Customer Service Manager*, estimated"]
    );
    assert_eq!(document_title(), "Class Spec Explorer");
}

#[wasm_bindgen_test]
async fn a_class_page_shows_its_official_text_and_sets_the_title() {
    let host = mount("/class/102d", "");
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "h1"),
        ["Customer Service Specialist 4"],
        "codes match whatever their case"
    );
    assert_eq!(
        host.query_selector_all("#typical-work .duties li")
            .unwrap()
            .length(),
        9
    );
    assert!(texts(&host, ".spec-section .badge")
        .iter()
        .all(|b| b == "Official text"));
    assert_eq!(
        document_title(),
        "Customer Service Specialist 4 · Class Spec Explorer"
    );
}

#[wasm_bindgen_test]
async fn an_estimated_fact_is_marked_and_the_key_says_why_when_asked() {
    let host = mount("/class/102A/2024", "");
    leptos::task::tick().await;
    let level = host.query_selector(".facts__list dd").unwrap().unwrap();
    assert_eq!(
        level
            .query_selector("[data-source=estimated] .fact--inferred")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Entry level",
        "the mark sits on the estimated value itself"
    );
    // The reason is said once, in the page's key, folded until asked.
    let details: web_sys::HtmlDetailsElement = host
        .query_selector("#key details.key__why")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!details.open());
    let summary: web_sys::HtmlElement = details
        .query_selector("summary")
        .unwrap()
        .unwrap()
        .unchecked_into();
    summary.click();
    assert!(
        details.open(),
        "the reason opens by click (and so by keyboard)"
    );
    assert!(details
        .text_content()
        .unwrap()
        .contains("lowest class of the series"));
    assert!(
        host.query_selector(".notice").unwrap().is_some(),
        "an older version says so"
    );
}

#[wasm_bindgen_test]
async fn an_unknown_class_gets_a_helpful_not_found_view() {
    let host = mount("/class/%3Cb%3E102Z", "");
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "h1"),
        ["No class with the code <b>102Z"],
        "typed text stays text"
    );
    assert!(host.query_selector("h1 b").unwrap().is_none());
    assert_eq!(texts(&host, ".not-found__classes a").len(), 5);
}

#[wasm_bindgen_test]
async fn a_not_found_view_leads_home() {
    let host = mount("/no/such/page", "");
    leptos::task::tick().await;
    let home = host.query_selector("a.button").unwrap().unwrap();
    assert_eq!(home.get_attribute("href").as_deref(), Some("/"));
}

#[wasm_bindgen_test]
async fn a_comparison_draws_one_column_per_pick_with_the_picker_checked() {
    let host = mount("/compare", "?classes=102C,102D");
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "table.compare thead th > a"),
        [
            "Customer Service Specialist 3",
            "Customer Service Specialist 4"
        ]
    );
    let checked: Vec<String> = {
        let nodes = host
            .query_selector_all("input[name=classes]:checked")
            .unwrap();
        (0..nodes.length())
            .map(|i| {
                nodes
                    .get(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlInputElement>()
                    .value()
            })
            .collect()
    };
    assert_eq!(checked, ["102C", "102D"]);
    assert_eq!(texts(&host, ".picker__status"), ["2 chosen (from 2 to 4)."]);
    // 102C is an estimated code: its mark travels into the title too.
    assert_eq!(
        document_title(),
        "Compare 102C*, 102D · Class Spec Explorer"
    );
}

#[wasm_bindgen_test]
async fn a_comparison_that_cannot_be_drawn_says_why() {
    let host = mount("/compare", "?classes=102C,999Z");
    leptos::task::tick().await;
    assert!(host.query_selector("table.compare").unwrap().is_none());
    let alert = texts(&host, "[role=alert] li");
    assert_eq!(alert, ["There is no class with the code 999Z in the data."]);
}

#[wasm_bindgen_test]
async fn the_picker_counts_and_refuses_too_few() {
    let host = mount("/compare", "?classes=102C,102D");
    leptos::task::tick().await;
    let boxes = host
        .query_selector_all("input[name=classes]:checked")
        .unwrap();
    let first: web_sys::HtmlElement = boxes.get(0).unwrap().unchecked_into();
    first.click();
    until(|| texts(&host, ".picker__status") == ["1 chosen (from 2 to 4)."]).await;
    let form: web_sys::HtmlFormElement = host
        .query_selector("#compare-picker")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let before = web_sys::window().unwrap().location().href().unwrap();
    form.request_submit().unwrap();
    until(|| texts(&host, ".picker__status") == ["Choose from 2 to 4; 1 chosen now."]).await;
    assert_eq!(
        web_sys::window().unwrap().location().href().unwrap(),
        before,
        "a refused choice goes nowhere"
    );
}

#[wasm_bindgen_test]
async fn an_engine_that_cannot_be_loaded_is_explained_with_a_retry() {
    // No engine module is served here: the load fails, as it would offline on a first visit.
    let failing =
        js_sys::Function::new_no_args("return Promise.reject(new Error('no engine here'))");
    let host = mount_with(Engine::loaded_by(failing), "/class/102D", "");
    leptos::task::tick().await;
    assert_eq!(
        host.query_selector(".view")
            .unwrap()
            .unwrap()
            .get_attribute("aria-busy")
            .as_deref(),
        Some("true")
    );
    for _ in 0..50 {
        if host.query_selector(".load-failed").unwrap().is_some() {
            break;
        }
        sleep(100).await;
    }
    assert_eq!(texts(&host, "h1"), ["This view could not be loaded"]);
    assert!(host
        .query_selector("[data-action=retry]")
        .unwrap()
        .is_some());
    assert_eq!(document_title(), "Not loaded · Class Spec Explorer");
}

#[wasm_bindgen_test]
async fn the_start_view_needs_no_engine() {
    let failing =
        js_sys::Function::new_no_args("return Promise.reject(new Error('no engine here'))");
    let host = mount_with(Engine::loaded_by(failing), "/", "");
    leptos::task::tick().await;
    assert_eq!(texts(&host, ".ladder .rung__title").len(), 4);
}

/// The real compare view with the field a big catalogue's picker adds, drawn by the core's own
/// `render::picker_codes_field` (the real catalogue is too small to show it), as a stand-in
/// engine. Mutation tried: the field named `codes` instead of the checkboxes' name — the typed
/// code is then neither counted nor compared, and the test fails.
fn compare_with_codes_field(path: &str, search: &str, origin: &str, kiosk: bool) -> Page {
    let page = class_spec_engine::page(path, search, origin, kiosk);
    let mut field = class_spec_core::markup::Markup::new();
    picker_codes_field(&mut field, 1);
    // Into the picker's outer fieldset, after its groups of series, as the core places it.
    let (groups, rest) = page.html.rsplit_once("</fieldset>").expect("the picker");
    Page {
        html: format!("{groups}{}</fieldset>{rest}", field.finish()),
        ..page
    }
}

#[wasm_bindgen_test]
async fn codes_typed_into_a_big_catalogues_picker_count_and_are_compared() {
    let host = mount_with(
        Engine::linked(compare_with_codes_field),
        "/compare",
        "?classes=102C,102D",
    );
    leptos::task::tick().await;
    let field: web_sys::HtmlInputElement = host
        .query_selector("#picker-codes")
        .unwrap()
        .unwrap()
        .unchecked_into();
    field.set_value(" 102A , ");
    field
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("change", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    until(|| texts(&host, ".picker__status") == ["3 chosen (from 2 to 4)."]).await;
    let form: web_sys::HtmlFormElement = host
        .query_selector("#compare-picker")
        .unwrap()
        .unwrap()
        .unchecked_into();
    form.request_submit().unwrap();
    let location = web_sys::window().unwrap().location();
    let route =
        class_spec_core::Route::parse(&location.pathname().unwrap(), &location.search().unwrap());
    let Some(class_spec_core::Route::Compare { picks }) = route else {
        panic!("not a comparison: {route:?}");
    };
    let codes: Vec<&str> = picks.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(
        codes,
        ["102C", "102D", "102A"],
        "the boxes, then the typed codes"
    );
}

// --- The shell's controls inside a view, as Leptos components (`src/hosts.rs`)

/// The page of an address as it arrives (the chrome around the engine's view, on a kiosk if
/// `kiosk`), the shell's controls not yet mounted, so each host's fallback can be read first.
fn arrive(path: &str, search: &str, kiosk: bool) -> web_sys::HtmlElement {
    let view = class_spec_engine::page(path, search, "", kiosk);
    let host = fresh_host(&start_document(
        &Address::new(path, search),
        &view.html,
        None,
    ));
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Engine::linked(class_spec_engine::page));
        attach_behaviour(&Navigator::new(ArcRwSignal::new(
            BrowserUrl::current().unwrap(),
        )));
    });
    std::mem::forget(owner);
    host
}

/// Mounts the controls of the view on screen, as the shell does when it adopts a page.
fn mount_controls() {
    let owner = Owner::new();
    owner.with(class_spec_explorer::hosts::mount_view);
    std::mem::forget(owner);
}

fn element(host: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

/// Where an element is on the page: left, top, width, height (to a tenth of a pixel).
fn place(element: &web_sys::Element) -> String {
    let r = element.get_bounding_client_rect();
    format!(
        "{:.1} {:.1} {:.1} {:.1}",
        r.left(),
        r.top(),
        r.width(),
        r.height()
    )
}

#[wasm_bindgen_test]
async fn the_pickers_count_replaces_its_fallback_in_place_and_counts_then_says_why_not() {
    // Mutations seen failing: the refusal not part of the count's state (`refused` ignored in
    // its text: "1 chosen" stays after the refused submit); the fallback's text left in the
    // host (the line reads twice).
    let host = arrive("/compare", "classes=102C,102D", false);
    let line = element(&host, "#picker-status");
    let fallback = line.first_child().unwrap();
    let before = place(&line);
    mount_controls();
    until(|| line.text_content().unwrap() == "2 chosen (from 2 to 4).").await;
    assert!(
        !fallback.is_connected(),
        "the component's text, not the view's"
    );
    assert_eq!(place(&line), before, "nothing moves");
    assert_eq!(line.get_attribute("role").as_deref(), Some("status"));

    let boxes = host
        .query_selector_all("input[name=classes]:checked")
        .unwrap();
    boxes
        .get(0)
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    until(|| line.text_content().unwrap() == "1 chosen (from 2 to 4).").await;
    element(&host, "#compare-picker")
        .unchecked_into::<web_sys::HtmlFormElement>()
        .request_submit()
        .unwrap();
    until(|| line.text_content().unwrap() == "Choose from 2 to 4; 1 chosen now.").await;
    boxes
        .get(0)
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    until(|| line.text_content().unwrap() == "2 chosen (from 2 to 4).").await;
}

#[wasm_bindgen_test]
async fn the_index_status_line_replaces_its_fallback_in_place_and_counts_what_matches() {
    // Mutation seen failing: the narrowing not telling the line (`LINE` left unset): the rows
    // narrow, the line keeps saying "N classes.".
    let host = arrive("/classes", "", false);
    let line = element(&host, "#classes-status");
    let said = line.text_content().unwrap();
    let fallback = line.first_child().unwrap();
    let before = place(&line);
    mount_controls();
    until(|| !fallback.is_connected()).await;
    assert_eq!(
        line.text_content().unwrap(),
        said,
        "the view's words until typed"
    );
    assert_eq!(place(&line), before, "nothing moves");

    let field: web_sys::HtmlInputElement = element(&host, "#classes-q").unchecked_into();
    field.set_value("specialist 4");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    field
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    let total = said.split(' ').next().unwrap().to_owned();
    until(|| line.text_content().unwrap() == format!("1 of {total} classes match “specialist 4”."))
        .await;
    field.set_value("");
    field
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    until(|| line.text_content().unwrap() == said).await;
}

#[wasm_bindgen_test]
async fn a_kiosk_stepper_replaces_its_buttons_in_place_and_steps_sets_and_repeats() {
    use class_spec_core::contract::{STEP, STEP_FIELD};
    // Mutations seen failing: the field not following the years (no effect): "0" stays; the
    // release of a press that repeated stepping once more ("3.5" after the hold's "3").
    let host = arrive("/planner", "", true);
    let stepper = element(&host, ".stepper");
    let field: web_sys::HtmlInputElement = element(&host, ".stepper input").unchecked_into();
    let id = field.id();
    let names = |host: &web_sys::HtmlElement| {
        let buttons = host
            .query_selector_all(".stepper:first-of-type > *")
            .unwrap();
        (0..buttons.length())
            .map(|i| {
                let node: web_sys::Element = buttons.get(i).unwrap().unchecked_into();
                format!(
                    "{} {}",
                    node.tag_name(),
                    node.get_attribute(STEP).unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
    };
    let drawn = names(&host);
    let old = stepper.first_element_child().unwrap();
    let places: Vec<_> = (0..5)
        .map(|i| place(&stepper.children().item(i).unwrap()))
        .collect();
    mount_controls();
    assert!(!old.is_connected(), "the buttons are the component's");
    assert_eq!(
        names(&host),
        drawn,
        "the same buttons around the same field"
    );
    assert!(field.is_connected(), "the field stays the view's own");
    let after: Vec<_> = (0..5)
        .map(|i| place(&stepper.children().item(i).unwrap()))
        .collect();
    assert_eq!(after, places, "nothing moves");

    let button = |step: &str| -> web_sys::HtmlElement {
        element(
            &host,
            &format!("[{STEP}=\"{step}\"][{STEP_FIELD}=\"{id}\"]"),
        )
    };
    assert_eq!(
        button("1").text_content().unwrap(),
        "+1A year more: Years of relevant experience, in all"
    );
    button("1").click();
    until(|| field.value() == "1").await;
    button("0.5").click();
    until(|| field.value() == "1.5").await;
    button("-1").click();
    until(|| field.value() == "0.5").await;
    // A one-tap choice under the stepper sets the same years.
    element(&host, &format!("[data-set=\"2\"][{STEP_FIELD}=\"{id}\"]")).click();
    until(|| field.value() == "2").await;
    // Held: repeats (a step every 150 ms after 450 ms) until let go; the release's click is
    // no step of its own.
    let more = button("0.5");
    more.dispatch_event(&web_sys::Event::new("pointerdown").unwrap())
        .unwrap();
    until(|| field.value() == "3").await;
    more.dispatch_event(&web_sys::Event::new("pointerup").unwrap())
        .unwrap();
    more.click();
    leptos::task::tick().await;
    assert_eq!(field.value(), "3");
    more.click();
    until(|| field.value() == "3.5").await;
}
