//! "Download as a spreadsheet (CSV)": the button the core draws on a comparison and on the levels
//! view carries the view's address ([`CSV_ATTRIBUTE`]); a click here asks the engine for that
//! view's sheet (`csv(path, query)`: a file name, a line break, the CSV) and hands it to the
//! browser as a file. Made on the device: nothing is sent anywhere. Never on a kiosk (the core
//! leaves the button out there, and the stylesheet hides one written at build time).

use std::time::Duration;

use class_spec_core::render::CSV_ATTRIBUTE;

use crate::engine::Engine;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Answers every download button of every view from now on: one click listener on the
/// document, so buttons in views drawn later need nothing more.
pub fn answer_csv_buttons(engine: Engine) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(address) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| {
                e.closest(&format!("button[{CSV_ATTRIBUTE}]"))
                    .ok()
                    .flatten()
            })
            .and_then(|button| button.get_attribute(CSV_ATTRIBUTE))
        else {
            return;
        };
        if on_a_kiosk() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Err(error) = download(engine, &address).await {
                web_sys::console::warn_2(&"the spreadsheet could not be made:".into(), &error);
            }
        });
    });
    let _ = document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_click.forget();
}

fn on_a_kiosk() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.class_list().contains("kiosk"))
}

async fn download(engine: Engine, address: &str) -> Result<(), JsValue> {
    let engine = engine.module().await?;
    let csv: js_sys::Function = js_sys::Reflect::get(&engine, &"csv".into())?.dyn_into()?;
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    let answer = csv
        .call2(&JsValue::NULL, &path.into(), &query.into())?
        .as_string()
        .unwrap_or_default();
    let Some((name, text)) = answer.split_once('\n') else {
        return Err(format!("no spreadsheet for {address}").into());
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&text.into()),
        &options,
    )?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlElement = document.create_element("a")?.dyn_into()?;
    link.set_attribute("href", &url)?;
    link.set_attribute("download", name)?;
    link.click();
    // The browser has taken the file by the next task; give it a moment before letting go.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(10),
    );
    Ok(())
}
