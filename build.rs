//! Bakes the start view into the shell: the home page's HTML and the data's date, rendered at
//! build time by the same core functions the engine uses. The shell then shows its first view
//! without the engine module, and carries no class text. (The data's checks run here too: a
//! malformed file stops the build with its file, line and column.)

use std::path::Path;

fn main() {
    let root =
        class_spec_data::data_dir_for_build(Path::new(env!("CARGO_MANIFEST_DIR")).join("data"));
    let loaded = class_spec_data::load_for_build(&root);
    let catalogue = &loaded.catalogue;
    let home = class_spec_core::render::page(catalogue, Some(&class_spec_core::Route::Home));
    let as_of = catalogue.data_as_of_words();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("start.rs");
    std::fs::write(
        &out,
        format!(
            "/// The start view, rendered at build time.\npub const HOME_HTML: &str = {:?};\n\
             /// What the footer says after Data as of: the newest effective date, when the data was checked, how much is official.\npub const DATA_AS_OF: Option<&str> = {:?};\n",
            home.html, as_of
        ),
    )
    .expect("write the baked start view");
}
