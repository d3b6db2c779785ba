//! Finding words and phrases in every section of every class version, as a person types.
//!
//! Each paragraph (official text) or point (our words) is one entry. An index maps every word to
//! the entries holding it, sorted, so a word typed in part finds its entries by a binary search of
//! the words that start with it. Every query word must match (the last one as a prefix, since the
//! person is still typing it); a "quoted phrase" must stand in the entry as written.
//!
//! Classes are also found by what people call them: their code (`102C`), their title or its short
//! form (`CSS 3`), with or without spaces and in any case ([`SearchIndex::classes`]).

use crate::model::{paragraphs, Catalogue, SectionContent, SectionKind};

/// Where an entry's text is in the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub class: usize,
    pub version: usize,
    pub section: SectionKind,
    /// The paragraph or point within the section.
    pub item: usize,
}

struct Entry {
    place: Place,
    /// The text as shown (for snippets).
    text: String,
    /// The same text folded to ASCII lower case, for phrases.
    folded: String,
}

/// The search index of a catalogue (the default one holds nothing).
#[derive(Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    /// Every word, sorted, with the entries holding it (ascending, no repeats).
    words: Vec<(String, Vec<u32>)>,
    /// Every class's names (code, title, short title) in [`compact`] form, in catalogue order.
    names: Vec<[String; 3]>,
}

/// Folded to lower case with everything but ASCII letters and digits left out: "CSS 3", "css3"
/// and "Css-3" are all `css3`.
fn compact(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A query this short names a class only exactly: "c" or "10" would name them all.
const SHORTEST_PREFIX: usize = 3;

/// One result: where, how well it matched, and the text with the matched spans.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub place: Place,
    pub score: u32,
    pub text: String,
    /// Byte ranges of `text` that matched, in order, not overlapping.
    pub marks: Vec<(usize, usize)>,
}

fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                c
            }
        })
        .collect()
}

fn words(folded: &str) -> impl Iterator<Item = &str> {
    // ASCII letters and digits: enough for these texts, and no Unicode tables in the bundle.
    folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

impl SearchIndex {
    /// Indexes every section's text, official or in our words (both when both are held).
    ///
    /// # Panics
    /// With more than 4 billion paragraphs and points.
    pub fn new(catalogue: &Catalogue) -> Self {
        let mut entries = Vec::new();
        for (class, spec) in catalogue.classes.iter().enumerate() {
            for (version, v) in spec.versions.iter().enumerate() {
                for s in v.sections.iter() {
                    let mut items: Vec<String> = match &s.content {
                        SectionContent::Official(text) => {
                            paragraphs(text).map(str::to_owned).collect()
                        }
                        _ => Vec::new(),
                    };
                    items.extend(
                        s.our_words()
                            .unwrap_or_default()
                            .iter()
                            .map(ToString::to_string),
                    );
                    for (item, text) in items.into_iter().enumerate() {
                        let folded = fold(&text);
                        entries.push(Entry {
                            place: Place {
                                class,
                                version,
                                section: s.kind,
                                item,
                            },
                            text,
                            folded,
                        });
                    }
                }
            }
        }
        let mut pairs: Vec<(&str, u32)> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            let id = u32::try_from(i).expect("fewer than 4 billion entries");
            pairs.extend(words(&entry.folded).map(|w| (w, id)));
        }
        crate::sort::sort(&mut pairs);
        pairs.dedup();
        let mut index: Vec<(String, Vec<u32>)> = Vec::new();
        for (word, id) in pairs {
            match index.last_mut() {
                Some((last, ids)) if last == word => ids.push(id),
                _ => index.push((word.to_owned(), vec![id])),
            }
        }
        let names = catalogue
            .classes
            .iter()
            .map(|c| {
                [
                    compact(&c.code),
                    compact(&c.title),
                    compact(&c.short_title()),
                ]
            })
            .collect();
        Self {
            entries,
            words: index,
            names,
        }
    }

    /// The classes (indexes into the catalogue's classes) that `query` names: its code, title or
    /// short title, whole or begun ("customer service spec" names every class of the series).
    /// Named exactly first, then in catalogue order.
    pub fn classes(&self, query: &str) -> Vec<usize> {
        let query = compact(query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut exact = Vec::new();
        let mut begun = Vec::new();
        for (class, names) in self.names.iter().enumerate() {
            if names.contains(&query) {
                exact.push(class);
            } else if query.len() >= SHORTEST_PREFIX && names.iter().any(|n| n.starts_with(&query))
            {
                begun.push(class);
            }
        }
        exact.extend(begun);
        exact
    }

    /// How many paragraphs and points are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries holding a word that starts with `prefix` (or is exactly `prefix`), sorted.
    fn postings(&self, prefix: &str, exact: bool) -> Vec<u32> {
        let start = self.words.partition_point(|(w, _)| w.as_str() < prefix);
        let mut ids: Vec<u32> = self.words[start..]
            .iter()
            .take_while(|(w, _)| w.starts_with(prefix))
            .filter(|(w, _)| !exact || w == prefix)
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect();
        crate::sort::sort(&mut ids);
        ids.dedup();
        ids
    }

    /// The entries matching `query`, best first (at most `limit`).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let folded = fold(query);
        let (phrases, loose) = split_phrases(&folded);
        let mut terms: Vec<&str> = words(&loose).collect();
        for phrase in &phrases {
            terms.extend(words(phrase));
        }
        if terms.is_empty() {
            return Vec::new();
        }
        // Every word must match, as a whole word or the beginning of one: the last is still
        // being typed, and "supervis" should find "supervision" and "supervisory" alike.
        let mut candidates: Option<Vec<u32>> = None;
        for term in &terms {
            let ids = self.postings(term, false);
            candidates = Some(match candidates {
                None => ids,
                Some(current) => intersect(&current, &ids),
            });
        }
        // Score every candidate cheaply (whole-word matches from the postings), keep the best,
        // and only then build their snippets: a letter typed alone matches nearly everything.
        let whole: Vec<Vec<u32>> = terms.iter().map(|t| self.postings(t, true)).collect();
        let mut scored: Vec<(u32, u32)> = candidates
            .unwrap_or_default()
            .into_iter()
            .filter(|&id| {
                phrases
                    .iter()
                    .all(|p| self.entries[id as usize].folded.contains(p.as_str()))
            })
            .map(|id| {
                let e = &self.entries[id as usize];
                let whole_words = whole
                    .iter()
                    .filter(|ids| ids.binary_search(&id).is_ok())
                    .count();
                let section_weight = match e.place.section {
                    SectionKind::Definition | SectionKind::DistinguishingCharacteristics => 3,
                    SectionKind::TypicalWork | SectionKind::DesirableQualifications => 2,
                    _ => 1,
                };
                let newest = u32::from(e.place.version == 0);
                let score = 10 * u32::try_from(whole_words).unwrap_or(u32::MAX)
                    + 4 * u32::try_from(phrases.len()).unwrap_or(0)
                    + section_weight
                    + newest;
                (score, id)
            })
            .collect();
        // Best first; ties in catalogue order (entries are indexed in that order).
        let by_rank = |a: &(u32, u32), b: &(u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        crate::sort::sort_by(&mut scored, &by_rank);
        if limit > 0 {
            scored.truncate(limit);
        }
        let mut hits: Vec<Hit> = scored
            .into_iter()
            .map(|(score, id)| {
                let e = &self.entries[id as usize];
                Hit {
                    place: e.place,
                    score,
                    text: e.text.clone(),
                    marks: marks(&e.text, &e.folded, &terms, &phrases),
                }
            })
            .collect();
        hits.truncate(limit);
        hits
    }
}

/// `"distinguishing characteristics" supervis` gives `(["distinguishing characteristics"], " supervis")`.
fn split_phrases(folded: &str) -> (Vec<String>, String) {
    let mut phrases = Vec::new();
    let mut loose = String::new();
    let parts: Vec<&str> = folded.split('"').collect();
    // With an odd number of quotes the last part follows an unclosed quote: still being typed.
    let closed = if parts.len() % 2 == 0 {
        parts.len() - 1
    } else {
        parts.len()
    };
    for (i, part) in parts.into_iter().enumerate() {
        if i % 2 == 1 && i < closed && !part.trim().is_empty() {
            phrases.push(part.split_whitespace().collect::<Vec<_>>().join(" "));
        } else {
            loose.push(' ');
            loose.push_str(part);
        }
    }
    (phrases, loose)
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Byte ranges of `text` to mark: phrases where they stand, and every word that starts with a
/// query word. `folded` is `text` folded, so byte positions agree (ASCII folding keeps lengths).
fn marks(text: &str, folded: &str, terms: &[&str], phrases: &[String]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for phrase in phrases {
        let mut from = 0;
        while let Some(at) = folded[from..].find(phrase.as_str()) {
            ranges.push((from + at, from + at + phrase.len()));
            from += at + phrase.len();
        }
    }
    let mut offset = 0;
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !word.is_empty() && terms.iter().any(|t| word.starts_with(t)) {
            let len = terms
                .iter()
                .filter(|t| word.starts_with(**t))
                .map(|t| t.len())
                .max()
                .unwrap_or(0);
            ranges.push((offset, offset + len));
        }
        offset += word.len()
            + folded[offset + word.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
    }
    crate::sort::sort(&mut ranges);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    debug_assert!(merged
        .iter()
        .all(|&(s, e)| text.is_char_boundary(s) && text.is_char_boundary(e)));
    merged
}
