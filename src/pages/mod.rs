//! One file per view; the route table in `lib.rs` names them.

mod class;
mod compare;
mod home;
mod not_found;

pub use class::ClassPage;
pub use compare::ComparePage;
pub use home::HomePage;
pub use not_found::{NotFound, NotFoundView};
