//! The request readers end to end: envelopes, `.http` files and HAR captures.

use super::*;
use crate::json::Span;

const BODY: &str = r#"{"phone_number":"6281298765432","message":{"type":"template","template":{"template_code_id":"marketing:promo_lebaran","payload":[]}}}"#;
const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.ZmFrZS1zaWduYXR1cmU";

fn codes(report: &Report) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.rule.code).collect()
}

#[test]
fn an_http_file_with_two_requests_reports_each_with_file_positions() {
    let source = format!(
        "# order shipped\nPOST https://wa01.ocatelkom.co.id/api/v2/push/message\nAuthorization: {JWT}\nContent-Type: application/json\n\n{BODY}\n\n###\n\nGET https://wa01.ocatelkom.co.id/api/v2/push/message\nContent-Type: application/json\n\n{}\n",
        BODY.replace("6281298765432", "081298765432")
    );
    let reports = validate_http_file(source.as_bytes(), None, &Options::default());
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0].0, 1);
    assert!(reports[0].1.is_valid(), "{:?}", reports[0].1);
    assert_eq!(reports[0].1.endpoint, Some("oca.template"));
    let second = &reports[1].1;
    assert_eq!(
        codes(second),
        [
            "request.method.post",
            "auth.header.missing",
            "phone.country-code-missing"
        ]
    );
    let phone = &second.diagnostics[2];
    assert_eq!(
        (phone.line, phone.pointer.as_str()),
        (Some(13), "/body/phone_number")
    );
}

/// Each request of a `.http` file is read on its own (no copy of the file before it), so its
/// positions must still be the file's: the same as validating the request alone, shifted by
/// the lines and bytes before it. A syntax error's credentials are looked for in its own
/// request only.
#[test]
fn every_request_of_a_long_http_file_gets_the_positions_it_has_alone() {
    let broken = format!(
        "POST https://wa01.ocatelkom.co.id/api/v2/push/message\nAuthorization: Bearer {JWT}\nContent-Type: application/json\n\n{{\"phone_number\": \"081298765432\", \"token\": \"abcdef123456\""
    );
    let plain = format!(
        "POST https://wa01.ocatelkom.co.id/api/v2/push/message\nContent-Type: application/json\n\n{}",
        BODY.replace("6281298765432", "081298765432")
    );
    let requests: Vec<&str> = (0..40)
        .map(|i| {
            if i % 3 == 2 {
                broken.as_str()
            } else {
                plain.as_str()
            }
        })
        .collect();
    let source = requests.join("\n\n###\n\n");
    let reports = validate_http_file(source.as_bytes(), None, &Options::default());
    assert_eq!(reports.len(), requests.len());
    // Where each request's text starts; its chunk of the file starts a line earlier, at the
    // blank line after `###` (the first one, at the top).
    let (mut offset, mut line) = (0, 1);
    for ((first_line, report), request) in reports.iter().zip(&requests) {
        assert_eq!(*first_line, if line == 1 { 1 } else { line - 1 });
        let alone = validate_http(request.as_bytes(), None, &Options::default());
        assert!(!alone.diagnostics.is_empty());
        assert_eq!(codes(report), codes(&alone));
        for (d, a) in report.diagnostics.iter().zip(&alone.diagnostics) {
            assert_eq!(d.span.start, a.span.start + offset);
            assert_eq!(d.line, a.line.map(|l| l + line - 1), "{}", d.message);
            assert_eq!(d.column, a.column);
        }
        let shifted: Vec<Span> = alone
            .secrets
            .iter()
            .map(|s| Span::new(s.start + offset, s.end + offset))
            .collect();
        assert_eq!(report.secrets, shifted);
        offset += request.len() as u32 + "\n\n###\n\n".len() as u32;
        line += request.lines().count() as u32 + 3;
    }
}

#[test]
fn a_typed_request_validates_through_its_http_rendering() {
    let request = Request {
        method: "POST".into(),
        url: "https://wa01.ocatelkom.co.id/api/v2/push/message".into(),
        headers: vec![
            ("Authorization".into(), format!("Bearer {JWT}")),
            ("Content-Type".into(), "application/json".into()),
        ],
        body: Some(BODY.as_bytes().to_vec()),
    };
    let report = validate_request(&request, &Options::default());
    assert!(
        report.is_valid() && report.diagnostics.is_empty(),
        "{report:?}"
    );
    assert!(
        !report.secrets.is_empty(),
        "the Authorization value is a secret"
    );
    let debug = format!("{request:?}");
    assert!(!debug.contains(JWT), "{debug}");
}

#[test]
fn a_har_capture_validates_vendor_entries_and_counts_the_rest() {
    use base64::Engine as _;
    let encoded =
        base64::engine::general_purpose::STANDARD.encode(BODY.replace("6281298765432", "620812"));
    let har = format!(
        r#"{{"log": {{"version": "1.2", "entries": [
  {{"request": {{"method": "GET", "url": "https://shop.example/cart?session=s3cr3t", "headers": []}}}},
  {{"request": {{"method": "POST", "url": "https://wa01.ocatelkom.co.id/api/v2/push/message",
    "headers": [{{"name": ":authority", "value": "wa01.ocatelkom.co.id"}}, {{"name": "authorization", "value": "{JWT}"}}, {{"name": "content-type", "value": "application/json"}}],
    "postData": {{"mimeType": "application/json", "text": "{encoded}", "encoding": "base64"}}}}}}
]}}}}"#
    );
    let entries = validate_har(har.as_bytes(), None, &Options::default()).unwrap();
    assert_eq!(entries.len(), 2);
    assert!(
        matches!(&entries[0], HarEntry::Skipped { index: 0, url } if url == "https://shop.example/cart")
    );
    let HarEntry::Validated { index: 1, report } = &entries[1] else {
        panic!("{entries:?}")
    };
    assert_eq!(codes(report), ["phone.unparseable"]);
    assert_eq!(report.diagnostics[0].line, Some(5), "the `postData` line");
}

#[test]
fn query_values_get_exact_spans_and_secrets_are_recorded() {
    let envelope = br#"{"method": "POST", "url": "https://ahachat.com/api/bots/1/phones/send?ahachat_token=abc&phone=%2B84912345678"}"#;
    let report = validate_envelope(envelope, None, &Options::default());
    assert_eq!(report.endpoint, Some("ahachat.send-by-phone"));
    let source = std::str::from_utf8(envelope).unwrap();
    let token_at = source.find("abc").unwrap() as u32;
    assert!(
        report
            .secrets
            .iter()
            .any(|s| s.start == token_at && s.end == token_at + 3),
        "{:?}",
        report.secrets
    );
}
