//! A kiosk's steppers beside a field of years (the planner on a kiosk: − and + a year, ½ a
//! year finer) as Leptos components. The view holds each stepper (`.stepper`: the core's
//! buttons around the core's field); the buttons are the fallback, which `web/boot.js` keeps
//! taps on until the shell has come. Here they are replaced by the same buttons, built by
//! Leptos in the same places (before and after the field, which stays the view's own element,
//! so its name, value, default and description are the core's), and the years are the
//! component's state: a tap steps them, a button held down repeats (after 450 ms, a step every
//! 150 ms, until it is let go anywhere, or the browser cancels the press; the click the release
//! adds is not another step), a one-tap choice under the stepper sets them (`set`, from
//! `behaviour`), and the field follows.

use std::any::Any;
use std::cell::RefCell;

use class_spec_core::contract::STEP;
use class_spec_core::planner::step_years;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How long a press waits before it repeats, and then how often it steps (ms).
const PAUSE_MS: u32 = 450;
const EVERY_MS: u32 = 150;

thread_local! {
    /// The years of each stepper on screen, by its field's id.
    static YEARS: RefCell<Vec<(String, RwSignal<String>)>> = const { RefCell::new(Vec::new()) };
    /// The press under way (one at a time: a kiosk's screen, one visitor).
    static PRESS: RefCell<Press> = RefCell::new(Press::default());
}

/// One button as the view drew it: its step (the attribute's value, and in half years), its
/// class, what the eye reads and what is announced.
#[derive(Clone)]
struct Step {
    attribute: String,
    half_years: i8,
    class: String,
    shown: String,
    name: String,
}

/// Mounts a stepper into every `.stepper` host of the page, and forgets those of the view
/// before.
pub fn mount_all() -> Vec<Box<dyn Any>> {
    static LET_GO: std::sync::Once = std::sync::Once::new();
    YEARS.with_borrow_mut(Vec::clear);
    LET_GO.call_once(|| {
        // A press ends wherever it is let go (a touch is the button's until then anyway).
        drop(window_event_listener(leptos::ev::pointerup, |_| stop()));
        drop(window_event_listener(leptos::ev::pointercancel, |_| stop()));
    });
    let Some(hosts) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(".stepper").ok())
    else {
        return Vec::new();
    };
    (0..hosts.length())
        .filter_map(|i| hosts.get(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|host| mount(&host))
        .collect()
}

/// Sets the years of the stepper of the field `id` (a one-tap choice); `false` when no
/// stepper holds that field.
pub fn set(id: &str, years: &str) -> bool {
    let state = YEARS.with_borrow(|all| all.iter().find(|(f, _)| f == id).map(|(_, s)| *s));
    state.is_some_and(|state| state.try_set(step_years(years, 0)).is_none())
}

fn mount(host: &web_sys::Element) -> Option<Box<dyn Any>> {
    let field: web_sys::HtmlInputElement = host.query_selector("input").ok()??.dyn_into().ok()?;
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let buttons = host.query_selector_all(&format!("[{STEP}]")).ok()?;
    for button in (0..buttons.length()).filter_map(|i| buttons.get(i)) {
        let Some(button) = button.dyn_ref::<web_sys::Element>() else {
            continue;
        };
        let Some(step) = read(button) else { continue };
        if button.compare_document_position(&field) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING
            != 0
        {
            before.push(step);
        } else {
            after.push(step);
        }
        button.remove();
    }
    let id = field.id();
    let owner = Owner::new();
    let parts = owner.with(|| {
        let years = RwSignal::new(field.value());
        YEARS.with_borrow_mut(|all| all.push((id.clone(), years)));
        let shown = field.clone();
        // The field shows the years (it is read-only on a kiosk: only the buttons move it).
        Effect::new(move |_| {
            let years = years.get();
            if shown.value() != years {
                shown.set_value(&years);
            }
        });
        let button = |step: Step| view! { <StepButton step field=id.clone() years/> }.build();
        let mut built = Vec::new();
        for step in before {
            let mut one = button(step);
            one.mount(host, Some(&field));
            built.push(one);
        }
        for step in after {
            let mut one = button(step);
            one.mount(host, None);
            built.push(one);
        }
        built
    });
    Some(Box::new((owner, parts)))
}

/// A fallback button read: its step, class and words.
fn read(button: &web_sys::Element) -> Option<Step> {
    let attribute = button.get_attribute(STEP)?;
    let half_years = match attribute.as_str() {
        "-1" => -2,
        "-0.5" => -1,
        "0.5" => 1,
        "1" => 2,
        _ => return None,
    };
    let text = |selector: &str| {
        button
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    Some(Step {
        half_years,
        class: button.get_attribute("class").unwrap_or_default(),
        shown: text("[aria-hidden]"),
        name: text(".visually-hidden"),
        attribute,
    })
}

/// What the press under way is doing: the pause before it repeats and the repeating (timers'
/// ids as the page gave them: an id is any number, not always an `i32`, and a test's fake clock
/// counts from 10^12, which `web_sys`'s `i32` ids cut short, so their clearing missed), and
/// whether it has stepped by repeating (then its release's click is no step of its own).
#[derive(Default)]
struct Press {
    pause: JsValue,
    every: JsValue,
    stepping: Option<Closure<dyn Fn()>>,
    repeated: bool,
}

/// The page's `setTimeout` or `setInterval` (`which`) of `f` every or after `ms`, or its
/// `clearTimeout` or `clearInterval` of the id `f`.
fn timer(which: &str, f: &JsValue, ms: u32) -> JsValue {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &JsValue::from_str(which))
        .ok()
        .and_then(|t| t.dyn_into::<js_sys::Function>().ok())
        .and_then(|t| t.call2(&global, f, &JsValue::from(ms)).ok())
        .unwrap_or_default()
}

/// The press under way stops repeating.
fn stop() {
    PRESS.with_borrow_mut(|press| {
        timer("clearTimeout", &std::mem::take(&mut press.pause), 0);
        timer("clearInterval", &std::mem::take(&mut press.every), 0);
        press.stepping = None;
    });
}

/// One stepper button: a tap (or Enter, or Space) steps once; held down, it repeats.
#[component]
fn StepButton(step: Step, field: String, years: RwSignal<String>) -> impl IntoView {
    let half_years = step.half_years;
    let go = move || years.update(|y| *y = step_years(y, half_years));
    let down = move |_| {
        stop();
        let repeat = Closure::once_into_js(move || {
            let stepping = Closure::<dyn Fn()>::new(move || {
                PRESS.with_borrow_mut(|press| press.repeated = true);
                go();
            });
            let every = timer("setInterval", stepping.as_ref(), EVERY_MS);
            PRESS.with_borrow_mut(|press| {
                press.every = every;
                press.stepping = Some(stepping);
            });
        });
        let pause = timer("setTimeout", &repeat, PAUSE_MS);
        PRESS.with_borrow_mut(|press| {
            press.repeated = false;
            press.pause = pause;
        });
    };
    let click = move |ev: web_sys::MouseEvent| {
        // The release of a press that repeated: its steps are taken already.
        if PRESS.with_borrow_mut(|press| std::mem::take(&mut press.repeated)) {
            ev.prevent_default();
        } else {
            go();
        }
    };
    view! {
        <button
            type="button"
            class=step.class
            data-step=step.attribute
            data-for=field
            on:pointerdown=down
            on:click=click
        >
            <span aria-hidden="true">{step.shown}</span>
            <span class="visually-hidden">{step.name}</span>
        </button>
    }
}
