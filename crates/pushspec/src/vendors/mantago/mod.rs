//! MantaGO (Taiwan): broadcasts to LINE and Messenger users, `mantago.broadcast` (spec §3.1),
//! the token refresh, `mantago.token` (§3.2), and their responses (§6).

mod model;
mod response;
pub mod rules;

pub use model::{
    Broadcast, BroadcastRequest, Headers, Platform, Query, TokenHeaders, TokenRefresh, TokenRequest,
};
pub use response::{BroadcastResponse, ErrorCode, ErrorDetail, ErrorResponse, TokenResponse};

use crate::endpoint::{Endpoint, Response, body_checker, schema_of};

/// What MantaGO answers when it rejects a request, on either endpoint.
const ERROR: Response = Response {
    status: "default",
    description: "Rejected: `success: false` with MantaGO's code, e.g. 1004 (token invalid or expired, HTTP 401), \
                  1002 (permission denied), 36000 (broadcast creation failed, HTTP 403), 110000 (fields missing), \
                  120000 (credentials replaced by a refresh). Some errors come with HTTP 200: tell them apart by `success`.",
    schema: schema_of::<ErrorResponse>,
};

/// `mantago.broadcast`.
pub const BROADCAST: Endpoint = Endpoint {
    id: "mantago.broadcast",
    vendor: "MantaGO",
    url: "https://mantago.cc/api/openapi/broadcast?botId={botId}",
    summary: "Push a conversation module or plain text to LINE/Messenger users",
    check_request: body_checker::<BroadcastRequest>,
    check_body: body_checker::<Broadcast>,
    request_schema: schema_of::<BroadcastRequest>,
    body_schema: schema_of::<Broadcast>,
    responses: &[
        Response {
            status: "200",
            description: "Accepted: the broadcast was created.",
            schema: schema_of::<BroadcastResponse>,
        },
        ERROR,
    ],
};

/// `mantago.token`.
pub const TOKEN: Endpoint = Endpoint {
    id: "mantago.token",
    vendor: "MantaGO",
    url: "https://mantago.cc/api/openapi/token?botId={botId}",
    summary: "Issue a new token/secret pair (the old pair stops working)",
    check_request: body_checker::<TokenRequest>,
    check_body: body_checker::<TokenRefresh>,
    request_schema: schema_of::<TokenRequest>,
    body_schema: schema_of::<TokenRefresh>,
    responses: &[
        Response {
            status: "200",
            description: "Accepted: the new token and secret; the previous pair stops working.",
            schema: schema_of::<TokenResponse>,
        },
        ERROR,
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::EndpointRequest;
    use crate::{Options, Secret, validate_body};

    const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.ZmFrZS1zaWduYXR1cmU";

    fn codes(endpoint: &'static Endpoint, body: &str) -> Vec<&'static str> {
        let report = validate_body(endpoint, body.as_bytes(), &Options::default());
        let mut codes: Vec<_> = report.diagnostics.iter().map(|d| d.rule.code).collect();
        codes.sort_unstable();
        codes
    }

    #[test]
    fn broadcast_bodies() {
        let spec = r#"{"secret":"demo-secret-7731","platform":"line","intentId":"Rk4Tq8Wp2","clientIds":["c-48213"],"name":"order-confirmed"}"#;
        #[rustfmt::skip]
        let cases: &[(&str, &[&str])] = &[
            (spec, &[]),
            // A bare body has no query: a body `botId` is neither "in the body only" nor required.
            (r#"{"botId":"Qa7Lm2Xz9","secret":"s","platform":"line","message":"嗨","clientIds":["c-1"],"name":"n"}"#, &[]),
            (r#"{"botId":"Qa7Lm2","secret":"s","platform":"line","message":"嗨","clientIds":["c-1"],"name":"n"}"#, &["mantago.bot-id.shape"]),
            (r#"{"secret":"s","platform":"facebook","intentId":"i","clientIds":["c-1"],"name":"n"}"#, &["mantago.fb-tag.required"]),
            (r#"{"secret":"s","platform":"line","fbTag":"ACCOUNT_UPDATE","intentId":"i","clientIds":["c-1"],"name":"n"}"#, &["mantago.fb-tag.unused"]),
            (r#"{"secret":"s","platform":"LINE","intentId":"i","clientIds":["c-1"],"name":"n"}"#, &["mantago.platform.unknown"]),
            (r#"{"secret":"s","platform":"line","intentId":"i","message":"m","clientIds":[],"name":"n"}"#, &["mantago.client-ids.omitted", "mantago.content.both"]),
            (r#"{"secret":"s","platform":"line","clientIds":["c-1","c-1"]}"#, &["mantago.client-ids.duplicate", "mantago.content.missing", "mantago.name.missing"]),
            (r#"{"platform":"line","intentId":"i","clientIds":["c-1"],"name":"n","intentID":"x"}"#, &["common.field.case", "common.field.required"]),
            (r#"{"secret":"s","platform":"line","intentId":"i","clientIds":["c-1"],"name":"n","sendAt":"10:00"}"#, &["common.field.unknown"]),
        ];
        for (body, expected) in cases {
            assert_eq!(codes(&BROADCAST, body), *expected, "{body}");
        }
    }

    #[test]
    fn message_length_follows_the_platform() {
        let body = |platform: &str, n: usize| {
            format!(
                r#"{{"secret":"s","platform":"{platform}","fbTag":"ACCOUNT_UPDATE","message":"{}","clientIds":["c-1"],"name":"n"}}"#,
                "字".repeat(n)
            )
        };
        assert_eq!(codes(&BROADCAST, &body("facebook", 2000)), [] as [&str; 0]);
        assert_eq!(
            codes(&BROADCAST, &body("facebook", 2001)),
            ["messenger.text.length"]
        );
        // On LINE the tag is unused, and only 5000 characters are too many.
        assert_eq!(
            codes(&BROADCAST, &body("line", 2001)),
            ["mantago.fb-tag.unused"]
        );
        assert_eq!(
            codes(&BROADCAST, &body("line", 5001)),
            ["line.text.length", "mantago.fb-tag.unused"]
        );
        assert_eq!(
            codes(&BROADCAST, &body("instagram", 9000)),
            ["mantago.fb-tag.unused", "mantago.platform.unknown"]
        );
    }

    #[test]
    fn token_bodies() {
        assert_eq!(
            codes(&TOKEN, r#"{"secret":"demo-secret-7731"}"#),
            [] as [&str; 0]
        );
        assert_eq!(codes(&TOKEN, r#"{"secret":""}"#), ["common.field.required"]);
        assert_eq!(
            codes(&TOKEN, r#"{"secret":"s","botId":"bot"}"#),
            ["mantago.bot-id.shape"]
        );
        assert_eq!(
            codes(&TOKEN, r#"{"secret":"s","apiSecret":"t"}"#),
            ["common.field.unknown"]
        );
    }

    #[test]
    fn secrets_are_recorded_and_never_printed() {
        let body = br#"{"secret":"mg-secret-5f2a9c71","platform":"line"}"#;
        let report = validate_body(&BROADCAST, body, &Options::default());
        assert!(!report.secrets.is_empty());
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| !d.message.contains("5f2a9c71"))
        );
    }

    #[test]
    fn typed_requests_build_and_validate_clean() {
        let body: Broadcast = serde_json::from_str(
            r#"{"secret":"demo-secret-7731","platform":"line","intentId":"Rk4Tq8Wp2","clientIds":["c-48213"],"name":"order-confirmed"}"#,
        )
        .unwrap();
        assert_eq!(body.platform, Platform::Line);
        let request = BroadcastRequest::new("Qa7Lm2Xz9", &Secret::new(JWT), body)
            .to_request()
            .unwrap();
        assert_eq!(
            request.url,
            "https://mantago.cc/api/openapi/broadcast?botId=Qa7Lm2Xz9"
        );
        let report = crate::validate_request(&request, &Options::default());
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);

        let body: TokenRefresh = serde_json::from_str(r#"{"secret":"demo-secret-7731"}"#).unwrap();
        let request = TokenRequest::new("Qa7Lm2Xz9", &Secret::new(JWT), body)
            .to_request()
            .unwrap();
        let report = crate::validate_request(&request, &Options::default());
        assert_eq!(report.endpoint, Some("mantago.token"));
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    }

    #[test]
    fn unknown_platforms_are_kept() {
        let p: Platform = serde_json::from_str(r#""instagram""#).unwrap();
        assert_eq!(p, Platform::Other("instagram".into()));
        assert_eq!(
            serde_json::to_string(&Platform::Facebook).unwrap(),
            r#""facebook""#
        );
    }
}
