//! Reads the human-edited data files (TOML, one per class version), checks them, and bakes
//! them into Rust source for the app. Used at build time, by the importer and by tests;
//! never compiled into the browser bundle.

pub mod bake;
pub mod error;
pub mod load;
pub mod schema;
pub mod synthetic;

pub use bake::bake;
pub use error::DataError;
pub use load::{load_dir, load_for_build, parse_version, scan_dir, Loaded, Scan};
pub use synthetic::synthetic;
