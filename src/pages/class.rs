use class_spec_core::{render, ClassSpec, ClassVersion};
use leptos::prelude::*;

use crate::components::use_page_title;
use crate::pages::NotFoundView;
use crate::Data;

/// What an address resolves to.
#[derive(Clone, Copy)]
enum Lookup {
    Found(&'static ClassSpec, &'static ClassVersion),
    UnknownClass,
    UnknownVersion(&'static ClassSpec),
}

/// One class version, every section with its provenance, and a switch between versions; or a
/// helpful not-found view for an unknown class or version.
#[component]
pub fn ClassPage(
    /// The class code from the address, as typed (`102d` finds `102D`).
    code: String,
    /// The version id from the address; `None` for the newest.
    version: Option<String>,
) -> impl IntoView {
    let Data(catalogue) = expect_context::<Data>();
    let lookup = match catalogue.class(&code) {
        None => Lookup::UnknownClass,
        Some(class) => class
            .version(version.as_deref())
            .map_or(Lookup::UnknownVersion(class), |v| Lookup::Found(class, v)),
    };
    match lookup {
        Lookup::Found(class, shown) => {
            use_page_title(move || {
                if class.is_superseded(shown) {
                    format!("{} ({})", class.title, shown.label)
                } else {
                    class.title.to_string()
                }
            });
            view! {
                <article class="class-page" inner_html=render::class_version(catalogue, class, shown)></article>
            }
            .into_any()
        }
        Lookup::UnknownClass => view! {
            <NotFoundView
                heading=format!("No class with the code {code}")
                message="The data holds no class with this code. Check the code, or choose one of the classes below."
                    .to_owned()
            />
        }
        .into_any(),
        Lookup::UnknownVersion(class) => view! {
            <NotFoundView
                heading=format!("{} has no version {}", class.title, version.unwrap_or_default())
                message=format!(
                    "The data holds these versions of {}: {}. Open the class to switch between them.",
                    class.title,
                    class.versions.iter().map(|v| v.label.as_ref()).collect::<Vec<_>>().join(", "),
                )
            />
        }
        .into_any(),
    }
}
