//! Whether a page plainly belongs to another series than the one named with `--series`: a
//! "Customer Service Specialist 5" page filed under `--series ewi` (Example Widget Inspector)
//! would join that ladder, and every view of it, without a word. A class of a series shares a
//! word with the series' title or with a class on its ladder (an inspector and a supervisor of
//! widgets share "widget"); a page that shares none, or fewer than with another series of the
//! data, is refused unless the person says it belongs there anyway (`--force-series`).

use class_spec_core::Series;
use class_spec_data::Folder;

/// Words too common to tie a class to a series.
const SMALL: &[&str] = &[
    "of", "and", "or", "the", "for", "to", "in", "a", "an", "at", "on",
];

/// The words that name a class or series: lowercased, without level numbers (digits, roman
/// numerals) and small words.
fn words(text: &str) -> Vec<String> {
    let numeral = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit())
            || ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].contains(&w)
    };
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !numeral(w) && !SMALL.contains(&w.as_str()))
        .collect()
}

/// How many words of a class titled `title` one of `names` (the series' title and the titles
/// on its ladder) holds: 0 for a class of another series.
pub fn shared_words<'a>(title: &str, names: impl IntoIterator<Item = &'a str>) -> usize {
    let own = words(title);
    names
        .into_iter()
        .map(|name| {
            let theirs = words(name);
            own.iter().filter(|w| theirs.contains(w)).count()
        })
        .max()
        .unwrap_or(0)
}

/// The names a series goes by: its title, and `CODE Title` of each class on its ladder.
fn series_names(series: &Series, folder: &Folder) -> Vec<String> {
    let mut names = vec![series.title.to_string()];
    names.extend(
        series
            .ladder
            .iter()
            .map(|code| format!("{code} {}", folder.title_of(code).unwrap_or_default())),
    );
    names
}

/// Refuses a class (`code`, `title`) new to the ladder of the series `named` (its id, and the
/// title given for a series new to the data) when its title shares no word with that series'
/// names, or more with another series of the data ([`shared_words`]); the message names the
/// series that fit better, and the way to go ahead anyway.
///
/// # Errors
/// Why the class does not seem to belong to the named series.
pub fn check_belongs(
    folder: &Folder,
    (id, new_title): (&str, Option<&str>),
    code: &str,
    title: &str,
) -> Result<(), String> {
    let known = folder
        .series
        .iter()
        .map(class_spec_data::ParsedSeries::series)
        .find(|s| s.id == id);
    let names = match known {
        Some(known) if known.ladder.iter().any(|c| c.eq_ignore_ascii_case(code)) => {
            return Ok(());
        }
        Some(known) => series_names(known, folder),
        None => new_title.map(str::to_owned).into_iter().collect(),
    };
    let own = shared_words(title, names.iter().map(String::as_str));
    let others: Vec<(usize, &Series)> = folder
        .series
        .iter()
        .map(class_spec_data::ParsedSeries::series)
        .filter(|s| s.id != id)
        .map(|s| {
            let names = series_names(s, folder);
            (shared_words(title, names.iter().map(String::as_str)), s)
        })
        .collect();
    let most = others.iter().map(|(shared, _)| *shared).max().unwrap_or(0);
    if own > 0 && own >= most {
        return Ok(());
    }
    let better: Vec<String> = others
        .iter()
        .filter(|(shared, _)| *shared == most && most > own)
        .map(|(_, s)| format!("--series {} ({})", s.id, s.title))
        .collect();
    let names = names.join("; ");
    let why = if own == 0 {
        let instead = if better.is_empty() {
            String::new()
        } else {
            format!(" It may belong to {}.", better.join(" or "))
        };
        format!("its title shares no word with series `{id}` ({names}): is --series {id} the right series?{instead}")
    } else {
        format!(
            "its title is closer to {} than to series `{id}` ({names}): is --series {id} the right series?",
            better.join(" or ")
        )
    };
    Err(format!(
        "the page is {code} {title}, and {why} Nothing was written; pass --force-series to put it on the ladder of `{id}` anyway."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_of_the_series_shares_a_word_with_it() {
        let ewi = ["Example Widget Inspector", "Example Widget Inspector 1"];
        assert_eq!(shared_words("Example Widget Inspector 2", ewi), 3);
        assert_eq!(shared_words("EXAMPLE WIDGET SUPERVISOR", ewi), 2);
        assert_eq!(
            shared_words("Customer Service Manager", ["Customer Service Specialist"]),
            2
        );
    }

    #[test]
    fn a_class_of_another_series_shares_none() {
        let ewi = ["Example Widget Inspector", "Example Widget Inspector 1"];
        assert_eq!(shared_words("Customer Service Specialist 5", ewi), 0);
        assert_eq!(
            shared_words("Officer 2 of the Guard", ["Inspector 2 of the Works"]),
            0,
            "level numbers and small words tie nothing"
        );
        assert_eq!(shared_words("Planner IV", ["Inspector IV"]), 0);
        assert_eq!(shared_words("Anything", []), 0);
    }
}
