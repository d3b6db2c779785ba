//! What each level of a series asks, level by level: the deciding factors of every level (and of
//! the classes beside the series), and the duties grouped by the levels whose lists hold them.
//!
//! Duties are followed up the ladder with the comparison's duty matching
//! ([`crate::compare::duties`]), like with like: official text with official text when every
//! level has it, else our words with our words. A duty followed from level to level is a
//! *thread*; a level whose list is cut off in the data, or missing, does not end a thread (what
//! it lacks proves nothing), so a duty can be followed past it. The view claims only what each
//! level's own words support: a thread is listed at exactly the levels whose lists hold one of
//! its wordings, each level's own words are shown where they differ, and nothing is called new
//! or gone: for each group the view names every cut-off list that may hold its duties too, and
//! the whole lists where no duty was matched to them by shared words.

use crate::compare::duties::{match_duties, similarity};
use crate::compare::{Column, Factor};
use crate::model::{Catalogue, SectionKind, Series};

/// The deciding factors the levels view shows, one row each.
pub const FACTORS: [Factor; 5] = [
    Factor::Level,
    Factor::Supervision,
    Factor::Oversight,
    Factor::Qualifications,
    Factor::Effective,
];

/// A series, level by level.
#[derive(Debug)]
pub struct Levels<'a> {
    pub series: &'a Series,
    /// The ladder's classes, lowest level first, each in its newest version.
    pub levels: Vec<Column<'a>>,
    /// The classes beside the series, in their newest versions.
    pub beside: Vec<Column<'a>>,
    /// Which register the duties were compared in.
    pub register: Register,
    /// How much of each level's duty list the data holds, in ladder order.
    pub lists: Vec<ListState>,
    /// The duty groups, in reading order: at every level first, then by the lowest level a
    /// duty is listed at (the longest spans first).
    pub groups: Vec<Group<'a>>,
}

/// Which words the duties were compared in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Register {
    /// Every level's duties are official text.
    Official,
    /// Our words (summaries, or summaries beside official text).
    OurWords,
}

/// How much of one level's duty list the data holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListState {
    Complete,
    /// Cut off in the data: more duties may follow.
    Partial,
    /// No list in the register compared (a gap, or official text only where our words are
    /// compared): nothing can be said of this level's duties.
    Missing,
}

/// One duty, followed up the ladder: its wording at each level it is listed at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thread<'a> {
    /// `(level, wording)`, lowest level first; a level between two may be missing when its
    /// list is cut off or missing in the data.
    pub at: Vec<(usize, &'a str)>,
}

impl<'a> Thread<'a> {
    pub fn first(&self) -> usize {
        self.at.first().map_or(0, |&(level, _)| level)
    }

    pub fn last(&self) -> usize {
        self.at.last().map_or(0, |&(level, _)| level)
    }

    /// The wording at its highest level.
    pub fn wording(&self) -> &'a str {
        self.at.last().map_or("", |&(_, text)| text)
    }

    /// The levels it is listed at, lowest first.
    pub fn levels(&self) -> Vec<usize> {
        self.at.iter().map(|&(level, _)| level).collect()
    }
}

/// The duties listed at the same levels, with what the data can and cannot say of the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group<'a> {
    /// The levels whose lists hold these duties, lowest first.
    pub listed: Vec<usize>,
    pub duties: Vec<Thread<'a>>,
    /// Every other level whose list is cut off or missing in the data, lowest first: these
    /// duties may be on it too.
    pub unknown: Vec<(usize, ListState)>,
    /// Every other level whose list the data holds whole: no duty of it was matched to these.
    pub unmatched: Vec<usize>,
}

impl<'a> Levels<'a> {
    /// A series level by level, each class in its newest version.
    pub fn of(catalogue: &'a Catalogue, series: &'a Series) -> Self {
        let column = |code: &str| {
            let class = catalogue.class(code)?;
            Some(Column {
                class,
                version: class.newest()?,
            })
        };
        let levels: Vec<Column<'a>> = series.ladder.iter().filter_map(|c| column(c)).collect();
        let beside = series
            .related
            .iter()
            .filter_map(|r| column(&r.code))
            .collect();
        let (register, lists) = duty_lists(&levels);
        let states: Vec<ListState> = lists.iter().map(|(state, _)| *state).collect();
        let threads = follow(&lists);
        let groups = group(&threads, &states);
        Self {
            series,
            levels,
            beside,
            register,
            lists: states,
            groups,
        }
    }

    /// Every column: the levels, then the classes beside the series.
    pub fn columns(&self) -> impl Iterator<Item = &Column<'a>> {
        self.levels.iter().chain(self.beside.iter())
    }

    /// The words a level's data gives a duty that was compared as `compared`: its official
    /// paragraph where the level holds the list as official text and our words beside it, one
    /// for one, and that paragraph is the one most like our words (so the official sentence
    /// is never a guess); else `compared` itself. The second value says whether it is official.
    pub fn shown(&self, level: usize, compared: &'a str) -> (&'a str, bool) {
        if self.register == Register::Official {
            return (compared, true);
        }
        let Some(section) = self
            .levels
            .get(level)
            .and_then(|c| c.version.section(SectionKind::TypicalWork))
        else {
            return (compared, false);
        };
        let (Some(official), Some(ours)) = (section.official_paragraphs(), section.our_words())
        else {
            return (compared, false);
        };
        let Some(at) = ours.iter().position(|w| w.as_ref() == compared) else {
            return (compared, false);
        };
        if official.len() != ours.len() {
            return (compared, false);
        }
        let closest = (0..official.len()).fold(0, |best, i| {
            if similarity(compared, official[i]) > similarity(compared, official[best]) {
                i
            } else {
                best
            }
        });
        if closest == at {
            (official[at], true)
        } else {
            (compared, false)
        }
    }
}

/// The address of a series' levels view: `/levels` for the home series, `/levels/<id>` else.
pub fn route_for(catalogue: &Catalogue, series: &Series) -> crate::route::Route {
    let home = catalogue.home_series().is_some_and(|h| h.id == series.id);
    crate::route::Route::Levels {
        series: (!home).then(|| series.id.to_string()),
    }
}

impl Levels<'_> {
    fn title(&self, level: usize) -> String {
        self.levels
            .get(level)
            .map_or_else(String::new, |c| c.class.short_title())
    }

    fn names(&self, levels: impl Iterator<Item = usize>, possessive: bool) -> String {
        let names: Vec<String> = levels
            .map(|l| {
                if possessive {
                    format!("{}'s", self.title(l))
                } else {
                    self.title(l)
                }
            })
            .collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        }
    }

    /// A group's heading: "At every level", or the levels whose lists hold its duties ("Listed
    /// at CSS 3 and CSS 4"): a fact of the data, never "new at" or "only at".
    pub fn heading(&self, group: &Group<'_>) -> String {
        if group.listed.len() == self.levels.len() {
            "Listed at every level".to_owned()
        } else {
            format!(
                "Listed at {}",
                self.names(group.listed.iter().copied(), false)
            )
        }
    }

    /// What the data cannot tell of a group, in sentences: every cut-off or missing list that
    /// may hold its duties too, and the whole lists where none was matched.
    pub fn caveats(&self, group: &Group<'_>) -> Vec<String> {
        let mut out = Vec::new();
        let cut: Vec<usize> = group
            .unknown
            .iter()
            .filter(|(_, s)| *s == ListState::Partial)
            .map(|&(l, _)| l)
            .collect();
        let missing: Vec<usize> = group
            .unknown
            .iter()
            .filter(|(_, s)| *s == ListState::Missing)
            .map(|&(l, _)| l)
            .collect();
        if !cut.is_empty() {
            let one = cut.len() == 1;
            out.push(format!(
                "{} duty list{} cut off in our copy (only {} first duties are held): {} may be there too.",
                self.names(cut.iter().copied(), true),
                if one { " is" } else { "s are" },
                if one { "its" } else { "their" },
                if group.duties.len() == 1 { "this duty" } else { "these duties" },
            ));
        }
        if !missing.is_empty() {
            out.push(format!(
                "{} duties are not in our copy in the words compared here: nothing can be said of {} there.",
                self.names(missing.iter().copied(), true),
                if group.duties.len() == 1 { "this duty" } else { "these duties" },
            ));
        }
        if !group.unmatched.is_empty() {
            out.push(format!(
                "No duty of {} whole list{} shares enough words with {} to be matched; a duty worded very differently there cannot be matched.",
                self.names(group.unmatched.iter().copied(), true),
                if group.unmatched.len() == 1 { "" } else { "s" },
                if group.duties.len() == 1 { "it" } else { "them" },
            ));
        }
        out
    }
}

type DutyList<'a> = (ListState, Vec<&'a str>);

/// Each level's duties in one register: official text if every level that has duties has it as
/// official text, else our words.
fn duty_lists<'a>(levels: &[Column<'a>]) -> (Register, Vec<DutyList<'a>>) {
    let sections: Vec<_> = levels
        .iter()
        .map(|c| c.version.section(SectionKind::TypicalWork))
        .collect();
    let all_official = sections
        .iter()
        .all(|s| s.is_some_and(|s| s.official_paragraphs().is_some() || s.our_words().is_none()))
        && sections
            .iter()
            .any(|s| s.is_some_and(|s| s.official_paragraphs().is_some()));
    let register = if all_official {
        Register::Official
    } else {
        Register::OurWords
    };
    let lists = sections
        .iter()
        .map(|section| {
            let Some(section) = section else {
                return (ListState::Missing, Vec::new());
            };
            let duties: Option<Vec<&'a str>> = match register {
                Register::Official => section.official_paragraphs(),
                Register::OurWords => section
                    .our_words()
                    .map(|items| items.iter().map(AsRef::as_ref).collect()),
            };
            match duties {
                Some(duties) if !duties.is_empty() => (
                    if section.partial {
                        ListState::Partial
                    } else {
                        ListState::Complete
                    },
                    duties,
                ),
                _ => (ListState::Missing, Vec::new()),
            }
        })
        .collect();
    (register, lists)
}

/// Follows every duty up the ladder, one step at a time. A thread ends at a level whose whole
/// list has no match for it; a level whose list is cut off or missing proves nothing by what it
/// lacks, so a thread unmatched there stays open for the levels above.
fn follow<'a>(lists: &[DutyList<'a>]) -> Vec<Thread<'a>> {
    let mut done: Vec<Thread<'a>> = Vec::new();
    let mut open: Vec<Thread<'a>> = Vec::new();
    for (level, (state, duties)) in lists.iter().enumerate() {
        let previous: Vec<&str> = open.iter().map(|t| matched_on(t.wording())).collect();
        let current: Vec<&str> = duties.iter().map(|d| matched_on(d)).collect();
        let matched = match_duties(&previous, &current);
        let mut next: Vec<Option<Thread<'a>>> = vec![None; duties.len()];
        let mut taken = vec![false; open.len()];
        for &(i, j) in &matched.kept {
            let mut thread = open[i].clone();
            thread.at.push((level, duties[j]));
            next[j] = Some(thread);
            taken[i] = true;
        }
        for &j in &matched.added {
            next[j] = Some(Thread {
                at: vec![(level, duties[j])],
            });
        }
        let mut carried = Vec::new();
        for (thread, taken) in open.into_iter().zip(taken) {
            if taken {
                continue;
            }
            if *state == ListState::Complete {
                done.push(thread);
            } else {
                carried.push(thread);
            }
        }
        open = next.into_iter().flatten().chain(carried).collect();
    }
    done.extend(open);
    done
}

/// A duty without a closing remark in parentheses: in our words such a remark is the editor's
/// ("(the sentence is cut off in the captured copy)"), and its words would make two cut-off
/// duties look alike.
fn matched_on(duty: &str) -> &str {
    let trimmed = duty.trim_end().trim_end_matches('.');
    match trimmed.strip_suffix(')').and_then(|t| t.rfind('(')) {
        Some(open) if open > 0 => &duty[..open],
        _ => duty,
    }
}

/// Threads into groups by the levels they are listed at, in reading order: at every level
/// first, then by the lowest level, the longest first; each with what the data cannot tell.
fn group<'a>(threads: &[Thread<'a>], states: &[ListState]) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    for thread in threads {
        let listed = thread.levels();
        if let Some(g) = groups.iter_mut().find(|g| g.listed == listed) {
            g.duties.push(thread.clone());
            continue;
        }
        let others = (0..states.len()).filter(|l| !listed.contains(l));
        let (unknown, unmatched) = others.fold((Vec::new(), Vec::new()), |(mut u, mut m), l| {
            if states[l] == ListState::Complete {
                m.push(l);
            } else {
                u.push((l, states[l]));
            }
            (u, m)
        });
        groups.push(Group {
            listed,
            duties: vec![thread.clone()],
            unknown,
            unmatched,
        });
    }
    // Sorted through indexes: the crate's one sort takes `Copy` items (crate::sort).
    let mut order: Vec<usize> = (0..groups.len()).collect();
    let key = |g: &Group<'_>| {
        (
            g.listed.len() != states.len(),
            g.listed.first().copied().unwrap_or(0),
            usize::MAX - g.listed.len(),
        )
    };
    crate::sort::sort_by(&mut order, &|&a, &b| {
        key(&groups[a])
            .cmp(&key(&groups[b]))
            .then_with(|| groups[a].listed.cmp(&groups[b].listed))
    });
    let mut slots: Vec<Option<Group<'a>>> = groups.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_editors_closing_remark_is_left_out_of_matching() {
        assert_eq!(
            matched_on("Uses software (the sentence is cut off in the captured copy)."),
            "Uses software "
        );
        assert_eq!(matched_on("Does other work."), "Does other work.");
        assert_eq!(matched_on("(all of it)"), "(all of it)");
    }

    fn lists(levels: &[(&[&'static str], ListState)]) -> Vec<DutyList<'static>> {
        levels
            .iter()
            .map(|(duties, state)| (*state, duties.to_vec()))
            .collect()
    }

    /// A duty not matched in a cut-off list stays open above it, and each group names every
    /// other list it may be on and the whole lists where nothing matched it. (Mutation tried:
    /// naming only the levels next to a group's span, as before, fails the second and third
    /// groups.)
    #[test]
    fn groups_say_where_duties_are_listed_and_what_could_hold_them_too() {
        use ListState::{Complete, Partial};
        let given = lists(&[
            (&["Answers customer calls.", "Files records."], Complete),
            (&["Answers customer calls and emails."], Partial),
            (
                &[
                    "Answers customer calls and emails.",
                    "Supervises staff and evaluates their performance.",
                ],
                Complete,
            ),
        ]);
        let groups = group(&follow(&given), &[Complete, Partial, Complete]);
        let listed: Vec<Vec<usize>> = groups.iter().map(|g| g.listed.clone()).collect();
        assert_eq!(listed, vec![vec![0, 1, 2], vec![0], vec![2]], "{groups:#?}");
        assert_eq!(groups[0].duties[0].at.len(), 3);
        assert!(groups[0].unknown.is_empty() && groups[0].unmatched.is_empty());
        assert_eq!(groups[1].unknown, vec![(1, Partial)]);
        assert_eq!(groups[1].unmatched, vec![2]);
        assert_eq!(groups[2].unknown, vec![(1, Partial)]);
        assert_eq!(groups[2].unmatched, vec![0]);
    }

    /// "Performs other duties" at the lowest and the top level, with cut-off and missing lists
    /// between: one thread listed at both, not a duty "new at the top". (Mutation tried: a
    /// thread ending where a cut-off list lacks it fails this.)
    #[test]
    fn a_cut_off_or_missing_list_does_not_end_a_thread() {
        use ListState::{Complete, Missing, Partial};
        let duty = "Performs other duties as required.";
        let given = lists(&[
            (&[duty, "Answers calls."], Complete),
            (&["Answers calls."], Partial),
            (&[], Missing),
            (&[duty], Complete),
        ]);
        let groups = group(&follow(&given), &[Complete, Partial, Missing, Complete]);
        let other = groups
            .iter()
            .find(|g| g.duties.iter().any(|t| t.wording() == duty))
            .unwrap();
        assert_eq!(other.listed, vec![0, 3]);
        assert_eq!(other.unknown, vec![(1, Partial), (2, Missing)]);
        assert!(other.unmatched.is_empty());
    }
}
