//! The open data the build publishes under /data/v1/ (`class_spec_core::open_data`, written by
//! `class-spec-open-data`): every file is checked against the published JSON Schema, read back
//! into the same Rust types, and the table read back as CSV; official text survives byte for
//! byte.
//!
//! Mutations tried, each failing a test here: `source` left out of every value
//! (`#[serde(skip_serializing)]` on `Value::source`: the schema check and the read-back fail);
//! the classes sheet written one row short (`columns.pop()` in `classes_sheet`: the table's
//! test fails). The schema's own teeth are tested on files broken on purpose, below.

use std::path::PathBuf;

use class_spec_core::open_data::{self, File, Index, SeriesFile, INDEX_FORMAT, SERIES_FORMAT};
use class_spec_core::SectionContent;
use class_spec_engine::catalogue;
use serde_json::Value;

fn files() -> Vec<File> {
    open_data::files(catalogue())
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(open_data::SCHEMA).expect("the schema is JSON");
    assert!(
        jsonschema::meta::is_valid(&schema),
        "the schema is a valid JSON Schema"
    );
    jsonschema::validator_for(&schema).expect("the schema compiles")
}

type Mutation = fn(&mut Value);

fn problems(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn json_files() -> Vec<(String, Value)> {
    files()
        .into_iter()
        .filter(|f| f.path != open_data::SCHEMA_FILE && f.path != open_data::CLASSES_CSV)
        .map(|f| {
            let value = serde_json::from_str(&f.text)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", f.path));
            (f.path, value)
        })
        .collect()
}

#[test]
fn every_published_file_is_there_and_valid_against_the_schema() {
    let validator = validator();
    let paths: Vec<String> = files().into_iter().map(|f| f.path).collect();
    let mut expected = vec!["catalogue.json".to_owned()];
    expected.extend(
        catalogue()
            .series
            .iter()
            .map(|s| format!("series/{}.json", s.id)),
    );
    expected.extend(["schema.json".to_owned(), "classes.csv".to_owned()]);
    assert_eq!(paths, expected);
    for (path, value) in json_files() {
        let problems = problems(&validator, &value);
        assert!(problems.is_empty(), "{path}: {problems:#?}");
        let format = if path == "catalogue.json" {
            INDEX_FORMAT
        } else {
            SERIES_FORMAT
        };
        assert_eq!(value["format"], format, "{path}");
    }
}

/// Each change takes away something the schema promises; each must be refused.
#[test]
fn the_schema_refuses_a_file_that_breaks_its_promises() {
    let validator = validator();
    let series = json_files()
        .into_iter()
        .find(|(path, _)| path == "series/css.json")
        .expect("the css series")
        .1;
    let index = json_files()
        .into_iter()
        .find(|(path, _)| path == "catalogue.json")
        .expect("the index")
        .1;
    let series_mutations: [(&str, Mutation); 8] = [
        ("a value without its source", |v| {
            v["classes"][0]["code"]
                .as_object_mut()
                .unwrap()
                .remove("source");
        }),
        ("a version without its official page", |v| {
            v["classes"][0]["versions"][0]
                .as_object_mut()
                .unwrap()
                .remove("official_page");
        }),
        ("no notice", |v| {
            v.as_object_mut().unwrap().remove("notice");
        }),
        ("a gap with a value", |v| {
            v["classes"][3]["versions"][1]["supervision"]["value"] = "Invented".into();
        }),
        ("an estimate without why", |v| {
            v["classes"][3]["versions"][1]["effective"]
                .as_object_mut()
                .unwrap()
                .remove("why");
        }),
        ("facts read on a page without the date it was read", |v| {
            v["classes"][3]["versions"][1]
                .as_object_mut()
                .unwrap()
                .remove("read");
        }),
        ("an unknown source kind", |v| {
            v["classes"][0]["title"]["source"] = "official-ish".into();
        }),
        ("official text missing from an official section", |v| {
            let sections = v["classes"][3]["versions"][0]["sections"]
                .as_array_mut()
                .unwrap();
            let official = sections
                .iter_mut()
                .find(|s| s["source"] == "official")
                .unwrap();
            official.as_object_mut().unwrap().remove("text");
        }),
    ];
    // The mutations name what they break: check each index is what it is said to be.
    assert!(series["classes"][3]["versions"][1]["supervision"]["value"].is_null());
    assert_eq!(series["classes"][3]["versions"][1]["facts_read_on"], "page");
    for (what, mutate) in series_mutations {
        let mut broken = series.clone();
        mutate(&mut broken);
        assert!(!validator.is_valid(&broken), "accepted {what}");
    }
    let mut broken = index.clone();
    broken["series"][0].as_object_mut().unwrap().remove("file");
    assert!(
        !validator.is_valid(&broken),
        "accepted a series without its file"
    );
}

#[test]
fn the_files_read_back_into_the_same_types_and_bytes() {
    let files = files();
    let index: Index = serde_json::from_str(&files[0].text).expect("the index reads back");
    assert_eq!(index, open_data::index(catalogue()));
    for (series, classes) in catalogue().classes_by_series() {
        let file = files
            .iter()
            .find(|f| f.path == format!("series/{}.json", series.id))
            .expect("a file per series");
        let read: SeriesFile = serde_json::from_str(&file.text).expect("a series reads back");
        assert_eq!(read, open_data::series_file(catalogue(), series, &classes));
        let mut again = serde_json::to_string_pretty(&read).unwrap();
        again.push('\n');
        assert_eq!(again, file.text, "the same value gives the same bytes");
        let listed = index.series.iter().find(|s| s.id == series.id).unwrap();
        assert_eq!(listed.file, open_data::series_address(&series.id));
    }
    assert_eq!(
        files,
        open_data::files(catalogue()),
        "the same catalogue, the same files"
    );
}

fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn official_text_is_the_seeds_byte_for_byte() {
    let seeds: Vec<String> = std::fs::read_dir(project().join("data/seeds"))
        .expect("data/seeds")
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let held: usize = catalogue()
        .classes
        .iter()
        .flat_map(|c| c.versions.iter())
        .flat_map(|v| v.sections.iter())
        .filter(|s| matches!(s.content, SectionContent::Official(_)))
        .count();
    let mut published = 0;
    for (path, file) in json_files()
        .into_iter()
        .filter(|(p, _)| p.starts_with("series/"))
    {
        let read: SeriesFile = serde_json::from_value(file).unwrap();
        for section in read
            .classes
            .iter()
            .flat_map(|c| c.versions.iter())
            .flat_map(|v| v.sections.iter())
            .filter(|s| s.text.is_some())
        {
            let text = section.text.as_deref().unwrap();
            assert!(
                seeds.iter().any(|seed| seed.contains(text)),
                "{path}: {} is not a seed's text",
                section.id
            );
            published += 1;
        }
    }
    assert!(held > 0);
    assert_eq!(published, held, "every official section is published, once");
}

#[test]
fn the_table_reads_back_with_one_row_per_class_version() {
    let file = files()
        .into_iter()
        .find(|f| f.path == open_data::CLASSES_CSV)
        .expect("classes.csv");
    let mut reader = csv::Reader::from_reader(file.text.as_bytes());
    let header = reader.headers().expect("a header").clone();
    assert_eq!(
        &header[0], "Series",
        "the byte-order mark is not part of the first name"
    );
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("RFC 4180 records");
    let mut expected: Vec<(String, String)> = Vec::new();
    for (_, classes) in catalogue().classes_by_series() {
        for class in classes {
            for version in class.versions.iter() {
                expected.push((class.code.to_string(), version.source_url.to_string()));
            }
        }
    }
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (code, page) = (column("Class code"), column("Official page"));
    let got: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r[code].trim_end_matches('*').to_owned(), r[page].to_owned()))
        .collect();
    assert_eq!(got, expected, "one row per class version, in ladder order");
    for row in &rows {
        assert_eq!(row.len(), header.len());
        assert_eq!(
            &row[column("Series file")],
            &open_data::series_address(&row[0])
        );
        for field in row {
            assert!(
                !field.starts_with(['=', '+', '-', '@']),
                "a formula: {field}"
            );
        }
    }
}
