//! The planner on the real data: every route of every class version, the gaps, and the
//! inputs it refuses.

use std::path::Path;

use class_spec_core::planner::{
    plan, route_status, Missing, Person, PlannerInput, RouteStatus, Verdict,
};
use class_spec_core::{Catalogue, Education, Qualifications, Requirement};
use class_spec_data::load_dir;

fn catalogue() -> Catalogue {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data"))
        .expect("valid")
        .catalogue
}

fn person(
    class: Option<&str>,
    experience_years: u16,
    in_class_months: u16,
    education: Option<Education>,
) -> Person {
    Person {
        current_class: class.map(str::to_owned),
        experience: experience_years * 12,
        in_class: in_class_months,
        education,
    }
}

fn verdict_for<'a>(
    verdicts: &'a [(&class_spec_core::ClassSpec, Verdict)],
    code: &str,
) -> &'a Verdict {
    &verdicts.iter().find(|(c, _)| c.code == code).unwrap().1
}

#[test]
fn a_year_as_a_css_3_meets_css_4() {
    let c = catalogue();
    let verdicts = plan(&c, &person(Some("102C"), 1, 12, None));
    assert_eq!(
        verdict_for(&verdicts, "102D"),
        &Verdict::Meets { inferred: false }
    );
    assert_eq!(verdict_for(&verdicts, "102C"), &Verdict::Current);
}

#[test]
fn not_yet_says_exactly_what_is_missing_on_each_route() {
    let c = catalogue();
    let verdicts = plan(&c, &person(Some("102C"), 2, 6, Some(Education::HighSchool)));
    let Verdict::NotYet(routes) = verdict_for(&verdicts, "102D") else {
        panic!("not yet")
    };
    let described: Vec<String> = routes
        .iter()
        .map(|r| match r {
            RouteStatus::NotYet(missing) => missing
                .iter()
                .map(Missing::describe)
                .collect::<Vec<_>>()
                .join(" and "),
            RouteStatus::CannotTell(why) => format!("cannot tell: {why}"),
            RouteStatus::Meets => "meets".into(),
        })
        .collect();
    assert_eq!(
        described,
        [
            "two years more of relevant experience",
            "6 months more as a Customer Service Specialist 3",
            "cannot tell: whether you have equivalent education/experience is for an employer to judge.",
        ]
    );
    let Verdict::NotYet(routes) = verdict_for(&plan(&c, &person(None, 0, 0, None)), "102D").clone()
    else {
        panic!()
    };
    assert_eq!(
        routes[0],
        RouteStatus::NotYet(vec![
            Missing::Education(Education::HighSchool),
            Missing::Experience(48)
        ])
    );
    assert_eq!(
        Missing::Education(Education::HighSchool).describe(),
        "a high school diploma or GED"
    );
    let RouteStatus::NotYet(missing) = &routes[1] else {
        panic!()
    };
    assert_eq!(
        missing[0].describe(),
        "one year as a Customer Service Specialist 3",
        "not in the class yet"
    );
}

#[test]
fn classes_whose_qualifications_are_gaps_cannot_tell() {
    let c = catalogue();
    let verdicts = plan(&c, &person(None, 30, 0, Some(Education::Graduate)));
    for code in ["102A", "102B", "102C"] {
        assert!(
            matches!(verdict_for(&verdicts, code), Verdict::CannotTell { .. }),
            "{code}: the 2025 qualifications are not in the data"
        );
    }
    assert_eq!(
        verdict_for(&verdicts, "102D"),
        &Verdict::Meets { inferred: false }
    );
    assert_eq!(
        verdict_for(&verdicts, "103D"),
        &Verdict::Meets { inferred: false }
    );
}

#[test]
fn every_route_of_every_class_version_is_judged() {
    let c = catalogue();
    let nobody = person(None, 0, 0, None);
    let everything = person(None, 60, 0, Some(Education::Graduate));
    let mut routes = 0;
    for class in c.classes.iter() {
        for version in class.versions.iter() {
            let Qualifications::Routes(list) = &version.qualifications else {
                continue;
            };
            for route in list.iter() {
                routes += 1;
                let (none, all) = (
                    route_status(&c, &route.requirement, &nobody),
                    route_status(&c, &route.requirement, &everything),
                );
                match &route.requirement {
                    Requirement::EducationAndExperience {
                        progressive: false, ..
                    } => {
                        assert!(matches!(none, RouteStatus::NotYet(_)));
                        assert_eq!(all, RouteStatus::Meets, "{} {}", class.code, version.id);
                    }
                    Requirement::EducationAndExperience {
                        progressive: true, ..
                    } => {
                        assert!(
                            matches!(all, RouteStatus::CannotTell(_)),
                            "progressive experience is an employer's call"
                        );
                    }
                    Requirement::YearsInClass {
                        class: in_class,
                        years,
                    } => {
                        assert!(
                            matches!(all, RouteStatus::NotYet(_)),
                            "years elsewhere are not years in {in_class}"
                        );
                        let member = Person {
                            current_class: Some(in_class.to_string()),
                            in_class: u16::from(*years) * 12,
                            ..everything.clone()
                        };
                        assert_eq!(
                            route_status(&c, &route.requirement, &member),
                            RouteStatus::Meets
                        );
                    }
                    Requirement::Equivalent { .. } => {
                        assert!(matches!(all, RouteStatus::CannotTell(_)));
                    }
                }
            }
        }
    }
    assert_eq!(
        routes, 9,
        "1 (CSS 1 2024) + 3 (CSS 4 2019) + 3 (CSS 4 2025) + 1 + 1 (CSM)"
    );
}

#[test]
fn impossible_inputs_are_refused_beside_their_field() {
    let c = catalogue();
    let input = |class: &str, experience: &str, in_class: &str, education: &str| PlannerInput {
        current_class: class.into(),
        experience: experience.into(),
        in_class: in_class.into(),
        education: education.into(),
    };
    let ok = input("102c", "2.5", "1", "high-school").check(&c).unwrap();
    assert_eq!(
        ok,
        Person {
            current_class: Some("102C".into()),
            experience: 30,
            in_class: 12,
            education: Some(Education::HighSchool)
        }
    );
    let fields = |i: PlannerInput| {
        i.check(&c)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        fields(input("", "-1", "", "")),
        [("experience", "Experience cannot be negative.".to_owned())]
    );
    assert_eq!(
        fields(input("", "three", "", "")),
        [(
            "experience",
            "Experience must be a number of years, like 3 or 2.5.".to_owned()
        )]
    );
    assert_eq!(
        fields(input("", "61", "", "")),
        [(
            "experience",
            "Experience can be at most 60 years.".to_owned()
        )]
    );
    assert_eq!(fields(input("102C", "1", "2", ""))[0].0, "in_class");
    assert_eq!(
        fields(input("", "3", "1", ""))[0].1,
        "Choose your current class, or leave time in class empty."
    );
    assert_eq!(
        fields(input("999Z", "1", "", "phd"))
            .iter()
            .map(|(f, _)| *f)
            .collect::<Vec<_>>(),
        ["current_class", "education"]
    );
    assert_eq!(
        input("", "", "", "").check(&c).unwrap().experience,
        0,
        "empty means none"
    );
}
