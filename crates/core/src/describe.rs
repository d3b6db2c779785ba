//! Plain-language descriptions of structured facts, for views and summaries alike.

use crate::marked::Marked;
use crate::model::{Basis, Catalogue, ClassSpec, QualificationRoute, Requirement};

/// "one year", "four years": the pages write small numbers as words.
pub fn years_phrase(years: u8) -> String {
    let number = number_word(years);
    if years == 1 {
        format!("{number} year")
    } else {
        format!("{number} years")
    }
}

/// "one", "two", … up to nine in words, then figures.
pub fn number_word(n: u8) -> String {
    const WORDS: [&str; 10] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    WORDS
        .get(usize::from(n))
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// The text with its first letter in upper case (ASCII).
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        std::iter::once(c.to_ascii_uppercase())
            .chain(chars)
            .collect()
    })
}

impl Requirement {
    /// One sentence a person understands: "A high school diploma or GED and four years of
    /// experience", "One year as a Customer Service Specialist 3 (102C)". Only for comparing
    /// and searching: views show [`Requirement::marked`].
    pub fn describe(&self, catalogue: &Catalogue) -> String {
        self.marked(catalogue).words()
    }

    /// [`Requirement::describe`] with the class it names marked where its title or code is
    /// inferred.
    pub fn marked(&self, catalogue: &Catalogue) -> Marked {
        match self {
            Self::EducationAndExperience {
                education,
                years: 0,
                ..
            } => Marked::new().text(&capitalise(education.describe())),
            Self::EducationAndExperience {
                education,
                years,
                progressive,
            } => Marked::new().text(&format!(
                "{} and {} of {}experience",
                capitalise(education.describe()),
                years_phrase(*years),
                if *progressive { "progressive " } else { "" }
            )),
            Self::YearsInClass { class, years } => {
                let named = catalogue.class(class).map_or_else(
                    || Marked::new().text(&format!("{class} ({class})")),
                    ClassSpec::name_marked,
                );
                Marked::new()
                    .text(&format!("{} as a ", capitalise(&years_phrase(*years))))
                    .then(named)
            }
            Self::Equivalent { of } => Marked::new().text(&format!("Equivalent {of}")),
            Self::Unread { why } => Marked::new().text(&format!(
                "A route of the official page not in our copy in a form that can be checked ({why})"
            )),
        }
    }
}

impl QualificationRoute {
    /// The route as a sentence, marked: wholly, when the route itself is inferred.
    pub fn marked(&self, catalogue: &Catalogue) -> Marked {
        let sentence = self.requirement.marked(catalogue);
        match &self.basis {
            Basis::Stated => sentence,
            inferred @ Basis::Inferred { .. } => Marked::new().value(&sentence.words(), inferred),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::model::Education;

    fn empty() -> Catalogue {
        Catalogue {
            series: Cow::Borrowed(&[]),
            classes: Cow::Borrowed(&[]),
            checked: None,
            glossary: std::borrow::Cow::Borrowed(&[]),
            whole: None,
        }
    }

    #[test]
    fn describes_each_kind_of_route() {
        let c = empty();
        let high_school = Requirement::EducationAndExperience {
            education: Education::HighSchool,
            years: 4,
            progressive: false,
        };
        assert_eq!(
            high_school.describe(&c),
            "A high school diploma or GED and four years of experience"
        );
        let bachelor = Requirement::EducationAndExperience {
            education: Education::Bachelor,
            years: 2,
            progressive: true,
        };
        assert_eq!(
            bachelor.describe(&c),
            "A bachelor's degree and two years of progressive experience"
        );
        let in_class = Requirement::YearsInClass {
            class: "102C".into(),
            years: 1,
        };
        assert_eq!(in_class.describe(&c), "One year as a 102C (102C)");
        assert_eq!(
            Requirement::Equivalent {
                of: "education/experience".into()
            }
            .describe(&c),
            "Equivalent education/experience"
        );
        assert_eq!(years_phrase(12), "12 years");
    }
}
