//! What the component tests share (`tests/components.rs`, `tests/take_away.rs`): a fresh element
//! holding a page, and waiting a task at a time for a state.

use wasm_bindgen::JsCast;

/// A fresh element holding `html`, appended to the body; the previous test's is removed first,
/// because the ids inside are the page's. Leptos's executor is started here (once is enough; a
/// second start is refused and ignored).
pub fn fresh_host(html: &str) -> web_sys::HtmlElement {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let document = web_sys::window().unwrap().document().unwrap();
    if let Some(old) = document.get_element_by_id("test-host") {
        old.remove();
    }
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_id("test-host");
    host.set_inner_html(html);
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (a task at a time, at most two seconds' worth) until `done` holds.
pub async fn until(done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        sleep(10).await;
    }
    assert!(done(), "not reached in time");
}
