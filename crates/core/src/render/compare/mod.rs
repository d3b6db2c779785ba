//! The compare view: the comparison an address names (`table`), or why it cannot be shown;
//! the picker to choose another (`picker`); and the ready-made comparisons.

mod picker;
mod table;

pub use picker::{picker_codes_field, picker_problem, picker_status};
pub use table::compare;

use picker::{picker_form, picker_groups};

use super::parts::link_marked;
use super::view::Page;
use crate::compare::{resolve, suggestions, Column};
use crate::markup::Markup;
use crate::model::{Catalogue, Series};
use crate::route::{Pick, Route};

/// A comparison that resolves: its spreadsheet download, then the comparison.
fn resolved(m: &mut Markup, catalogue: &Catalogue, columns: &[Column<'_>], kiosk: bool) {
    let picks = columns.iter().map(Column::pick).collect();
    super::parts::csv_button(m, &Route::Compare { picks }, kiosk);
    m.el("div", &[("class", "compare-result")], |m| {
        m.rendered(&compare(catalogue, columns));
    });
}

/// The compare view: the comparison the address names (or why it cannot be shown), the picker
/// and the ready-made comparisons.
pub fn compare_page(catalogue: &Catalogue, picks: &[Pick], kiosk: bool) -> Page {
    let result = resolve(catalogue, picks);
    let title = match &result {
        Ok(columns) => format!(
            "Compare {}",
            columns
                .iter()
                .map(|c| c.class.code_marked().plain())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Err(_) => "Compare classes".to_owned(),
    };
    let checked: Vec<Pick> = match &result {
        Ok(columns) => columns.iter().map(Column::pick).collect(),
        Err(_) => picks.to_vec(),
    };
    let mut m = Markup::new();
    m.el("div", &[("class", "compare-page")], |m| {
        m.leaf("h1", &[], "Compare classes");
        m.leaf(
            "p",
            &[("class", "lede")],
            "Two to four classes side by side, or two versions of one class: the deciding factors first, then every section, with what changes from each column to the next marked.",
        );
        match &result {
            Ok(columns) => resolved(m, catalogue, columns, kiosk),
            Err(errors) if !picks.is_empty() => {
                m.el(
                    "div",
                    &[("class", "notice notice--error"), ("role", "alert")],
                    |m| {
                        m.leaf("p", &[], "This comparison cannot be shown:");
                        m.el("ul", &[], |m| {
                            for e in errors {
                                m.leaf("li", &[], &e.to_string());
                            }
                        });
                    },
                );
            }
            Err(_) => {}
        }
        picker_form(m, catalogue, &checked, result.is_err());
        quick_picks(m, catalogue, &checked);
    });
    Page {
        title,
        html: m.finish(),
    }
}

/// The ready-made comparisons of the series the picker lists.
fn quick_picks(m: &mut Markup, catalogue: &Catalogue, checked: &[Pick]) {
    let listed: Vec<&Series> = picker_groups(catalogue, checked)
        .into_iter()
        .map(|(series, _)| series)
        .collect();
    m.el(
        "nav",
        &[
            ("class", "quick-picks"),
            ("aria-labelledby", "quick-heading"),
        ],
        |m| {
            m.leaf("h2", &[("id", "quick-heading")], "Ready-made comparisons");
            m.el("ul", &[], |m| {
                for (text, route) in suggestions(catalogue, &listed) {
                    m.el("li", &[], |m| {
                        link_marked(m, &route, &text);
                    });
                }
            });
        },
    );
}
