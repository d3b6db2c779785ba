//! Text that carries the certainty of the facts in it. A sentence a view shows ("One year as a
//! Customer Service Specialist 3 (102C)") is built from plain words and facts, each fact with
//! how it is known; the views print it only through `render::parts` (HTML, SVG) or
//! [`Marked::plain`] (text-only places), which put the mark beside every inferred value. So a
//! value never travels without its mark.

use crate::model::{Basis, ClassSpec, ClassVersion, Fact, Text};

/// The mark of an estimated value wherever it is printed: views, the drawing, text-only places
/// and the spreadsheet (issue 22: one visual language, explained once per page).
pub const MARK: &str = "*";

/// A run of plain words and facts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marked {
    parts: Vec<Part>,
}

/// One piece of a [`Marked`] text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Our words around the facts, or a stated value.
    Plain(String),
    /// An inferred value, with why it is inferred.
    Inferred { value: String, why: String },
}

impl Marked {
    pub fn new() -> Self {
        Self::default()
    }

    /// Plain words.
    #[must_use]
    pub fn text(mut self, text: &str) -> Self {
        if let Some(Part::Plain(last)) = self.parts.last_mut() {
            last.push_str(text);
        } else if !text.is_empty() {
            self.parts.push(Part::Plain(text.to_owned()));
        }
        self
    }

    /// A value known the way `basis` says.
    #[must_use]
    pub fn value(self, value: &str, basis: &Basis) -> Self {
        match basis {
            Basis::Stated => self.text(value),
            Basis::Inferred { why } => self.push(Part::Inferred {
                value: value.to_owned(),
                why: why.to_string(),
            }),
        }
    }

    /// Another marked text, appended.
    #[must_use]
    pub fn then(mut self, other: Self) -> Self {
        for part in other.parts {
            self = self.push(part);
        }
        self
    }

    fn push(mut self, part: Part) -> Self {
        match part {
            Part::Plain(text) => self.text(&text),
            inferred @ Part::Inferred { .. } => {
                self.parts.push(inferred);
                self
            }
        }
    }

    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// Whether any value in it is inferred.
    pub fn is_inferred(&self) -> bool {
        self.parts
            .iter()
            .any(|p| matches!(p, Part::Inferred { .. }))
    }

    /// Why its inferred values are inferred, joined.
    pub fn why(&self) -> String {
        let mut whys: Vec<&str> = Vec::new();
        for part in &self.parts {
            if let Part::Inferred { value, why } = part {
                let why = if why.is_empty() { value } else { why };
                if !whys.contains(&why.as_str()) {
                    whys.push(why);
                }
            }
        }
        whys.join(" ")
    }

    /// The words, without marks: only for comparing and searching, never for showing.
    pub fn words(&self) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Plain(text) | Part::Inferred { value: text, .. } => text.as_str(),
            })
            .collect()
    }

    /// For places that hold text only (an `<option>`, an attribute, a document title, a
    /// spreadsheet cell): every estimated value followed by "*", the mark the views draw and the
    /// page's key explains. One mark, never a bracket inside a bracket ("Customer Service
    /// Specialist 2 (102B*)").
    pub fn plain(&self) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Plain(text) => text.clone(),
                Part::Inferred { value, .. } => format!("{value}{MARK}"),
            })
            .collect()
    }

    /// The words as a fact: inferred when any value in it is.
    pub fn into_fact(self) -> Fact<String> {
        if self.is_inferred() {
            Fact::Inferred {
                why: self.why().into(),
                value: self.words(),
            }
        } else {
            Fact::Stated(self.words())
        }
    }
}

impl ClassSpec {
    /// The class code, marked when inferred.
    pub fn code_marked(&self) -> Marked {
        Marked::new().value(&self.code, &self.code_basis)
    }

    /// The title, marked when inferred.
    pub fn title_marked(&self) -> Marked {
        Marked::new().value(&self.title, &self.title_basis)
    }

    /// "Customer Service Specialist 3 (102C)", each part marked when inferred.
    pub fn name_marked(&self) -> Marked {
        self.title_marked()
            .text(" (")
            .then(self.code_marked())
            .text(")")
    }
}

impl ClassVersion {
    /// How the version's label ("July 2025 version") is known: as its effective date is.
    pub fn label_basis(&self) -> Basis {
        match &self.effective {
            Fact::Inferred { why, .. } => Basis::Inferred {
                why: format!("Date estimated: {why}").into(),
            },
            _ => Basis::Stated,
        }
    }

    /// The version named by when it took effect, "July 2025 version", the month and year
    /// marked when the date is estimated (the mark sits on the date, the one uncertain part).
    /// A version with no known date keeps the name its data gives it.
    pub fn label_marked(&self) -> Marked {
        match self.effective.value() {
            Some(date) => Marked::new()
                .value(
                    &format!("{} {}", date.month_name(), date.year),
                    &self.label_basis(),
                )
                .text(" version"),
            None => Marked::new().text(&self.label),
        }
    }
}

impl From<&Text> for Marked {
    fn from(text: &Text) -> Self {
        Marked::new().text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_puts_the_mark_on_each_estimated_value() {
        let guess = Basis::Inferred {
            why: "sequence".into(),
        };
        let m = Marked::new()
            .text("One year as a CSS 3 (")
            .value("102C", &guess)
            .text(")");
        // No bracket inside a bracket (mutation seen failing: the old "102C (inferred)").
        assert_eq!(m.plain(), "One year as a CSS 3 (102C*)");
        assert_eq!(m.words(), "One year as a CSS 3 (102C)");
        assert!(m.is_inferred());
        assert!(!Marked::new().value("102D", &Basis::Stated).is_inferred());
    }
}
