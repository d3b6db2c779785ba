//! The planner view: a plain form (its state is the address), each field's problem beside it,
//! and, once the fields are sound, a verdict for every class of the path with exactly what is
//! missing, and the path drawn with the person's position. `form` draws the form, `verdicts`
//! the plan read as a person asks it; this module puts them on the page with the drawing.

mod form;
mod verdicts;

use form::form;
use verdicts::{plan_section, standing};

use super::path_drawing::drawing;
use super::view::{Page, Setting};
use crate::contract::AUTOFOCUS;
use crate::markup::Markup;
use crate::model::Catalogue;
use crate::planner::{plan, plan_series, InputError, Person, PlannerInput, Reading};
use crate::route::Route;

/// The planner view for what the address carries.
/// The plan's address in its downloadable drawing is the app's own (`setting.origin`).
pub fn planner_page(catalogue: &Catalogue, input: &PlannerInput, setting: Setting<'_>) -> Page {
    let kiosk = setting.kiosk;
    let asked = input != &PlannerInput::default();
    let checked = if asked {
        Some(input.check(catalogue))
    } else {
        None
    };
    let errors: &[InputError] = match &checked {
        Some(Err(errors)) => errors,
        _ => &[],
    };
    let mut m = Markup::new();
    m.el("div", &[("class", "planner-page")], |m| {
        m.leaf("h1", &[], "Where can I go from here?");
        m.leaf(
            "p",
            &[("class", "lede")],
            if kiosk {
                // A kiosk has nothing to bookmark, share or print with, and forgets the plan.
                "Give your current class, your years of experience and your education. For every class of the path the planner says whether you meet its desirable qualifications, exactly what is still missing, or that the data cannot tell. Nothing you enter is kept: the screen starts over when nobody has touched it for a while."
            } else {
                "Give your current class, your years of experience and your education. For every class of the path the planner says whether you meet its desirable qualifications, exactly what is still missing, or that the data cannot tell. What you enter stays on this device, in this page's address, so you can bookmark, share or print your plan."
            },
        );
        m.el("div", &[("class", "notice planner-caution")], |m| {
            m.el("p", &[], |m| {
                m.leaf("strong", &[], "Guidance, not a hiring decision. ").text(
                    "Desirable qualifications guide the people who hire; meeting them does not entitle anyone to a position, and an employer may count experience and equivalents differently.",
                );
            });
        });
        form(m, catalogue, input, errors, kiosk);
        if let Some(Ok(person)) = &checked {
            let ordered = plan(catalogue, person);
            m.el(
                "section",
                &[("class", "plan"), ("aria-labelledby", "plan-heading")],
                |m| {
                    m.leaf(
                        "h2",
                        &[("id", "plan-heading"), ("tabindex", "-1"), (AUTOFOCUS, "")],
                        "Your plan",
                    );
                    answers(m, input, person);
                    plan_section(m, catalogue, &Reading::of(catalogue, person, &ordered), person);
                },
            );
            m.el(
                "section",
                &[("class", "plan-path"), ("aria-labelledby", "plan-path-heading")],
                |m| {
                    m.leaf("h2", &[("id", "plan-path-heading")], "Your plan on the path");
                    let lookup = |code: &str| {
                        ordered
                            .iter()
                            .find(|(c, _)| c.code.eq_ignore_ascii_case(code))
                            .map(|(_, v)| standing(v))
                    };
                    let address = format!(
                        "{}{}",
                        setting.origin,
                        Route::Planner {
                            input: input.clone(),
                        }
                        .href()
                    );
                    drawing(
                        m,
                        catalogue,
                        plan_series(catalogue, person),
                        Some((&lookup, &address)),
                    );
                },
            );
        }
    });
    Page {
        title: match &checked {
            Some(Ok(_)) => "Your plan".to_owned(),
            Some(Err(_)) => "Planner: check the fields".to_owned(),
            None => "Planner".to_owned(),
        },
        html: m.finish(),
    }
}

/// What the person answered, in a line: paper only (the stylesheet shows `plan__answers` in
/// print), where the form is left out and the plan comes first (issue 23). The class is named
/// by the plan's first line.
fn answers(m: &mut Markup, input: &PlannerInput, person: &Person) {
    let years = |typed: &str| {
        let typed = typed.trim();
        format!("{typed} year{}", if typed == "1" { "" } else { "s" })
    };
    let in_class = match (&person.current_class, person.in_class) {
        (None, _) => String::new(),
        (Some(_), 0) => ", none of it in your current class".to_owned(),
        (Some(_), _) => format!(", {} of it in your current class", years(&input.in_class)),
    };
    let education = person
        .education
        .map_or("none of the education levels listed", |e| e.describe());
    m.leaf(
        "p",
        &[("class", "plan__answers")],
        &format!(
            "Your answers: {} of relevant experience in all{in_class}; {education}.",
            years(&input.experience)
        ),
    );
}
