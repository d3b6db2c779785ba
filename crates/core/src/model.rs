//! The domain: class series, classes, class versions, their sections and where each fact came from.
//!
//! Every string and list is a `Cow<'static, _>`: the app's data is baked at build time into
//! `static`s (borrowed, no parser in the browser), while the importer, the tests and the
//! benchmark's synthetic catalogues build the same types at run time (owned).

use std::borrow::Cow;

use crate::date::Date;

/// Text that is either baked into the binary or built at run time.
pub type Text = Cow<'static, str>;
/// A list that is either baked into the binary or built at run time.
pub type List<T> = Cow<'static, [T]>;

/// Every series and class the app knows.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    /// The series, the one shown first on the home view first.
    pub series: List<Series>,
    /// Every class, in no particular order; look them up with [`Catalogue::class`].
    pub classes: List<ClassSpec>,
    /// When the data was last gathered or checked against its sources (`data/catalogue.toml`),
    /// if the data says.
    pub checked: Option<Date>,
    /// The words of the trade, defined (`data/glossary.toml`; empty when the data has none).
    pub glossary: List<crate::glossary::Term>,
    /// `None` for a whole catalogue. A catalogue that holds only some series of a bigger one
    /// (the engine's, given the data files a view needs: [`crate::data_files`]) carries what
    /// the views say of the whole here, so that a view draws the same from it as from the whole.
    pub whole: Option<Whole>,
}

/// What the views say of a whole catalogue, for a catalogue that holds only part of it (see
/// [`Catalogue::whole`]; made by [`Catalogue::summary`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Whole {
    /// The whole's newest effective date ([`Catalogue::data_as_of`]).
    pub newest: Option<crate::date::Date>,
    /// What the whole's footer says of it ([`Catalogue::data_as_of_words`]).
    pub as_of_words: Option<Text>,
    /// How many classes the whole holds ([`Catalogue::class_count`]).
    pub classes: u32,
    /// Every number of years a qualification route of the whole asks ([`Catalogue::route_years`]).
    pub route_years: List<u8>,
    /// Every class's name, by series ([`Catalogue::class_names`]): the planner's form lists them.
    pub names: List<SeriesNames>,
}

/// A series' title and its classes' codes and names, in [`Catalogue::classes_by_series`]'s order.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesNames {
    pub title: Text,
    /// Each class's code and its name as plain words ("Customer Service Specialist 1 (102A)").
    pub classes: List<(Text, Text)>,
}

/// A class series: an ordered ladder of classes, lowest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Short identifier used in file names (`css`).
    pub id: Text,
    /// "Customer Service Specialist".
    pub title: Text,
    /// Class codes from the lowest level to the highest.
    pub ladder: List<Text>,
    /// Classes outside this series that sit beside it (Customer Service Manager beside CSS).
    pub related: List<RelatedClass>,
}

/// A class from another series shown beside a ladder, with why it belongs there.
#[derive(Clone, Debug, PartialEq)]
pub struct RelatedClass {
    pub code: Text,
    /// In our words: how it relates to the series.
    pub relation: Text,
}

/// One class (a class code) and all the versions of its specification the app holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassSpec {
    /// The class code, `102A`.
    pub code: Text,
    /// Whether the code was read on an official page or inferred.
    pub code_basis: Basis,
    pub title: Text,
    /// Whether the title was read on an official page or inferred.
    pub title_basis: Basis,
    /// The id of the series the class belongs to.
    pub series: Text,
    /// Newest first.
    pub versions: List<ClassVersion>,
}

/// One version of a class specification, as in force from its effective date.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassVersion {
    /// Unique within its class, used in addresses (`2025`).
    pub id: Text,
    /// The data's own name for the version ("2025 revision"). Views name a version by when it
    /// took effect ([`ClassVersion::label_marked`], "July 2025 version"); this name is shown
    /// only for a version whose date is not known.
    pub label: Text,
    /// The official page this version was read from.
    pub source_url: Text,
    /// When the copy of the official page its facts were read from was read, for a version whose
    /// official text is not reproduced here (`None` when it is: its facts were read on the text
    /// shown).
    pub read: Option<Date>,
    /// In our words: which copy of the page the data came from and how complete it is.
    pub source_note: Text,
    pub category: Fact<Text>,
    pub effective: Fact<Date>,
    pub adopted: Option<Date>,
    /// "Entry level", "Journey level", …
    pub level: Fact<Text>,
    /// The supervision the class works under ("Direct or close supervision").
    pub supervision: Fact<Text>,
    /// In our words: the scope of the work.
    pub scope: Fact<Text>,
    /// Whether the class leads or supervises others.
    pub oversight: Fact<Oversight>,
    /// A one-line definition in our words, for the ladder.
    pub tagline: Text,
    /// In the order of [`SectionKind::ALL`], every kind present exactly once.
    pub sections: List<Section>,
    pub qualifications: Qualifications,
    /// Dated entries of the class specification history, oldest first.
    pub history: List<HistoryEntry>,
}

/// Where a fact a view prints came from, in words a person understands. A fact's [`Basis`] says
/// whether it was read or estimated; this says, for what was read, where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source<'a> {
    /// Read on the official text this app shows, reproduced word for word.
    Shown,
    /// Read on the official page (a copy of it), which this app does not reproduce: the page, and
    /// when the copy was read.
    Page { url: &'a str, read: Option<Date> },
    /// Our own words.
    OurWords,
}

impl Source<'_> {
    /// The source kind as a word for machines (`data-source`) and styles.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Shown => "shown",
            Self::Page { .. } => "page",
            Self::OurWords => "ours",
        }
    }

    /// The source kind in words a person understands.
    pub fn label(self) -> &'static str {
        match self {
            Self::Shown => "Read on the official text shown here",
            Self::Page { .. } => "From the official page, not reproduced here",
            Self::OurWords => "Summary in our words",
        }
    }
}

impl ClassVersion {
    /// Where the facts this version states were read: on its official text, when the data
    /// reproduces it (any section), else on the official page the data does not reproduce.
    pub fn source(&self) -> Source<'_> {
        if self
            .sections
            .iter()
            .any(|s| matches!(s.content, SectionContent::Official(_)))
        {
            Source::Shown
        } else {
            Source::Page {
                url: &self.source_url,
                read: self.read,
            }
        }
    }
}

/// How a fact is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Read on an official page.
    Stated,
    /// Reasoned out, not read; says why.
    Inferred { why: Text },
}

impl Basis {
    /// `value` as a fact known this way.
    pub fn fact<T>(&self, value: T) -> Fact<T> {
        match self {
            Self::Stated => Fact::Stated(value),
            Self::Inferred { why } => Fact::Inferred {
                value,
                why: why.clone(),
            },
        }
    }
}

/// A fact about a class version, with how it is known, or a gap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fact<T> {
    /// Read on an official page.
    Stated(T),
    /// Reasoned out, not read; says why.
    Inferred { value: T, why: Text },
    /// Not in the embedded data; says what is known of the gap.
    Missing { why: Text },
}

impl<T> Fact<T> {
    /// The value, stated or inferred.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Stated(value) | Self::Inferred { value, .. } => Some(value),
            Self::Missing { .. } => None,
        }
    }

    pub fn is_inferred(&self) -> bool {
        matches!(self, Self::Inferred { .. })
    }
}

/// Whether a class leads or supervises other staff, from least to most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Oversight {
    /// Does not lead or supervise others.
    None,
    /// May be assigned lead or supervisory duties (any level of the 2019 series).
    MayLeadOrSupervise,
    /// Trains, leads and mentors lower-level staff.
    Leads,
    /// Supervises staff.
    Supervises,
    /// Manages a unit and its supervisors.
    Manages,
}

impl Oversight {
    pub const ALL: [Self; 5] = [
        Self::None,
        Self::MayLeadOrSupervise,
        Self::Leads,
        Self::Supervises,
        Self::Manages,
    ];

    /// The identifier used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::MayLeadOrSupervise => "may-lead-or-supervise",
            Self::Leads => "leads",
            Self::Supervises => "supervises",
            Self::Manages => "manages",
        }
    }

    /// Plain words for people.
    pub fn describe(self) -> &'static str {
        match self {
            Self::None => "Does not lead or supervise others",
            Self::MayLeadOrSupervise => "May be assigned lead or supervisory duties",
            Self::Leads => "Trains, leads and mentors other staff",
            Self::Supervises => "Supervises staff",
            Self::Manages => "Manages a unit",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.as_str() == id)
    }
}

/// The sections of an official class-specification page, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionKind {
    ClassSeriesConcept,
    Definition,
    DistinguishingCharacteristics,
    TypicalWork,
    LegalRequirements,
    DesirableQualifications,
    ClassSpecificationHistory,
}

impl SectionKind {
    pub const ALL: [Self; 7] = [
        Self::ClassSeriesConcept,
        Self::Definition,
        Self::DistinguishingCharacteristics,
        Self::TypicalWork,
        Self::LegalRequirements,
        Self::DesirableQualifications,
        Self::ClassSpecificationHistory,
    ];

    /// The identifier used in data files and as the section's anchor (`typical-work`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ClassSeriesConcept => "class-series-concept",
            Self::Definition => "definition",
            Self::DistinguishingCharacteristics => "distinguishing-characteristics",
            Self::TypicalWork => "typical-work",
            Self::LegalRequirements => "legal-requirements",
            Self::DesirableQualifications => "desirable-qualifications",
            Self::ClassSpecificationHistory => "class-specification-history",
        }
    }

    /// The heading exactly as the official pages print it.
    pub fn heading(self) -> &'static str {
        match self {
            Self::ClassSeriesConcept => "Class Series Concept",
            Self::Definition => "Definition",
            Self::DistinguishingCharacteristics => "Distinguishing Characteristics",
            Self::TypicalWork => "Typical Work",
            Self::LegalRequirements => "Legal Requirement(s)",
            Self::DesirableQualifications => "Desirable Qualifications",
            Self::ClassSpecificationHistory => "Class Specification History",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == id)
    }

    pub fn from_heading(heading: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.heading() == heading)
    }
}

/// One section of a class version, with its provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub content: SectionContent,
    /// Our own summary beside official text, one item per point or duty: plain words for
    /// readers, and a like-for-like basis for comparing with versions we only hold as summaries.
    pub alongside: Option<List<Text>>,
    /// In our words: what is incomplete or notable about this section in the data.
    pub note: Option<Text>,
    /// The data holds only the opening of this section (the copy it was read from breaks
    /// off): what follows is unknown, so nothing may be concluded from what is absent.
    pub partial: bool,
}

/// What the app holds of a section, which is also its provenance.
#[derive(Clone, Debug, PartialEq)]
pub enum SectionContent {
    /// Official text, reproduced exactly as the source document prints it.
    Official(Text),
    /// Our own summary of the official page, one item per point or duty.
    Summary(List<Text>),
    /// The page has this section but the embedded data does not hold it.
    NotInData,
    /// This version of the page has no such section.
    NotOnPage,
}

impl SectionContent {
    /// The provenance label shown beside the section.
    pub fn provenance(&self) -> Provenance {
        match self {
            Self::Official(_) => Provenance::OfficialText,
            Self::Summary(_) => Provenance::Summary,
            Self::NotInData => Provenance::NotInData,
            Self::NotOnPage => Provenance::NotOnPage,
        }
    }
}

/// The one phrase, in every view and the spreadsheet, for what the project does not hold (a
/// section, a fact): our copy of the official page lacks it. Not "not published", which reads as
/// "the State never published it"; the official page is where to read it.
pub const NOT_IN_OUR_COPY: &str = "Not in our copy";

/// Where what the app shows came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provenance {
    OfficialText,
    Summary,
    NotInData,
    NotOnPage,
}

impl Provenance {
    pub fn label(self) -> &'static str {
        match self {
            Self::OfficialText => "Official text",
            Self::Summary => "Summary in our words",
            Self::NotInData => NOT_IN_OUR_COPY,
            Self::NotOnPage => "Not on this version of the page",
        }
    }

    /// A BEM modifier for styling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OfficialText => "official",
            Self::Summary => "summary",
            Self::NotInData => "missing",
            Self::NotOnPage => "absent",
        }
    }
}

/// Splits official text into its paragraphs: lines separated by lines holding only white space
/// (the pages use no-break spaces on some "empty" lines).
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|line| line.trim_end_matches(['\r']))
        .filter(|line| !line.trim().is_empty())
        .map(str::trim)
}

/// Education levels, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Education {
    /// High school diploma, GED or equivalent.
    HighSchool,
    Associate,
    Bachelor,
    /// A master's degree or higher.
    Graduate,
}

impl Education {
    pub const ALL: [Self; 4] = [
        Self::HighSchool,
        Self::Associate,
        Self::Bachelor,
        Self::Graduate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::HighSchool => "high-school",
            Self::Associate => "associate",
            Self::Bachelor => "bachelor",
            Self::Graduate => "graduate",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Self::HighSchool => "a high school diploma or GED",
            Self::Associate => "an associate's degree",
            Self::Bachelor => "a bachelor's degree",
            Self::Graduate => "a graduate degree",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == id)
    }
}

/// The desirable qualifications of a class version as structured data.
#[derive(Clone, Debug, PartialEq)]
pub enum Qualifications {
    /// Any one of the routes is enough.
    Routes(List<QualificationRoute>),
    /// The embedded data does not hold them.
    NotInData { why: Text },
}

/// One way of meeting the desirable qualifications.
#[derive(Clone, Debug, PartialEq)]
pub struct QualificationRoute {
    pub requirement: Requirement,
    pub basis: Basis,
}

/// What a route asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Requirement {
    /// An education level (or higher) and years of relevant experience.
    EducationAndExperience {
        education: Education,
        years: u8,
        /// Whether the experience must be progressive (growing in responsibility).
        progressive: bool,
    },
    /// Years in another class (the in-series promotion route).
    YearsInClass { class: Text, years: u8 },
    /// An unspecified equivalent ("Equivalent education/experience"), judged by the employer.
    Equivalent { of: Text },
    /// A route the official page states but the data does not hold in a form that can be
    /// checked (the importer could not read it, or it names a class not in the data yet), with
    /// why, in our words. Nobody can be judged against it, so it is never silently dropped: a
    /// person who meets no other route gets "cannot tell", not "not yet".
    Unread { why: Text },
}

/// One dated entry of a class specification history.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEntry {
    pub effective: Option<Date>,
    pub adopted: Option<Date>,
    /// The entry's words, and whose they are.
    pub text: Wording,
    /// Whether the entry was seen on this version's page or inferred (taken from another copy,
    /// or expected but not seen).
    pub basis: Basis,
}

/// A text and whose words it is: a line copied from an official page, or ours. A history entry
/// holds one, as a section holds [`SectionContent`], so no view can show our words as official.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wording {
    /// Exactly as the official page prints it.
    Official(Text),
    /// In our own words.
    Summary(Text),
}

impl Wording {
    /// The words, whoever wrote them.
    pub fn text(&self) -> &str {
        match self {
            Self::Official(text) | Self::Summary(text) => text,
        }
    }
}
