//! The read-only content of the views as HTML, one module per view, with `page` choosing the
//! view for an address. Facts always carry how they are known; gaps always say so.
//!
//! Dependencies run one way: `page` uses the view modules (the one module that knows them
//! all); a view uses its own parts (`class::versions`), the pieces views share (`parts`, `key`,
//! `path_drawing`: the career path drawing the path page and a plan both show) and `view` (what
//! it returns, and `NotFound`, what it could not find, which `page` draws as the not-found
//! view), never `page` nor another view. `start` (the chrome a page is written in) and
//! `take_away` (its share control) are no views. Held by `crates/core/tests/no_import_circle.rs`.

mod class;
mod classes;
mod compare;
mod embed;
mod glossary;
mod home;
mod key;
mod levels;
mod not_found;
mod page;
mod parts;
mod path;
mod path_drawing;
mod planner;
mod search;
mod start;
mod take_away;
mod view;

pub use class::class_version;
pub use compare::{compare, compare_page, picker_codes_field, picker_problem, picker_status};
pub use glossary::with_terms;
pub use key::with_key;
pub use levels::levels_page;
pub use page::{page, page_at, unknown_page};
pub use path_drawing::standalone_svg;
pub use planner::planner_page;
pub use search::search_page;
pub use start::{embed_link, start_document};
pub use take_away::{readable_address, shared_href, COPIED, READABLE_LIMIT, REFUSED};
pub use view::{Page, Setting};
