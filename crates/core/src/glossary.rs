//! The glossary: the words of the trade the views use (close supervision, journey level, …),
//! each defined in our own words, with its source where one defines it (`data/glossary.toml`),
//! and the one rule that says which terms a text shows, so that every view can offer the
//! definitions of exactly the terms it uses.

use std::borrow::Cow;

// Cow itself, not the model's `Text` and `List` (the same types): the model holds the glossary,
// so naming the model here would make an import circle.
type Text = Cow<'static, str>;
type List<T> = Cow<'static, [T]>;

/// One word of the trade.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// Its anchor on the glossary page (`journey-level`: `/glossary#journey-level`).
    pub id: Text,
    /// "Journey level".
    pub name: Text,
    /// The words and phrases that count as this term in a text, as [`words`] writes them
    /// (`journey level` also finds "journey-level").
    pub forms: List<Text>,
    /// In our own words, never a source's.
    pub definition: Text,
    /// Where a definition of it was found; `None`: no official definition was found, and the
    /// definition says how the official texts use the word.
    pub source: Option<TermSource>,
}

/// A page that defines a term (the definition shown is ours, not the page's).
#[derive(Clone, Debug, PartialEq)]
pub struct TermSource {
    /// "Washington Administrative Code 357-01-075".
    pub name: Text,
    pub url: Text,
    /// What kind of page it is when it is not a state-wide rule ("a university's page").
    pub note: Option<Text>,
}

impl Term {
    /// Whether `text`, as [`words`] writes it, shows this term.
    pub fn appears_in(&self, text: &str) -> bool {
        self.forms
            .iter()
            .any(|form| text.contains(&format!(" {} ", words(form).trim())))
    }
}

/// `text` as the glossary compares it: lower case, every run of characters that are not
/// letters or digits one space, with a space at each end, so that a form is found only as
/// whole words ("lead" not in "leadership") and punctuation, hyphens or a line break between
/// its words change nothing. ASCII letters and digits only: the terms are English words, and
/// Unicode's case and letter tables cost the engine's modules kilobytes (measured with
/// `char::is_alphanumeric` and `to_lowercase`: a shared comparison's first load 6.9 KB brotli
/// more, `node tests/bench/size.mjs dist`).
pub fn words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// The terms of `glossary` that `text` (already [`words`]) shows, in the glossary's order.
pub fn terms_in<'a>(glossary: &'a [Term], text: &str) -> Vec<&'a Term> {
    glossary
        .iter()
        .filter(|term| term.appears_in(text))
        .collect()
}

/// The words a reader sees in `html`, markup written by the core's own `Markup` (so well
/// formed, with `<` and `>` escaped inside values): tags and character references become
/// spaces, which is all [`words`] needs (it reads punctuation as a space anyway). Not a
/// parser: it reads nothing but the core's own output.
pub fn html_words(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut chars = html.chars();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                for c in chars.by_ref() {
                    if c == '>' {
                        break;
                    }
                }
                text.push(' ');
            }
            '&' => {
                for c in chars.by_ref() {
                    if c == ';' {
                        break;
                    }
                }
                text.push(' ');
            }
            c => text.push(c),
        }
    }
    words(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(id: &'static str, forms: &'static [&'static str]) -> Term {
        Term {
            id: Cow::Borrowed(id),
            name: Cow::Borrowed(id),
            forms: forms.iter().map(|f| Cow::Borrowed(*f)).collect(),
            definition: Cow::Borrowed(""),
            source: None,
        }
    }

    #[test]
    fn a_term_is_found_as_whole_words_whatever_the_punctuation() {
        let journey = term("journey-level", &["journey level"]);
        let lead = term("lead", &["lead", "leads"]);
        assert!(journey.appears_in(&words("The Journey-level worker")));
        assert!(journey.appears_in(&words("at the journey\nlevel.")));
        assert!(!journey.appears_in(&words("a journey leveller")));
        assert!(lead.appears_in(&words("Trains, leads and mentors")));
        assert!(lead.appears_in(&words("Lead")));
        assert!(!lead.appears_in(&words("provides leadership; misleads")));
    }

    #[test]
    fn reads_the_words_of_markup_not_its_tags() {
        let text = html_words(
            "<p class=\"lead supervision\">Under <strong>close</strong> supervision &amp; more</p>",
        );
        assert_eq!(text, " under close supervision more ");
        let glossary = [
            term("close", &["close supervision"]),
            term("lead", &["lead"]),
        ];
        let found: Vec<&str> = terms_in(&glossary, &text)
            .iter()
            .map(|t| t.id.as_ref())
            .collect();
        assert_eq!(found, ["close"], "a class name is not text");
    }
}
