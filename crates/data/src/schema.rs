//! The shape of the data files, as people write them. Unknown keys are errors, so a typo
//! never silently drops a fact.

use serde::Deserialize;
use toml::Spanned;

/// `data/series/<id>.toml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesFile {
    pub id: Spanned<String>,
    pub title: String,
    /// Where the series stands among the series (the lowest is shown on the home view).
    pub order: u32,
    pub ladder: Vec<Spanned<String>>,
    #[serde(default)]
    pub related: Vec<RelatedToml>,
    /// Places on the ladder the importer proposed and nobody has confirmed yet.
    #[serde(default)]
    pub proposed: Vec<ProposedPlaceToml>,
}

/// `[[proposed]]` in a series file: a class placed on the ladder by the importer without
/// certainty (its title has no level number). The build warns until a person deletes the entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposedPlaceToml {
    pub code: Spanned<String>,
    pub why: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelatedToml {
    pub code: Spanned<String>,
    pub relation: String,
}

/// `data/classes/<code>-<version>.toml`: one class version.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionFile {
    pub class: ClassToml,
    pub version: VersionToml,
    #[serde(rename = "section")]
    pub sections: Vec<SectionToml>,
    pub qualifications: QualificationsToml,
    #[serde(default)]
    pub history: Vec<HistoryToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassToml {
    pub code: Spanned<String>,
    /// Why the code is inferred, when the page did not show it.
    pub code_inferred: Option<String>,
    pub title: Spanned<String>,
    /// Why the title is inferred, when the page did not show it.
    pub title_inferred: Option<String>,
    pub series: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionToml {
    pub id: Spanned<String>,
    pub label: String,
    pub source_url: Spanned<String>,
    pub source_note: String,
    /// When the copy of the official page was read (`YYYY-MM-DD`): required for a version whose
    /// official text the data does not hold, absent for one it does (its facts were read there).
    pub read: Option<Spanned<String>>,
    pub effective: Spanned<FactToml>,
    pub adopted: Option<Spanned<String>>,
    pub category: Spanned<FactToml>,
    pub level: Spanned<FactToml>,
    pub supervision: Spanned<FactToml>,
    pub scope: Spanned<FactToml>,
    pub oversight: Spanned<FactToml>,
    pub tagline: String,
}

/// A fact: exactly one of `stated`, `inferred` (with `why`), `missing` (saying why), or
/// `proposed` (written by the importer for a person to confirm; the build warns about it).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactToml {
    pub stated: Option<String>,
    pub inferred: Option<String>,
    pub proposed: Option<String>,
    pub why: Option<String>,
    pub missing: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionToml {
    pub kind: Spanned<String>,
    /// Official text, exactly as printed.
    pub official: Option<String>,
    /// Our own words, one item per point; beside `official`, a summary alongside it.
    pub summary: Option<Vec<String>>,
    /// `not-in-data` or `not-on-page`.
    pub gap: Option<Spanned<String>>,
    pub note: Option<String>,
    /// `true` when the data holds only the opening of the section (the copy breaks off).
    pub partial: Option<Spanned<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualificationsToml {
    pub routes: Option<Vec<Spanned<RouteToml>>>,
    pub missing: Option<String>,
}

/// One route: `{ education, years [, progressive] }`, `{ class, years }`, `{ equivalent }` or
/// `{ unread }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteToml {
    pub education: Option<String>,
    pub years: Option<u8>,
    #[serde(default)]
    pub progressive: bool,
    pub class: Option<String>,
    pub equivalent: Option<String>,
    /// A route of the page the importer could not read into one of the above: why, in our
    /// words (`{ unread = "…" }` alone).
    pub unread: Option<String>,
    /// Why the route is inferred rather than read.
    pub inferred: Option<String>,
    /// Written by the importer when it could not be sure; the build warns about it.
    pub proposed: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryToml {
    pub effective: Option<Spanned<String>>,
    pub adopted: Option<Spanned<String>>,
    /// A line of the page's history exactly as printed (the version's history section must be
    /// official text holding it) ...
    pub official: Option<Spanned<String>>,
    /// ... or the entry in our own words: exactly one of the two.
    pub summary: Option<Spanned<String>>,
    pub inferred: Option<String>,
}

/// `data/catalogue.toml`: about the data as a whole.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    /// When the data was last gathered or checked against its sources (`YYYY-MM-DD`).
    pub checked: Spanned<String>,
}

/// `data/glossary.toml`: the words of the trade, each defined in our own words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryFile {
    #[serde(rename = "term", default)]
    pub terms: Vec<TermToml>,
}

/// `[[term]]` in the glossary.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermToml {
    /// Its anchor on the glossary page: letters, digits and '-'.
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    /// The words and phrases that count as the term in a view's text.
    pub forms: Spanned<Vec<Spanned<String>>>,
    pub definition: Spanned<String>,
    /// The page that defines the term, when one was found; with its address.
    pub source: Option<Spanned<String>>,
    pub source_url: Option<Spanned<String>>,
    /// What kind of page the source is, when it is not a state-wide rule.
    pub source_note: Option<Spanned<String>>,
}
