//! What the data crate's tests share.

use std::path::Path;

use class_spec_core::Catalogue;

/// The catalogue of the project's own data folder, loaded as the build loads it (it must pass
/// the build's checks).
pub fn catalogue() -> Catalogue {
    class_spec_data::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data"))
        .expect("valid")
        .catalogue
}
