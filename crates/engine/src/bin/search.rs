//! The engine module of the `/search` page (`class-spec-engine-search`): only the views at
//! `/search` ([`class_spec_engine::Views::Search`]), so the page's first load carries no other view's
//! code. (Natively this binary does nothing.)

class_spec_engine::export_document!(Search);

fn main() {}
