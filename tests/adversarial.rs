//! Hostile and malformed inputs through the library, one named test each: every one must end
//! in a clear diagnostic (or a documented limit, docs/fuzzing.md) in bounded time and
//! memory, with positions that stay right. The command-line cases (NDJSON streaming) are in
//! `crates/pushspec-cli/tests/adversarial.rs`.

use pushspec::json::Limits;
use pushspec::request::{HarEntry, validate_har};
use pushspec::{Diagnostic, Options, Report, endpoint, validate_body, validate_envelope};
use pushspec_tests::invariants::check_report;

fn oca() -> &'static pushspec::Endpoint {
    endpoint::find("oca.template").unwrap()
}

/// A valid OCA body with a button whose `index` is `INDEX`.
const OCA: &str = r#"{"phone_number":"6281298765432","message":{"type":"template","template":{"template_code_id":"0b6d2f3a_1c4e_4a8b_9f7d_2e5c8a1b3d6f:kode_verifikasi","payload":[{"position":"body","parameters":[{"type":"text","text":"K7M2QX"}]},{"position":"button","sub_types":"url_dynamic","index":INDEX,"parameters":[{"type":"text","text":"K7M2QX"}]}]}}}"#;

/// Validates `body` as an OCA body, checks the report's invariants and returns it.
fn body(bytes: &[u8], options: &Options) -> Report {
    let report = validate_body(oca(), bytes, options);
    check_report(&report, bytes);
    report
}

/// The report's only diagnostic, which must be `request.body.invalid-json`.
fn syntax_error(report: &Report) -> &Diagnostic {
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let d = &report.diagnostics[0];
    assert_eq!(d.rule.code, "request.body.invalid-json");
    d
}

fn position(d: &Diagnostic) -> (u32, u32) {
    (d.line.unwrap(), d.column.unwrap())
}

#[test]
fn a_million_open_brackets_hit_the_depth_limit() {
    let bytes = vec![b'['; 1_000_000];
    let d = syntax_error(&body(&bytes, &Options::default())).clone();
    assert!(d.message.contains("max_depth"), "{}", d.message);
    assert_eq!(d.span.start, 128, "the bracket one level too deep");
}

#[test]
fn a_raised_depth_limit_is_capped_where_validation_stays_on_the_stack() {
    // Parsing is iterative, but validation walks the tree recursively: a caller's huge
    // `max_depth` must not let a deep (balanced) document overflow the stack.
    let depth = 200_000;
    let bytes = [vec![b'['; depth], vec![b']'; depth]].concat();
    let options = Options {
        limits: Limits {
            max_depth: usize::MAX,
            ..Limits::default()
        },
        ..Options::default()
    };
    let d = syntax_error(&body(&bytes, &options)).clone();
    assert!(d.message.contains("max_depth"), "{}", d.message);
    let mut envelope =
        br#"{"url":"https://wa01.ocatelkom.co.id/api/v2/push/message","body":"#.to_vec();
    envelope.extend_from_slice(&bytes);
    envelope.push(b'}');
    let report = validate_envelope(&envelope, None, &options);
    check_report(&report, &envelope);
    assert!(report.diagnostics[0].message.contains("max_depth"));
}

#[test]
fn a_100_mb_string_hits_the_input_limit_and_then_the_string_limit() {
    let mut bytes = br#"{"phone_number":""#.to_vec();
    bytes.resize(bytes.len() + (100 << 20), b'7');
    bytes.extend_from_slice(br#""}"#);
    let d = syntax_error(&body(&bytes, &Options::default())).clone();
    assert!(d.message.contains("max_input_bytes"), "{}", d.message);
    assert_eq!(d.span.start, 64 << 20, "the first byte over the limit");

    let roomy = Options {
        limits: Limits {
            max_input_bytes: 128 << 20,
            ..Limits::default()
        },
        ..Options::default()
    };
    let d = syntax_error(&body(&bytes, &roomy)).clone();
    assert!(d.message.contains("max_string_bytes"), "{}", d.message);
    assert_eq!(position(&d), (1, 17), "the opening quote of the string");
}

#[test]
fn a_million_element_array_is_reported_once_where_it_does_not_belong() {
    let mut bytes = b"[0".to_vec();
    for _ in 1..1_000_000 {
        bytes.extend_from_slice(b",0");
    }
    bytes.push(b']');
    let report = body(&bytes, &Options::default());
    let codes: Vec<_> = report.diagnostics.iter().map(|d| d.rule.code).collect();
    assert_eq!(codes, ["common.field.type"], "{:#?}", report.diagnostics);
}

#[test]
fn a_hundred_thousand_wrong_parameters_on_one_line_get_a_diagnostic_each() {
    // One line, so that positions counted from the line start each time would be quadratic
    // (they were: `Report::locate` now counts them in one pass).
    let parameters = vec!["0"; 100_000].join(",");
    let bytes = OCA.replace("INDEX", "0").replacen(
        r#"[{"type":"text","text":"K7M2QX"}]"#,
        &format!("[{parameters}]"),
        1,
    );
    let report = body(bytes.as_bytes(), &Options::default());
    let wrong = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.code == "common.field.type");
    assert_eq!(wrong.count(), 100_000);
}

#[test]
fn invalid_utf8_is_reported_at_the_first_bad_byte() {
    let bytes = b"{\n  \"phone_number\": \"62812\xff98\"\n}";
    let d = syntax_error(&body(bytes, &Options::default())).clone();
    assert!(
        d.message.contains("invalid UTF-8 at byte 26"),
        "{}",
        d.message
    );
    assert_eq!(position(&d), (2, 25));
}

#[test]
fn a_leading_bom_is_skipped_and_counted_and_a_later_one_is_named() {
    let plain = OCA
        .replace("INDEX", "0")
        .replace("6281298765432", "081298765432");
    let with_bom = format!("\u{feff}{plain}");
    let (a, b) = (
        body(plain.as_bytes(), &Options::default()),
        body(with_bom.as_bytes(), &Options::default()),
    );
    assert!(!a.diagnostics.is_empty());
    let codes = |r: &Report| {
        r.diagnostics
            .iter()
            .map(|d| d.rule.code)
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&a), codes(&b), "a BOM changes nothing but offsets");
    for (x, y) in a.diagnostics.iter().zip(&b.diagnostics) {
        assert_eq!(
            x.span.start + 3,
            y.span.start,
            "offsets count the BOM's three bytes"
        );
        assert_eq!(
            x.column.unwrap() + 1,
            y.column.unwrap(),
            "the BOM is one character"
        );
    }
    let late = "[1, \u{feff}2]";
    let d = syntax_error(&body(late.as_bytes(), &Options::default())).clone();
    assert!(d.message.contains("byte-order mark"), "{}", d.message);
}

#[test]
fn duplicate_keys_are_reported_not_resolved() {
    let bytes = br#"{"phone_number":"6281298765432","phone_number":"6281298765433","message":{}}"#;
    let report = body(bytes, &Options::default());
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.code == "request.body.duplicate-key")
        .expect("the repeated key is reported");
    assert_eq!(d.pointer, "/body/phone_number");
    assert_eq!(d.span.start, 32, "at the second copy");
}

#[test]
fn nan_and_infinity_are_named() {
    for (text, name) in [
        ("NaN", "NaN"),
        ("Infinity", "Infinity"),
        ("-Infinity", "-Infinity"),
    ] {
        let bytes = OCA.replace("INDEX", text);
        let d = syntax_error(&body(bytes.as_bytes(), &Options::default())).clone();
        assert!(
            d.message.starts_with(&format!("{name} is not valid JSON")),
            "{}",
            d.message
        );
        assert_eq!(d.span.start as usize, OCA.find("INDEX").unwrap());
    }
}

#[test]
fn numbers_too_large_for_i64_and_f64_are_out_of_range_not_rounded() {
    for huge in [
        "9223372036854775808",
        "1e400",
        "-1e400",
        "123456789012345678901234567890",
    ] {
        let bytes = OCA.replace("INDEX", huge);
        let report = body(bytes.as_bytes(), &Options::default());
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.pointer.ends_with("/index"))
            .unwrap_or_else(|| panic!("index {huge} passes: {:#?}", report.diagnostics));
        assert_eq!(d.span.start as usize, OCA.find("INDEX").unwrap(), "{huge}");
    }
}

#[test]
fn nul_bytes_are_named_inside_and_outside_strings() {
    let d = syntax_error(&body(
        b"{\"phone_number\":\"62\x0081\"}",
        &Options::default(),
    ))
    .clone();
    assert!(d.message.contains("U+0000"), "{}", d.message);
    assert!(
        d.message.contains("\\u0000"),
        "the fix is named: {}",
        d.message
    );
    let d = syntax_error(&body(b"{\"phone_number\":\x00}", &Options::default())).clone();
    assert!(d.message.contains("U+0000"), "{}", d.message);
    assert_eq!(d.span.start, 16);
}

#[test]
fn crlf_line_endings_keep_lines_and_columns() {
    let lf = "{\n  \"phone_number\": \"081298765432\",\n  \"message\": {\n    \"type\": \"text\"\n  }\n}";
    let crlf = lf.replace('\n', "\r\n");
    let (a, b) = (
        body(lf.as_bytes(), &Options::default()),
        body(crlf.as_bytes(), &Options::default()),
    );
    assert!(a.diagnostics.len() >= 2, "{:#?}", a.diagnostics);
    let positions = |r: &Report| r.diagnostics.iter().map(position).collect::<Vec<_>>();
    assert_eq!(positions(&a), positions(&b));
    assert_eq!(position(&a.diagnostics[0]), (2, 19), "{:#?}", a.diagnostics);
    // A syntax error after CRLF lines, too.
    let broken = crlf.replace("\"text\"", "'text'");
    let d = syntax_error(&body(broken.as_bytes(), &Options::default())).clone();
    assert_eq!(position(&d), (4, 13));
}

#[test]
fn a_truncated_file_is_reported_at_its_end() {
    let full = OCA.replace("INDEX", "0");
    for cut in [1, full.len() / 2, full.len() - 1] {
        let bytes = &full.as_bytes()[..cut];
        let d = syntax_error(&body(bytes, &Options::default())).clone();
        assert!(d.message.contains("truncated"), "{cut}: {}", d.message);
        assert_eq!(d.span.start as usize, cut, "at the end of the input");
    }
}

#[test]
fn an_empty_file_is_reported_as_empty() {
    for bytes in [&b""[..], b"  \r\n\t", b"\xef\xbb\xbf"] {
        let d = syntax_error(&body(bytes, &Options::default())).clone();
        assert!(d.message.starts_with("empty input"), "{}", d.message);
    }
    let report = validate_envelope(b"", None, &Options::default());
    check_report(&report, b"");
    assert!(report.diagnostics[0].message.starts_with("empty input"));
}

#[test]
fn a_har_body_in_base64_is_decoded_and_validated() {
    use base64::Engine as _;
    let body = r#"{"phone_number":"081298765432","message":{"type":"template","template":{"template_code_id":"marketing:promo","payload":[]}}}"#;
    let encoded = base64::engine::general_purpose::STANDARD.encode(body);
    let har = format!(
        r#"{{"log":{{"entries":[{{"request":{{"method":"POST","url":"https://wa01.ocatelkom.co.id/api/v2/push/message","headers":[{{"name":"Content-Type","value":"application/json"}},{{"name":"Authorization","value":"Bearer abc.def.ghi"}}],"postData":{{"mimeType":"application/json","encoding":"base64","text":"{encoded}"}}}}}}]}}}}"#
    );
    let entries = validate_har(har.as_bytes(), None, &Options::default()).unwrap();
    let [HarEntry::Validated { report, .. }] = &entries[..] else {
        panic!("{entries:#?}");
    };
    check_report(report, har.as_bytes());
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.code == "phone.country-code-missing")
        .unwrap_or_else(|| panic!("the decoded body is validated: {:#?}", report.diagnostics));
    assert_eq!(d.pointer, "/body/phone_number");
    let text_at = har.find(&encoded).unwrap() - 1;
    assert_eq!(
        d.span.start as usize, text_at,
        "findings point at the encoded text"
    );
}
