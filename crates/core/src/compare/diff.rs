//! Words added and removed between two texts (a longest-common-subsequence diff on words).

/// A run of words the two texts share, or that only one has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Same(String),
    Added(String),
    Removed(String),
}

/// The words of `old` and `new` as runs of shared, removed and added words. White space is
/// folded; punctuation stays with its word.
pub fn diff_words(old: &str, new: &str) -> Vec<Change> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lengths = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lengths[i][j] = if a[i] == b[j] {
                lengths[i + 1][j + 1] + 1
            } else {
                lengths[i + 1][j].max(lengths[i][j + 1])
            };
        }
    }
    let mut changes: Vec<Change> = Vec::new();
    let mut push = |change: Change| {
        let merged = match (changes.last_mut(), &change) {
            (Some(Change::Same(run)), Change::Same(w))
            | (Some(Change::Added(run)), Change::Added(w))
            | (Some(Change::Removed(run)), Change::Removed(w)) => {
                run.push(' ');
                run.push_str(w);
                true
            }
            _ => false,
        };
        if !merged {
            changes.push(change);
        }
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            push(Change::Same(a[i].to_owned()));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lengths[i][j + 1] >= lengths[i + 1][j]) {
            push(Change::Added(b[j].to_owned()));
            j += 1;
        } else {
            push(Change::Removed(a[i].to_owned()));
            i += 1;
        }
    }
    changes
}

/// The share of `new`'s words that were already in `old`, from 0 to 1; a low share means the
/// text was rewritten rather than edited, and marking every word helps nobody.
pub fn kept_share(changes: &[Change]) -> f32 {
    let count = |text: &str| text.split_whitespace().count();
    let (mut same, mut added) = (0, 0);
    for change in changes {
        match change {
            Change::Same(words) => same += count(words),
            Change::Added(words) => added += count(words),
            Change::Removed(_) => {}
        }
    }
    #[allow(clippy::cast_precision_loss)] // word counts are small
    if same + added == 0 {
        1.0
    } else {
        same as f32 / (same + added) as f32
    }
}

/// Whether anything changed at all.
pub fn is_unchanged(changes: &[Change]) -> bool {
    changes.iter().all(|c| matches!(c, Change::Same(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_added_and_removed() {
        let changes = diff_words(
            "Under close to general supervision, provides help",
            "Under direct or close supervision, provides basic help",
        );
        assert_eq!(
            changes,
            vec![
                Change::Same("Under".into()),
                Change::Added("direct or".into()),
                Change::Same("close".into()),
                Change::Removed("to general".into()),
                Change::Same("supervision, provides".into()),
                Change::Added("basic".into()),
                Change::Same("help".into()),
            ]
        );
    }

    #[test]
    fn measures_how_much_wording_carries_over() {
        assert!((kept_share(&diff_words("a b c d", "a b c e")) - 0.75).abs() < 1e-6);
        assert!(kept_share(&diff_words("one two three", "four five six")) < 0.01);
    }

    #[test]
    fn identical_and_empty_texts() {
        assert!(is_unchanged(&diff_words("a b  c", "a b c")));
        assert_eq!(
            diff_words("", "new words"),
            vec![Change::Added("new words".into())]
        );
        assert_eq!(diff_words("old", ""), vec![Change::Removed("old".into())]);
    }
}
