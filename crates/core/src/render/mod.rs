//! The read-only content of the views as HTML, one module per view, with `page` choosing the
//! view for an address. Facts always carry how they are known; gaps always say so.
//!
//! Dependencies run one way: `page` uses the view modules; the view modules use `parts` (the
//! pieces they share) and `view` (what they return), never `page` or each other's pages.

mod class;
mod compare;
mod embed;
mod home;
mod not_found;
mod page;
mod parts;
mod path;
mod planner;
mod search;
mod start;
mod view;

pub use class::class_version;
pub use compare::{compare, compare_picker, picker_problem, picker_status};
pub use embed::snippet;
pub use home::home;
pub use not_found::not_found;
pub use page::{page, page_at};
pub use path::{path_page, short_title, standalone_svg, Standing};
pub use planner::planner_page;
pub use search::search_page;
pub use start::start_document;
pub use view::{Page, Setting};

/// Whether `html` is free of the nesting an HTML parser would silently repair: block content
/// inside a paragraph (the parser closes the `<p>` early and the content escapes its line).
///
/// # Errors
/// The first paragraph holding block content, or one never closed.
pub fn paragraphs_hold_only_phrasing(html: &str) -> Result<(), String> {
    const BLOCKS: [&str; 9] = [
        "<p ", "<p>", "<div", "<details", "<ul", "<ol", "<dl", "<section", "<h",
    ];
    let mut rest = html;
    while let Some(start) = rest.find("<p") {
        let after = &rest[start + 2..];
        if !after.starts_with(['>', ' ']) {
            rest = after;
            continue;
        }
        let end = after.find("</p>").ok_or("a <p> is never closed")?;
        let inside = &after[..end];
        if let Some(block) = BLOCKS.iter().find(|b| inside.contains(*b)) {
            return Err(format!(
                "{block} inside <p>: <p{}",
                &inside[..inside.len().min(120)]
            ));
        }
        rest = &after[end..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nesting_check_catches_block_content_in_a_paragraph() {
        assert!(
            paragraphs_hold_only_phrasing("<p>a <details><summary>x</summary></details></p>")
                .is_err()
        );
        assert!(paragraphs_hold_only_phrasing(
            "<p>a <span>b</span></p><div><details></details></div>"
        )
        .is_ok());
    }
}
