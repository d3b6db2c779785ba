//! A checked plan, read in the order a person asks: "what is my next step, and what would get
//! me there". The next level of the person's own series leads, with its verdict and the one
//! concrete thing that would change it; a level further up already within reach says what kind
//! of job it is and that it skips a level; then the classes beside the series; the levels below
//! the person's own are folded away. Every verdict comes from [`crate::planner`], so the cards,
//! the summary and the mark on the path agree.

use crate::marked::Marked;
use crate::markup::Markup;
use crate::model::{
    Basis, Catalogue, ClassSpec, ClassVersion, Fact, QualificationRoute, Qualifications,
    Requirement,
};
use crate::planner::{
    closest, ordinal, route_status, Judged, Missing, Person, Reading, RouteStatus, Verdict,
};
use crate::render::parts::{link_marked, marked, missing_mark, short_title_marked};
use crate::render::path_drawing::Standing;
use crate::route::Route;

pub(super) fn standing(verdict: &Verdict) -> Standing {
    match verdict {
        Verdict::Current => Standing::Current,
        Verdict::Meets { .. } => Standing::Meets,
        Verdict::NotYet(_) => Standing::NotYet,
        Verdict::CannotTell(_) | Verdict::NotInData { .. } => Standing::CannotTell,
    }
}

/// "the supervisory level", from the level the data gives the class's newest version (marked
/// when inferred), or nothing when the data does not say.
fn level_marked(class: &ClassSpec) -> Option<Marked> {
    let version = class.newest()?;
    let lower = |name: &str| {
        let mut chars = name.chars();
        chars.next().map_or_else(String::new, |c| {
            std::iter::once(c.to_ascii_lowercase())
                .chain(chars)
                .collect()
        })
    };
    match &version.level {
        Fact::Stated(name) => Some(Marked::new().text("the ").text(&lower(name))),
        Fact::Inferred { value, why } => Some(
            Marked::new()
                .text("the ")
                .value(&lower(value), &Basis::Inferred { why: why.clone() }),
        ),
        Fact::Missing { .. } => None,
    }
}

/// "Customer Service Specialist 4 (CSS 4), the supervisory level", the title a link.
fn named(m: &mut Markup, class: &ClassSpec) {
    link_marked(m, &Route::class(class.code.as_ref()), &class.title_marked());
    let mut rest = Marked::new()
        .text(" (")
        .then(short_title_marked(class))
        .text(")");
    if let Some(level) = level_marked(class) {
        rest = rest.text(", ").then(level);
    }
    marked(m, &rest);
}

/// "two levels above yours: it skips CSS 3", from the ladder between the person's class and
/// this one.
fn place(reading: &Reading<'_>, catalogue: &Catalogue, judged: &Judged<'_>) -> Option<Marked> {
    let above = judged.above?;
    if above == 1 {
        return Some(Marked::new().text("one level above yours"));
    }
    let words = crate::describe::number_word(u8::try_from(above).unwrap_or(u8::MAX));
    let mut text = Marked::new().text(&format!("{words} levels above yours: it skips "));
    let (series, current) = (reading.series?, reading.current?);
    let own = series.ladder.iter().position(|c| *c == current.code)?;
    let skipped: Vec<&ClassSpec> = series.ladder[own + 1..own + above]
        .iter()
        .filter_map(|code| catalogue.class(code))
        .collect();
    for (i, class) in skipped.iter().enumerate() {
        if i > 0 {
            text = text.text(if i + 1 == skipped.len() {
                " and "
            } else {
                ", "
            });
        }
        text = text.then(short_title_marked(class));
    }
    Some(text)
}

/// How a class off the plan's ladder (the manager class beside the CSS series) sits beside it,
/// from the data alone: the series it belongs to and its place there, then which of its ways
/// to qualify ask for time in a level of the plan's series. `None` for a level of the ladder.
/// Nothing is said of its ways when the data does not hold them or cannot read one of them.
fn beside(catalogue: &Catalogue, reading: &Reading<'_>, class: &ClassSpec) -> Option<Marked> {
    let series = reading.series?;
    if series.ladder.contains(&class.code) {
        return None;
    }
    let mut text = Marked::new().text(&format!(
        "Beside the {} series, not a level of it: ",
        series.title
    ));
    let own = catalogue.series_of(class);
    let rung = own.and_then(|own| own.ladder.iter().position(|code| *code == class.code));
    text = text.text(&match (own, rung) {
        (Some(own), Some(_)) if own.ladder.len() == 1 => {
            format!("the only class of the {} series in the data.", own.title)
        }
        (Some(own), Some(at)) => format!(
            "level {} of {} of the {} series in the data.",
            at + 1,
            own.ladder.len(),
            own.title
        ),
        (Some(own), None) => format!("a class of the {} series.", own.title),
        (None, _) => "its own series is not in our copy.".to_owned(),
    });
    let Some(Qualifications::Routes(routes)) = class.newest().map(|v| &v.qualifications) else {
        return Some(text);
    };
    let mut naming: Vec<usize> = Vec::new();
    let mut named: Vec<&ClassSpec> = Vec::new();
    for (i, route) in routes.iter().enumerate() {
        if let Requirement::YearsInClass { class: code, .. } = &route.requirement {
            if let Some(rung) = series
                .ladder
                .iter()
                .find(|c| c.eq_ignore_ascii_case(code))
                .and_then(|c| catalogue.class(c))
            {
                naming.push(i);
                if !named.iter().any(|k| k.code == rung.code) {
                    named.push(rung);
                }
            }
        }
    }
    if naming.is_empty() {
        if routes
            .iter()
            .any(|r| matches!(r.requirement, Requirement::Unread { .. }))
        {
            return Some(text);
        }
        return Some(text.text(&format!(
            " None of its ways to qualify asks for time in a class of the {} series.",
            series.title
        )));
    }
    text = text.text(&format!(
        " {} to qualify {} for time in ",
        crate::describe::capitalise(&ways(&naming)),
        if naming.len() == 1 { "asks" } else { "ask" }
    ));
    for (i, rung) in named.iter().enumerate() {
        if i > 0 {
            text = text.text(if i + 1 == named.len() { " or " } else { ", " });
        }
        text = text.then(short_title_marked(rung));
    }
    Some(text.text("."))
}

/// Which ways (by index) a person meets.
fn met(catalogue: &Catalogue, routes: &[QualificationRoute], person: &Person) -> Vec<usize> {
    routes
        .iter()
        .enumerate()
        .filter(|(_, r)| route_status(catalogue, &r.requirement, person) == RouteStatus::Meets)
        .map(|(i, _)| i)
        .collect()
}

fn ways(indexes: &[usize]) -> String {
    let names: Vec<String> = indexes.iter().map(|&i| ordinal(i)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => format!("the {one} way"),
        [rest @ .., last] => format!("the {} and {last} ways", rest.join(", ")),
    }
}

fn needs(missing: &[Missing]) -> String {
    missing
        .iter()
        .map(Missing::describe)
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The one sentence that gives the reason for a verdict and what would change it: the ways
/// met; the closest way and what it still asks; why the planner cannot tell. The badge beside
/// it states the verdict, so the sentence never repeats it ("Cannot tell: …" after a "Cannot
/// tell" badge read twice). `subject` names what cannot be judged: "this step" in the lead.
pub(super) fn verdict_sentence(
    catalogue: &Catalogue,
    class: &ClassSpec,
    verdict: &Verdict,
    person: &Person,
    subject: &str,
) -> Marked {
    let routes = match class.newest().map(|v| &v.qualifications) {
        Some(Qualifications::Routes(routes)) => routes.as_ref(),
        _ => &[],
    };
    let closest_way = |prefix: &str| {
        closest(verdict).map(|(at, missing)| {
            format!(
                "{prefix}{} would meet the {} way to qualify.",
                needs(missing),
                ordinal(at)
            )
        })
    };
    match verdict {
        Verdict::Current => Marked::new().text("You hold this class now."),
        Verdict::Meets { .. } => Marked::new().text(&format!(
            "You meet {} to qualify.",
            ways(&met(catalogue, routes, person))
        )),
        Verdict::NotYet(_) => Marked::new().text(&closest_way("").map_or_else(
            || "None of its ways to qualify is met yet.".to_owned(),
            |next| crate::describe::capitalise(&next),
        )),
        Verdict::CannotTell(statuses) => {
            let open: Vec<String> = statuses
                .iter()
                .enumerate()
                .filter_map(|(i, s)| match s {
                    RouteStatus::CannotTell(why) => {
                        Some(format!("For the {} way, {}", ordinal(i), lower_first(why)))
                    }
                    _ => None,
                })
                .collect();
            let mut sentence = open.join(" ");
            if let Some(next) = closest_way(" Of the ways the planner can check, ") {
                sentence.push_str(&next);
            }
            Marked::new().text(&sentence)
        }
        Verdict::NotInData { .. } => short_title_marked(class).text(&format!(
            "'s desirable qualifications are not in our copy, so the planner cannot judge {subject}."
        )),
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        std::iter::once(c.to_ascii_lowercase())
            .chain(chars)
            .collect()
    })
}

fn badge(verdict: &Verdict) -> (&'static str, &'static str) {
    let text = match verdict {
        Verdict::Current => "Your class",
        Verdict::Meets { inferred: false } => "Meets",
        Verdict::Meets { inferred: true } => "Meets (by an estimated route)",
        Verdict::NotYet(_) => "Not yet",
        Verdict::CannotTell(_) | Verdict::NotInData { .. } => "Cannot tell",
    };
    let kind = match standing(verdict) {
        Standing::Current => "verdict verdict--current",
        Standing::Meets => "verdict verdict--meets",
        Standing::NotYet => "verdict verdict--not-yet",
        Standing::CannotTell => "verdict verdict--cannot-tell",
    };
    (text, kind)
}

/// What the planner says about one class: its name and level, where it sits, the verdict in a
/// sentence, then the ways to qualify (a met way shown, the others folded).
fn card(
    m: &mut Markup,
    catalogue: &Catalogue,
    reading: &Reading<'_>,
    judged: &Judged<'_>,
    person: &Person,
) {
    let (class, verdict) = (judged.class, &judged.verdict);
    let (badge_text, kind) = badge(verdict);
    m.el(
        "li",
        &[("class", "plan__item"), ("data-class", &class.code)],
        |m| {
            m.el("h3", &[("class", "plan__class")], |m| {
                link_marked(m, &Route::class(class.code.as_ref()), &class.title_marked());
                m.text(" ");
                m.leaf("span", &[("class", kind)], badge_text);
            });
            let mut kind_of = level_marked(class);
            if let Some(place) = place(reading, catalogue, judged) {
                kind_of = Some(match kind_of {
                    Some(level) => level.text(", ").then(place),
                    None => place,
                });
            }
            if let Some(kind_of) = kind_of {
                m.el("p", &[("class", "plan__place")], |m| {
                    marked(m, &capitalised(&kind_of));
                    m.text(".");
                });
            }
            if let Some(beside) = beside(catalogue, reading, class) {
                m.el("p", &[("class", "plan__beside")], |m| marked(m, &beside));
            }
            m.el("p", &[("class", "plan__verdict")], |m| {
                marked(
                    m,
                    &verdict_sentence(catalogue, class, verdict, person, "this class"),
                );
            });
            let Some(version) = class.newest() else {
                return;
            };
            match (verdict, &version.qualifications) {
                (Verdict::Current, _) => {}
                (Verdict::NotInData { why }, _) | (_, Qualifications::NotInData { why }) => {
                    m.el("div", &[("class", "plan__gap")], |m| {
                        m.text("Its desirable qualifications: ");
                        missing_mark(m, why);
                        m.text(".");
                    });
                    older_routes(m, catalogue, class, version, person);
                    what_next(m, class, version, false);
                }
                (Verdict::Meets { .. }, Qualifications::Routes(routes)) => {
                    let met = met(catalogue, routes, person);
                    asks(m, class, version);
                    route_list(m, catalogue, routes, person, |i| met.contains(&i));
                    let others = routes.len() - met.len();
                    if others > 0 {
                        m.el("details", &[("class", "plan__other-ways")], |m| {
                            m.leaf(
                                "summary",
                                &[],
                                &format!(
                                    "The other way{} to qualify ({others})",
                                    if others == 1 { "" } else { "s" }
                                ),
                            );
                            route_list(m, catalogue, routes, person, |i| !met.contains(&i));
                        });
                    }
                }
                (_, Qualifications::Routes(routes)) => {
                    asks(m, class, version);
                    route_list(m, catalogue, routes, person, |_| true);
                    if matches!(verdict, Verdict::CannotTell(_)) {
                        what_next(m, class, version, true);
                    }
                }
            }
        },
    );
}

fn capitalised(text: &Marked) -> Marked {
    // Level names and places start in lower case ("the supervisory level"): only the plain
    // words at the start are changed, never a value.
    let mut out = Marked::new();
    for (i, part) in text.parts().iter().enumerate() {
        out = match part {
            crate::marked::Part::Plain(words) if i == 0 => {
                out.text(&crate::describe::capitalise(words))
            }
            crate::marked::Part::Plain(words) => out.text(words),
            crate::marked::Part::Inferred { value, why } => out.value(
                value,
                &Basis::Inferred {
                    why: why.clone().into(),
                },
            ),
        };
    }
    out
}

/// "The July 2025 version (CSS 4) asks any one of these ways:".
fn asks(m: &mut Markup, class: &ClassSpec, version: &ClassVersion) {
    m.el("p", &[], |m| {
        marked(
            m,
            &version
                .label_marked()
                .text(" (")
                .then(short_title_marked(class))
                .text(") asks any one of these ways:"),
        );
    });
}

/// The ways to qualify that `shown` keeps, numbered as the official text lists them, each with
/// how it stands for the person: met, what is still needed, or why it cannot be judged.
fn route_list(
    m: &mut Markup,
    catalogue: &Catalogue,
    routes: &[QualificationRoute],
    person: &Person,
    shown: impl Fn(usize) -> bool,
) {
    m.el("ol", &[("class", "plan__routes")], |m| {
        for (i, route) in routes.iter().enumerate().filter(|(i, _)| shown(*i)) {
            let status = route_status(catalogue, &route.requirement, person);
            m.el("li", &[("value", &(i + 1).to_string())], |m| {
                m.el("span", &[("class", "plan__route")], |m| {
                    marked(m, &route.marked(catalogue));
                });
                m.text(": ");
                match status {
                    RouteStatus::Meets => {
                        m.leaf("strong", &[], "you meet this");
                    }
                    RouteStatus::NotYet(missing) => {
                        m.text("still needed: ");
                        m.leaf("strong", &[("class", "plan__missing")], &needs(&missing));
                        // The planner asks only about the class held now: time in another
                        // class held before is what the person did not tell it.
                        if person.current_class.is_some()
                            && missing.iter().any(|m| {
                                matches!(m, Missing::TimeInClass { in_it_now: false, .. })
                            })
                        {
                            m.text(" (if you held that class before, ask your HR office whether that time counts: the planner asks only about the class you hold now)");
                        }
                    }
                    RouteStatus::CannotTell(why) => {
                        m.text(&why);
                    }
                }
            });
        }
    });
}

/// "Cannot tell, but the 2019 text asked …": an older version's routes where the newest has
/// none in the data, clearly labelled, with how the person stands against them. The verdict
/// stays "cannot tell".
fn older_routes(
    m: &mut Markup,
    catalogue: &Catalogue,
    class: &ClassSpec,
    version: &ClassVersion,
    person: &Person,
) {
    let Some((older, routes)) = class.older_routes(version) else {
        return;
    };
    m.el("div", &[("class", "plan__older")], |m| {
        m.el("p", &[], |m| {
            marked(
                m,
                &Marked::new()
                    .text("The ")
                    .then(older.label_marked())
                    .text(" asked any one of these ways. That is not the ")
                    .then(version.label_marked())
                    .text("'s requirement, which is not in our copy: "),
            );
            link_marked(
                m,
                &Route::class_version(class.code.as_ref(), older.id.as_ref()),
                &Marked::new().text("read the ").then(older.label_marked()),
            );
        });
        route_list(m, catalogue, routes, person, |_| true);
    });
}

/// What a person can do when the planner cannot tell: ask, and read the official page (a link
/// named for the class, not a bare address). `equivalence`: a route is the employer's judgement.
fn what_next(m: &mut Markup, class: &ClassSpec, version: &ClassVersion, equivalence: bool) {
    m.el("p", &[("class", "plan__next-step")], |m| {
        m.leaf("strong", &[], "What to do next: ");
        m.text(if equivalence {
            "ask your HR office whether your education and experience count as equivalent, or read the qualifications on "
        } else {
            "ask your HR office, or read the desirable qualifications on "
        });
        m.el(
            "a",
            &[("href", &version.source_url), ("rel", "external")],
            |m| {
                marked(
                    m,
                    &Marked::new()
                        .text("the official page for ")
                        .then(short_title_marked(class)),
                );
            },
        );
        m.text(".");
    });
}

/// Where the person stands, in a line: their class and its level, or that it is the top of its
/// series, or that they hold none of its classes.
fn where_you_are(m: &mut Markup, reading: &Reading<'_>) {
    m.el("p", &[("class", "plan__where")], |m| {
        let series = reading.series.map_or("", |s| s.title.as_ref());
        match reading.current {
            Some(current) => {
                m.text("You hold ");
                named(m, current);
                if reading.at_top() {
                    m.text(&format!(
                        ": the top level of the {series} series in the data, so no level of it is above yours."
                    ));
                } else {
                    m.text(".");
                }
            }
            None => {
                m.text(&format!(
                    "You hold none of the classes of the {series} series: each of its levels is below, lowest first."
                ));
            }
        }
    });
}

/// The plan's lead: the next level up with its verdict and what would change it, then any level
/// further up that is already within reach.
fn lead(m: &mut Markup, catalogue: &Catalogue, reading: &Reading<'_>, person: &Person) {
    if let Some(next) = &reading.next {
        m.el("div", &[("class", "plan__lead")], |m| {
            m.el("p", &[("class", "plan__headline")], |m| {
                m.leaf("strong", &[], "Your next step: ");
                named(m, next.class);
                m.text(". ");
                let (text, kind) = badge(&next.verdict);
                m.leaf("span", &[("class", kind)], text);
            });
            // The badge above announces the verdict; this gives its reason.
            m.el("p", &[("class", "plan__headline-verdict")], |m| {
                marked(
                    m,
                    &verdict_sentence(catalogue, next.class, &next.verdict, person, "this step"),
                );
            });
            // What would tell, when the data cannot: the one thing the person can do.
            if let (Some(version), Verdict::CannotTell(_) | Verdict::NotInData { .. }) =
                (next.class.newest(), &next.verdict)
            {
                let equivalence = matches!(next.verdict, Verdict::CannotTell(_));
                what_next(m, next.class, version, equivalence);
            }
        });
    }
    for further in reading
        .higher
        .iter()
        .filter(|j| matches!(j.verdict, Verdict::Meets { .. }))
    {
        m.el("p", &[("class", "plan__further")], |m| {
            m.leaf("strong", &[], "Further up, already within reach: ");
            named(m, further.class);
            if let Some(place) = place(reading, catalogue, further) {
                marked(m, &Marked::new().text(", ").then(place));
            }
            m.text(". ");
            marked(
                m,
                &verdict_sentence(
                    catalogue,
                    further.class,
                    &further.verdict,
                    person,
                    "this class",
                ),
            );
        });
    }
}

/// "Within reach now: CSS 4 · Not yet: … · Cannot tell from the data: …", over the classes the
/// cards show unfolded.
fn summary(m: &mut Markup, shown: &[&Judged<'_>]) {
    m.el("ul", &[("class", "plan__summary")], |m| {
        for (wanted, text) in [
            (Standing::Meets, "Within reach now"),
            (Standing::NotYet, "Not yet"),
            (Standing::CannotTell, "Cannot tell from the data"),
        ] {
            let list: Vec<Marked> = shown
                .iter()
                .filter(|j| standing(&j.verdict) == wanted)
                .map(|j| short_title_marked(j.class))
                .collect();
            if !list.is_empty() {
                m.el("li", &[], |m| {
                    m.leaf("strong", &[], &format!("{text}: "));
                    for (i, name) in list.iter().enumerate() {
                        if i > 0 {
                            m.text(", ");
                        }
                        marked(m, name);
                    }
                });
            }
        }
    });
}

/// The plan: where the person is, the lead, the summary, a card per class above or beside, and
/// the levels below folded.
pub(super) fn plan_section(
    m: &mut Markup,
    catalogue: &Catalogue,
    reading: &Reading<'_>,
    person: &Person,
) {
    where_you_are(m, reading);
    lead(m, catalogue, reading, person);
    let shown: Vec<&Judged<'_>> = reading
        .next
        .iter()
        .chain(reading.higher.iter())
        .chain(reading.others.iter())
        .collect();
    summary(m, &shown);
    m.el("ol", &[("class", "plan__list")], |m| {
        for judged in &shown {
            card(m, catalogue, reading, judged, person);
        }
    });
    if !reading.below.is_empty() {
        m.el("details", &[("class", "plan__below")], |m| {
            m.el("summary", &[], |m| {
                let mut names = Marked::new().text("Levels below yours (");
                for (i, j) in reading.below.iter().enumerate() {
                    if i > 0 {
                        names = names.text(", ");
                    }
                    names = names.then(short_title_marked(j.class));
                }
                marked(m, &names.text(")"));
            });
            m.el("ol", &[("class", "plan__list plan__list--below")], |m| {
                for judged in &reading.below {
                    card(m, catalogue, reading, judged, person);
                }
            });
        });
    }
}
