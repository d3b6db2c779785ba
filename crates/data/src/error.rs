//! Errors that point at a file, a line and a column, the way compilers do.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A problem in a data file, located so that an editor can jump to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: PathBuf,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl std::error::Error for DataError {}

/// A file being read, to turn byte spans into lines and columns.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

impl Source<'_> {
    /// An error at the start of `span`.
    pub fn error_at(&self, span: Range<usize>, message: impl Into<String>) -> DataError {
        let start = span.start.min(self.text.len());
        let before = &self.text[..floor_char_boundary(self.text, start)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        DataError {
            file: self.path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    /// An error about the file as a whole (reported at its first line).
    pub fn error(&self, message: impl Into<String>) -> DataError {
        self.error_at(0..0, message)
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_a_span_by_line_and_column() {
        let source = Source {
            path: Path::new("x.toml"),
            text: "a = 1\nbé = 2\n",
        };
        let error = source.error_at(10..11, "bad");
        assert_eq!((error.line, error.column), (2, 4));
        assert_eq!(error.to_string(), "x.toml:2:4: bad");
    }
}
