//! The engine module of the `/planner` page (`class-spec-engine-planner`): only the views at
//! `/planner` ([`class_spec_engine::Views::Planner`]), so the page's first load carries no other view's
//! code. (Natively this binary does nothing.)

class_spec_engine::export_document!(Planner);

fn main() {}
