//! A borrowed JSON tree with byte spans: what every validation walks.
//!
//! serde_json stops at the first error and forgets positions; pushspec needs every problem
//! with its line and column. So inputs are parsed once into this tree, and both structural and
//! semantic checks walk it.
//!
//! The tree costs no allocation per node: strings borrow the input (those with escapes are
//! unescaped into the [`Arena`]), and the children of every array and object sit in one slice
//! of the arena. Every node is `Copy`, and the whole tree goes away at once with its arena.

mod arena;
mod parse;

pub use arena::Arena;
pub use parse::{Limits, SyntaxError, SyntaxErrorKind, parse};

/// A byte range in the input. Offsets are `u32`: inputs are capped well below 4 GiB
/// ([`Limits::max_input_bytes`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }
}

/// A JSON value and where it stands in the input.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node<'a> {
    /// The value.
    pub value: Value<'a>,
    /// Where the value is written (for strings, including the quotes).
    pub span: Span,
}

/// A JSON value. Objects keep their members in document order, duplicates included, so the
/// validator can report a duplicate key instead of silently taking one of them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, kept as written.
    Number(Number<'a>),
    /// A string, unescaped.
    String(&'a str),
    /// An array.
    Array(&'a [Node<'a>]),
    /// An object.
    Object(&'a [Member<'a>]),
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Member<'a> {
    /// The key, unescaped.
    pub key: &'a str,
    /// Where the key is written, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: Node<'a>,
}

/// A JSON number kept as its source text, so nothing is lost to rounding before a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number<'a> {
    raw: &'a str,
}

impl<'a> Number<'a> {
    /// Wraps number text that the parser has already checked against the RFC 8259 grammar.
    pub fn from_raw(raw: &'a str) -> Self {
        Number { raw }
    }

    /// The number as written.
    pub fn raw(&self) -> &'a str {
        self.raw
    }

    /// The value as `f64` (may be infinite for huge exponents).
    pub fn as_f64(&self) -> f64 {
        self.raw.parse().unwrap_or(f64::NAN)
    }

    /// The value as `i64`, if it is an integer in range. `1.0` and `1e2` count as integers,
    /// as in JSON Schema, where `integer` means "a number with no fractional part".
    pub fn as_i64(&self) -> Option<i64> {
        if let Ok(i) = self.raw.parse::<i64>() {
            return Some(i);
        }
        let f = self.as_f64();
        // The bounds are exactly representable; `i64::MAX as f64` rounds up to 2^63.
        (f.fract() == 0.0
            && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&f))
        .then_some(f as i64)
    }

    /// Whether the value has no fractional part (any magnitude).
    pub fn is_integer(&self) -> bool {
        let f = self.as_f64();
        f.is_finite() && f.fract() == 0.0
    }
}

impl<'a> Node<'a> {
    /// A node with no position in the input (for values synthesised from URLs and headers).
    pub fn synthetic(value: Value<'a>, span: Span) -> Self {
        Node { value, span }
    }

    /// The string value, if this is a string.
    pub fn as_str(&self) -> Option<&'a str> {
        match self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Whether this is a string written without escapes, so that its text is the input's
    /// bytes one for one and an offset into the text is an offset into the input. Escapes
    /// always shorten the text (`\n` is one byte, `\u00e9` two), so comparing lengths says it.
    pub fn is_verbatim_str(&self) -> bool {
        self.as_str()
            .is_some_and(|s| s.len() + 2 == (self.span.end - self.span.start) as usize)
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&'a [Member<'a>]> {
        match self.value {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&'a [Node<'a>]> {
        match self.value {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The number, if this is a number.
    pub fn as_number(&self) -> Option<Number<'a>> {
        match self.value {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The first member named `key`, if this is an object that has one.
    pub fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        self.as_object()?
            .iter()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    /// The JSON kind, as JSON Schema names it: `null`, `boolean`, `number`, `string`,
    /// `array` or `object`.
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// Whether the value counts as "given" for presence rules: not null, not `""` and not `[]`.
    pub fn is_given(&self) -> bool {
        match &self.value {
            Value::Null => false,
            Value::String(s) => !s.is_empty(),
            Value::Array(a) => !a.is_empty(),
            _ => true,
        }
    }
}
