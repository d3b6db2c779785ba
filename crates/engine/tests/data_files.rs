//! The catalogue as data files (issue 24, item 1): the files give back the baked catalogue
//! exactly, the store checks each file it is given, and every view drawn from the series it
//! needs (`data_files::needs`) is the view drawn from the whole catalogue, byte for byte.
//!
//! Mutations seen failing: `needs` without the closure (`closure` returning `start` alone) fails
//! `each_view_from_what_it_needs_is_the_whole_view` (the real data's planner for 102C lacks
//! csm's Customer Service Manager beside its path; the cross-series case below too); `needs` of
//! a comparison without the home series fails it (the picker's home series group);
//! `Index::catalogue` without the whole's summary (`whole: None`) fails it (the footer's date
//! words); the store taking a file of another build fails `the_store_refuses_what_is_not_its_data`.

use std::borrow::Cow;

use class_spec_core::data_files::{needs, Index, SeriesFile};
use class_spec_core::model::{Basis, QualificationRoute, Qualifications, Requirement};
use class_spec_core::{Catalogue, Route};
use class_spec_engine::store::{DataError, Store};
use class_spec_engine::{catalogue, csv_from, data_files, document_from, fixed_routes, Views};

/// The store given every file the build writes for `catalogue`.
fn store_of(catalogue: &Catalogue) -> (Store, Vec<class_spec_core::data_files::File>) {
    let files = data_files(catalogue);
    let mut store = Store::default();
    store.give_index(&files[0].bytes).expect("the index");
    (store, files)
}

#[test]
fn the_files_give_back_the_baked_catalogue() {
    let (mut store, files) = store_of(catalogue());
    assert!(files.len() == catalogue().series.len() + 1);
    for file in &files[1..] {
        store
            .give(&file.address, &file.bytes)
            .expect("a series file");
    }
    assert_eq!(&*store.catalogue(), catalogue());
    assert!(store.needs("/planner", "class=102C").is_empty());
}

#[test]
fn the_same_catalogue_gives_the_same_files() {
    let names = |files: Vec<class_spec_core::data_files::File>| {
        files
            .into_iter()
            .map(|f| (f.address, f.integrity))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(data_files(catalogue())),
        names(data_files(catalogue()))
    );
}

#[test]
fn the_store_refuses_what_is_not_its_data() {
    let (mut store, files) = store_of(catalogue());
    let series = &files[1];
    // Not a series file: the error names the file.
    let error = store.give(&series.address, b"\xff\xff\xff").unwrap_err();
    assert!(matches!(&error, DataError::Decode { file, .. } if *file == series.address));
    assert!(error.to_string().contains(&series.address));
    // A file the index does not name.
    let error = store
        .give("/catalogue/nope.bin", &series.bytes)
        .unwrap_err();
    assert_eq!(
        error,
        DataError::NotNamed {
            file: "/catalogue/nope.bin".into()
        }
    );
    // The right series of another build (its data changed by one word).
    let mut other = SeriesFile::decode(&series.bytes).expect("decodes");
    other.build = Cow::Owned(format!("{}0", other.build));
    let error = store.give(&series.address, &other.encode()).unwrap_err();
    assert_eq!(
        error,
        DataError::OtherBuild {
            file: series.address.clone()
        }
    );
    // Another series' file under this one's address.
    let error = store.give(&series.address, &files[2].bytes).unwrap_err();
    assert!(matches!(error, DataError::OtherSeries { .. }));
    // Every file cut short anywhere is refused, never read in part (nor a panic).
    let csm = files
        .iter()
        .find(|f| f.address.contains("/csm-"))
        .expect("csm's file");
    for end in 0..csm.bytes.len() {
        assert!(
            SeriesFile::decode(&csm.bytes[..end]).is_err(),
            "csm's first {end} bytes"
        );
    }
    let mut longer = csm.bytes.clone();
    longer.push(0);
    assert!(SeriesFile::decode(&longer).is_err(), "a byte too many");
    // Nothing refused was taken.
    assert!(store.catalogue().series.is_empty());
    // A series file before any index.
    let error = Store::default()
        .give(&series.address, &series.bytes)
        .unwrap_err();
    assert!(matches!(error, DataError::NoIndex { .. }));
    assert!(matches!(
        Store::default().give_index(b"\x01"),
        Err(DataError::Index { .. })
    ));
}

#[test]
fn another_build_s_index_drops_what_is_held() {
    let (mut store, files) = store_of(catalogue());
    store
        .give(&files[1].address, &files[1].bytes)
        .expect("a series file");
    assert_eq!(store.catalogue().series.len(), 1);
    let mut index = Index::decode(&files[0].bytes).expect("decodes");
    index.build = Cow::Owned(format!("{}0", index.build));
    store.give_index(&index.encode()).expect("an index");
    assert!(store.catalogue().series.is_empty());
}

/// Addresses to draw: every fixed view, and computed ones of every kind, good and bad.
fn corpus(catalogue: &Catalogue, samples: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut addresses: Vec<(String, String)> = fixed_routes(catalogue, usize::MAX)
        .iter()
        .map(|route| (route.href(), String::new()))
        .collect();
    let more = [
        ("/compare", "classes=ZZZ,102A"),
        ("/compare", "classes=102A"),
        ("/compare", "classes=%%%,,"),
        ("/compare", "classes=a,b,c,d,e,f"),
        ("/planner", "class=ZZZ&years=2"),
        ("/planner", "class=&years=abc&in-class=-1"),
        ("/planner", "years=3&education=bachelor"),
        ("/search", "q=duties"),
        ("/search", "q=%22customer+service%22"),
        ("/classes", "q=manager"),
        ("/class/ZZZ", ""),
        ("/series/nope", ""),
        ("/series/nope/path", ""),
        ("/levels/nope", ""),
        ("/embed", "view=%2Fcompare%3Fclasses%3D102A%2C102C"),
        ("/nowhere", ""),
        ("/", "kiosk=1"),
    ];
    addresses.extend(
        more.iter()
            .chain(samples)
            .map(|(p, s)| ((*p).to_owned(), (*s).to_owned())),
    );
    addresses
}

/// Draws every address of the corpus from the series it needs and from the whole, as every
/// module would, in the plain setting and a kiosk's, with its spreadsheet: all the same. Returns
/// how many addresses needed only part of the catalogue.
fn each_view_is_the_whole_view(whole: &Catalogue, samples: &[(&str, &str)]) -> usize {
    let files = data_files(whole);
    let index = Index::decode(&files[0].bytes).expect("decodes");
    let series: Vec<SeriesFile> = files[1..]
        .iter()
        .map(|f| SeriesFile::decode(&f.bytes).expect("decodes"))
        .collect();
    let mut partial = 0;
    for (path, search) in corpus(whole, samples) {
        let needed = needs(&index, Route::parse(&path, &search).as_ref());
        if needed.len() < series.len() {
            partial += 1;
        }
        let part = index.catalogue(needed.iter().map(|&at| &series[at]));
        let route = Route::parse(&path, &search);
        let views = route.as_ref().map_or(Views::All, Views::for_page);
        for views in [Views::All, views] {
            for kiosk in [false, true] {
                let draw = |c: &Catalogue| {
                    document_from(c, None, views, &path, &search, "https://example.org", kiosk)
                };
                assert!(
                    draw(&part) == draw(whole),
                    "{path}?{search} ({views:?}, kiosk {kiosk}) drawn from {:?} differs from the whole",
                    needed.iter().map(|&at| &index.series[at].id).collect::<Vec<_>>()
                );
            }
        }
        assert_eq!(
            csv_from(&part, &path, &search),
            csv_from(whole, &path, &search),
            "{path}?{search}'s spreadsheet"
        );
    }
    partial
}

#[test]
fn each_view_from_what_it_needs_is_the_whole_view() {
    let partial = each_view_is_the_whole_view(
        catalogue(),
        &[
            ("/compare", "classes=102A,102C"),
            ("/compare", "classes=102C,103D"),
            ("/compare", "classes=102D@2019,102D"),
            (
                "/planner",
                "class=102C&years=5&in-class=2&education=associate",
            ),
            ("/planner", "class=103D&years=3"),
            (
                "/planner",
                "class=102a&years=12&in-class=3&education=graduate",
            ),
        ],
    );
    // At real size every comparison lists every class (PICKER_LISTS_UP_TO), and the home series
    // names the other: nothing needs less than the whole. The catalogue below does.
    assert_eq!(partial, 0);
}

/// The synthetic catalogue of many series, with one cross-series route of its own: a class of
/// the last series asks years in a class of the second-to-last, which names no other series.
fn many_series() -> Catalogue {
    let real = catalogue();
    let mut made = class_spec_data::synthetic(real, 90);
    let series = made.series.to_vec();
    let (from, to) = (&series[series.len() - 1], &series[series.len() - 2]);
    let (from, to) = (from.ladder[0].clone(), to.ladder[0].clone());
    let mut classes = made.classes.to_vec();
    let class = classes
        .iter_mut()
        .find(|c| c.code == from)
        .expect("a class");
    let mut versions = class.versions.to_vec();
    versions[0].qualifications = Qualifications::Routes(Cow::Owned(vec![QualificationRoute {
        requirement: Requirement::YearsInClass {
            class: to,
            years: 2,
        },
        basis: Basis::Stated,
    }]));
    class.versions = versions.into();
    made.classes = classes.into();
    made
}

#[test]
fn each_view_from_what_it_needs_is_the_whole_view_in_many_series() {
    let made = many_series();
    let last = made.series.last().expect("a series");
    let code = |s: &class_spec_core::Series| s.ladder[0].to_string();
    let before = &made.series[made.series.len() - 2];
    let (a, b) = (code(last), code(before));
    let third = code(&made.series[made.series.len() - 3]);
    let compares = [
        format!("classes={a},{third}"),
        format!("classes={third},S0001"),
    ];
    let plans = [
        format!("class={a}&years=3&in-class=2&education=bachelor"),
        format!("class={b}&years=1"),
        "class=S0002&years=4&in-class=1".to_owned(),
    ];
    let series_of_last = format!("/series/{}", last.id);
    let path_of_last = format!("/series/{}/path", last.id);
    let class_a = format!("/class/{a}");
    let mut samples: Vec<(&str, &str)> = vec![
        (series_of_last.as_str(), ""),
        (path_of_last.as_str(), ""),
        (class_a.as_str(), ""),
    ];
    samples.extend(compares.iter().map(|q| ("/compare", q.as_str())));
    samples.extend(plans.iter().map(|q| ("/planner", q.as_str())));
    let partial = each_view_is_the_whole_view(&made, &samples);
    assert!(
        partial >= 8,
        "only {partial} addresses needed part of the catalogue"
    );
}

#[test]
fn a_plan_needs_its_series_the_home_series_and_what_they_name() {
    let made = many_series();
    let files = data_files(&made);
    let index = Index::decode(&files[0].bytes).expect("decodes");
    let last = made.series.last().expect("a series");
    let ids = |path: &str, search: &str| -> Vec<String> {
        needs(&index, Route::parse(path, search).as_ref())
            .into_iter()
            .map(|at| index.series[at].id.to_string())
            .collect()
    };
    let named = &made.series[made.series.len() - 2].id;
    let plan = ids("/planner", &format!("class={}", last.ladder[0]));
    assert_eq!(plan, ["css", "csm", named.as_ref(), last.id.as_ref()]);
    assert_eq!(ids("/compare", "classes=S0001,S0002"), ["css", "csm"]);
    assert_eq!(ids("/compare", "").len(), made.series.len());
    assert_eq!(ids("/nowhere", "").len(), made.series.len());
}
