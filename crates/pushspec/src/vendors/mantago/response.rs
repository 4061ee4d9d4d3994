//! MantaGO's responses (spec §6): `{"success": true, "message"}` (plus the new credentials
//! for a token refresh), or `{"success": false, "errResponse": {...}}` with MantaGO's numeric
//! codes.
//!
//! Tell them apart by `success`, never by the status or the wording: MantaGO's messages vary
//! between revisions.

use serde::{Deserialize, Serialize};

use crate::Model;

/// A broadcast MantaGO accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[pushspec(name = "MantagoBroadcastResponse")]
pub struct BroadcastResponse {
    /// Always `true`.
    pub success: bool,
    /// MantaGO's wording, e.g. `Send customer broadcast successfully`; it varies, so do not
    /// match on it.
    pub message: String,
}

/// A token refresh MantaGO accepted: the new pair. The previous pair stops working (later
/// use answers 120000).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
#[pushspec(name = "MantagoTokenResponse")]
pub struct TokenResponse {
    /// Always `true`.
    pub success: bool,
    /// MantaGO's wording; it varies, so do not match on it.
    pub message: String,
    /// The new JWT for the `Authorization` header, valid for 30 days.
    pub api_token: crate::Secret,
    /// The new secret for the body's `secret`.
    pub api_secret: crate::Secret,
}

/// A request MantaGO rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
#[pushspec(name = "MantagoErrorResponse")]
pub struct ErrorResponse {
    /// Always `false`.
    pub success: bool,
    /// What went wrong.
    pub err_response: ErrorDetail,
}

/// The problem MantaGO reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[serde(rename_all = "camelCase")]
#[pushspec(name = "MantagoError")]
pub struct ErrorDetail {
    /// MantaGO's wording.
    pub message: String,
    /// MantaGO's numeric code; see [`ErrorCode`].
    pub code: i64,
    /// The bot the request named.
    pub bot_id: String,
}

impl ErrorDetail {
    /// The documented meaning of [`ErrorDetail::code`].
    pub fn kind(&self) -> ErrorCode {
        ErrorCode::from(self.code)
    }
}

/// MantaGO's documented error codes (spec §6, [MG-ERR]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// 1002: permission denied: a wrong token or secret, or a plan without the Open API.
    PermissionDenied,
    /// 1004: the token is invalid or has expired (HTTP 401).
    TokenInvalid,
    /// 5001: no bot has this `botId`.
    UnknownBot,
    /// 11000: saving the LINE WebView URL failed.
    WebViewSaveFailed,
    /// 11001: the bot has no integration for this platform.
    NoIntegration,
    /// 36000: the broadcast could not be created (a delivery failure, or the bot is not
    /// published) (HTTP 403).
    BroadcastFailed,
    /// 37011: the member was not found.
    MemberNotFound,
    /// 60001: binding the customer's client failed.
    BindFailed,
    /// 60002: unbinding the customer's client failed.
    UnbindFailed,
    /// 110000: required body fields are missing.
    MissingFields,
    /// 120000: the token and secret were replaced by a refresh.
    CredentialsSuperseded,
    /// 120001: updating the WebView URL failed.
    WebViewUpdateFailed,
    /// A code MantaGO does not document.
    Other(i64),
}

impl From<i64> for ErrorCode {
    fn from(code: i64) -> Self {
        match code {
            1002 => ErrorCode::PermissionDenied,
            1004 => ErrorCode::TokenInvalid,
            5001 => ErrorCode::UnknownBot,
            11000 => ErrorCode::WebViewSaveFailed,
            11001 => ErrorCode::NoIntegration,
            36000 => ErrorCode::BroadcastFailed,
            37011 => ErrorCode::MemberNotFound,
            60001 => ErrorCode::BindFailed,
            60002 => ErrorCode::UnbindFailed,
            110000 => ErrorCode::MissingFields,
            120000 => ErrorCode::CredentialsSuperseded,
            120001 => ErrorCode::WebViewUpdateFailed,
            other => ErrorCode::Other(other),
        }
    }
}

impl ErrorCode {
    /// Whether the caller needs a new token and secret (`mantago.token`) before retrying:
    /// the token expired, or a refresh elsewhere replaced it.
    pub fn needs_new_credentials(self) -> bool {
        matches!(
            self,
            ErrorCode::TokenInvalid | ErrorCode::CredentialsSuperseded
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_shapes() {
        let error: ErrorResponse = serde_json::from_str(
            r#"{"success": false, "errResponse": {"message": "token expired", "code": 1004, "botId": "Qa7Lm2Xz9"}}"#,
        )
        .unwrap();
        assert!(!error.success);
        assert_eq!(error.err_response.kind(), ErrorCode::TokenInvalid);
        assert!(error.err_response.kind().needs_new_credentials());
        assert_eq!(ErrorCode::from(37011), ErrorCode::MemberNotFound);
        assert_eq!(ErrorCode::from(4242), ErrorCode::Other(4242));

        let token: TokenResponse = serde_json::from_str(
            r#"{"success": true, "message": "ok", "apiToken": "eyJh.e30.c2ln", "apiSecret": "s-1"}"#,
        )
        .unwrap();
        assert_eq!(format!("{token:?}").matches("<redacted>").count(), 2);
        assert_eq!(token.api_secret.expose(), "s-1");
    }
}
