//! OCA's responses (spec §6): `200 {"msgid", "success": true}`, or `{"errors": [...]}`
//! with OCA's numeric codes.

use serde::{Deserialize, Serialize};

use crate::Model;

/// A push OCA accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[pushspec(name = "OcaSuccessResponse")]
pub struct SuccessResponse {
    /// The id of the queued message, for status checks.
    pub msgid: String,
    /// Always `true`.
    pub success: bool,
}

/// A push OCA rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[pushspec(name = "OcaErrorResponse")]
pub struct ErrorResponse {
    /// One entry per problem.
    pub errors: Vec<ErrorEntry>,
}

/// One problem OCA reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[pushspec(name = "OcaError")]
pub struct ErrorEntry {
    /// OCA's wording; for code 39 it is the unhelpful `[object]`.
    pub message: String,
    /// OCA's numeric code; see [`ErrorCode`].
    pub code: i64,
}

impl ErrorEntry {
    /// The documented meaning of [`ErrorEntry::code`].
    pub fn kind(&self) -> ErrorCode {
        ErrorCode::from(self.code)
    }
}

/// OCA's documented error codes (spec §6), with the HTTP status where documented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// 5: the account balance is too low.
    LowBalance,
    /// 9: rate limited (HTTP 429).
    RateLimited,
    /// 13: internal error (HTTP 500).
    Internal,
    /// 17: invalid credentials.
    InvalidCredentials,
    /// 19: the `Authorization` header is missing (HTTP 406).
    AuthorizationMissing,
    /// 33: data not found (HTTP 404).
    NotFound,
    /// 39: body parameters wrong or missing for the template (HTTP 406).
    TemplateParameters,
    /// 43: no token supplied (HTTP 401).
    TokenMissing,
    /// 45: the token is invalid (HTTP 401).
    TokenInvalid,
    /// 59: the template was not found (HTTP 406).
    TemplateNotFound,
    /// A code OCA does not document.
    Other(i64),
}

impl From<i64> for ErrorCode {
    fn from(code: i64) -> Self {
        match code {
            5 => ErrorCode::LowBalance,
            9 => ErrorCode::RateLimited,
            13 => ErrorCode::Internal,
            17 => ErrorCode::InvalidCredentials,
            19 => ErrorCode::AuthorizationMissing,
            33 => ErrorCode::NotFound,
            39 => ErrorCode::TemplateParameters,
            43 => ErrorCode::TokenMissing,
            45 => ErrorCode::TokenInvalid,
            59 => ErrorCode::TemplateNotFound,
            other => ErrorCode::Other(other),
        }
    }
}

impl ErrorCode {
    /// Whether retrying the same request later can succeed (rate limit, internal error).
    pub fn is_retryable(self) -> bool {
        matches!(self, ErrorCode::RateLimited | ErrorCode::Internal)
    }
}
