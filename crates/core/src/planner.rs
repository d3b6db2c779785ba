//! "Where can I go from here?": a person's class, experience and education checked against
//! every class's desirable qualifications. Pure: nothing leaves the device, and the rules are
//! the structured routes of the data, never guessed.
//!
//! Desirable qualifications are guidance for hiring managers, not an entitlement; a verdict
//! says what the data asks, not what an employer will decide.

use crate::describe::years_phrase;
use crate::model::{
    Basis, Catalogue, ClassSpec, ClassVersion, Education, Qualifications, Requirement, Series, Text,
};

/// Years are counted in months, so that "2.5 years" is exact.
pub type Months = u16;

/// What a person tells the planner, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The class code they hold now, if any.
    pub current_class: Option<String>,
    /// Relevant experience in all.
    pub experience: Months,
    /// Time in their current class (part of `experience`).
    pub in_class: Months,
    pub education: Option<Education>,
}

/// The most years the planner accepts: more is a typing mistake, not a career.
pub const MAX_YEARS: u16 = 60;

/// What a person typed, before it is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlannerInput {
    pub current_class: String,
    pub experience: String,
    pub in_class: String,
    pub education: String,
}

/// A field of [`PlannerInput`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    CurrentClass,
    Experience,
    InClass,
    Education,
}

/// A field that cannot be used, with what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub field: Field,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

fn years(field: Field, text: &str, what: &str) -> Result<Months, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    let err = |message: String| InputError { field, message };
    if text.starts_with('-') {
        return Err(err(format!("{what} cannot be negative.")));
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(whole) || whole.is_empty() && digits(fraction))
        || !(fraction.is_empty() || digits(fraction))
    {
        return Err(err(format!(
            "{what} must be a number of years, like 3 or 2.5."
        )));
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole
            .parse()
            .map_err(|_| err(format!("{what} is too large.")))?
    };
    if whole > u32::from(MAX_YEARS) {
        return Err(err(format!("{what} can be at most {MAX_YEARS} years.")));
    }
    // Tenths of a year are plenty: round to whole months.
    let tenths: u32 = fraction.bytes().next().map_or(0, |b| u32::from(b - b'0'));
    let months = whole * 12 + (tenths * 12 + 5) / 10;
    u16::try_from(months).map_err(|_| err(format!("{what} is too large.")))
}

/// A number of years moved by `half_years` half years (a kiosk's − and + buttons), kept between
/// 0 and [`MAX_YEARS`]; what cannot be read counts as 0. "2.5" and 1 give "3".
pub fn step_years(value: &str, half_years: i8) -> String {
    let value = value.trim();
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    // Clamped first: `whole * 2` below must not overflow on an address's "2147483647".
    let whole: i32 = whole
        .parse::<i32>()
        .unwrap_or(0)
        .clamp(0, i32::from(MAX_YEARS));
    let tenth = fraction
        .bytes()
        .next()
        .filter(u8::is_ascii_digit)
        .map_or(0, |b| i32::from(b - b'0'));
    // In half years, rounding a typed tenth to the nearest half.
    let halves = whole * 2 + (tenth + 2) / 5;
    let halves = (halves + i32::from(half_years)).clamp(0, i32::from(MAX_YEARS) * 2);
    if halves % 2 == 0 {
        (halves / 2).to_string()
    } else {
        format!("{}.5", halves / 2)
    }
}

impl PlannerInput {
    /// Checks every field; all problems are reported at once, each beside its field.
    ///
    /// # Errors
    /// Non-numeric, negative or absurd years, more years in the class than in all, an unknown
    /// class or education.
    pub fn check(&self, catalogue: &Catalogue) -> Result<Person, Vec<InputError>> {
        let mut errors = Vec::new();
        let current_class = match self.current_class.trim() {
            "" => None,
            code => {
                if let Some(class) = catalogue.class(code) {
                    Some(class.code.to_string())
                } else {
                    errors.push(InputError {
                        field: Field::CurrentClass,
                        message: format!(
                            "There is no class {} in the data.",
                            crate::echo::echo(code)
                        ),
                    });
                    None
                }
            }
        };
        let experience = years(Field::Experience, &self.experience, "Experience")
            .map_err(|e| errors.push(e))
            .ok();
        let in_class = years(Field::InClass, &self.in_class, "Time in your class")
            .map_err(|e| errors.push(e))
            .ok();
        let education = match self.education.trim() {
            "" | "none" => None,
            id => Education::from_id(id).or_else(|| {
                errors.push(InputError {
                    field: Field::Education,
                    message: "Choose one of the education levels listed.".into(),
                });
                None
            }),
        };
        if let (Some(total), Some(class)) = (experience, in_class) {
            if class > total {
                errors.push(InputError {
                    field: Field::InClass,
                    message: "Time in your class is part of your experience, so it cannot be more than your experience in all.".into(),
                });
            }
            if class > 0 && current_class.is_none() {
                errors.push(InputError {
                    field: Field::InClass,
                    message: "Choose your current class, or leave time in class empty.".into(),
                });
            }
        }
        match (experience, in_class, errors.is_empty()) {
            (Some(experience), Some(in_class), true) => Ok(Person {
                current_class,
                experience,
                in_class,
                education,
            }),
            _ => Err(errors),
        }
    }
}

/// What one route asks that a person does not have yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    Education(Education),
    /// Months more of relevant experience.
    Experience(Months),
    /// Months more in the class with this code (and title), or the class itself.
    TimeInClass {
        code: Text,
        title: Text,
        months: Months,
        in_it_now: bool,
    },
}

impl Missing {
    /// "one more year as a Customer Service Specialist 3", "a high school diploma or GED".
    pub fn describe(&self) -> String {
        match self {
            Self::Education(e) => e.describe().to_owned(),
            Self::Experience(months) => {
                format!("{} more of relevant experience", duration(*months))
            }
            Self::TimeInClass {
                title,
                months,
                in_it_now: true,
                ..
            } => format!("{} more as a {title}", duration(*months)),
            Self::TimeInClass {
                title,
                months,
                in_it_now: false,
                ..
            } => format!("{} as a {title}", duration(*months)),
        }
    }
}

fn duration(months: Months) -> String {
    if months % 12 == 0 {
        years_phrase(u8::try_from(months / 12).unwrap_or(u8::MAX))
    } else if months < 12 {
        format!("{months} month{}", if months == 1 { "" } else { "s" })
    } else {
        format!(
            "{} and {months_left} month{}",
            years_phrase(u8::try_from(months / 12).unwrap_or(u8::MAX)),
            if months % 12 == 1 { "" } else { "s" },
            months_left = months % 12
        )
    }
}

/// How one route of one class stands for a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteStatus {
    Meets,
    NotYet(Vec<Missing>),
    /// The route depends on something the planner cannot know (an employer's judgment of an
    /// equivalent, or whether experience was progressive).
    CannotTell(String),
}

/// The verdict for one class, from the logic of its routes: any one route is enough, so a class
/// is *meets* when any route is met; otherwise *cannot tell* when any route cannot be judged from
/// the data (an equivalent, progressive experience); only otherwise *not yet*. Every view that
/// shows a verdict (the plan's summary, each class's card, the mark on the career path) takes
/// it from here, so they agree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The person holds this class now.
    Current,
    /// At least one route is met; `inferred` when only inferred routes are.
    Meets { inferred: bool },
    /// No route is met and at least one cannot be judged from the data: every route with how it
    /// stands (what the stated ones still ask, and why the others cannot be judged).
    CannotTell(Vec<RouteStatus>),
    /// No route is met and every route can be judged: each with exactly what it still asks.
    NotYet(Vec<RouteStatus>),
    /// The data holds no desirable qualifications for this class (a gap), so nothing can be judged.
    NotInData { why: Text },
}

/// The series a plan follows: the series of the class the person holds, or the home series
/// when they hold none of the data's classes.
pub fn plan_series<'a>(catalogue: &'a Catalogue, person: &Person) -> Option<&'a Series> {
    person
        .current_class
        .as_deref()
        .and_then(|code| catalogue.class(code))
        .and_then(|class| catalogue.series_of(class))
        .or_else(|| catalogue.home_series())
}

/// The classes a plan judges, in the order it shows them: the ladder of [`plan_series`] lowest
/// level first, the classes beside it, then every other class their routes name (a route "one
/// year as a …" of another series), each once.
pub fn judged<'a>(catalogue: &'a Catalogue, person: &Person) -> Vec<&'a ClassSpec> {
    let mut classes: Vec<&ClassSpec> = Vec::new();
    let add = |class: Option<&'a ClassSpec>, classes: &mut Vec<&'a ClassSpec>| {
        if let Some(class) = class.filter(|c| !classes.iter().any(|k| k.code == c.code)) {
            classes.push(class);
        }
    };
    if let Some(series) = plan_series(catalogue, person) {
        let codes = series
            .ladder
            .iter()
            .chain(series.related.iter().map(|r| &r.code));
        for code in codes {
            add(catalogue.class(code), &mut classes);
        }
    }
    let in_series = classes.len();
    for at in 0..in_series {
        let Some(Qualifications::Routes(routes)) = classes[at].newest().map(|v| &v.qualifications)
        else {
            continue;
        };
        for route in routes.iter() {
            if let Requirement::YearsInClass { class, .. } = &route.requirement {
                add(catalogue.class(class), &mut classes);
            }
        }
    }
    classes
}

/// A class of a plan, with its verdict and where it sits against the person's class.
#[derive(Clone, Debug, PartialEq)]
pub struct Judged<'a> {
    pub class: &'a ClassSpec,
    pub verdict: Verdict,
    /// How many levels above the person's class it is on the plan's ladder (1: the next level
    /// up); `None` off the ladder, or when the person holds none of its classes.
    pub above: Option<usize>,
}

/// A plan in the order a person asks about it: "what is my next step, and what would get me
/// there", then what lies further up, then the classes beside the series, and last (folded by
/// the view) the levels below the person's own.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading<'a> {
    /// The series the plan follows ([`plan_series`]).
    pub series: Option<&'a Series>,
    /// The class the person holds, when it is on that series' ladder.
    pub current: Option<&'a ClassSpec>,
    /// The level one above the person's class; `None` at the top of the ladder or without a
    /// class.
    pub next: Option<Judged<'a>>,
    /// The levels above the next one, lowest first.
    pub higher: Vec<Judged<'a>>,
    /// The classes beside the series and those its routes name; the whole ladder, lowest first,
    /// for a person who holds none of its classes.
    pub others: Vec<Judged<'a>>,
    /// The levels below the person's class, lowest first.
    pub below: Vec<Judged<'a>>,
}

impl<'a> Reading<'a> {
    /// `verdicts` ([`plan`]'s answer) placed against the person's class on the plan's ladder.
    pub fn of(
        catalogue: &'a Catalogue,
        person: &Person,
        verdicts: &[(&'a ClassSpec, Verdict)],
    ) -> Self {
        let series = plan_series(catalogue, person);
        let ladder: &[Text] = series.map_or(&[], |s| s.ladder.as_ref());
        let rung = |code: &str| ladder.iter().position(|c| c.eq_ignore_ascii_case(code));
        let own = person.current_class.as_deref().and_then(rung);
        let current = own.and_then(|at| catalogue.class(&ladder[at]));
        let mut reading = Self {
            series,
            current,
            next: None,
            higher: Vec::new(),
            others: Vec::new(),
            below: Vec::new(),
        };
        for (class, verdict) in verdicts {
            if *verdict == Verdict::Current {
                continue;
            }
            let at = rung(&class.code);
            let judged = |above: Option<usize>| Judged {
                class,
                verdict: verdict.clone(),
                above,
            };
            match (own, at) {
                (Some(own), Some(at)) if at < own => reading.below.push(judged(None)),
                (Some(own), Some(at)) if at == own + 1 => reading.next = Some(judged(Some(1))),
                (Some(own), Some(at)) => reading.higher.push(judged(Some(at - own))),
                _ => reading.others.push(judged(None)),
            }
        }
        reading
    }

    /// Whether the person's class is the top level of its ladder.
    pub fn at_top(&self) -> bool {
        self.current.is_some() && self.next.is_none()
    }
}

/// What would change a verdict that is not *meets*: the route closest to being met (fewest
/// things missing; what the person can do in the class they hold before a class they would
/// first have to reach; then the least time), by its index among the version's routes, and
/// what it still asks. `None` when no route says what is missing (a gap, or only routes an
/// employer judges).
pub fn closest(verdict: &Verdict) -> Option<(usize, &[Missing])> {
    let (Verdict::NotYet(statuses) | Verdict::CannotTell(statuses)) = verdict else {
        return None;
    };
    let key = |missing: &[Missing]| {
        let elsewhere = missing.iter().any(|m| {
            matches!(
                m,
                Missing::TimeInClass {
                    in_it_now: false,
                    ..
                }
            )
        });
        let months: u32 = missing
            .iter()
            .map(|m| match m {
                Missing::Experience(months) | Missing::TimeInClass { months, .. } => {
                    u32::from(*months)
                }
                Missing::Education(_) => 0,
            })
            .sum();
        (missing.len(), elsewhere, months)
    };
    let mut best: Option<(usize, &[Missing])> = None;
    for (at, status) in statuses.iter().enumerate() {
        if let RouteStatus::NotYet(missing) = status {
            if best.is_none_or(|(_, b)| key(missing) < key(b)) {
                best = Some((at, missing));
            }
        }
    }
    best
}

/// "first", "second", … for the way to qualify at `index` (from 0), as the official text lists
/// them.
pub fn ordinal(index: usize) -> String {
    const WORDS: [&str; 6] = ["first", "second", "third", "fourth", "fifth", "sixth"];
    WORDS
        .get(index)
        .map_or_else(|| format!("number {}", index + 1), |w| (*w).to_owned())
}

/// The verdict for every class a plan judges ([`judged`]), in its order, from its newest
/// version.
pub fn plan<'a>(catalogue: &'a Catalogue, person: &Person) -> Vec<(&'a ClassSpec, Verdict)> {
    judged(catalogue, person)
        .into_iter()
        .map(|class| (class, verdict(catalogue, class, person)))
        .collect()
}

fn verdict(catalogue: &Catalogue, class: &ClassSpec, person: &Person) -> Verdict {
    if person.current_class.as_deref() == Some(class.code.as_ref()) {
        return Verdict::Current;
    }
    match class.newest() {
        Some(version) => version_verdict(catalogue, version, person),
        None => Verdict::NotInData {
            why: "The data holds no version of this class.".into(),
        },
    }
}

/// The verdict of one class version's desirable qualifications for a person (whether they hold
/// the class now is [`plan`]'s business).
pub fn version_verdict(catalogue: &Catalogue, version: &ClassVersion, person: &Person) -> Verdict {
    let routes = match &version.qualifications {
        Qualifications::NotInData { why } => return Verdict::NotInData { why: why.clone() },
        Qualifications::Routes(routes) => routes,
    };
    let statuses: Vec<(RouteStatus, bool)> = routes
        .iter()
        .map(|r| {
            (
                route_status(catalogue, &r.requirement, person),
                matches!(r.basis, Basis::Inferred { .. }),
            )
        })
        .collect();
    let met = |wanted_inferred: bool| {
        statuses
            .iter()
            .any(|(s, inferred)| *s == RouteStatus::Meets && *inferred == wanted_inferred)
    };
    if met(false) {
        return Verdict::Meets { inferred: false };
    }
    if met(true) {
        return Verdict::Meets { inferred: true };
    }
    let open = statuses
        .iter()
        .any(|(s, _)| matches!(s, RouteStatus::CannotTell(_)));
    let statuses = statuses.into_iter().map(|(s, _)| s).collect();
    if open {
        Verdict::CannotTell(statuses)
    } else {
        Verdict::NotYet(statuses)
    }
}

/// How one route stands for a person.
pub fn route_status(
    catalogue: &Catalogue,
    requirement: &Requirement,
    person: &Person,
) -> RouteStatus {
    match requirement {
        Requirement::EducationAndExperience {
            education,
            years,
            progressive,
        } => {
            let mut missing = Vec::new();
            if person.education.is_none_or(|e| e < *education) {
                missing.push(Missing::Education(*education));
            }
            let needed = u16::from(*years) * 12;
            if person.experience < needed {
                missing.push(Missing::Experience(needed - person.experience));
            }
            match (missing.is_empty(), progressive) {
                (true, true) => RouteStatus::CannotTell("You have the education and the years; whether your experience was progressive (growing in responsibility) is for an employer to judge.".to_string()),
                (true, false) => RouteStatus::Meets,
                (false, _) => RouteStatus::NotYet(missing),
            }
        }
        Requirement::YearsInClass { class, years } => {
            let needed = u16::from(*years) * 12;
            let in_it_now = person.current_class.as_deref() == Some(class.as_ref());
            let have = if in_it_now { person.in_class } else { 0 };
            if have >= needed {
                RouteStatus::Meets
            } else {
                let title = catalogue
                    .class(class)
                    .map_or_else(|| class.clone(), |c| c.title.clone());
                RouteStatus::NotYet(vec![Missing::TimeInClass {
                    code: class.clone(),
                    title,
                    months: needed - have,
                    in_it_now,
                }])
            }
        }
        Requirement::Equivalent { of } => RouteStatus::CannotTell(format!(
            "whether you have equivalent {of} is for an employer to judge."
        )),
        Requirement::Unread { .. } => RouteStatus::CannotTell(
            "the planner cannot check this route: read it on the official page.".to_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::step_years;

    #[test]
    fn steppers_move_by_half_years_within_bounds() {
        assert_eq!(step_years("2.5", 1), "3");
        assert_eq!(step_years("3", -1), "2.5");
        assert_eq!(step_years("", 1), "0.5");
        assert_eq!(step_years("0", -1), "0", "never negative");
        assert_eq!(step_years("60", 1), "60", "never absurd");
        assert_eq!(
            step_years("lots", 1),
            "0.5",
            "what cannot be read counts as 0"
        );
        assert_eq!(
            step_years("1.2", 0),
            "1",
            "a typed tenth rounds to the nearest half"
        );
        assert_eq!(step_years("1.3", 0), "1.5");
        // Before the clamp these overflowed (a panic in a debug build, a wrap in release).
        assert_eq!(step_years("2147483647", 1), "60");
        assert_eq!(step_years("-2147483648", -1), "0");
    }
}
