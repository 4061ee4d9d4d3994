//! FIRST LINE (Taiwan): push one message to a contact on any channel, `firstline.push`
//! (spec §3.8), or to a LINE user by userId, `firstline.push-line-user` (§3.9), with the
//! platform limits FIRST LINE forwards (§4) and the responses (§6).

mod message;
mod model;
mod response;
pub mod rules;

pub use message::{
    ActionType, ButtonMessage, ButtonOption, ButtonOptionType, CarouselAction, CarouselColumn,
    CarouselMessage, ImageCarouselAction, ImageCarouselColumn, ImageCarouselMessage,
    QuickReplyMessage, QuickReplyOption, StyledText,
};
pub use model::{
    ContactableId, ContactableType, Headers, IsForce, LineAccountPath, LineUserBody, PushBody,
    PushLineUserRequest, PushRequest, Query,
};
pub use response::{ErrorResponse, SuccessResponse};

use crate::endpoint::{Endpoint, Response, body_checker, schema_of};

/// The documented responses of both endpoints.
pub const RESPONSES: &[Response] = &[
    Response {
        status: "200",
        description: "Accepted: an empty object.",
        schema: schema_of::<SuccessResponse>,
    },
    Response {
        status: "default",
        description: "Rejected: 400 (invalid request), 401 (bad API key), 403, 404 or 405. The body is undocumented.",
        schema: schema_of::<ErrorResponse>,
    },
];

/// `firstline.push`.
pub const PUSH: Endpoint = Endpoint {
    id: "firstline.push",
    vendor: "FIRST LINE",
    url: "https://{API_HOST}/api/v1/message/push",
    summary: "Push one message to a FIRST LINE contact on any channel",
    check_request: body_checker::<PushRequest>,
    check_body: body_checker::<PushBody>,
    request_schema: schema_of::<PushRequest>,
    body_schema: schema_of::<PushBody>,
    responses: RESPONSES,
};

/// `firstline.push-line-user`.
pub const PUSH_LINE_USER: Endpoint = Endpoint {
    id: "firstline.push-line-user",
    vendor: "FIRST LINE",
    url: "https://{API_HOST}/api/social-media-contact/adapter/push-message/line-account/{line_account}",
    summary: "Push one message to a LINE user by userId",
    check_request: body_checker::<PushLineUserRequest>,
    check_body: body_checker::<LineUserBody>,
    request_schema: schema_of::<PushLineUserRequest>,
    body_schema: schema_of::<LineUserBody>,
    responses: RESPONSES,
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message type, as FIRST LINE documents it, on LINE.
    const BODIES: &[&str] = &[
        r#"{"contactable_type":"App\\LineContact","contactable_id":5120,"type":"text","message":"您的訂單 A1024 已出貨。","is_force":true}"#,
        r#"{"contactable_type":"App\\LineContact","contactable_id":"5120","type":"button","message":{"explain_text":"請選擇","options":[
            {"label":"查看新品","type":"text","value":"我想看新品"},
            {"label":"客服專線","type":"phonenumber","number":"+886223456789"},
            {"label":"線上商店","type":"url","url":"https://shop.haoliving.example/spring"}]}}"#,
        r#"{"contactable_type":"App\\LineContact","contactable_id":5120,"type":"quickreply","is_force":1,"message":{"explain_text":"滿意嗎？","options":[
            {"label":"很滿意","value":"很滿意","type":"text"}]}}"#,
        r#"{"contactable_type":"App\\LineContact","contactable_id":5120,"type":"carousel","message":{"alt_text":"精選","columns":[
            {"image_url":"https://img.haoliving.example/a.jpg","title":"禮盒","text":"附濾掛","actions":[{"type":"text","text":"購買","value":"購買禮盒"}]}]}}"#,
        r##"{"contactable_type":"App\\LineContact","contactable_id":5120,"type":"image_carousel","message":{"alt_text":"優惠","columns":[
            {"image_url":"https://img.haoliving.example/b.jpg","action":{"type":null,"url":null,"value":null},
             "button":{"text":"搶購","background_color":"#E53935","border_color":"#B71C1C","color":"#FFFFFF"},
             "badge":{"text":"8折","background_color":"#FFD600","border_color":"#FFD600","color":"#212121"}}]}}"##,
    ];

    #[test]
    fn documented_bodies_deserialize_validate_and_round_trip() {
        for text in BODIES {
            let body: PushBody =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
            let again: PushBody =
                serde_json::from_value(serde_json::to_value(&body).unwrap()).unwrap();
            assert_eq!(body, again);
            let report = crate::validate_body(&PUSH, text.as_bytes(), &Default::default());
            assert!(
                report.diagnostics.is_empty(),
                "{text}: {:?}",
                report.diagnostics
            );
        }
    }

    /// Every valid fixture body (tests/fixtures) deserializes into the typed model.
    #[test]
    fn valid_fixtures_deserialize() {
        fn bodies(endpoint: &str) -> Vec<(String, serde_json::Value)> {
            let dir = format!(
                "{}/../../tests/fixtures/{endpoint}/valid",
                env!("CARGO_MANIFEST_DIR")
            );
            let mut out = Vec::new();
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.display().to_string();
                if !name.ends_with(".json") {
                    continue;
                }
                let value: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                let body = if name.ends_with(".request.json") {
                    value["body"].clone()
                } else {
                    value
                };
                out.push((name, body));
            }
            assert!(out.len() >= 6);
            out
        }
        for (name, body) in bodies("firstline.push") {
            serde_json::from_value::<PushBody>(body).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        for (name, body) in bodies("firstline.push-line-user") {
            serde_json::from_value::<LineUserBody>(body).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    /// The typed request as an envelope on the tenant's host: `request::build` cannot fill a
    /// `{API_HOST}` template yet, so the URL is written here.
    fn envelope(model: &impl serde::Serialize, url: &str) -> Vec<u8> {
        let value = serde_json::to_value(model).unwrap();
        let envelope = serde_json::json!({
            "method": "POST", "url": url, "headers": value["headers"], "body": value["body"],
        });
        serde_json::to_vec(&envelope).unwrap()
    }

    #[test]
    fn typed_requests_are_clean() {
        let token = || crate::Secret::new("fl-demo-token-2207");
        let body: PushBody = serde_json::from_str(BODIES[1]).unwrap();
        let url = "https://example-tenant.firstline.cc/api/v1/message/push";
        let bytes = envelope(&PushRequest::new(token(), body), url);
        let report = crate::validate_envelope(&bytes, None, &Default::default());
        assert_eq!(report.endpoint, Some("firstline.push"));
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);

        let body: LineUserBody = serde_json::from_str(
            r#"{"user_id":"U0f1e2d3c4b5a69788796a5b4c3d2e1f0","type":"image","message":{"url":"https://img.haoliving.example/a.jpg"}}"#,
        )
        .unwrap();
        let request = PushLineUserRequest::new(12, token(), body);
        assert_eq!(request.path.line_account, "12");
        let url = "https://example-tenant.firstline.cc/api/social-media-contact/adapter/push-message/line-account/12";
        let report = crate::validate_envelope(&envelope(&request, url), None, &Default::default());
        assert_eq!(report.endpoint, Some("firstline.push-line-user"));
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    }

    #[test]
    fn query_tokens_are_redacted() {
        let envelope = br#"{"method":"POST","url":"https://t.firstline.cc/api/v1/message/push?api_token=fl-demo-token-2207",
            "headers":{"Content-Type":"application/json","Accept":"application/json"},
            "body":{"contactable_type":"App\\FbContact","contactable_id":5120,"type":"text","message":"hi"}}"#;
        let report = crate::validate_envelope(envelope, Some(&PUSH), &Default::default());
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        let secret = report.secrets.iter().any(|s| {
            envelope.get(s.start as usize..s.end as usize) == Some(b"fl-demo-token-2207".as_slice())
        });
        assert!(secret, "{:?}", report.secrets);
    }
}
