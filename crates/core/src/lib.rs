//! The pure core of Class Spec Explorer: the domain model, catalogue queries and the app's
//! addresses. No leptos, no web-sys and no data parser: its only dependencies are the URL
//! standard's two small readers of addresses (`percent-encoding`, `form_urlencoded`), so every
//! rule here is tested natively and the browser bundle pays only for what it uses.

pub mod address;
pub mod catalogue;
pub mod class_filter;
pub mod compare;
pub mod contract;
pub mod data_files;
pub mod date;
pub mod describe;
pub mod echo;
pub mod glossary;
pub mod levels;
pub mod marked;
pub mod markup;
pub mod model;
#[cfg(feature = "open-data")]
pub mod open_data;
pub mod path_layout;
pub mod planner;
pub mod render;
pub mod route;
pub mod search;
pub mod sheet;
pub mod sort;

pub use catalogue::{LadderRung, SeriesView};
pub use date::Date;
pub use marked::{Marked, Part};
pub use model::*;
pub use route::{Pick, Route};
