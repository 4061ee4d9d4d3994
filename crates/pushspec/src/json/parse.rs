//! The strict RFC 8259 parser: bytes in, a spanned [`Node`] tree or one located [`SyntaxError`]
//! out.
//!
//! The parser is iterative. Open arrays and objects live on an explicit stack, so nesting depth
//! costs heap, never native stack, and the depth limit is a policy rather than a safety net.
//! Children of open containers accumulate in two shared scratch vectors and are copied into the
//! [`Arena`] as one slice when their container closes: no container allocates on its own.
//!
//! Errors name the mistake people actually make (comments, trailing commas, single quotes,
//! `NaN`, leading zeros) instead of a bare "unexpected character", because the message ends up
//! in front of someone who has to fix a request body by hand.

use std::fmt;

use super::arena::{Scratch, ScratchText};
use super::{Arena, Member, Node, Number, Span, Value};

/// Bounds on what one input may hold.
///
/// The defaults suit request bodies: generous for real payloads, small enough that a hostile
/// input cannot make the validator allocate or loop without bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes (default 64 MiB). Inputs over `u32::MAX` bytes are
    /// always rejected, because spans are `u32`.
    pub max_input_bytes: usize,
    /// Deepest nesting of arrays and objects (default 128). A scalar at the top level has depth
    /// 0; `[]` has depth 1. The parser takes any depth (it is iterative); validation caps
    /// this at [`Limits::MAX_DEPTH`].
    pub max_depth: usize,
    /// Longest string or key, in bytes as written between the quotes, escapes included
    /// (default 1 MiB).
    pub max_string_bytes: usize,
}

impl Limits {
    /// The ceiling validation puts on [`Limits::max_depth`], whatever the caller asks for.
    /// Parsing is iterative, but validation walks the tree recursively, and 512 levels stay
    /// well inside a 2 MiB thread stack even unoptimised (a debug build overflows past about
    /// 1,500).
    pub const MAX_DEPTH: usize = 512;

    /// These limits as validation applies them: `max_depth` at most [`Limits::MAX_DEPTH`].
    pub fn for_validation(&self) -> Limits {
        Limits {
            max_depth: self.max_depth.min(Self::MAX_DEPTH),
            ..*self
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 << 20,
            max_depth: 128,
            max_string_bytes: 1 << 20,
        }
    }
}

/// Why an input is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What went wrong.
    pub kind: SyntaxErrorKind,
    /// Byte offset of the offending character (the input length when the input ends too
    /// early). A leading byte-order mark is counted, so offsets match the file.
    pub offset: u32,
}

/// The kinds of syntax error. Each names one mistake, so that the message can say how to fix
/// it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyntaxErrorKind {
    /// The input is empty or holds only whitespace.
    EmptyInput,
    /// The input ends in the middle of a value.
    UnexpectedEof,
    /// A character that cannot stand here.
    UnexpectedChar {
        /// The character found.
        found: char,
        /// What could have stood here, for the message (e.g. "`,` or `]` after an array
        /// element").
        expected: &'static str,
    },
    /// The input is not valid UTF-8; the offset is the first bad byte.
    InvalidUtf8,
    /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
    InvalidEscape {
        /// The character after the backslash.
        found: char,
    },
    /// A `\u` escape not followed by four hex digits. The offset is the backslash.
    InvalidUnicodeEscape,
    /// A `\u` escape of a UTF-16 surrogate that is not part of a high/low pair. The offset is
    /// the backslash.
    LoneSurrogate {
        /// The surrogate's code unit.
        code: u16,
    },
    /// A raw control character (below U+0020) inside a string.
    ControlCharInString {
        /// The byte found.
        byte: u8,
    },
    /// A number with a superfluous leading zero, such as `01`. The offset is the zero.
    LeadingZero,
    /// A number that breaks the grammar in another way (`+1`, `.5`, `1.`, `1e`, `0x1F`).
    InvalidNumber {
        /// What is wrong, for the message.
        reason: &'static str,
    },
    /// `NaN`, `Infinity` or `-Infinity` (in any letter case), which JSON cannot represent.
    NonFiniteNumber {
        /// The value, spelled canonically: `NaN`, `Infinity` or `-Infinity`.
        value: &'static str,
    },
    /// `true`, `false` or `null` in the wrong letter case, such as `True` or `NULL`.
    InvalidLiteral {
        /// The literal as JSON spells it.
        expected: &'static str,
    },
    /// A `//` or `/* */` comment.
    Comment,
    /// A comma right before a closing bracket. The offset is the comma.
    TrailingComma {
        /// The bracket that follows: `]` or `}`.
        before: char,
    },
    /// A string or key in single quotes.
    SingleQuote,
    /// Something other than whitespace after the top-level value.
    TrailingCharacters {
        /// The first character after the value.
        found: char,
    },
    /// Arrays and objects nested deeper than [`Limits::max_depth`]. The offset is the bracket
    /// that goes one level too deep.
    TooDeep {
        /// The limit in force.
        limit: usize,
    },
    /// The input is longer than [`Limits::max_input_bytes`]. The offset is the first byte over
    /// the limit.
    TooLarge {
        /// The limit in force.
        limit: usize,
        /// The input's length.
        size: usize,
    },
    /// A string or key longer than [`Limits::max_string_bytes`]. The offset is its opening
    /// quote.
    StringTooLong {
        /// The limit in force.
        limit: usize,
    },
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use SyntaxErrorKind as K;
        match &self.kind {
            K::EmptyInput => f.write_str("empty input: expected a JSON value"),
            K::UnexpectedEof => f.write_str("unexpected end of input: the document is truncated"),
            K::UnexpectedChar { found, expected } => {
                write!(f, "expected {expected}, found {}", Shown(*found))?;
                if *found == '\u{feff}' {
                    f.write_str("; a byte-order mark is only allowed at the very start")
                } else if found.is_whitespace() {
                    f.write_str("; JSON whitespace is only space, tab, line feed and carriage return")
                } else if found.is_ascii_alphabetic() && (*expected == FIRST_KEY || *expected == NEXT_KEY) {
                    f.write_str("; object keys must be strings in double quotes")
                } else if found.is_alphabetic() && *expected == VALUE {
                    f.write_str("; strings must be in double quotes")
                } else {
                    Ok(())
                }
            }
            K::InvalidUtf8 => write!(f, "invalid UTF-8 at byte {}", self.offset),
            K::InvalidEscape { found } => write!(
                f,
                "invalid escape `\\{found}` in a string; the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"
            ),
            K::InvalidUnicodeEscape => {
                f.write_str("invalid `\\u` escape: expected four hex digits, as in `\\u00e9`")
            }
            K::LoneSurrogate { code } => write!(
                f,
                "lone surrogate `\\u{code:04X}` in a string: UTF-16 surrogates must come as a high/low pair"
            ),
            K::ControlCharInString { byte } => {
                write!(f, "raw control character U+{byte:04X} in a string; escape it as ")?;
                match byte {
                    b'\n' => f.write_str("`\\n`"),
                    b'\r' => f.write_str("`\\r`"),
                    b'\t' => f.write_str("`\\t`"),
                    _ => write!(f, "`\\u{byte:04x}`"),
                }
            }
            K::LeadingZero => f.write_str(
                "leading zeros are not allowed in numbers; drop them, or send the value as a string if it is an identifier such as a phone number",
            ),
            K::InvalidNumber { reason } => write!(f, "invalid number: {reason}"),
            K::NonFiniteNumber { value } => {
                write!(f, "{value} is not valid JSON; send null or a number")
            }
            K::InvalidLiteral { expected } => {
                write!(f, "JSON literals are lowercase; write `{expected}`")
            }
            K::Comment => f.write_str("comments are not allowed in JSON; remove them"),
            K::TrailingComma { before } => {
                write!(f, "trailing comma before `{before}` is not allowed in JSON; remove it")
            }
            K::SingleQuote => f.write_str("strings must be in double quotes, found `'`"),
            K::TrailingCharacters { found } => write!(
                f,
                "unexpected {} after the JSON value; a document holds exactly one value",
                Shown(*found)
            ),
            K::TooDeep { limit } => {
                write!(f, "nesting deeper than {limit} levels (limit `max_depth`)")
            }
            K::TooLarge { limit, size } => {
                write!(f, "input is {size} bytes, over the limit of {limit} (`max_input_bytes`)")
            }
            K::StringTooLong { limit } => {
                write!(f, "string longer than {limit} bytes (limit `max_string_bytes`)")
            }
        }
    }
}

impl std::error::Error for SyntaxError {}

/// A character as the messages show it: printable ones in backticks, invisible ones by code
/// point, because a stray no-break space shown as "found ` `" helps nobody.
struct Shown(char);

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        if c.is_ascii_graphic() {
            write!(f, "`{c}`")
        } else if c.is_ascii() || c.is_whitespace() || c.is_control() || c == '\u{feff}' {
            write!(f, "U+{:04X}", u32::from(c))
        } else {
            write!(f, "`{c}` (U+{:04X})", u32::from(c))
        }
    }
}

// What the parser expected, written once so that messages stay consistent.
const VALUE: &str = "a JSON value";
const AFTER_ELEMENT: &str = "`,` or `]` after an array element";
const AFTER_MEMBER: &str = "`,` or `}` after an object member";
const FIRST_KEY: &str = "a double-quoted key or `}`";
const NEXT_KEY: &str = "a double-quoted key";
const AFTER_KEY: &str = "`:` after an object key";

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Parses `input` as one JSON value, strictly by RFC 8259.
///
/// A leading UTF-8 byte-order mark is skipped; offsets still count it. Objects keep every
/// member in order, duplicates included. Strings borrow from `input` unless they contain
/// escapes. Numbers are kept as written, however large.
///
/// ```
/// use pushspec::json::{Arena, Limits, parse};
///
/// let arena = Arena::new();
/// let node = parse(br#"{"a": [1, "x"]}"#, &arena, &Limits::default()).unwrap();
/// assert_eq!(node.get("a").unwrap().span.start, 6);
///
/// let err = parse(b"[1, 2,]", &arena, &Limits::default()).unwrap_err();
/// assert_eq!(err.offset, 5);
/// assert_eq!(err.to_string(), "trailing comma before `]` is not allowed in JSON; remove it");
/// ```
pub fn parse<'a>(
    input: &'a [u8],
    arena: &'a Arena,
    limits: &Limits,
) -> Result<Node<'a>, SyntaxError> {
    // Spans are u32, so nothing longer than u32::MAX can be accepted whatever the limit says.
    let cap = limits
        .max_input_bytes
        .min(usize::try_from(u32::MAX).unwrap_or(usize::MAX));
    if input.len() > cap {
        return Err(SyntaxError {
            kind: SyntaxErrorKind::TooLarge {
                limit: cap,
                size: input.len(),
            },
            offset: offset(cap),
        });
    }
    // Validating once up front lets the parser work on bytes and still slice `&str`s out of the
    // input for free, since it only ever cuts next to ASCII bytes. `simdutf8` checks with SIMD,
    // which matters on Vietnamese and Thai text, where `std`'s check cost about 6 instructions
    // a byte, a third of the parse; only an invalid input pays for `std`'s position.
    let text = simdutf8::basic::from_utf8(input)
        .or_else(|_| std::str::from_utf8(input))
        .map_err(|e| SyntaxError {
            kind: SyntaxErrorKind::InvalidUtf8,
            offset: offset(e.valid_up_to()),
        })?;
    let pos = if input.starts_with(BOM) { BOM.len() } else { 0 };
    Parser {
        bytes: input,
        text,
        pos,
        limits,
        arena,
    }
    .document()
}

/// An offset as a span coordinate. Inputs are capped at `u32::MAX` bytes before parsing, so the
/// fallback never shows.
fn offset(pos: usize) -> u32 {
    u32::try_from(pos).unwrap_or(u32::MAX)
}

/// An array or object whose closing bracket has not been seen yet.
enum Frame {
    Array {
        /// Offset of `[`.
        start: usize,
        /// Where this array's elements begin in the element scratch vector.
        base: usize,
    },
    Object {
        /// Offset of `{`.
        start: usize,
        /// Where this object's members begin in the member scratch vector. The last of them
        /// holds a placeholder value until the value being parsed is complete.
        base: usize,
    },
}

/// A cursor over one input that has already passed the size and UTF-8 checks.
struct Parser<'a, 'l> {
    bytes: &'a [u8],
    /// The same input as `bytes`, known to be UTF-8.
    text: &'a str,
    pos: usize,
    limits: &'l Limits,
    /// Where the tree's containers and unescaped strings go.
    arena: &'a Arena,
}

/// Moves `scratch[base..]` (the children of the container that just closed) into the arena.
///
/// `base` was the scratch length when the container opened, and the scratch only grows while
/// it is open, so the tail is exactly the container's children.
#[inline]
fn take_tail<'a, T: Copy>(arena: &'a Arena, scratch: &mut Scratch<'_, T>, base: usize) -> &'a [T] {
    let items = arena.alloc_slice(scratch.get(base..).unwrap_or_default());
    scratch.truncate(base);
    items
}

/// Whether a string body byte ends the fast scan: a quote, a backslash or a control character.
#[inline]
fn is_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// A mask with the high bit set in every byte of `word` that [`is_special`] would flag. Bytes
/// after the first flagged one may be flagged wrongly (a borrow runs on), so only the lowest set
/// bit is meaningful.
#[inline]
fn special_bytes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // `(x - ONES) & !x & HIGH` flags zero bytes; xor first to flag bytes equal to a constant.
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let quote = zero(word ^ (ONES * u64::from(b'"')));
    let backslash = zero(word ^ (ONES * u64::from(b'\\')));
    // The same trick with 0x20 in place of 1 flags bytes below 0x20.
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    quote | backslash | control
}

/// The value of one hex digit.
#[inline]
fn hex(b: u8) -> Option<u16> {
    match b {
        b'0'..=b'9' => Some(u16::from(b - b'0')),
        b'a'..=b'f' => Some(u16::from(b - b'a' + 10)),
        b'A'..=b'F' => Some(u16::from(b - b'A' + 10)),
        _ => None,
    }
}

impl<'a> Parser<'a, '_> {
    /// Parses the one value the input must hold, with nothing but whitespace after it.
    fn document(mut self) -> Result<Node<'a>, SyntaxError> {
        self.skip_ws();
        if self.pos >= self.bytes.len() {
            return Err(self.err(SyntaxErrorKind::EmptyInput, self.bytes.len()));
        }
        // The scratch lives in the arena too, sized for typical documents (a member every 16
        // bytes or so), so that parsing one payload after another allocates nothing.
        let hint = self.bytes.len() / 16 + 8;
        let mut frames: Scratch<'a, Frame> = self.arena.scratch(self.limits.max_depth.min(32));
        let mut elements: Scratch<'a, Node<'a>> = self.arena.scratch(hint);
        let mut members: Scratch<'a, Member<'a>> = self.arena.scratch(hint);

        // Each turn of this loop parses one value starting at `self.pos` (whitespace already
        // skipped), then closes every container that the value completes.
        'value: loop {
            let start = self.pos;
            let mut node = match self.peek() {
                Some(b'"') => {
                    let s = self.string()?;
                    self.node(Value::String(s), start)
                }
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(b'{') => {
                    self.check_depth(frames.len())?;
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                        self.node(Value::Object(&[]), start)
                    } else {
                        let base = members.len();
                        self.key(FIRST_KEY, &mut members)?;
                        frames.push(Frame::Object { start, base });
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    self.check_depth(frames.len())?;
                    self.pos += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        self.node(Value::Array(&[]), start)
                    } else {
                        frames.push(Frame::Array {
                            start,
                            base: elements.len(),
                        });
                        continue 'value;
                    }
                }
                Some(b't') if self.rest().starts_with(b"true") => {
                    self.pos += 4;
                    self.node(Value::Bool(true), start)
                }
                Some(b'f') if self.rest().starts_with(b"false") => {
                    self.pos += 5;
                    self.node(Value::Bool(false), start)
                }
                Some(b'n') if self.rest().starts_with(b"null") => {
                    self.pos += 4;
                    self.node(Value::Null, start)
                }
                _ => return Err(self.bad_value()),
            };

            loop {
                self.skip_ws();
                match frames.last_mut() {
                    None => {
                        return match self.peek() {
                            None => Ok(node),
                            Some(_) if self.at_comment() => {
                                Err(self.err(SyntaxErrorKind::Comment, self.pos))
                            }
                            Some(_) => Err(self.err(
                                SyntaxErrorKind::TrailingCharacters {
                                    found: self.char_at(),
                                },
                                self.pos,
                            )),
                        };
                    }
                    Some(Frame::Array { start, base }) => {
                        elements.push(node);
                        match self.peek() {
                            Some(b',') => {
                                self.after_comma(b']')?;
                                continue 'value;
                            }
                            Some(b']') => {
                                self.pos += 1;
                                let start = *start;
                                let items = take_tail(self.arena, &mut elements, *base);
                                frames.pop();
                                node = self.node(Value::Array(items), start);
                            }
                            _ => return Err(self.unexpected(AFTER_ELEMENT)),
                        }
                    }
                    Some(Frame::Object { start, base }) => {
                        // The member was pushed when its key was read, and anything pushed
                        // after it (the members of a nested object) has been taken out again,
                        // so it is the last one.
                        if let Some(member) = members.last_mut() {
                            member.value = node;
                        }
                        match self.peek() {
                            Some(b',') => {
                                self.after_comma(b'}')?;
                                self.key(NEXT_KEY, &mut members)?;
                                continue 'value;
                            }
                            Some(b'}') => {
                                self.pos += 1;
                                let start = *start;
                                let items = take_tail(self.arena, &mut members, *base);
                                frames.pop();
                                node = self.node(Value::Object(items), start);
                            }
                            _ => return Err(self.unexpected(AFTER_MEMBER)),
                        }
                    }
                }
            }
        }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    #[inline]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// A node spanning from `start` to the current position.
    #[inline]
    fn node(&self, value: Value<'a>, start: usize) -> Node<'a> {
        Node {
            value,
            span: Span::new(offset(start), offset(self.pos)),
        }
    }

    #[cold]
    #[inline(never)]
    fn err(&self, kind: SyntaxErrorKind, at: usize) -> SyntaxError {
        SyntaxError {
            kind,
            offset: offset(at),
        }
    }

    #[cold]
    #[inline(never)]
    fn eof(&self) -> SyntaxError {
        self.err(SyntaxErrorKind::UnexpectedEof, self.bytes.len())
    }

    /// The character at the current position. The parser stops only at character boundaries
    /// (it advances over ASCII tokens and whole strings), so the fallback never shows.
    fn char_at(&self) -> char {
        self.text
            .get(self.pos..)
            .and_then(|s| s.chars().next())
            .unwrap_or('\u{fffd}')
    }

    /// `input[from..to]` as text. Both ends sit next to ASCII bytes, so they are character
    /// boundaries of the validated input and the error never shows.
    fn slice(&self, from: usize, to: usize) -> Result<&'a str, SyntaxError> {
        self.text
            .get(from..to)
            .ok_or_else(|| self.err(SyntaxErrorKind::InvalidUtf8, from))
    }

    fn at_comment(&self) -> bool {
        matches!(self.rest(), [b'/', b'/' | b'*', ..])
    }

    #[inline(always)]
    fn check_depth(&self, open: usize) -> Result<(), SyntaxError> {
        if open >= self.limits.max_depth {
            return Err(self.err(
                SyntaxErrorKind::TooDeep {
                    limit: self.limits.max_depth,
                },
                self.pos,
            ));
        }
        Ok(())
    }

    /// Consumes a `,` and the whitespace after it, and rejects a closing bracket right after.
    #[inline(always)]
    fn after_comma(&mut self, close: u8) -> Result<(), SyntaxError> {
        let comma = self.pos;
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(close) {
            let kind = SyntaxErrorKind::TrailingComma {
                before: char::from(close),
            };
            return Err(self.err(kind, comma));
        }
        Ok(())
    }

    /// The error for whatever stands at the current position, when `expected` should have.
    #[cold]
    #[inline(never)]
    fn unexpected(&self, expected: &'static str) -> SyntaxError {
        let kind = match self.peek() {
            None => return self.eof(),
            Some(_) if self.at_comment() => SyntaxErrorKind::Comment,
            Some(_) => SyntaxErrorKind::UnexpectedChar {
                found: self.char_at(),
                expected,
            },
        };
        self.err(kind, self.pos)
    }

    /// The error for a position where a value should start but does not. This is where the
    /// common non-JSON habits are recognised, so that each gets its own message.
    #[cold]
    #[inline(never)]
    fn bad_value(&self) -> SyntaxError {
        let rest = self.rest();
        match rest {
            [b'\'', ..] => self.err(SyntaxErrorKind::SingleQuote, self.pos),
            [b'+', tail @ ..] => {
                let kind = if tail.starts_with(b"Infinity") || tail.starts_with(b"infinity") {
                    SyntaxErrorKind::NonFiniteNumber { value: "Infinity" }
                } else {
                    SyntaxErrorKind::InvalidNumber {
                        reason: "a leading `+` is not allowed",
                    }
                };
                self.err(kind, self.pos)
            }
            [b'.', b'0'..=b'9', ..] => self.err(
                SyntaxErrorKind::InvalidNumber {
                    reason: "a digit must come before the decimal point (write `0.5`, not `.5`)",
                },
                self.pos,
            ),
            [c, ..] if c.is_ascii_alphabetic() => {
                let len = rest
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let word = rest.get(..len).unwrap_or_default();
                let kind = if word.eq_ignore_ascii_case(b"nan") {
                    SyntaxErrorKind::NonFiniteNumber { value: "NaN" }
                } else if word.eq_ignore_ascii_case(b"infinity")
                    || word.eq_ignore_ascii_case(b"inf")
                {
                    SyntaxErrorKind::NonFiniteNumber { value: "Infinity" }
                } else if let Some(lit) = ["true", "false", "null"]
                    .into_iter()
                    .find(|lit| word.eq_ignore_ascii_case(lit.as_bytes()))
                {
                    SyntaxErrorKind::InvalidLiteral { expected: lit }
                } else if len == rest.len()
                    && [&b"true"[..], b"false", b"null"]
                        .iter()
                        .any(|lit| lit.starts_with(word))
                {
                    // `tru` at the very end: a literal cut short, not a misspelt one.
                    return self.eof();
                } else {
                    SyntaxErrorKind::UnexpectedChar {
                        found: self.char_at(),
                        expected: VALUE,
                    }
                };
                self.err(kind, self.pos)
            }
            _ => self.unexpected(VALUE),
        }
    }

    /// Parses an object key and the `:` after it, leaving the position at the value, and
    /// pushes the member with a placeholder value that the caller fills in. Writing the key
    /// straight into its final place saves moving it through the frame stack.
    #[inline(always)]
    fn key(
        &mut self,
        expected: &'static str,
        members: &mut Scratch<'a, Member<'a>>,
    ) -> Result<(), SyntaxError> {
        let start = self.pos;
        let key = match self.peek() {
            Some(b'"') => self.string()?,
            Some(b'\'') => return Err(self.err(SyntaxErrorKind::SingleQuote, start)),
            _ => return Err(self.unexpected(expected)),
        };
        let key_span = Span::new(offset(start), offset(self.pos));
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(self.unexpected(AFTER_KEY));
        }
        self.pos += 1;
        self.skip_ws();
        let value = Node {
            value: Value::Null,
            span: Span::default(),
        };
        members.push(Member {
            key,
            key_span,
            value,
        });
        Ok(())
    }

    /// Parses a string whose opening quote is at the current position. The body is borrowed
    /// from the input unless it contains an escape; then it is unescaped into the arena.
    ///
    /// Inlined so that the common case (no escape) returns in registers; strings with escapes
    /// and errors take the out-of-line [`Self::string_slow`].
    #[inline(always)]
    fn string(&mut self) -> Result<&'a str, SyntaxError> {
        let body = self.pos + 1;
        let end = body + self.scan(body);
        if self.bytes.get(end) == Some(&b'"')
            && end - body <= self.limits.max_string_bytes
            && let Some(s) = self.text.get(body..end)
        {
            self.pos = end + 1;
            return Ok(s);
        }
        self.string_slow(end)
    }

    /// The rest of [`Self::string`], from `at`, the first byte that ended the plain run.
    #[inline(never)]
    fn string_slow(&mut self, mut i: usize) -> Result<&'a str, SyntaxError> {
        let open = self.pos;
        let body = open + 1;
        let out = match self.bytes.get(i) {
            Some(b'"') => self.slice(body, i)?,
            Some(b'\\') => {
                // Unescaped straight into the arena, where the text stays: no buffer on the
                // heap, and no copy at the end.
                let mut out = self.arena.text(i - body + 16);
                out.push_str(self.slice(body, i)?);
                loop {
                    i = self.escape(i, &mut out)?;
                    let run = i + self.scan(i);
                    out.push_str(self.slice(i, run)?);
                    i = run;
                    match self.bytes.get(i) {
                        Some(b'"') => break,
                        Some(b'\\') => {}
                        Some(&byte) => return Err(self.control(byte, i)),
                        None => return Err(self.eof()),
                    }
                }
                out.into_bump_str()
            }
            Some(&byte) => return Err(self.control(byte, i)),
            None => return Err(self.eof()),
        };
        if i - body > self.limits.max_string_bytes {
            let kind = SyntaxErrorKind::StringTooLong {
                limit: self.limits.max_string_bytes,
            };
            return Err(self.err(kind, open));
        }
        self.pos = i + 1;
        Ok(out)
    }

    /// The number of plain bytes (not a quote, backslash or control character) from `from`.
    ///
    /// This is the hot loop of the whole parser, so it tests eight bytes at a time (the SWAR
    /// trick serde_json also uses) and finishes the tail byte by byte.
    #[inline]
    fn scan(&self, from: usize) -> usize {
        let rest = self.bytes.get(from..).unwrap_or_default();
        let mut chunks = rest.chunks_exact(8);
        let mut done = 0;
        for chunk in &mut chunks {
            let Ok(word) = <[u8; 8]>::try_from(chunk) else {
                break;
            };
            let mask = special_bytes(u64::from_le_bytes(word));
            if mask != 0 {
                // Little-endian: the lowest set bit belongs to the first special byte.
                return done + (mask.trailing_zeros() / 8) as usize;
            }
            done += 8;
        }
        let tail = chunks.remainder();
        done + tail
            .iter()
            .position(|&b| is_special(b))
            .unwrap_or(tail.len())
    }

    #[cold]
    fn control(&self, byte: u8, at: usize) -> SyntaxError {
        self.err(SyntaxErrorKind::ControlCharInString { byte }, at)
    }

    /// Decodes the escape whose backslash is at `at` into `out`; returns the index after it.
    fn escape(&self, at: usize, out: &mut ScratchText<'a>) -> Result<usize, SyntaxError> {
        let c = match self.bytes.get(at + 1) {
            None => return Err(self.eof()),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let (c, next) = self.unicode_escape(at)?;
                out.push(c);
                return Ok(next);
            }
            Some(_) => {
                let found = self
                    .text
                    .get(at + 1..)
                    .and_then(|s| s.chars().next())
                    .unwrap_or('\u{fffd}');
                return Err(self.err(SyntaxErrorKind::InvalidEscape { found }, at));
            }
        };
        out.push(c);
        Ok(at + 2)
    }

    /// Decodes the `\uXXXX` escape at `at`, and the low half that must follow a high surrogate.
    fn unicode_escape(&self, at: usize) -> Result<(char, usize), SyntaxError> {
        let unit = self.hex4(at)?;
        let lone = |code: u16, at: usize| self.err(SyntaxErrorKind::LoneSurrogate { code }, at);
        match unit {
            0xD800..=0xDBFF => {
                let low_at = at + 6;
                match (self.bytes.get(low_at), self.bytes.get(low_at + 1)) {
                    (Some(b'\\'), Some(b'u')) => {}
                    (None, _) | (Some(b'\\'), None) => return Err(self.eof()),
                    _ => return Err(lone(unit, at)),
                }
                let low = self.hex4(low_at)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(lone(unit, at));
                }
                let code = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                // Always a valid scalar value: the pair covers exactly U+10000..=U+10FFFF.
                let c = char::from_u32(code).ok_or_else(|| lone(unit, at))?;
                Ok((c, at + 12))
            }
            0xDC00..=0xDFFF => Err(lone(unit, at)),
            _ => {
                // Not a surrogate, so a valid scalar value.
                let c = char::from_u32(u32::from(unit)).ok_or_else(|| lone(unit, at))?;
                Ok((c, at + 6))
            }
        }
    }

    /// The four hex digits of the `\u` escape whose backslash is at `at`.
    fn hex4(&self, at: usize) -> Result<u16, SyntaxError> {
        let mut unit = 0u16;
        for i in at + 2..at + 6 {
            let Some(&b) = self.bytes.get(i) else {
                return Err(self.eof());
            };
            let Some(digit) = hex(b) else {
                return Err(self.err(SyntaxErrorKind::InvalidUnicodeEscape, at));
            };
            unit = unit << 4 | digit;
        }
        Ok(unit)
    }

    /// Parses a number starting at the current position (a `-` or a digit) and keeps its text.
    #[inline(always)]
    fn number(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.pos;
        let b = self.bytes;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => {
                i += 1;
                match b.get(i) {
                    Some(b'0'..=b'9') => return Err(self.err(SyntaxErrorKind::LeadingZero, i - 1)),
                    Some(b'x' | b'X') => {
                        let reason = "hexadecimal is not allowed; write the number in decimal";
                        return Err(self.err(SyntaxErrorKind::InvalidNumber { reason }, start));
                    }
                    _ => {}
                }
            }
            Some(b'1'..=b'9') => i = self.digits(i + 1),
            None => return Err(self.eof()),
            Some(b'I' | b'i')
                if b.get(i..).is_some_and(|r| {
                    r.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(b"inf"))
                }) =>
            {
                let kind = SyntaxErrorKind::NonFiniteNumber { value: "-Infinity" };
                return Err(self.err(kind, start));
            }
            Some(_) => {
                let reason = "expected a digit after `-`";
                return Err(self.err(SyntaxErrorKind::InvalidNumber { reason }, i));
            }
        }
        if b.get(i) == Some(&b'.') {
            i = self.required_digits(i + 1, "expected a digit after the decimal point")?;
        }
        if let Some(b'e' | b'E') = b.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = b.get(i) {
                i += 1;
            }
            i = self.required_digits(i, "expected a digit in the exponent")?;
        }
        let raw = self.slice(start, i)?;
        self.pos = i;
        Ok(self.node(Value::Number(Number::from_raw(raw)), start))
    }

    /// The index after the run of ASCII digits starting at `from`.
    #[inline]
    fn digits(&self, from: usize) -> usize {
        let rest = self.bytes.get(from..).unwrap_or_default();
        from + rest.iter().take_while(|b| b.is_ascii_digit()).count()
    }

    /// Like [`Self::digits`], but at least one digit must be there.
    fn required_digits(&self, from: usize, reason: &'static str) -> Result<usize, SyntaxError> {
        match self.bytes.get(from) {
            Some(b'0'..=b'9') => Ok(self.digits(from + 1)),
            None => Err(self.eof()),
            Some(_) => Err(self.err(SyntaxErrorKind::InvalidNumber { reason }, from)),
        }
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
