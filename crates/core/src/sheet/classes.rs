//! Every class version of the catalogue as one flat table, one row each: the open data's
//! `classes.csv` (issue 24, item 2). The cells are the comparison sheet's own (the same
//! [`Writer`], so the same values, marks, kinds and notes), turned so that each version is a
//! row rather than a column; written by [`Sheet::to_csv`], so no cell starts a formula.

use super::{Kind, Sheet, Writer};
use crate::compare::{Column, Factor};
use crate::model::Catalogue;

/// The table's columns before the values: the series and where its file is.
pub const LEAD: [&str; 2] = ["Series", "Series file"];
/// The table's columns after the values.
pub const TAIL: [&str; 4] = ["Official page", "Facts read on", "Copy read on", "Notes"];

/// One row per class version, series by series in ladder order, each class's versions newest
/// first: the series, its file (`series_file(id)`), each item's value and source kind (class,
/// class code, version, then the deciding factors), the official page, where the version's
/// facts were read, when the copy was read, and the notes (why a value is estimated, what is
/// known of a gap), each naming its item.
pub fn classes_sheet(catalogue: &Catalogue, series_file: impl Fn(&str) -> String) -> Sheet {
    let groups = catalogue.classes_by_series();
    let columns: Vec<(&str, Column<'_>)> = groups
        .iter()
        .flat_map(|(series, classes)| {
            classes.iter().flat_map(move |&class| {
                class
                    .versions
                    .iter()
                    .map(move |version| (series.id.as_ref(), Column { class, version }))
            })
        })
        .collect();
    let mut w = Writer::new(catalogue, columns.iter().map(|(_, c)| c).collect(), true);
    // A note names its column by its heading; two versions may read alike, so here each
    // column's heading is its number, to give every note to its own row.
    w.headings = (0..columns.len()).map(|i| i.to_string()).collect();
    w.identity();
    for factor in Factor::ALL {
        w.factor(factor);
    }
    let mut header: Vec<String> = LEAD.map(str::to_owned).to_vec();
    for row in &w.values {
        header.push(row[0].clone());
        header.push(format!("{}: source", row[0]));
    }
    header.extend(TAIL.map(str::to_owned));
    let mut rows = vec![header];
    for (i, (series, column)) in columns.iter().enumerate() {
        let mut row = vec![(*series).to_owned(), series_file(series)];
        for values in &w.values {
            row.push(values[1 + 2 * i].clone());
            row.push(values[2 + 2 * i].clone());
        }
        let notes: Vec<String> = w
            .notes
            .iter()
            .filter(|note| note[1] == w.headings[i])
            .map(|note| format!("{}: {}", note[0], note[2]))
            .collect();
        row.extend([
            column.version.source_url.to_string(),
            Kind::of(column.version.source()).label().to_owned(),
            column
                .version
                .read
                .map_or(String::new(), crate::date::Date::iso),
            notes.join("\n"),
        ]);
        rows.push(row);
    }
    Sheet {
        file_name: "classes.csv".to_owned(),
        rows,
    }
}
