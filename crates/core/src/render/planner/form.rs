//! The planner's form: a plain `GET` form (its state is the address), each field's problem
//! beside it and all of them summed up above it, the years as a number with steppers and quick
//! choices, and the controls a kiosk adds.

use crate::contract::{
    AUTOFOCUS, PLANNER_CLASS, PLANNER_EDUCATION, PLANNER_FORM_ID, PLANNER_IN_CLASS, PLANNER_YEARS,
    STEP, STEP_FIELD, STEP_SET,
};
use crate::describe::capitalise;
use crate::markup::Markup;
use crate::model::{Catalogue, Education};
use crate::planner::{Field, InputError, PlannerInput};
use crate::route::Route;

/// The form's fields: the name in the address and the id of the control.
const CLASS: (&str, &str) = (PLANNER_CLASS, "f-class");
const YEARS: (&str, &str) = (PLANNER_YEARS, "f-years");
const IN_CLASS: (&str, &str) = (PLANNER_IN_CLASS, "f-in-class");
const EDUCATION: (&str, &str) = (PLANNER_EDUCATION, "f-education");

/// The id of the control where `field` is entered.
fn field_id(field: Field) -> &'static str {
    match field {
        Field::CurrentClass => CLASS.1,
        Field::Experience => YEARS.1,
        Field::InClass => IN_CLASS.1,
        Field::Education => EDUCATION.1,
    }
}

fn error_for(errors: &[InputError], field: Field) -> Option<&InputError> {
    errors.iter().find(|e| e.field == field)
}

/// The `aria-describedby` of a control: its hint, and its error when it has one.
fn described_by(id: &str, hint: bool, error: bool) -> String {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    ids.join(" ")
}

fn field_error(m: &mut Markup, id: &str, error: Option<&InputError>) {
    if let Some(error) = error {
        m.leaf(
            "p",
            &[("class", "field__error"), ("id", &format!("{id}-error"))],
            &error.message,
        );
    }
}

/// A menu's options (value and text), in groups: a group with a label is an `optgroup`.
type Options = [(Option<String>, Vec<(String, String)>)];

fn select(
    m: &mut Markup,
    (name, id): (&str, &str),
    label: &str,
    options: &Options,
    chosen: &str,
    error: Option<&InputError>,
) {
    m.el("div", &[("class", "field")], |m| {
        m.leaf("label", &[("for", id)], label);
        let described = described_by(id, false, error.is_some());
        m.el_with(
            "select",
            &[("id", id), ("name", name)],
            &[
                (
                    "aria-describedby",
                    (!described.is_empty()).then_some(described.as_str()),
                ),
                ("aria-invalid", error.is_some().then_some("true")),
            ],
            |m| {
                let option = |m: &mut Markup, (value, text): &(String, String)| {
                    let selected = value.eq_ignore_ascii_case(chosen.trim());
                    m.el_with(
                        "option",
                        &[("value", value)],
                        &[("selected", selected.then_some(""))],
                        |m| {
                            m.text(text);
                        },
                    );
                };
                for (group, list) in options {
                    if let Some(group) = group {
                        m.el("optgroup", &[("label", group)], |m| {
                            for item in list {
                                option(m, item);
                            }
                        });
                    } else {
                        for item in list {
                            option(m, item);
                        }
                    }
                }
            },
        );
        field_error(m, id, error);
    });
}

/// A kiosk stepper's buttons, in order: the step in years, the text, the name's start, and
/// whether it is the finer step (half a year).
const STEPS: [(&str, &str, &str, bool); 4] = [
    ("-1", "−1", "A year less", false),
    ("-0.5", "−½", "Half a year less", true),
    ("0.5", "+½", "Half a year more", true),
    ("1", "+1", "A year more", false),
];

/// The answers a kiosk offers at one tap: every whole year up to 10, and any larger number of
/// years a route of the data asks (a person with exactly that much is the question the planner
/// answers).
fn quick_years(catalogue: &Catalogue) -> Vec<String> {
    let mut years: Vec<u8> = (0..=10).collect();
    years.extend(catalogue.route_years());
    crate::sort::sort(&mut years);
    years.dedup();
    years.iter().map(ToString::to_string).collect()
}

/// One stepper button. Its name in words ("A year more: …"); "+1" is what the eye reads, not
/// what is announced.
fn step_button(
    m: &mut Markup,
    id: &str,
    label: &str,
    (step, text, name, fine): (&str, &str, &str, bool),
) {
    m.el(
        "button",
        &[
            ("type", "button"),
            (
                "class",
                if fine {
                    "button stepper__button stepper__button--fine"
                } else {
                    "button stepper__button"
                },
            ),
            (STEP, step),
            (STEP_FIELD, id),
        ],
        |m| {
            m.leaf("span", &[("aria-hidden", "true")], text);
            m.leaf(
                "span",
                &[("class", "visually-hidden")],
                &format!("{name}: {label}"),
            );
        },
    );
}

/// A kiosk's one-tap answers for a field of years.
fn quick_choices(m: &mut Markup, id: &str, label: &str, quick_years: &[String]) {
    let quick = format!("Quick choices: {label}");
    m.el(
        "div",
        &[
            ("class", "stepper__quick"),
            ("role", "group"),
            ("aria-label", &quick),
        ],
        |m| {
            for years in quick_years {
                m.leaf(
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "button button--quiet stepper__choice"),
                        (STEP_SET, years),
                        (STEP_FIELD, id),
                        (
                            "aria-label",
                            &format!(
                                "{years} year{}: {label}",
                                if years == "1" { "" } else { "s" }
                            ),
                        ),
                    ],
                    years,
                );
            }
        },
    );
}

/// A number of years: typed, or (`stepper`, on a kiosk) set with buttons: a year at a time, half
/// a year as the finer step, or a common value at one tap.
fn years_field(
    m: &mut Markup,
    (name, id): (&str, &str),
    (label, hint): (&str, &str),
    value: &str,
    error: Option<&InputError>,
    stepper: Option<&[String]>,
) {
    m.el("div", &[("class", "field")], |m| {
        m.leaf("label", &[("for", id)], label);
        m.leaf(
            "p",
            &[("class", "field__hint"), ("id", &format!("{id}-hint"))],
            hint,
        );
        let described = described_by(id, true, error.is_some());
        let input = |m: &mut Markup, value: &str| {
            m.void_with(
                "input",
                &[
                    ("id", id),
                    ("name", name),
                    ("type", "text"),
                    (
                        "inputmode",
                        if stepper.is_some() { "none" } else { "decimal" },
                    ),
                    ("autocomplete", "off"),
                    ("size", "6"),
                    ("value", value),
                    ("aria-describedby", &described),
                ],
                &[
                    ("readonly", stepper.map(|_| "")),
                    ("aria-invalid", error.is_some().then_some("true")),
                ],
            );
        };
        // The address's text, repeated as any echo is (a number, when it is one).
        let value = crate::echo::echo(value);
        if let Some(quick_years) = stepper {
            let value = if value.trim().is_empty() { "0" } else { &value };
            m.el("div", &[("class", "stepper")], |m| {
                for button in &STEPS[..2] {
                    step_button(m, id, label, *button);
                }
                input(m, value);
                for button in &STEPS[2..] {
                    step_button(m, id, label, *button);
                }
            });
            quick_choices(m, id, label, quick_years);
        } else {
            input(m, &value);
        }
        field_error(m, id, error);
    });
}

/// The two fields of years (in all, and in the current class).
fn experience_fields(
    m: &mut Markup,
    catalogue: &Catalogue,
    input: &PlannerInput,
    errors: &[InputError],
    kiosk: bool,
) {
    let quick = kiosk.then(|| quick_years(catalogue));
    years_field(
        m,
        YEARS,
        (
            "Years of relevant experience, in all",
            if kiosk {
                "Experience helping customers or clients with inquiries, complaints or problems. Tap a number, or − and + (a year; ½ for half a year)."
            } else {
                "Experience helping customers or clients with inquiries, complaints or problems, in years: 3, or 2.5."
            },
        ),
        &input.experience,
        error_for(errors, Field::Experience),
        quick.as_deref(),
    );
    years_field(
        m,
        IN_CLASS,
        (
            "Years in your current class",
            if kiosk {
                "Part of your experience above. Leave it at 0 if you hold none of these classes."
            } else {
                "Part of your experience above. Leave it empty if you hold none of these classes."
            },
        ),
        &input.in_class,
        error_for(errors, Field::InClass),
        quick.as_deref(),
    );
}

/// The list of what to correct, each linked to its field; nothing when the input is valid.
fn error_summary(m: &mut Markup, errors: &[InputError]) {
    if errors.is_empty() {
        return;
    }
    m.el(
        "div",
        &[
            ("class", "notice notice--error"),
            ("role", "alert"),
            ("id", "planner-errors"),
            ("tabindex", "-1"),
            (AUTOFOCUS, ""),
        ],
        |m| {
            m.leaf(
                "p",
                &[],
                "Nothing was checked yet: correct what is marked, then check again.",
            );
            m.el("ul", &[], |m| {
                for e in errors {
                    m.el("li", &[], |m| {
                        m.leaf(
                            "a",
                            &[("href", &format!("#{}", field_id(e.field)))],
                            &e.message,
                        );
                    });
                }
            });
        },
    );
}

pub(super) fn form(
    m: &mut Markup,
    catalogue: &Catalogue,
    input: &PlannerInput,
    errors: &[InputError],
    kiosk: bool,
) {
    m.el(
        "form",
        &[
            ("id", PLANNER_FORM_ID),
            ("class", "planner-form"),
            ("method", "get"),
            (
                "action",
                &Route::Planner {
                    input: PlannerInput::default(),
                }
                .href(),
            ),
            ("novalidate", ""),
        ],
        |m| {
            error_summary(m, errors);
            // The classes by series, each ladder lowest level first: the plan follows the
            // series of the class chosen.
            let mut classes = vec![(None, vec![(String::new(), "None of these".to_owned())])];
            classes.extend(catalogue.class_names().into_iter().map(|series| {
                (
                    Some(format!("{} series", series.title)),
                    series
                        .classes
                        .iter()
                        .map(|(code, name)| (code.to_string(), name.to_string()))
                        .collect(),
                )
            }));
            select(
                m,
                CLASS,
                "Your current class",
                &classes,
                &input.current_class,
                error_for(errors, Field::CurrentClass),
            );
            experience_fields(m, catalogue, input, errors, kiosk);
            let mut levels = vec![(String::new(), "None of these".to_owned())];
            levels.extend(
                Education::ALL
                    .iter()
                    .map(|e| (e.as_str().to_owned(), capitalise(e.describe()))),
            );
            select(
                m,
                EDUCATION,
                "Your highest education",
                &[(None, levels)],
                &input.education,
                error_for(errors, Field::Education),
            );
            m.el("div", &[("class", "planner-form__actions")], |m| {
                m.leaf(
                    "button",
                    &[("type", "submit"), ("class", "button")],
                    "Check my plan",
                );
                if input != &PlannerInput::default() {
                    m.text(" ");
                    m.leaf(
                        "a",
                        &[
                            (
                                "href",
                                &Route::Planner {
                                    input: PlannerInput::default(),
                                }
                                .href(),
                            ),
                            ("class", "button button--quiet"),
                        ],
                        "Start again",
                    );
                }
            });
        },
    );
}
