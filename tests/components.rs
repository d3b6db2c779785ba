//! The pages as components in a real browser (headless Chromium through
//! wasm-bindgen-test-runner), mounted with the baked catalogue.
#![cfg(target_arch = "wasm32")]

use class_spec_core::Pick;
use class_spec_explorer::pages::{ClassPage, ComparePage, HomePage, NotFoundView};
use class_spec_explorer::{baked_catalogue, Data, Navigator};
use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view, with the catalogue in context, in a fresh element and returns that element.
fn mount(view: impl FnOnce() -> AnyView + 'static) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(Data(baked_catalogue()));
        provide_context(Navigator::new(ArcRwSignal::new(
            BrowserUrl::current().unwrap(),
        )));
        view()
    });
    std::mem::forget(handle);
    host
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
    let host = mount(|| view! { <HomePage /> }.into_any());
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
        ["Customer Service Manager"]
    );
    assert_eq!(document_title(), "Class Spec Explorer");
}

#[wasm_bindgen_test]
async fn a_class_page_shows_its_official_text_and_sets_the_title() {
    let host = mount(|| view! { <ClassPage code="102d".to_owned() version=None /> }.into_any());
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
async fn an_inferred_fact_reveals_why_when_asked() {
    let host = mount(|| {
        view! { <ClassPage code="102A".to_owned() version=Some("2024".to_owned()) /> }.into_any()
    });
    leptos::task::tick().await;
    let level = host.query_selector(".facts__list dd").unwrap().unwrap();
    assert_eq!(
        level
            .query_selector(".fact--inferred")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Entry level"
    );
    let details: web_sys::HtmlDetailsElement = level
        .query_selector("details")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!details.open());
    let summary: web_sys::HtmlElement = level
        .query_selector("summary")
        .unwrap()
        .unwrap()
        .unchecked_into();
    summary.click();
    assert!(
        details.open(),
        "the reason opens by click (and so by keyboard)"
    );
    assert!(level
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
    let host = mount(|| view! { <ClassPage code="<b>102Z".to_owned() version=None /> }.into_any());
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
    let host = mount(|| {
        view! { <NotFoundView heading="Page not found".to_owned() message="Gone.".to_owned() /> }
            .into_any()
    });
    leptos::task::tick().await;
    let home = host.query_selector("a.button").unwrap().unwrap();
    assert_eq!(home.get_attribute("href").as_deref(), Some("/"));
}

#[wasm_bindgen_test]
async fn a_comparison_draws_one_column_per_pick_with_the_picker_checked() {
    let picks = vec![Pick::new("102C", None), Pick::new("102D", None)];
    let host = mount(move || view! { <ComparePage picks /> }.into_any());
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "table.compare thead th a"),
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
    assert_eq!(document_title(), "Compare 102C, 102D · Class Spec Explorer");
}

#[wasm_bindgen_test]
async fn a_comparison_that_cannot_be_drawn_says_why() {
    let picks = vec![Pick::new("102C", None), Pick::new("999Z", None)];
    let host = mount(move || view! { <ComparePage picks /> }.into_any());
    leptos::task::tick().await;
    assert!(host.query_selector("table.compare").unwrap().is_none());
    let alert = texts(&host, "[role=alert] li");
    assert_eq!(alert, ["There is no class with the code 999Z in the data."]);
}
