//! Which duties carry over between two duty lists, which are new and which are gone, matched
//! by similarity of their words.
//!
//! Duties are verb-led sentences ("Plans and directs…"), so a duty is named by its action: the
//! leading verb counts extra. Words are compared by their first five letters (a cheap stem:
//! "analyzes" and "analysis" agree), leaving out small words.

/// How alike two duties must be to count as the same duty carried over.
pub const THRESHOLD: f32 = 0.35;
/// What agreeing on the leading verb adds.
const VERB_BONUS: f32 = 0.25;

const SMALL_WORDS: [&str; 28] = [
    "a", "an", "and", "the", "of", "to", "or", "for", "in", "on", "with", "by", "as", "at", "from",
    "that", "this", "be", "is", "are", "its", "their", "it", "any", "into", "how", "so", "such",
];

/// The outcome: pairs `(old index, new index)` carried over, and what is gone and new.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DutyMatch {
    pub kept: Vec<(usize, usize)>,
    pub dropped: Vec<usize>,
    pub added: Vec<usize>,
}

/// A word's first five letters, lowercased (shorter words padded with zeros).
type Stem = [u8; 5];

/// What a duty is compared on, computed once per duty.
struct Profile {
    /// Sorted, without repeats.
    stems: Vec<Stem>,
    /// The leading verb's stem.
    verb: Option<Stem>,
}

fn stem(word: &str) -> Stem {
    let mut out = [0u8; 5];
    for (slot, byte) in out.iter_mut().zip(word.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    out
}

// ASCII letters are enough for English duty lists, and keep Unicode tables out of the bundle.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

fn profile(text: &str) -> Profile {
    let mut stems: Vec<Stem> = words(text)
        .filter(|w| w.len() > 2 && !SMALL_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)))
        .map(stem)
        .collect();
    crate::sort::sort(&mut stems);
    stems.dedup();
    Profile {
        stems,
        verb: words(text).next().map(stem),
    }
}

/// How alike two duties are, from 0 (nothing shared) up.
pub fn similarity(a: &str, b: &str) -> f32 {
    alike(&profile(a), &profile(b))
}

fn alike(a: &Profile, b: &Profile) -> f32 {
    if a.stems.is_empty() || b.stems.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.stems.len() && j < b.stems.len() {
        match a.stems[i].cmp(&b.stems[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)] // word counts are small
    let dice = 2.0 * shared as f32 / (a.stems.len() + b.stems.len()) as f32;
    if a.verb.is_some() && a.verb == b.verb {
        dice + VERB_BONUS
    } else {
        dice
    }
}

/// Matches duties one to one, most alike first, keeping pairs at least [`THRESHOLD`] alike.
pub fn match_duties(old: &[&str], new: &[&str]) -> DutyMatch {
    let (old_profiles, new_profiles): (Vec<Profile>, Vec<Profile>) = (
        old.iter().map(|d| profile(d)).collect(),
        new.iter().map(|d| profile(d)).collect(),
    );
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for (i, a) in old_profiles.iter().enumerate() {
        for (j, b) in new_profiles.iter().enumerate() {
            let score = alike(a, b);
            if score >= THRESHOLD {
                pairs.push((score, i, j));
            }
        }
    }
    // Most alike first; ties in list order, so the outcome never depends on sorting details.
    crate::sort::sort_by(&mut pairs, &|x, y| {
        y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2))
    });
    let (mut old_used, mut new_used) = (vec![false; old.len()], vec![false; new.len()]);
    let mut kept = Vec::new();
    for (_, i, j) in pairs {
        if !old_used[i] && !new_used[j] {
            old_used[i] = true;
            new_used[j] = true;
            kept.push((i, j));
        }
    }
    crate::sort::sort_by(&mut kept, &|a, b| a.1.cmp(&b.1));
    DutyMatch {
        kept,
        dropped: (0..old.len()).filter(|&i| !old_used[i]).collect(),
        added: (0..new.len()).filter(|&j| !new_used[j]).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_duty_reworded_is_kept_and_others_are_new_or_gone() {
        let old = [
            "Creates and delivers training.",
            "Tracks issues with software.",
            "Does other work as assigned.",
        ];
        let new = [
            "Does other work as assigned.",
            "Creates and delivers customer-service training.",
            "Sets budgets.",
        ];
        let m = match_duties(&old, &new);
        assert_eq!(m.kept, vec![(2, 0), (0, 1)]);
        assert_eq!(m.dropped, vec![1]);
        assert_eq!(m.added, vec![2]);
    }

    #[test]
    fn the_leading_verb_separates_alike_duties() {
        let tracks = "Tracks how client/customer issues are resolved, using computer applications and software.";
        let reviews = "Reviews customer issues and how they were resolved, to confirm they were handled properly.";
        assert!(similarity(tracks, reviews) < THRESHOLD);
        assert!(
            similarity(
                "Plans and directs the program.",
                "Plans and directs the work of staff."
            ) >= THRESHOLD
        );
    }
}
