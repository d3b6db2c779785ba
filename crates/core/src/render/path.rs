//! The career path view: the home series' path (`/path`) and any series' own
//! (`/series/{id}/path`), each the series' drawing (`path_drawing`) under a heading and a lede.

use super::path_drawing::series_drawing;
use crate::markup::Markup;
use crate::model::{Catalogue, Series};

/// The career path view of the home series.
pub(super) fn path_page(catalogue: &Catalogue) -> String {
    if let Some(series) = catalogue.home_series() {
        series_path(catalogue, series)
    } else {
        let mut m = Markup::new();
        m.leaf("h1", &[], "Career path");
        m.leaf("p", &[], "The data holds no class series to draw.");
        m.finish()
    }
}

/// A series' own career path (`/series/ewi/path`).
pub(super) fn series_path_page(catalogue: &Catalogue, id: &str) -> Option<super::view::Page> {
    let series = catalogue.series_by_id(Some(id))?;
    Some(super::view::Page {
        title: format!("Career path: {} series", series.title),
        html: series_path(catalogue, series),
    })
}

fn series_path(catalogue: &Catalogue, series: &Series) -> String {
    let mut m = Markup::new();
    m.el("div", &[("class", "path-page")], |m| {
        m.leaf("h1", &[], "Career path");
        let title = &series.title;
        m.leaf(
            "p",
            &[("class", "lede")],
            &format!(
                "The {title} series as a path, lowest level at the bottom: each step says what it asks, from the data, and the box at the bottom is the way in from outside the series. Select a class to open it; the planner checks which levels your own experience reaches."
            ),
        );
        series_drawing(m, catalogue, series, None);
    });
    m.finish()
}
