//! The data files' bytes: each value of the model written field after field, in declaration
//! order, with no names and no schema in the bytes (the index and the files are written and read
//! by the same build: the build id says so). Numbers are LEB128 varints, text is its length and
//! its UTF-8, a list its length and its items, an option or an enum a tag byte then its fields.
//!
//! Written by hand rather than with serde and postcard (the first attempt): their derived
//! readers cost each engine module 12.1 KB brotli (BENCHMARKS.md), these a fraction of it.

use std::borrow::Cow;
use std::fmt;

use crate::date::Date;
use crate::glossary::{Term, TermSource};
use crate::model::{
    Basis, ClassSpec, ClassVersion, Education, Fact, HistoryEntry, Oversight, QualificationRoute,
    Qualifications, RelatedClass, Requirement, Section, SectionContent, SectionKind, Series,
    SeriesNames, Whole, Wording,
};

use super::{Entry, Index, SeriesFile};

/// Bytes that are not a data file: they end early, or hold what no data file writes, at `at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub at: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a data file of this app (at byte {})", self.at)
    }
}

impl std::error::Error for DecodeError {}

/// The bytes being read, and where.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn fail<T>(&self) -> Result<T, DecodeError> {
        Err(DecodeError { at: self.at })
    }

    fn byte(&mut self) -> Result<u8, DecodeError> {
        let Some(&b) = self.bytes.get(self.at) else {
            return self.fail();
        };
        self.at += 1;
        Ok(b)
    }

    fn number(&mut self) -> Result<u32, DecodeError> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        self.fail()
    }

    fn length(&mut self) -> Result<usize, DecodeError> {
        let n = self.number()? as usize;
        // No list or text is longer than what is left to read: a corrupt length is refused
        // before anything is allocated for it.
        if n > self.bytes.len() - self.at {
            return self.fail();
        }
        Ok(n)
    }
}

/// A value written into a data file and read back.
pub trait Wire: Sized {
    fn put(&self, out: &mut Vec<u8>);
    /// # Errors
    /// When the bytes are not such a value.
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError>;
}

/// Reads a whole file: `T`, then nothing more.
pub(super) fn decode<T: Wire>(bytes: &[u8]) -> Result<T, DecodeError> {
    let mut r = Reader { bytes, at: 0 };
    let value = T::take(&mut r)?;
    if r.at == bytes.len() {
        Ok(value)
    } else {
        r.fail()
    }
}

pub(super) fn encode<T: Wire>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.put(&mut out);
    out
}

fn put_number(mut n: u32, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push(u8::try_from(n & 0x7f).unwrap_or(0) | 0x80);
        n >>= 7;
    }
    out.push(u8::try_from(n).unwrap_or(0));
}

fn put_length(n: usize, out: &mut Vec<u8>) {
    put_number(
        u32::try_from(n).expect("a data file's list is shorter than 2^32"),
        out,
    );
}

impl Wire for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.byte()
    }
}

impl Wire for u16 {
    fn put(&self, out: &mut Vec<u8>) {
        put_number(u32::from(*self), out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let n = r.number()?;
        u16::try_from(n).or_else(|_| r.fail())
    }
}

impl Wire for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        put_number(*self, out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.number()
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => r.fail(),
        }
    }
}

impl Wire for Cow<'static, str> {
    fn put(&self, out: &mut Vec<u8>) {
        put_length(self.len(), out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let n = r.length()?;
        let text = std::str::from_utf8(&r.bytes[r.at..r.at + n]).or_else(|_| r.fail())?;
        r.at += n;
        Ok(Cow::Owned(text.to_owned()))
    }
}

impl<T: Wire + Clone> Wire for Cow<'static, [T]> {
    fn put(&self, out: &mut Vec<u8>) {
        put_length(self.len(), out);
        for item in self.iter() {
            item.put(out);
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        let n = r.length()?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(T::take(r)?);
        }
        Ok(Cow::Owned(items))
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match r.byte()? {
            0 => Ok(None),
            1 => Ok(Some(T::take(r)?)),
            _ => r.fail(),
        }
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok((A::take(r)?, B::take(r)?))
    }
}

/// A struct as its fields, in order.
macro_rules! fields {
    ($($t:ty { $($field:ident),* $(,)? })*) => {$(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$field.put(out);)*
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                Ok(Self { $($field: Wire::take(r)?),* })
            }
        }
    )*};
}

fields! {
    Index { build, series, checked, glossary, whole }
    Entry { id, title, file, integrity, classes, at, names }
    SeriesFile { build, series, classes }
    Whole { newest, as_of_words, classes, route_years, names }
    SeriesNames { title, classes }
    Term { id, name, forms, definition, source }
    TermSource { name, url, note }
    Date { year, month, day }
    Series { id, title, ladder, related }
    RelatedClass { code, relation }
    ClassSpec { code, code_basis, title, title_basis, series, versions }
    ClassVersion {
        id, label, source_url, read, source_note, category, effective, adopted, level,
        supervision, scope, oversight, tagline, sections, qualifications, history,
    }
    Section { kind, content, alongside, note, partial }
    QualificationRoute { requirement, basis }
    HistoryEntry { effective, adopted, text, basis }
}

/// A unit enum as its place in its `ALL`.
macro_rules! places {
    ($($t:ty)*) => {$(
        impl Wire for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let at = Self::ALL.iter().position(|x| x == self).unwrap_or(0);
                out.push(u8::try_from(at).unwrap_or(0));
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
                let at = r.byte()?;
                Self::ALL.get(usize::from(at)).copied().map_or_else(|| r.fail(), Ok)
            }
        }
    )*};
}

places! { Oversight SectionKind Education }

impl Wire for Basis {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Self::Stated => out.push(0),
            Self::Inferred { why } => {
                out.push(1);
                why.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match r.byte()? {
            0 => Ok(Self::Stated),
            1 => Ok(Self::Inferred {
                why: Wire::take(r)?,
            }),
            _ => r.fail(),
        }
    }
}

impl<T: Wire> Wire for Fact<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Self::Stated(value) => {
                out.push(0);
                value.put(out);
            }
            Self::Inferred { value, why } => {
                out.push(1);
                value.put(out);
                why.put(out);
            }
            Self::Missing { why } => {
                out.push(2);
                why.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match r.byte()? {
            0 => Ok(Self::Stated(T::take(r)?)),
            1 => Ok(Self::Inferred {
                value: T::take(r)?,
                why: Wire::take(r)?,
            }),
            2 => Ok(Self::Missing {
                why: Wire::take(r)?,
            }),
            _ => r.fail(),
        }
    }
}

impl Wire for SectionContent {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Self::Official(text) => {
                out.push(0);
                text.put(out);
            }
            Self::Summary(items) => {
                out.push(1);
                items.put(out);
            }
            Self::NotInData => out.push(2),
            Self::NotOnPage => out.push(3),
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match r.byte()? {
            0 => Ok(Self::Official(Wire::take(r)?)),
            1 => Ok(Self::Summary(Wire::take(r)?)),
            2 => Ok(Self::NotInData),
            3 => Ok(Self::NotOnPage),
            _ => r.fail(),
        }
    }
}

impl Wire for Qualifications {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Self::Routes(routes) => {
                out.push(0);
                routes.put(out);
            }
            Self::NotInData { why } => {
                out.push(1);
                why.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match r.byte()? {
            0 => Ok(Self::Routes(Wire::take(r)?)),
            1 => Ok(Self::NotInData {
                why: Wire::take(r)?,
            }),
            _ => r.fail(),
        }
    }
}

impl Wire for Requirement {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Self::EducationAndExperience {
                education,
                years,
                progressive,
            } => {
                out.push(0);
                education.put(out);
                years.put(out);
                progressive.put(out);
            }
            Self::YearsInClass { class, years } => {
                out.push(1);
                class.put(out);
                years.put(out);
            }
            Self::Equivalent { of } => {
                out.push(2);
                of.put(out);
            }
            Self::Unread { why } => {
                out.push(3);
                why.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match r.byte()? {
            0 => Ok(Self::EducationAndExperience {
                education: Wire::take(r)?,
                years: Wire::take(r)?,
                progressive: Wire::take(r)?,
            }),
            1 => Ok(Self::YearsInClass {
                class: Wire::take(r)?,
                years: Wire::take(r)?,
            }),
            2 => Ok(Self::Equivalent { of: Wire::take(r)? }),
            3 => Ok(Self::Unread {
                why: Wire::take(r)?,
            }),
            _ => r.fail(),
        }
    }
}

impl Wire for Wording {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Self::Official(text) => {
                out.push(0);
                text.put(out);
            }
            Self::Summary(text) => {
                out.push(1);
                text.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        match r.byte()? {
            0 => Ok(Self::Official(Wire::take(r)?)),
            1 => Ok(Self::Summary(Wire::take(r)?)),
            _ => r.fail(),
        }
    }
}
