//! Reads the human-edited data files (TOML, one per class version), checks them, and bakes
//! them into Rust source for the app. Used at build time, by the importer and by tests;
//! never compiled into the browser bundle.

pub mod bake;
pub mod error;
pub mod load;
pub mod reword;
pub mod schema;
pub mod source_url;
pub mod synthetic;

pub use bake::bake;
pub use error::DataError;
pub use load::{
    data_dir_for_build, is_identifier, is_source_url, load_dir, load_for_build, load_with,
    parse_version, scan_dir, scan_with, ClassFile, Folder, Loaded, ParsedSeries, Scan, DATA_DIR,
};
pub use source_url::source_url_problem;
pub use synthetic::{synthetic, tall_series};
