//! Text of the same shape in other words, for the benchmark's synthetic catalogues: every word
//! of a class's text exchanged for a made-up word of the same length, the same case and the same
//! punctuation around it, chosen by a seeded generator (no randomness from the machine, nothing
//! downloaded). Why: copies of the real text compress about five times better than a catalogue
//! of 2,000 different classes would, so a benchmark made of copies under-states every size.
//!
//! How the words are chosen, so that the bytes cost what real prose costs:
//! - the small words that hold English sentences together (`the`, `of`, `and`, …) and the words
//!   the importer reads facts from (`level`, `supervision`, `effective`, the months, `years`, …)
//!   stay as they are, as they do across real pages;
//! - every other word is exchanged, the same way everywhere in one class (a word a page repeats
//!   stays repeated, as in real text), and differently in another class: each class has words of
//!   its own;
//! - the made-up words are drawn from a shared vocabulary of [`VOCABULARY_PER_LENGTH`] words per
//!   length with Zipf's law (a few words are common, most are rare), as a language's words are: two
//!   classes share their common words and few of the rest. Measured against the real text
//!   (BENCHMARKS.md, "A realistic synthetic catalogue"), this compresses like it.

use std::borrow::Cow;

use class_spec_core::{
    Basis, ClassSpec, Fact, Qualifications, Requirement, SectionContent, Wording,
};

/// How many made-up words of each length the vocabulary holds.
pub const VOCABULARY_PER_LENGTH: u64 = 4000;

/// Words kept as they are: English's small words, and those the importer reads facts from
/// (a level, the supervision received, dates, routes of education and experience).
const KEPT: &[&str] = &[
    "a",
    "an",
    "and",
    "as",
    "at",
    "be",
    "by",
    "for",
    "from",
    "in",
    "into",
    "is",
    "it",
    "its",
    "may",
    "of",
    "on",
    "or",
    "other",
    "the",
    "this",
    "that",
    "these",
    "to",
    "under",
    "with",
    "who",
    "which",
    "are",
    "has",
    "have",
    "not",
    "no",
    "all",
    "any",
    "each",
    "more",
    "than",
    "such",
    "their",
    "they",
    "will",
    "must",
    "level",
    "series",
    "supervision",
    "direction",
    "close",
    "general",
    "administrative",
    "supervisory",
    "lead",
    "entry",
    "journey",
    "senior",
    "class",
    "new",
    "effective",
    "adopted",
    "revised",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "year",
    "years",
    "experience",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "equivalent",
    "education",
    "high",
    "school",
    "diploma",
    "ged",
    "degree",
    "associate",
    "bachelor",
    "master",
    "s",
    "progressive",
    "performs",
    "duties",
    "required",
];

/// English endings kept on a made-up stem, longest first.
const ENDINGS: &[&str] = &[
    "ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ness", "ies", "ers", "ed",
    "es", "er", "ly", "al", "s",
];

/// Exchanges every word of `text` that is not [`KEPT`] for a made-up word of the same length
/// and case, the same for the same word and `key`, and leaves everything else (digits,
/// punctuation, spaces, line breaks, letters outside ASCII) byte for byte.
pub fn reword(text: &str, key: u64) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            word.push(c);
            continue;
        }
        flush(&mut out, &mut word, key);
        out.push(c);
    }
    flush(&mut out, &mut word, key);
    out
}

fn flush(out: &mut String, word: &mut String, key: u64) {
    if word.is_empty() {
        return;
    }
    let lower = word.to_ascii_lowercase();
    if KEPT.contains(&lower.as_str()) {
        out.push_str(word);
    } else {
        // A word's stem is exchanged and its ending kept (`customers`, `customer's`: one stem),
        // as a language's forms of one word share their letters.
        let ending = ENDINGS
            .iter()
            .find(|e| lower.len() >= e.len() + 3 && lower.ends_with(*e))
            .map_or("", |e| e);
        let stem = &lower[..lower.len() - ending.len()];
        let made = made_up(stem.len(), zipf_rank(hash(key, stem))) + ending;
        let all_caps = word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase());
        for (i, (was, new)) in word.bytes().zip(made.bytes()).enumerate() {
            let upper = all_caps || (i == 0 && was.is_ascii_uppercase());
            out.push(char::from(if upper {
                new.to_ascii_uppercase()
            } else {
                new
            }));
        }
    }
    word.clear();
}

/// A rank in the vocabulary by Zipf's law (rank `r` drawn with weight `1 / (r + 1)`), from a
/// uniform 64-bit number: the inverse of the law's continuous distribution.
fn zipf_rank(uniform: u64) -> u64 {
    #[allow(clippy::cast_precision_loss)]
    let u = (uniform >> 11) as f64 / (1u64 << 53) as f64;
    #[allow(clippy::cast_precision_loss)]
    let n = VOCABULARY_PER_LENGTH as f64;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rank = ((n + 1.0).powf(u) - 1.0).floor() as u64;
    rank.min(VOCABULARY_PER_LENGTH - 1)
}

/// The vocabulary's word of `length` letters at `rank`: consonants and vowels in turn, each
/// letter as often as in English text, so that the letters compress as a language's do.
fn made_up(length: usize, rank: u64) -> String {
    // English letter frequencies, in tenths of a percent.
    const CONSONANTS: &[(u8, u64)] = &[
        (b't', 91),
        (b'n', 67),
        (b's', 63),
        (b'h', 61),
        (b'r', 60),
        (b'd', 43),
        (b'l', 40),
        (b'c', 28),
        (b'm', 24),
        (b'w', 24),
        (b'f', 22),
        (b'g', 20),
        (b'y', 20),
        (b'p', 19),
        (b'b', 15),
        (b'v', 10),
        (b'k', 8),
        (b'j', 2),
        (b'x', 2),
        (b'q', 1),
        (b'z', 1),
    ];
    const VOWELS: &[(u8, u64)] = &[(b'e', 127), (b'a', 82), (b'o', 75), (b'i', 70), (b'u', 28)];
    let pick = |letters: &[(u8, u64)], r: u64| {
        let total: u64 = letters.iter().map(|(_, w)| w).sum();
        let mut at = r % total;
        for &(letter, weight) in letters {
            if at < weight {
                return letter;
            }
            at -= weight;
        }
        letters[0].0
    };
    let mut state = hash(length as u64, &rank.to_string());
    let mut out = String::with_capacity(length);
    let mut vowel = state & 1 == 0;
    for _ in 0..length {
        state = splitmix(state);
        out.push(char::from(if vowel {
            pick(VOWELS, state)
        } else {
            pick(CONSONANTS, state)
        }));
        // Mostly alternating, sometimes two consonants together (`st`, `nd`).
        vowel = if vowel { false } else { (state >> 20) % 4 != 0 };
    }
    out
}

/// FNV-1a of `word` from `key`, mixed: the same for the same pair on every machine.
fn hash(key: u64, word: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ splitmix(key);
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    splitmix(h)
}

/// `SplitMix64`'s step: a well-mixed 64-bit number from another.
fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Every text of `class` (its versions' sections, facts, reasons, notes, history, routes'
/// words) in made-up words ([`reword`] with `key`); its code, title, dates and structure as
/// they were. The title is the caller's: a series' classes share their title's words.
pub fn reword_class(class: &mut ClassSpec, key: u64) {
    basis(&mut class.code_basis, key);
    basis(&mut class.title_basis, key);
    for version in class.versions.to_mut() {
        for t in [
            &mut version.label,
            &mut version.source_note,
            &mut version.tagline,
        ] {
            text(t, key);
        }
        for f in [
            &mut version.category,
            &mut version.level,
            &mut version.supervision,
            &mut version.scope,
        ] {
            text_fact(f, key);
        }
        reason(&mut version.effective, key);
        reason(&mut version.oversight, key);
        for section in version.sections.to_mut() {
            match &mut section.content {
                SectionContent::Official(t) => text(t, key),
                SectionContent::Summary(items) => {
                    items.to_mut().iter_mut().for_each(|t| text(t, key));
                }
                SectionContent::NotInData | SectionContent::NotOnPage => {}
            }
            if let Some(items) = &mut section.alongside {
                items.to_mut().iter_mut().for_each(|t| text(t, key));
            }
            if let Some(note) = &mut section.note {
                text(note, key);
            }
        }
        match &mut version.qualifications {
            Qualifications::Routes(routes) => {
                for route in routes.to_mut() {
                    basis(&mut route.basis, key);
                    match &mut route.requirement {
                        Requirement::Equivalent { of } => text(of, key),
                        Requirement::Unread { why } => text(why, key),
                        Requirement::EducationAndExperience { .. }
                        | Requirement::YearsInClass { .. } => {}
                    }
                }
            }
            Qualifications::NotInData { why } => text(why, key),
        }
        for entry in version.history.to_mut() {
            basis(&mut entry.basis, key);
            match &mut entry.text {
                Wording::Official(t) | Wording::Summary(t) => text(t, key),
            }
        }
    }
}

fn text(t: &mut Cow<'static, str>, key: u64) {
    *t = Cow::Owned(reword(t, key));
}

fn basis(b: &mut Basis, key: u64) {
    if let Basis::Inferred { why } = b {
        text(why, key);
    }
}

fn text_fact(f: &mut Fact<Cow<'static, str>>, key: u64) {
    match f {
        Fact::Stated(value) => text(value, key),
        Fact::Inferred { value, why } => {
            text(value, key);
            text(why, key);
        }
        Fact::Missing { why } => text(why, key),
    }
}

/// A fact whose value is not words (a date, a kind of oversight): only its reason.
fn reason<T>(f: &mut Fact<T>, key: u64) {
    if let Fact::Inferred { why, .. } | Fact::Missing { why } = f {
        text(why, key);
    }
}

#[cfg(test)]
mod tests {
    use super::reword;

    #[test]
    fn keeps_the_shape_and_the_small_words_and_changes_the_rest() {
        let text = "This is the entry level of the series. Under close supervision, CHECKS widgets;\n\nNew class effective June 1, 2005.";
        let made = reword(text, 7);
        assert_eq!(made.len(), text.len(), "the same length");
        assert_eq!(made, reword(text, 7), "the same for the same key");
        assert_ne!(made, reword(text, 8), "other words for another key");
        assert!(
            made.starts_with("This is the entry level of the series. Under close supervision, ")
        );
        assert!(made.ends_with("class effective June 1, 2005."));
        let at = text.find("CHECKS").unwrap();
        let checks = &made[at..at + 6];
        assert_ne!(checks, "CHECKS");
        assert!(checks.bytes().all(|b| b.is_ascii_uppercase()), "{checks}");
        let widgets = &made[at + 7..at + 14];
        assert_ne!(widgets, "widgets");
        assert!(widgets.bytes().all(|b| b.is_ascii_lowercase()), "{widgets}");
    }

    #[test]
    fn a_word_repeated_in_one_class_stays_repeated() {
        let made = reword("widgets and widgets", 3);
        let (a, b) = made.split_once(" and ").unwrap();
        assert_eq!(a, b);
    }
}
