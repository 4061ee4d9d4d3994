//! Tests for the JSON parser: every value kind with its spans, every error kind with its
//! offset and message, the limits, and inputs built to crash a careless parser.

use super::*;
use crate::json::{Arena, Member, Node, Span, Value};

/// An arena that lives as long as the test process, so that helpers can return trees.
fn arena() -> &'static Arena {
    Box::leak(Box::default())
}

fn ok(input: &str) -> Node<'_> {
    match parse(input.as_bytes(), arena(), &Limits::default()) {
        Ok(node) => node,
        Err(e) => panic!("{input:?} should parse, got {e} at {}", e.offset),
    }
}

fn fail(input: &[u8]) -> SyntaxError {
    fail_with(input, &Limits::default())
}

fn fail_with(input: &[u8], limits: &Limits) -> SyntaxError {
    match parse(input, &Arena::new(), limits) {
        Ok(node) => panic!(
            "{:?} should fail, parsed {node:?}",
            String::from_utf8_lossy(input)
        ),
        Err(e) => e,
    }
}

/// Asserts the error kind and offset for `input`, and returns the message.
fn check(input: &str, kind: SyntaxErrorKind, offset: u32) -> String {
    let e = fail(input.as_bytes());
    assert_eq!((&e.kind, e.offset), (&kind, offset), "input {input:?}: {e}");
    e.to_string()
}

fn span(start: u32, end: u32) -> Span {
    Span::new(start, end)
}

fn str_of<'a>(node: &Node<'a>) -> &'a str {
    match node.value {
        Value::String(s) => s,
        other => panic!("not a string: {other:?}"),
    }
}

// ---- valid documents -------------------------------------------------------------------------

#[test]
fn scalars_with_spans() {
    let n = ok("null");
    assert_eq!((n.value, n.span), (Value::Null, span(0, 4)));
    let n = ok("  true ");
    assert_eq!((n.value, n.span), (Value::Bool(true), span(2, 6)));
    let n = ok("\tfalse\n");
    assert_eq!((n.value, n.span), (Value::Bool(false), span(1, 6)));
    let n = ok(r#" "hi" "#);
    assert_eq!(n.as_str(), Some("hi"));
    assert_eq!(n.span, span(1, 5));
    let n = ok("-12.5e+3");
    assert_eq!(n.as_number().map(|n| n.raw()), Some("-12.5e+3"));
    assert_eq!(n.span, span(0, 8));
}

#[test]
fn numbers_valid_grammar() {
    for raw in [
        "0",
        "-0",
        "1",
        "-1",
        "10",
        "123456789",
        "0.5",
        "-0.5",
        "1.25",
        "1e5",
        "1E5",
        "1e+5",
        "1e-5",
        "0e0",
        "-0.0e-0",
        "1.5E+10",
        "99999999999999999999999",
        "1e400",
        "-1e400",
        "123456789012345678901234567890.123456789012345678901234567890e-999",
    ] {
        let n = ok(raw);
        assert_eq!(n.as_number().map(|n| n.raw()), Some(raw), "{raw}");
        assert_eq!(n.span, span(0, raw.len() as u32));
    }
    // Huge numbers are kept as text; converting is the rules' business.
    let n = ok("1e400").as_number().unwrap();
    assert!(n.as_f64().is_infinite());
}

#[test]
fn array_with_spans() {
    let input = r#"[1, "a", [true], {}, []]"#;
    let n = ok(input);
    assert_eq!(n.span, span(0, input.len() as u32));
    let items = n.as_array().unwrap();
    assert_eq!(items.len(), 5);
    assert_eq!(items[0].span, span(1, 2));
    assert_eq!(items[1].span, span(4, 7));
    assert_eq!(items[2].span, span(9, 15));
    assert_eq!(items[2].as_array().unwrap()[0].span, span(10, 14));
    assert_eq!(items[3].span, span(17, 19));
    assert_eq!(items[3].as_object(), Some(&[][..]));
    assert_eq!(items[4].span, span(21, 23));
    assert_eq!(items[4].as_array(), Some(&[][..]));
}

#[test]
fn object_with_spans() {
    let input = r#"{ "a" : 1 , "bc":{"d":[null]} }"#;
    let n = ok(input);
    assert_eq!(n.span, span(0, input.len() as u32));
    let members = n.as_object().unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0].key, "a");
    assert_eq!(members[0].key_span, span(2, 5));
    assert_eq!(members[0].value.span, span(8, 9));
    assert_eq!(members[1].key, "bc");
    assert_eq!(members[1].key_span, span(12, 16));
    assert_eq!(members[1].value.span, span(17, 29));
    let inner = &members[1].value.as_object().unwrap()[0];
    assert_eq!(inner.key_span, span(18, 21));
    assert_eq!(inner.value.span, span(22, 28));
    assert_eq!(
        inner.value.as_array().unwrap()[0],
        Node {
            value: Value::Null,
            span: span(23, 27)
        }
    );
}

#[test]
fn whole_tree_equality() {
    let n = ok(r#"{"k":[1,{"x":"y"}]}"#);
    let x = [Member {
        key: "x",
        key_span: span(9, 12),
        value: Node {
            span: span(13, 16),
            value: Value::String("y"),
        },
    }];
    let array = [
        Node {
            span: span(6, 7),
            value: Value::Number(Number::from_raw("1")),
        },
        Node {
            span: span(8, 17),
            value: Value::Object(&x),
        },
    ];
    let k = [Member {
        key: "k",
        key_span: span(1, 4),
        value: Node {
            span: span(5, 18),
            value: Value::Array(&array),
        },
    }];
    let expected = Node {
        span: span(0, 19),
        value: Value::Object(&k),
    };
    assert_eq!(n, expected);
}

#[test]
fn duplicate_keys_kept_in_order() {
    let n = ok(r#"{"a":1,"b":2,"a":3,"a":4}"#);
    let members = n.as_object().unwrap();
    let keys: Vec<_> = members
        .iter()
        .map(|m| (m.key, m.value.as_number().unwrap().raw()))
        .collect();
    assert_eq!(keys, [("a", "1"), ("b", "2"), ("a", "3"), ("a", "4")]);
    assert_eq!(members[2].key_span, span(13, 16));
    // `get` takes the first; the duplicate pass sees them all.
    assert_eq!(n.get("a").unwrap().as_number().unwrap().raw(), "1");
}

#[test]
fn siblings_after_nested_containers_land_in_the_right_parent() {
    let n = ok(r#"[[1,2],[3],{"a":[4,{"b":5}],"c":6},7]"#);
    let items = n.as_array().unwrap();
    assert_eq!(items.len(), 4);
    assert_eq!(items[0].as_array().unwrap().len(), 2);
    assert_eq!(items[1].as_array().unwrap().len(), 1);
    let obj = items[2].as_object().unwrap();
    assert_eq!(obj.len(), 2);
    assert_eq!(obj[0].value.as_array().unwrap().len(), 2);
    assert_eq!(obj[1].key, "c");
    assert_eq!(items[3].as_number().unwrap().raw(), "7");
}

#[test]
fn whitespace_crlf_and_bom() {
    let n = ok("\r\n{\r\n  \"a\": 1\r\n}\r\n");
    assert_eq!(n.span, span(2, 16));
    assert_eq!(n.as_object().unwrap()[0].key_span, span(7, 10));

    // The BOM is skipped, but offsets still count it so that they match the file.
    let n = parse(b"\xEF\xBB\xBF[1]", arena(), &Limits::default()).unwrap();
    assert_eq!(n.span, span(3, 6));
    assert_eq!(n.as_array().unwrap()[0].span, span(4, 5));
    let e = fail(b"\xEF\xBB\xBF[1,]");
    assert_eq!(e.offset, 5);
    // A BOM only.
    assert_eq!(fail(b"\xEF\xBB\xBF").kind, SyntaxErrorKind::EmptyInput);
    // Only one, and only at the start.
    let e = fail("[\u{feff}1]".as_bytes());
    assert_eq!(
        e.kind,
        SyntaxErrorKind::UnexpectedChar {
            found: '\u{feff}',
            expected: "a JSON value"
        }
    );
    assert_eq!(e.offset, 1);
    assert!(e.to_string().contains("byte-order mark"), "{e}");
}

// ---- strings ---------------------------------------------------------------------------------

/// Whether `s` is a slice of `input` rather than a copy.
fn borrowed(s: &str, input: &str) -> bool {
    input.as_bytes().as_ptr_range().contains(&s.as_ptr())
}

#[test]
fn strings_borrow_without_escapes() {
    let input = r#"{"plain":"héllo wörld ☃ 😀"}"#;
    let n = ok(input);
    let m = &n.as_object().unwrap()[0];
    assert_eq!(m.key, "plain");
    assert!(borrowed(m.key, input));
    assert_eq!(str_of(&m.value), "héllo wörld ☃ 😀");
    assert!(borrowed(str_of(&m.value), input));
    assert!(m.value.is_verbatim_str());
    // A DEL (0x7F) is not a control character in JSON's sense.
    let input = "\"a\u{7f}b\"";
    assert_eq!(str_of(&ok(input)), "a\u{7f}b");
    assert!(borrowed(str_of(&ok(input)), input));
    assert_eq!(str_of(&ok(r#""""#)), "");
    assert!(ok(r#""""#).is_verbatim_str());
}

#[test]
fn strings_own_when_escaped() {
    let input = r#"["a\"b", "\\", "\/", "\b\f\n\r\t", "x\u0041y", "\u00e9\u20AC", "\u0000"]"#;
    let n = ok(input);
    let got: Vec<_> = n.as_array().unwrap().iter().map(str_of).collect();
    assert_eq!(
        got,
        ["a\"b", "\\", "/", "\u{8}\u{c}\n\r\t", "xAy", "é€", "\0"]
    );
    assert!(got.iter().all(|s| !borrowed(s, input)));
    assert!(n.as_array().unwrap().iter().all(|n| !n.is_verbatim_str()));
    // Keys are unescaped too, and the key span covers the escaped form.
    let input = r#"{"k\u0065y":1}"#;
    let n = ok(input);
    let m = &n.as_object().unwrap()[0];
    assert_eq!(m.key, "key");
    assert!(!borrowed(m.key, input));
    assert_eq!(m.key_span, span(1, 11));
    // Text on both sides of several escapes.
    assert_eq!(str_of(&ok(r#""ab\ncd\tef\\gh""#)), "ab\ncd\tef\\gh");
    assert_eq!(str_of(&ok(r#""é\n☃""#)), "é\n☃");
}

#[test]
fn surrogate_pairs() {
    assert_eq!(str_of(&ok(r#""\uD83D\uDE00""#)), "😀");
    assert_eq!(str_of(&ok(r#""a\ud834\udd1eb""#)), "a𝄞b");
    assert_eq!(str_of(&ok(r#""\uDBFF\uDFFF""#)), "\u{10FFFF}");
    assert_eq!(str_of(&ok(r#""\uD800\uDC00""#)), "\u{10000}");
    // Non-surrogates right next to the surrogate range.
    assert_eq!(str_of(&ok(r#""\uD7FF\uE000""#)), "\u{D7FF}\u{E000}");
}

#[test]
fn string_errors() {
    use SyntaxErrorKind as K;
    let msg = check(r#""a\x""#, K::InvalidEscape { found: 'x' }, 2);
    assert!(msg.starts_with("invalid escape `\\x` in a string"), "{msg}");
    check(r#"["\é"]"#, K::InvalidEscape { found: 'é' }, 2);
    check(r#""\'""#, K::InvalidEscape { found: '\'' }, 1);
    check(r#""\u12G4""#, K::InvalidUnicodeEscape, 1);
    check(r#""ab\u12""#, K::InvalidUnicodeEscape, 3);
    let msg = check(r#""\uD83D""#, K::LoneSurrogate { code: 0xD83D }, 1);
    assert_eq!(
        msg,
        "lone surrogate `\\uD83D` in a string: UTF-16 surrogates must come as a high/low pair"
    );
    check(r#""x\uDE00""#, K::LoneSurrogate { code: 0xDE00 }, 2);
    check(r#""\uD83Dx""#, K::LoneSurrogate { code: 0xD83D }, 1);
    check(r#""\uD83D\n""#, K::LoneSurrogate { code: 0xD83D }, 1);
    check(r#""\uD83D\u0041""#, K::LoneSurrogate { code: 0xD83D }, 1);
    check(r#""\uD83D\uD83D""#, K::LoneSurrogate { code: 0xD83D }, 1);
    check(r#""\uD83D\uZZZZ""#, K::InvalidUnicodeEscape, 7);
    let msg = check("[\"a\nb\"]", K::ControlCharInString { byte: b'\n' }, 3);
    assert_eq!(
        msg,
        "raw control character U+000A in a string; escape it as `\\n`"
    );
    check("\"\t\"", K::ControlCharInString { byte: b'\t' }, 1);
    let msg = check("\"\\n\u{1}\"", K::ControlCharInString { byte: 1 }, 3);
    assert!(msg.ends_with("escape it as `\\u0001`"), "{msg}");
    check("\"\0\"", K::ControlCharInString { byte: 0 }, 1);
}

#[test]
fn string_length_limit() {
    let limits = Limits {
        max_string_bytes: 4,
        ..Limits::default()
    };
    assert!(parse(br#"["abcd"]"#, arena(), &limits).is_ok());
    let e = fail_with(br#"["abcde"]"#, &limits);
    assert_eq!(
        (e.kind.clone(), e.offset),
        (SyntaxErrorKind::StringTooLong { limit: 4 }, 1)
    );
    assert_eq!(
        e.to_string(),
        "string longer than 4 bytes (limit `max_string_bytes`)"
    );
    // Keys count, and so do escapes as written.
    let e = fail_with(br#"{"abcde":1}"#, &limits);
    assert_eq!(e.offset, 1);
    assert!(fail_with(br#""\n\n\n""#, &limits).kind == SyntaxErrorKind::StringTooLong { limit: 4 });
}

// ---- numbers ---------------------------------------------------------------------------------

#[test]
fn number_errors() {
    use SyntaxErrorKind as K;
    let msg = check("01", K::LeadingZero, 0);
    assert!(
        msg.starts_with("leading zeros are not allowed in numbers"),
        "{msg}"
    );
    check("[-00]", K::LeadingZero, 2);
    check(r#"{"phone":081234}"#, K::LeadingZero, 9);
    let msg = check(
        "+1",
        K::InvalidNumber {
            reason: "a leading `+` is not allowed",
        },
        0,
    );
    assert_eq!(msg, "invalid number: a leading `+` is not allowed");
    check(
        "[.5]",
        K::InvalidNumber {
            reason: "a digit must come before the decimal point (write `0.5`, not `.5`)",
        },
        1,
    );
    check(
        "1.]",
        K::InvalidNumber {
            reason: "expected a digit after the decimal point",
        },
        2,
    );
    check(
        "[1.e5]",
        K::InvalidNumber {
            reason: "expected a digit after the decimal point",
        },
        3,
    );
    check(
        "1e]",
        K::InvalidNumber {
            reason: "expected a digit in the exponent",
        },
        2,
    );
    check(
        "1e+x",
        K::InvalidNumber {
            reason: "expected a digit in the exponent",
        },
        3,
    );
    check(
        "-x",
        K::InvalidNumber {
            reason: "expected a digit after `-`",
        },
        1,
    );
    check(
        "- 1",
        K::InvalidNumber {
            reason: "expected a digit after `-`",
        },
        1,
    );
    check(
        "0x1F",
        K::InvalidNumber {
            reason: "hexadecimal is not allowed; write the number in decimal",
        },
        0,
    );
    check(
        "[1, -0X1]",
        K::InvalidNumber {
            reason: "hexadecimal is not allowed; write the number in decimal",
        },
        4,
    );
    // Things that look like the end of a number are the container's business.
    check(
        "[1x]",
        K::UnexpectedChar {
            found: 'x',
            expected: "`,` or `]` after an array element",
        },
        2,
    );
    check("1 2", K::TrailingCharacters { found: '2' }, 2);
    check(
        "[1.5.2]",
        K::UnexpectedChar {
            found: '.',
            expected: "`,` or `]` after an array element",
        },
        4,
    );
}

#[test]
fn non_finite_numbers() {
    use SyntaxErrorKind as K;
    let msg = check("NaN", K::NonFiniteNumber { value: "NaN" }, 0);
    assert_eq!(msg, "NaN is not valid JSON; send null or a number");
    check("[1, nan]", K::NonFiniteNumber { value: "NaN" }, 4);
    let msg = check(
        r#"{"x": Infinity}"#,
        K::NonFiniteNumber { value: "Infinity" },
        6,
    );
    assert_eq!(msg, "Infinity is not valid JSON; send null or a number");
    let msg = check("[-Infinity]", K::NonFiniteNumber { value: "-Infinity" }, 1);
    assert_eq!(msg, "-Infinity is not valid JSON; send null or a number");
    check("-inf", K::NonFiniteNumber { value: "-Infinity" }, 0);
    check("inf", K::NonFiniteNumber { value: "Infinity" }, 0);
    check("+Infinity", K::NonFiniteNumber { value: "Infinity" }, 0);
}

// ---- structure -------------------------------------------------------------------------------

#[test]
fn empty_and_truncated() {
    use SyntaxErrorKind as K;
    let msg = check("", K::EmptyInput, 0);
    assert_eq!(msg, "empty input: expected a JSON value");
    check(" \n\t\r ", K::EmptyInput, 5);
    let msg = check("[1, 2", K::UnexpectedEof, 5);
    assert_eq!(msg, "unexpected end of input: the document is truncated");
    check(r#"{"a": "b"#, K::UnexpectedEof, 8);
    check(r#"{"a" "#, K::UnexpectedEof, 5);
    check("tru", K::UnexpectedEof, 3);
    check("[nul", K::UnexpectedEof, 4);
    check("-", K::UnexpectedEof, 1);
    check("1.", K::UnexpectedEof, 2);
    check("1e-", K::UnexpectedEof, 3);
    check(r#""\u00"#, K::UnexpectedEof, 5);
    check(r#""\uD83D"#, K::UnexpectedEof, 7);
    check(r#""\uD83D\"#, K::UnexpectedEof, 8);
    check(r#""\"#, K::UnexpectedEof, 2);
}

#[test]
fn unexpected_characters() {
    use SyntaxErrorKind as K;
    let msg = check(
        r#"{"a":1]"#,
        K::UnexpectedChar {
            found: ']',
            expected: "`,` or `}` after an object member",
        },
        6,
    );
    assert_eq!(msg, "expected `,` or `}` after an object member, found `]`");
    check(
        r#"{"a" 1}"#,
        K::UnexpectedChar {
            found: '1',
            expected: "`:` after an object key",
        },
        5,
    );
    let msg = check(
        "{a:1}",
        K::UnexpectedChar {
            found: 'a',
            expected: "a double-quoted key or `}`",
        },
        1,
    );
    assert!(
        msg.ends_with("object keys must be strings in double quotes"),
        "{msg}"
    );
    check(
        r#"{"a":1, 2}"#,
        K::UnexpectedChar {
            found: '2',
            expected: "a double-quoted key",
        },
        8,
    );
    check(
        r#"{"a":}"#,
        K::UnexpectedChar {
            found: '}',
            expected: "a JSON value",
        },
        5,
    );
    check(
        "[,1]",
        K::UnexpectedChar {
            found: ',',
            expected: "a JSON value",
        },
        1,
    );
    check(
        "]",
        K::UnexpectedChar {
            found: ']',
            expected: "a JSON value",
        },
        0,
    );
    let msg = check(
        "[undefined]",
        K::UnexpectedChar {
            found: 'u',
            expected: "a JSON value",
        },
        1,
    );
    assert!(msg.ends_with("strings must be in double quotes"), "{msg}");
    check(
        "[truex]",
        K::UnexpectedChar {
            found: 'x',
            expected: "`,` or `]` after an array element",
        },
        5,
    );
    let msg = check(
        "[1,\u{a0}2]",
        K::UnexpectedChar {
            found: '\u{a0}',
            expected: "a JSON value",
        },
        3,
    );
    assert_eq!(
        msg,
        "expected a JSON value, found U+00A0; JSON whitespace is only space, tab, line feed and carriage return"
    );
    // Form feed and vertical tab are not JSON whitespace.
    check(
        "[\u{c}1]",
        K::UnexpectedChar {
            found: '\u{c}',
            expected: "a JSON value",
        },
        1,
    );
    check(
        "[1\u{b}]",
        K::UnexpectedChar {
            found: '\u{b}',
            expected: "`,` or `]` after an array element",
        },
        2,
    );
    let msg = check(
        "[é]",
        K::UnexpectedChar {
            found: 'é',
            expected: "a JSON value",
        },
        1,
    );
    assert!(
        msg.starts_with("expected a JSON value, found `é` (U+00E9)"),
        "{msg}"
    );
}

#[test]
fn literals() {
    use SyntaxErrorKind as K;
    let msg = check("True", K::InvalidLiteral { expected: "true" }, 0);
    assert_eq!(msg, "JSON literals are lowercase; write `true`");
    check("[FALSE]", K::InvalidLiteral { expected: "false" }, 1);
    check(r#"{"a":Null}"#, K::InvalidLiteral { expected: "null" }, 5);
}

#[test]
fn json5_habits() {
    use SyntaxErrorKind as K;
    let msg = check("[1, 2,]", K::TrailingComma { before: ']' }, 5);
    assert_eq!(
        msg,
        "trailing comma before `]` is not allowed in JSON; remove it"
    );
    check("{\"a\":1,\n}", K::TrailingComma { before: '}' }, 6);
    let msg = check("{'a':1}", K::SingleQuote, 1);
    assert_eq!(msg, "strings must be in double quotes, found `'`");
    check(r#"{"a":'b'}"#, K::SingleQuote, 5);
    check(r#"{"a":1,'b':2}"#, K::SingleQuote, 7);
    let msg = check("// hi\n{}", K::Comment, 0);
    assert_eq!(msg, "comments are not allowed in JSON; remove them");
    check("[1, /* two */ 2]", K::Comment, 4);
    check("[1 // one\n]", K::Comment, 3);
    check(r#"{"a":1 /* x */}"#, K::Comment, 7);
    check(r#"{/* x */}"#, K::Comment, 1);
    check("{} // done", K::Comment, 3);
    check(
        "[/]",
        K::UnexpectedChar {
            found: '/',
            expected: "a JSON value",
        },
        1,
    );
}

#[test]
fn trailing_characters() {
    use SyntaxErrorKind as K;
    let msg = check("{} {}", K::TrailingCharacters { found: '{' }, 3);
    assert_eq!(
        msg,
        "unexpected `{` after the JSON value; a document holds exactly one value"
    );
    check("[1]]", K::TrailingCharacters { found: ']' }, 3);
    check("null\0", K::TrailingCharacters { found: '\0' }, 4);
    assert_eq!(ok("[1] \r\n\t ").span, span(0, 3));
}

#[test]
fn invalid_utf8() {
    let e = fail(b"{\"name\": \"caf\xE9\"}");
    assert_eq!(
        (e.kind.clone(), e.offset),
        (SyntaxErrorKind::InvalidUtf8, 13)
    );
    assert_eq!(e.to_string(), "invalid UTF-8 at byte 13");
    let mut input = br#"{"a": "b", "c": ""#.to_vec();
    input.extend_from_slice(b"\xC3\x28\"}");
    assert_eq!(fail(&input).offset, 17);
    // A UTF-16 byte-order mark.
    assert_eq!(fail(b"\xFF\xFE[\x001\x00]\x00").offset, 0);
    // Truncated multi-byte sequence at the end.
    assert_eq!(fail(b"\"\xE2\x98").offset, 1);
    // Invalid UTF-8 outranks a syntax error earlier in the input.
    assert_eq!(fail(b"[,\xFF]").kind, SyntaxErrorKind::InvalidUtf8);
}

// ---- limits ----------------------------------------------------------------------------------

#[test]
fn input_size_limit() {
    let limits = Limits {
        max_input_bytes: 8,
        ..Limits::default()
    };
    assert!(parse(b"[1,2,33]", arena(), &limits).is_ok());
    let e = fail_with(b"[1,2,333]", &limits);
    assert_eq!(
        (e.kind.clone(), e.offset),
        (SyntaxErrorKind::TooLarge { limit: 8, size: 9 }, 8)
    );
    assert_eq!(
        e.to_string(),
        "input is 9 bytes, over the limit of 8 (`max_input_bytes`)"
    );
    let e = SyntaxError {
        kind: SyntaxErrorKind::TooLarge {
            limit: 67_108_864,
            size: 70_000_000,
        },
        offset: 67_108_864,
    };
    assert_eq!(
        e.to_string(),
        "input is 70000000 bytes, over the limit of 67108864 (`max_input_bytes`)"
    );
}

#[test]
fn depth_limit() {
    let limits = Limits {
        max_depth: 3,
        ..Limits::default()
    };
    assert!(parse(b"[[[1]]]", arena(), &limits).is_ok());
    assert!(parse(br#"{"a":{"b":[]}}"#, arena(), &limits).is_ok());
    let e = fail_with(b"[[[[1]]]]", &limits);
    assert_eq!(
        (e.kind.clone(), e.offset),
        (SyntaxErrorKind::TooDeep { limit: 3 }, 3)
    );
    assert_eq!(fail_with(br#"{"a":[{"b":{}}]}"#, &limits).offset, 11);
    // Depth is about nesting, not about how many containers there are.
    assert!(parse(b"[[[1]],[[2]],[[3]]]", arena(), &limits).is_ok());
    // Depth 0 allows scalars only.
    let zero = Limits {
        max_depth: 0,
        ..Limits::default()
    };
    assert!(parse(b"1", arena(), &zero).is_ok());
    assert_eq!(
        fail_with(b"[]", &zero).kind,
        SyntaxErrorKind::TooDeep { limit: 0 }
    );

    let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
    assert!(parse(deep.as_bytes(), arena(), &Limits::default()).is_ok());
    let deeper = format!("{}{}", "[".repeat(129), "]".repeat(129));
    let e = fail(deeper.as_bytes());
    assert_eq!(
        (e.kind.clone(), e.offset),
        (SyntaxErrorKind::TooDeep { limit: 128 }, 128)
    );
    assert_eq!(
        e.to_string(),
        "nesting deeper than 128 levels (limit `max_depth`)"
    );
}

/// Runs `f` on a thread with a 2 MiB stack, the smallest the parser promises to work on.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap();
}

#[test]
fn very_deep_nesting_is_rejected_without_overflow() {
    on_small_stack(|| {
        for n in [10_000, 1_000_000] {
            let input = "[".repeat(n);
            let e = fail(input.as_bytes());
            assert_eq!(
                (e.kind, e.offset),
                (SyntaxErrorKind::TooDeep { limit: 128 }, 128)
            );
            let input = r#"{"a":"#.repeat(n);
            assert_eq!(
                fail(input.as_bytes()).kind,
                SyntaxErrorKind::TooDeep { limit: 128 }
            );
        }
        // With the limit raised, deep input is refused only because it is truncated.
        let limits = Limits {
            max_depth: 1_000_000,
            ..Limits::default()
        };
        let e = fail_with("[".repeat(1_000_000).as_bytes(), &limits);
        assert_eq!(e.kind, SyntaxErrorKind::UnexpectedEof);
    });
}

#[test]
fn ten_thousand_levels_parse_with_a_raised_limit() {
    on_small_stack(|| {
        let n = 10_000;
        let limits = Limits {
            max_depth: n,
            ..Limits::default()
        };
        let input = format!("{}1{}", "[".repeat(n), "]".repeat(n));
        let arena = Arena::new();
        let node = parse(input.as_bytes(), &arena, &limits).unwrap();
        let mut depth = 0;
        let mut cur = &node;
        while let Some(items) = cur.as_array() {
            depth += 1;
            cur = &items[0];
        }
        assert_eq!(depth, n);
        assert_eq!(cur.span, span(n as u32, n as u32 + 1));
        // The tree is freed with its arena, all at once rather than level by level.
        drop(arena);
    });
}

#[test]
fn million_element_array() {
    let mut input = String::with_capacity(8_000_000);
    input.push('[');
    for i in 0..1_000_000 {
        if i > 0 {
            input.push(',');
        }
        input.push_str(&i.to_string());
    }
    input.push(']');
    let node = ok(&input);
    let items = node.as_array().unwrap();
    assert_eq!(items.len(), 1_000_000);
    assert_eq!(items[999_999].as_number().unwrap().raw(), "999999");
    assert_eq!(items[999_999].span.end as usize, input.len() - 1);

    // And a million-member object, duplicates and all.
    let input = format!("{{{}\"k\":0}}", "\"k\":0,".repeat(999_999));
    assert_eq!(ok(&input).as_object().unwrap().len(), 1_000_000);
}

// ---- robustness ------------------------------------------------------------------------------

const SEEDS: &[&str] = &[
    r#"{"phone_number":"081298765432","message":{"type":"template","template":{"template_code_id":"marketing:promo","payload":[{"index":1,"type":"text","text":"Halo \"Budi\" \u00e9\uD83D\uDE00"}]}},"n":[-0.5e+10,0,1E400,true,false,null,[],{}]}"#,
    "[1, [2, [3, {\"a\": [4.25, \"x\\ny\", {\"b\": null}]}]], -7e-3, \"\\/\\b\\f\\r\\t\"]",
    "\u{feff}{\r\n  \"k\" : \"v\" ,\r\n  \"l\" : [ true , false ]\r\n}\r\n",
];

#[test]
fn seeds_are_valid() {
    for seed in SEEDS {
        assert!(
            parse(seed.as_bytes(), arena(), &Limits::default()).is_ok(),
            "{seed}"
        );
    }
}

#[test]
fn every_truncation_fails_cleanly() {
    for seed in SEEDS {
        let bytes = seed.as_bytes();
        // Every proper prefix of an object or array document is incomplete.
        for len in 0..bytes.len() {
            let prefix = bytes.get(..len).unwrap();
            // Trailing whitespace aside, the only complete prefix is the whole document.
            if prefix
                .iter()
                .rev()
                .skip_while(|b| b.is_ascii_whitespace())
                .count()
                == bytes
                    .iter()
                    .rev()
                    .skip_while(|b| b.is_ascii_whitespace())
                    .count()
            {
                continue;
            }
            let result = parse(prefix, arena(), &Limits::default());
            assert!(result.is_err(), "prefix {len} of {seed:?} parsed");
        }
    }
}

/// A tiny deterministic generator (Knuth's MMIX LCG), so the mutation test needs no
/// dependency and fails the same way every time.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn mutated_inputs_never_panic() {
    // Bytes that matter to the grammar are picked more often than random ones.
    const INTERESTING: &[u8] = b"[]{}\",:\\u0123456789.eE+-tfnrl /*\n\t\xEF\xBB\xBF\xFF\x00'dD";
    let mut rng = Lcg(0x5eed);
    let limits = Limits {
        max_depth: 16,
        max_string_bytes: 64,
        ..Limits::default()
    };
    let mut parsed = 0;
    for seed in SEEDS {
        for _ in 0..3_000 {
            let mut input = seed.as_bytes().to_vec();
            for _ in 0..=rng.below(4) {
                let at = rng.below(input.len().max(1));
                let byte = if rng.below(3) == 0 {
                    rng.next() as u8
                } else {
                    INTERESTING[rng.below(INTERESTING.len())]
                };
                match rng.below(4) {
                    0 if !input.is_empty() => {
                        input.remove(at.min(input.len() - 1));
                    }
                    1 => input.insert(at.min(input.len()), byte),
                    2 => input.truncate(at),
                    _ if !input.is_empty() => {
                        let last = input.len() - 1;
                        input[at.min(last)] = byte;
                    }
                    _ => input.push(byte),
                }
            }
            match parse(&input, arena(), &limits) {
                Ok(node) => {
                    parsed += 1;
                    assert!(node.span.end as usize <= input.len());
                }
                Err(e) => {
                    assert!(
                        e.offset as usize <= input.len(),
                        "{e} at {} of {}",
                        e.offset,
                        input.len()
                    );
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }
    // Some mutations keep the document valid; if none did, the test would prove little.
    assert!(parsed > 0);
}

#[test]
fn agrees_with_serde_json_on_validity() {
    // serde_json is strict RFC 8259 too (bar the BOM and depth, kept out of this corpus), so
    // the two must agree on which inputs are JSON.
    let mut rng = Lcg(42);
    let seeds: Vec<&str> = SEEDS
        .iter()
        .map(|s| s.trim_start_matches('\u{feff}'))
        .collect();
    for seed in &seeds {
        for _ in 0..2_000 {
            let mut input = seed.as_bytes().to_vec();
            let at = rng.below(input.len());
            const BYTES: &[u8] = b"[]{}\",:\\u019.eE+- x\n";
            let byte = BYTES[rng.below(BYTES.len())];
            if rng.below(2) == 0 {
                input[at] = byte;
            } else {
                input.insert(at, byte);
            }
            let ours = match parse(&input, arena(), &Limits::default()) {
                // serde_json does not decode strings it ignores, so it lets lone surrogates by.
                Err(SyntaxError {
                    kind: SyntaxErrorKind::LoneSurrogate { .. },
                    ..
                }) => continue,
                result => result.is_ok(),
            };
            let theirs = serde_json::from_slice::<serde::de::IgnoredAny>(&input).is_ok();
            assert_eq!(ours, theirs, "{:?}", String::from_utf8_lossy(&input));
        }
    }
}

#[test]
fn error_is_std_error() {
    let e: Box<dyn std::error::Error> = Box::new(fail(b"["));
    assert_eq!(
        e.to_string(),
        "unexpected end of input: the document is truncated"
    );
}
