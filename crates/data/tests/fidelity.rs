//! The data says what the sources say, and no more: known facts are there, gaps stay gaps,
//! inferences are marked. Each expected fact is written out in its test, so the test is its
//! own record and needs nothing outside the repository.

use std::path::Path;

use class_spec_core::{
    Basis, Catalogue, ClassVersion, Date, Education, Fact, Oversight, Provenance, Qualifications,
    Requirement, SectionKind,
};
use class_spec_data::load_dir;

fn catalogue() -> Catalogue {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data"))
        .expect("valid")
        .catalogue
}

fn version<'a>(c: &'a Catalogue, code: &str, id: &str) -> &'a ClassVersion {
    c.class(code)
        .unwrap()
        .version(Some(id))
        .unwrap_or_else(|| panic!("{code} {id}"))
}

#[test]
fn every_known_version_is_present_newest_first() {
    let c = catalogue();
    let ids = |code: &str| {
        c.class(code)
            .unwrap()
            .versions
            .iter()
            .map(|v| v.id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("102A"), ["2025", "2024"]);
    assert_eq!(ids("102B"), ["2025"]);
    assert_eq!(ids("102C"), ["2025"]);
    assert_eq!(ids("102D"), ["2025", "2019"]);
    assert_eq!(ids("103D"), ["2024", "2009"]);
    assert_eq!(
        c.series[0].ladder.as_ref(),
        ["102A", "102B", "102C", "102D"]
    );
}

#[test]
fn stated_and_inferred_dates_are_kept_apart() {
    let c = catalogue();
    assert_eq!(
        version(&c, "102D", "2025").effective,
        Fact::Stated(Date::new_unchecked(2025, 7, 1))
    );
    assert_eq!(
        version(&c, "102D", "2025").adopted,
        Some(Date::new_unchecked(2025, 6, 23))
    );
    assert_eq!(
        version(&c, "102A", "2024").effective,
        Fact::Stated(Date::new_unchecked(2024, 6, 6))
    );
    for (code, id) in [
        ("102A", "2025"),
        ("102B", "2025"),
        ("102C", "2025"),
        ("102D", "2019"),
        ("103D", "2024"),
    ] {
        assert!(
            version(&c, code, id).effective.is_inferred(),
            "{code} {id} effective date is inferred"
        );
    }
    assert_eq!(c.data_as_of(), Some(Date::new_unchecked(2025, 7, 1)));
}

#[test]
fn codes_not_on_their_pages_are_marked_inferred() {
    let c = catalogue();
    for code in ["102B", "102C"] {
        assert!(
            matches!(c.class(code).unwrap().code_basis, Basis::Inferred { .. }),
            "{code}"
        );
    }
    for code in ["102A", "102D", "103D"] {
        assert_eq!(c.class(code).unwrap().code_basis, Basis::Stated, "{code}");
    }
}

#[test]
fn the_css_4_routes_are_exactly_the_three_on_the_page() {
    let c = catalogue();
    let Qualifications::Routes(routes) = &version(&c, "102D", "2025").qualifications else {
        panic!("routes")
    };
    let requirements: Vec<_> = routes.iter().map(|r| r.requirement.clone()).collect();
    assert_eq!(
        requirements,
        [
            Requirement::EducationAndExperience {
                education: Education::HighSchool,
                years: 4,
                progressive: false
            },
            Requirement::YearsInClass {
                class: "102C".into(),
                years: 1
            },
            Requirement::Equivalent {
                of: "education/experience".into()
            },
        ]
    );
    assert!(routes.iter().all(|r| r.basis == Basis::Stated));
}

#[test]
fn unknown_qualifications_stay_unknown() {
    let c = catalogue();
    for code in ["102A", "102B", "102C"] {
        assert!(
            matches!(
                version(&c, code, "2025").qualifications,
                Qualifications::NotInData { .. }
            ),
            "{code} 2025 qualifications were not captured and must not be filled in"
        );
    }
    for code in ["102B", "102C"] {
        let v = version(&c, code, "2025");
        assert!(
            matches!(v.supervision, Fact::Missing { .. }),
            "{code} supervision is a gap"
        );
        for kind in [
            SectionKind::LegalRequirements,
            SectionKind::DesirableQualifications,
            SectionKind::ClassSpecificationHistory,
        ] {
            assert_eq!(
                v.section(kind).unwrap().content.provenance(),
                Provenance::NotInData,
                "{code} {kind:?}"
            );
        }
        assert!(v.history.is_empty(), "{code}: no invented history");
    }
}

#[test]
fn the_levels_and_supervision_match_the_pages() {
    let c = catalogue();
    let level = |code, id| version(&c, code, id).level.value().map(ToString::to_string);
    assert_eq!(level("102A", "2025").as_deref(), Some("Entry level"));
    assert_eq!(level("102B", "2025").as_deref(), Some("Journey level"));
    assert_eq!(
        level("102C", "2025").as_deref(),
        Some("Senior, specialist or lead level")
    );
    assert_eq!(level("102D", "2025").as_deref(), Some("Supervisory level"));
    assert!(
        version(&c, "102A", "2024").level.is_inferred(),
        "the 2019/2024 page names no level"
    );
    let supervision = |code, id| {
        version(&c, code, id)
            .supervision
            .value()
            .map(ToString::to_string)
    };
    assert_eq!(
        supervision("102A", "2025").as_deref(),
        Some("Direct or close supervision")
    );
    assert_eq!(
        supervision("102A", "2024").as_deref(),
        Some("Close to general supervision")
    );
    assert_eq!(
        supervision("102D", "2025").as_deref(),
        Some("Administrative direction")
    );
    assert_eq!(
        version(&c, "102C", "2025").oversight,
        Fact::Stated(Oversight::Leads)
    );
    assert_eq!(
        version(&c, "102D", "2025").oversight,
        Fact::Stated(Oversight::Supervises)
    );
}

#[test]
fn every_section_kind_is_present_in_every_version_with_a_source_address() {
    let c = catalogue();
    for class in c.classes.iter() {
        for v in class.versions.iter() {
            assert!(
                v.source_url.starts_with("https://ofm.wa.gov/"),
                "{} {}",
                class.code,
                v.id
            );
            for kind in SectionKind::ALL {
                assert!(
                    v.section(kind).is_some(),
                    "{} {} lacks {kind:?}",
                    class.code,
                    v.id
                );
            }
        }
    }
}

/// Whether every view is markup the browser keeps as written: crates/engine/tests/markup.rs.
#[test]
fn every_class_version_is_headed_by_its_title() {
    use class_spec_core::render;
    let c = catalogue();
    for class in c.classes.iter() {
        for v in class.versions.iter() {
            let html = render::class_version(&c, class, v);
            assert!(html.contains(&format!("<h1>{}</h1>", class.title)));
        }
    }
}

#[test]
fn every_section_is_rendered_with_its_provenance_label() {
    use class_spec_core::render;
    let c = catalogue();
    for class in c.classes.iter() {
        for v in class.versions.iter() {
            let html = render::class_version(&c, class, v);
            for s in v.sections.iter() {
                let label = s.content.provenance().label();
                let at = html
                    .find(&format!("id=\"{}\"", s.kind.as_str()))
                    .expect("section anchor");
                let next = html[at..].find("</header>").unwrap() + at;
                assert!(
                    html[at..next].contains(label),
                    "{} {} {:?} lacks `{label}`",
                    class.code,
                    v.id,
                    s.kind
                );
            }
        }
    }
}
