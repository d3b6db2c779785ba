//! The engine module of the `/compare` page (`class-spec-engine-compare`): only the views at
//! `/compare` ([`class_spec_engine::Views::Compare`]), so the page's first load carries no other view's
//! code. (Natively this binary does nothing.)

class_spec_engine::export_document!(Compare);

fn main() {}
