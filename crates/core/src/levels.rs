//! What each level of a series asks, level by level: the deciding factors of every level (and of
//! the classes beside the series), and the duties grouped by where they appear along the ladder.
//!
//! Duties are followed up the ladder with the comparison's duty matching
//! ([`crate::compare::duties`]), one step at a time, like with like: official text with official
//! text when every level has it, else our words with our words. A duty followed from level to
//! level is a *thread*; where a thread starts and ends places it in a group (at every level, from
//! level n up, only at level n, no longer listed after level n). A level whose list is cut off in
//! the data, or missing, can change groups next to it: those groups carry a note saying so.

use crate::compare::duties::match_duties;
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
    /// The duty groups, in reading order: at every level first, then by the level a duty first
    /// appears at, then what is no longer listed.
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

/// Where along the ladder a duty is listed (levels are indexes into the ladder, lowest 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Spread {
    /// At every level of the ladder.
    Every,
    /// From this level to the top.
    FromUp(usize),
    /// At one level only.
    Only(usize),
    /// From the lowest level up to this one, and not above.
    Until(usize),
    /// From one level to another, neither the lowest nor the top.
    Between(usize, usize),
}

impl Spread {
    /// The spread of a duty listed from level `first` to `last` of a ladder of `levels`.
    pub fn of(first: usize, last: usize, levels: usize) -> Self {
        let top = levels.saturating_sub(1);
        if first == 0 && last >= top {
            Self::Every
        } else if first == last {
            Self::Only(first)
        } else if last >= top {
            Self::FromUp(first)
        } else if first == 0 {
            Self::Until(last)
        } else {
            Self::Between(first, last)
        }
    }

    /// The first and last level it covers.
    pub fn span(self, levels: usize) -> (usize, usize) {
        let top = levels.saturating_sub(1);
        match self {
            Self::Every => (0, top),
            Self::FromUp(n) => (n, top),
            Self::Only(n) => (n, n),
            Self::Until(n) => (0, n),
            Self::Between(a, b) => (a, b),
        }
    }
}

/// One duty, followed up the ladder: its wording at each level it is listed at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Thread<'a> {
    /// `(level, wording)`, lowest level first, consecutive levels.
    pub at: Vec<(usize, &'a str)>,
}

impl<'a> Thread<'a> {
    pub fn first(&self) -> usize {
        self.at.first().map_or(0, |&(level, _)| level)
    }

    pub fn last(&self) -> usize {
        self.at.last().map_or(0, |&(level, _)| level)
    }

    /// The wording at its highest level (the newest statement of the duty).
    pub fn wording(&self) -> &'a str {
        self.at.last().map_or("", |&(_, text)| text)
    }
}

/// The duties that share a spread, with what could change the grouping.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group<'a> {
    pub spread: Spread,
    pub duties: Vec<Thread<'a>>,
    /// Levels whose list is cut off or missing and sits just outside this group's span, so a
    /// duty here may also be listed there: `(level, its state)`.
    pub caveats: Vec<(usize, ListState)>,
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
}

/// The address of a series' levels view: `/levels` for the home series, `/levels/<id>` else.
pub fn route_for(catalogue: &Catalogue, series: &Series) -> crate::route::Route {
    let home = catalogue.home_series().is_some_and(|h| h.id == series.id);
    crate::route::Route::Levels {
        series: (!home).then(|| series.id.to_string()),
    }
}

impl Levels<'_> {
    fn title(&self, level: usize) -> &str {
        self.levels
            .get(level)
            .map_or("", |c| c.class.title.as_ref())
    }

    /// A group's heading: "At every level", "New at Customer Service Specialist 4, the top
    /// level", "No longer listed after …".
    pub fn heading(&self, spread: Spread) -> String {
        let top = self.levels.len().saturating_sub(1);
        match spread {
            Spread::Every => "At every level".to_owned(),
            Spread::FromUp(n) => format!("From {} up", self.title(n)),
            Spread::Only(n) if n == top && top > 0 => {
                format!("New at {}, the top level", self.title(n))
            }
            Spread::Only(n) => format!("Only at {}", self.title(n)),
            Spread::Until(n) => format!("No longer listed after {}", self.title(n)),
            Spread::Between(a, b) => format!(
                "From {} to {}, no longer listed after {}",
                self.title(a),
                self.title(b),
                self.title(b)
            ),
        }
    }

    /// What a cut-off or missing list next to a group could change, in a sentence.
    pub fn caveat(&self, spread: Spread, (level, state): (usize, ListState)) -> String {
        let (first, last) = spread.span(self.levels.len());
        let what = match state {
            ListState::Missing => format!(
                "{}'s duties are not in the data in the words compared here",
                self.title(level)
            ),
            ListState::Partial | ListState::Complete => {
                format!("{}'s list is incomplete in the data", self.title(level))
            }
        };
        if level < first {
            format!(
                "{what}: a duty shown as first at {} may also be at {}.",
                self.title(first),
                self.title(level)
            )
        } else {
            format!(
                "{what}: a duty shown as no longer listed after {} may still be at {}.",
                self.title(last),
                self.title(level)
            )
        }
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

/// Follows every duty up the ladder, one step at a time; a missing list ends every thread.
fn follow<'a>(lists: &[DutyList<'a>]) -> Vec<Thread<'a>> {
    let mut done: Vec<Thread<'a>> = Vec::new();
    // Threads still open, by their index in the previous level's list.
    let mut open: Vec<Option<Thread<'a>>> = Vec::new();
    for (level, (_, duties)) in lists.iter().enumerate() {
        let previous: Vec<&str> = open
            .iter()
            .map(|t| t.as_ref().map_or("", |t| matched_on(t.wording())))
            .collect();
        let current: Vec<&str> = duties.iter().map(|d| matched_on(d)).collect();
        let matched = match_duties(&previous, &current);
        let mut next: Vec<Option<Thread<'a>>> = vec![None; duties.len()];
        for &(i, j) in &matched.kept {
            if let Some(mut thread) = open[i].take() {
                thread.at.push((level, duties[j]));
                next[j] = Some(thread);
            }
        }
        for &j in &matched.added {
            next[j] = Some(Thread {
                at: vec![(level, duties[j])],
            });
        }
        done.extend(open.into_iter().flatten());
        open = next;
    }
    done.extend(open.into_iter().flatten());
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

/// Every spread a ladder of `levels` can have, in reading order: every level; then by the level
/// a duty is first listed at, the longest span first; then what is no longer listed, lowest
/// first.
fn spreads_in_order(levels: usize) -> Vec<Spread> {
    let top = levels.saturating_sub(1);
    let mut out = vec![Spread::Every];
    for first in 0..levels {
        for last in (first..=top).rev() {
            let spread = Spread::of(first, last, levels);
            if !matches!(spread, Spread::Every | Spread::Until(_)) {
                out.push(spread);
            }
        }
    }
    out.extend((1..top).map(Spread::Until));
    out
}

/// Threads into groups by spread, in reading order, each with the levels that could change it.
/// (Built by walking the spreads in order rather than sorting: a sort's code is instantiated per
/// element type and cost the engine module kilobytes.)
fn group<'a>(threads: &[Thread<'a>], states: &[ListState]) -> Vec<Group<'a>> {
    let levels = states.len();
    let mut groups = Vec::new();
    for spread in spreads_in_order(levels) {
        let duties: Vec<Thread<'a>> = threads
            .iter()
            .filter(|t| Spread::of(t.first(), t.last(), levels) == spread)
            .cloned()
            .collect();
        if duties.is_empty() {
            continue;
        }
        let (first, last) = spread.span(levels);
        // A duty first listed at `first` may be in a cut-off list below it; one last listed at
        // `last` may be in a cut-off list above it.
        let below = first.checked_sub(1);
        let above = (last + 1 < levels).then_some(last + 1);
        let caveats = below
            .into_iter()
            .chain(above)
            .filter(|&level| states[level] != ListState::Complete)
            .map(|level| (level, states[level]))
            .collect();
        groups.push(Group {
            spread,
            duties,
            caveats,
        });
    }
    groups
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

    #[test]
    fn every_spread_comes_once_in_reading_order() {
        use Spread::{Between, Every, FromUp, Only, Until};
        assert_eq!(
            spreads_in_order(4),
            vec![
                Every,
                Only(0),
                FromUp(1),
                Between(1, 2),
                Only(1),
                FromUp(2),
                Only(2),
                Only(3),
                Until(1),
                Until(2)
            ],
            "every (first, last) of 4 levels: 10"
        );
        assert_eq!(spreads_in_order(1), vec![Every]);
        for levels in 1..=12 {
            assert_eq!(spreads_in_order(levels).len(), levels * (levels + 1) / 2);
        }
    }

    #[test]
    fn spreads_cover_every_shape_of_span() {
        assert_eq!(Spread::of(0, 3, 4), Spread::Every);
        assert_eq!(
            Spread::of(0, 0, 1),
            Spread::Every,
            "one level: all at every level"
        );
        assert_eq!(Spread::of(2, 3, 4), Spread::FromUp(2));
        assert_eq!(Spread::of(3, 3, 4), Spread::Only(3));
        assert_eq!(Spread::of(0, 0, 4), Spread::Only(0));
        assert_eq!(Spread::of(0, 1, 4), Spread::Until(1));
        assert_eq!(Spread::of(1, 2, 4), Spread::Between(1, 2));
        for spread in [
            Spread::Every,
            Spread::FromUp(2),
            Spread::Only(1),
            Spread::Until(1),
            Spread::Between(1, 2),
        ] {
            let (first, last) = spread.span(4);
            assert_eq!(Spread::of(first, last, 4), spread);
        }
    }

    fn lists(levels: &[(&[&'static str], ListState)]) -> Vec<DutyList<'static>> {
        levels
            .iter()
            .map(|(duties, state)| (*state, duties.to_vec()))
            .collect()
    }

    #[test]
    fn threads_follow_a_duty_up_and_groups_say_what_could_change_them() {
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
        let threads = follow(&given);
        let groups = group(&threads, &[Complete, Partial, Complete]);
        let spreads: Vec<Spread> = groups.iter().map(|g| g.spread).collect();
        assert_eq!(
            spreads,
            vec![Spread::Every, Spread::Only(0), Spread::Only(2)],
            "{groups:#?}"
        );
        assert_eq!(groups[0].duties[0].at.len(), 3);
        assert_eq!(
            groups[1].caveats,
            vec![(1, Partial)],
            "gone after the lowest: the cut-off list above may hold it"
        );
        assert_eq!(
            groups[2].caveats,
            vec![(1, Partial)],
            "new at the top: the cut-off list below may hold it"
        );
        assert!(groups[0].caveats.is_empty());
    }

    #[test]
    fn a_missing_list_breaks_every_thread_and_is_a_caveat() {
        use ListState::{Complete, Missing};
        let duty = "Answers customer calls.";
        let given = lists(&[(&[duty], Complete), (&[], Missing), (&[duty], Complete)]);
        let groups = group(&follow(&given), &[Complete, Missing, Complete]);
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].spread, Spread::Only(0));
        assert_eq!(groups[0].caveats, vec![(1, Missing)]);
        assert_eq!(groups[1].spread, Spread::Only(2));
        assert_eq!(groups[1].caveats, vec![(1, Missing)]);
    }
}
