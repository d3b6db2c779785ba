use class_spec_core::compare::{resolve, suggestions, Column, MAX_COLUMNS, MIN_COLUMNS};
use class_spec_core::{render, Pick, Route};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::use_page_title;
use crate::{Data, Navigator};

/// Two to four classes (or versions) side by side. The selection lives in the address; the
/// picker, a plain form of native checkboxes, only proposes a new address.
#[component]
pub fn ComparePage(
    /// The classes and versions the address names, in order.
    picks: Vec<Pick>,
) -> impl IntoView {
    let Data(catalogue) = expect_context::<Data>();
    let navigator = expect_context::<Navigator>();
    let result = resolve(catalogue, &picks);
    let title = match &result {
        Ok(columns) => format!(
            "Compare {}",
            columns
                .iter()
                .map(|c| c.class.code.as_ref())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Err(_) => "Compare classes".to_owned(),
    };
    use_page_title(move || title.clone());
    let checked: Vec<Pick> = match &result {
        Ok(columns) => columns.iter().map(Column::pick).collect(),
        Err(_) => picks.clone(),
    };
    let picker_open = result.is_err();
    let (chosen, set_chosen) = signal(checked.len());
    let (problem, set_problem) = signal(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let picks = checked_picks(&ev);
        if (MIN_COLUMNS..=MAX_COLUMNS).contains(&picks.len()) {
            set_problem.set(None);
            navigator.go(&Route::Compare { picks });
        } else {
            set_problem.set(Some(format!(
                "Choose from {MIN_COLUMNS} to {MAX_COLUMNS}; {} chosen now.",
                picks.len()
            )));
        }
    };
    let count = move |ev: leptos::ev::Event| {
        set_chosen.set(checked_picks(&ev).len());
        set_problem.set(None);
    };
    let status = move || {
        problem.get().unwrap_or_else(|| {
            format!(
                "{} chosen (from {MIN_COLUMNS} to {MAX_COLUMNS}).",
                chosen.get()
            )
        })
    };
    view! {
        <div class="compare-page">
            <h1>"Compare classes"</h1>
            <p class="lede">
                "Two to four classes side by side, or two versions of one class: the deciding factors first, then every section, with what changes from each column to the next marked."
            </p>
            {match result {
                Ok(columns) => {
                    view! {
                        <div class="compare-result" inner_html=render::compare(catalogue, &columns)></div>
                    }
                        .into_any()
                }
                Err(errors) if !picks.is_empty() => {
                    view! {
                        <div class="notice notice--error" role="alert">
                            <p>"This comparison cannot be shown:"</p>
                            <ul>
                                {errors.iter().map(|e| view! { <li>{e.message()}</li> }).collect_view()}
                            </ul>
                        </div>
                    }
                        .into_any()
                }
                Err(_) => ().into_any(),
            }}
            <details class="picker" open=picker_open>
                <summary>"Choose what to compare"</summary>
                <form
                    id="compare-picker"
                    method="get"
                    action=Route::Compare { picks: Vec::new() }.href()
                    on:submit=submit
                    on:change=count
                    inner_html=render::compare_picker(catalogue, &checked)
                ></form>
                <p class="picker__status" role="status">{status}</p>
                <button type="submit" form="compare-picker" class="button">"Compare"</button>
            </details>
            <nav class="quick-picks" aria-labelledby="quick-heading">
                <h2 id="quick-heading">"Ready-made comparisons"</h2>
                <ul>
                    {suggestions(catalogue)
                        .into_iter()
                        .map(|(text, route)| view! { <li><a href=route.href()>{text}</a></li> })
                        .collect_view()}
                </ul>
            </nav>
        </div>
    }
}

/// The picks checked in the picker form an event came from, in the form's order.
fn checked_picks(ev: &leptos::ev::Event) -> Vec<Pick> {
    let form = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let Some(nodes) = form.and_then(|f| f.query_selector_all("input[name=classes]:checked").ok())
    else {
        return Vec::new();
    };
    (0..nodes.length())
        .filter_map(|i| nodes.get(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| Pick::from_token(&input.value()))
        .collect()
}
