//! `data/glossary.toml` read and checked: every problem with its file, line and column, like
//! every other data file.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

use class_spec_core::glossary::{words, Term, TermSource};
use toml::Spanned;

use super::check::{is_identifier, is_source_url};
use crate::error::{DataError, Source};
use crate::schema::{GlossaryFile, TermToml};

/// The glossary in `text` (the file at `path`), or every problem found in it.
pub(super) fn parse_glossary(path: &Path, text: &str) -> Result<Vec<Term>, Vec<DataError>> {
    let source = Source { path, text };
    let file: GlossaryFile = toml::from_str(text).map_err(|e| {
        vec![source.error_at(e.span().unwrap_or(0..0), e.message().trim().to_owned())]
    })?;
    let mut errors = Vec::new();
    let mut error = |at: std::ops::Range<usize>, message: String| {
        errors.push(source.error_at(at, message));
    };
    let mut ids = HashSet::new();
    let mut terms = Vec::new();
    for term in file.terms {
        check_term(&term, &mut ids, &mut error);
        terms.push(Term {
            id: Cow::Owned(term.id.into_inner()),
            name: Cow::Owned(term.name.into_inner().trim().to_owned()),
            forms: term
                .forms
                .into_inner()
                .into_iter()
                .map(|form| Cow::Owned(form.into_inner()))
                .collect(),
            definition: Cow::Owned(term.definition.into_inner().trim().to_owned()),
            source: term.source.map(|name| TermSource {
                name: Cow::Owned(name.into_inner()),
                url: Cow::Owned(term.source_url.map(Spanned::into_inner).unwrap_or_default()),
                note: term.source_note.map(|note| Cow::Owned(note.into_inner())),
            }),
        });
    }
    if errors.is_empty() {
        Ok(terms)
    } else {
        Err(errors)
    }
}

fn check_term(
    term: &TermToml,
    ids: &mut HashSet<String>,
    error: &mut impl FnMut(std::ops::Range<usize>, String),
) {
    let id = term.id.get_ref();
    if !is_identifier(id) || id.bytes().any(|b| b.is_ascii_uppercase()) {
        error(
            term.id.span(),
            format!("the term id `{id}` is its anchor: lower-case letters, digits and '-'"),
        );
    } else if !ids.insert(id.clone()) {
        error(term.id.span(), format!("the term id `{id}` is used twice"));
    }
    for (field, value) in [("name", &term.name), ("definition", &term.definition)] {
        if value.get_ref().trim().is_empty() {
            error(value.span(), format!("the term `{id}` needs a {field}"));
        }
    }
    if term.forms.get_ref().is_empty() {
        error(
            term.forms.span(),
            format!(
                "the term `{id}` needs at least one form: the words that count as it in a view"
            ),
        );
    }
    for form in term.forms.get_ref() {
        if words(form.get_ref()).trim().is_empty() {
            error(
                form.span(),
                format!("the form `{}` has no letters or digits", form.get_ref()),
            );
        }
    }
    match (&term.source, &term.source_url) {
        (Some(_), Some(url)) if !is_source_url(url.get_ref()) => error(
            url.span(),
            "a source's address must be an https:// address".to_owned(),
        ),
        (Some(name), None) => error(
            name.span(),
            format!("the source of `{id}` needs its address (`source_url`)"),
        ),
        (None, Some(url)) => error(
            url.span(),
            format!("`{id}` has a source address but no `source` naming it"),
        ),
        _ => {}
    }
    if let (None, Some(note)) = (&term.source, &term.source_note) {
        error(
            note.span(),
            format!("`{id}` has a `source_note` but no `source`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        parse_glossary(Path::new("data/glossary.toml"), text)
            .expect_err("not a valid glossary")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    const GOOD: &str = "[[term]]\nid = \"lead\"\nname = \"Lead\"\nforms = [\"lead\"]\ndefinition = \"A worker.\"\n";

    #[test]
    fn reads_a_term() {
        let terms = parse_glossary(Path::new("g.toml"), GOOD).expect("valid");
        assert_eq!(terms.len(), 1);
        assert_eq!(terms[0].id, "lead");
        assert_eq!(terms[0].source, None);
    }

    // Each mutation of the checks (the id check, the duplicate check, the source pairs) fails
    // one of these.
    #[test]
    fn every_problem_names_its_file_and_line() {
        assert_eq!(
            errors(&format!("{GOOD}\n[[term]]\nid = \"Lead\"\nname = \"x\"\nforms = [\"x\"]\ndefinition = \"x\"\n")),
            ["data/glossary.toml:8:6: the term id `Lead` is its anchor: lower-case letters, digits and '-'"]
        );
        assert_eq!(
            errors(&format!("{GOOD}{GOOD}")),
            ["data/glossary.toml:7:6: the term id `lead` is used twice"]
        );
        assert_eq!(
            errors("[[term]]\nid = \"a\"\nname = \"A\"\nforms = [\"--\"]\ndefinition = \" \"\n"),
            [
                "data/glossary.toml:5:14: the term `a` needs a definition",
                "data/glossary.toml:4:10: the form `--` has no letters or digits",
            ]
        );
        assert_eq!(
            errors(&format!("{GOOD}source = \"WAC\"\n")),
            ["data/glossary.toml:6:10: the source of `lead` needs its address (`source_url`)"]
        );
        assert_eq!(
            errors(&format!(
                "{GOOD}source = \"WAC\"\nsource_url = \"http://x\"\n"
            )),
            ["data/glossary.toml:7:14: a source's address must be an https:// address"]
        );
        assert_eq!(
            errors(&format!("{GOOD}source_note = \"a copy\"\n")),
            ["data/glossary.toml:6:15: `lead` has a `source_note` but no `source`"]
        );
        assert_eq!(
            errors(&format!("{GOOD}meaning = \"x\"\n")).len(),
            1,
            "an unknown key is an error"
        );
        assert!(errors("[[term]]\nid = \"a\"\n")[0]
            .starts_with("data/glossary.toml:1:1: missing field"));
    }
}
