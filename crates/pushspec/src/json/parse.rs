//! The JSON parser (placeholder: being written).

use std::fmt;

use super::Node;

/// Bounds on what one input may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes.
    pub max_input_bytes: usize,
    /// Deepest nesting of arrays and objects.
    pub max_depth: usize,
    /// Longest string, in bytes.
    pub max_string_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_input_bytes: 64 << 20, max_depth: 128, max_string_bytes: 1 << 20 }
    }
}

/// Why an input is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What went wrong.
    pub kind: SyntaxErrorKind,
    /// Byte offset where it went wrong.
    pub offset: u32,
}

/// The kinds of syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// Placeholder.
    Unimplemented,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.kind)
    }
}

/// Parses `input` as one JSON value.
pub fn parse<'a>(_input: &'a [u8], _limits: &Limits) -> Result<Node<'a>, SyntaxError> {
    Err(SyntaxError { kind: SyntaxErrorKind::Unimplemented, offset: 0 })
}
