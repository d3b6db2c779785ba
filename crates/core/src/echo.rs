//! What a view repeats of its own address ("No class with the code …", "Nothing holds “…”",
//! a field's value): the one rule for every such echo, so that an address can neither fill a
//! page (an address can hold megabytes) nor say something it does not say.
//!
//! The rule: at most [`LIMIT`] characters, then "…"; a character that shows nothing or
//! reorders the text around it (controls, bidirectional overrides and isolates, zero-width
//! characters) is written as a visible `[U+XXXX]`. Never dropped: `/class/102D%00` must not
//! read "No class with the code 102D", which would claim 102D does not exist.

use std::fmt::Write as _;

/// The most characters an echo holds before its ellipsis (also the most a search reads).
pub const LIMIT: usize = 200;

/// `text` as a view may repeat it (see the module's rule).
pub fn echo(text: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for c in text.chars() {
        let before = out.len();
        if is_hidden(c) {
            let _ = write!(out, "[U+{:04X}]", u32::from(c));
        } else {
            out.push(c);
        }
        // An escape is ASCII, so its bytes are its characters; it is never cut in half.
        let width = if is_hidden(c) { out.len() - before } else { 1 };
        if count + width > LIMIT {
            out.truncate(before);
            out.push('…');
            return out;
        }
        count += width;
    }
    out
}

/// Whether `c` shows nothing or changes how the text around it is shown: the control
/// characters (C0, DEL, C1), the bidirectional marks, embeddings, overrides and isolates,
/// the zero-width and invisible format characters, and the line and paragraph separators.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1F}'
            | '\u{7F}'..='\u{9F}'
            | '\u{AD}'
            | '\u{61C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_are_repeated_as_typed() {
        assert_eq!(echo("102D"), "102D");
        assert_eq!(echo("Specialist 4 «ü»"), "Specialist 4 «ü»");
        assert_eq!(echo(""), "");
    }

    #[test]
    fn what_shows_nothing_is_shown_and_kept() {
        assert_eq!(echo("102D\u{0}"), "102D[U+0000]");
        assert_eq!(echo("a\nb\tc"), "a[U+000A]b[U+0009]c");
        assert_eq!(echo("\u{202E}fdp.exe"), "[U+202E]fdp.exe");
        assert_eq!(echo("x\u{2066}y\u{2069}"), "x[U+2066]y[U+2069]");
        assert_eq!(echo("102\u{200B}D\u{FEFF}"), "102[U+200B]D[U+FEFF]");
        assert_eq!(echo("\u{85}\u{E0041}"), "[U+0085][U+E0041]");
    }

    #[test]
    fn a_long_text_is_cut_with_an_ellipsis() {
        assert_eq!(
            echo(&"x".repeat(LIMIT)),
            "x".repeat(LIMIT),
            "exactly the limit"
        );
        let cut = echo(&"ж".repeat(LIMIT + 1));
        assert_eq!(cut, format!("{}…", "ж".repeat(LIMIT)));
        assert_eq!(echo(&"y".repeat(1_500_000)).chars().count(), LIMIT + 1);
    }

    #[test]
    fn an_escape_counts_in_full_and_is_never_cut_in_half() {
        let text = format!("{}\u{0}", "x".repeat(LIMIT - 4));
        assert_eq!(echo(&text), format!("{}…", "x".repeat(LIMIT - 4)));
        let text = format!("{}\u{0}", "x".repeat(LIMIT - 8));
        assert_eq!(echo(&text), format!("{}[U+0000]", "x".repeat(LIMIT - 8)));
        let many = echo(&"\u{202E}".repeat(1_000));
        assert_eq!(many.chars().count(), LIMIT / 8 * 8 + 1);
        assert!(!many.contains('\u{202E}'));
    }
}
