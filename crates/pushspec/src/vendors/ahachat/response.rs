//! AhaChat's responses (spec §6). AhaChat documents none: these follow the Chatfuel API it
//! clones, `{"success": boolean, "result"?: string}` for success and failure alike
//! (INFERENCE).

use serde::{Deserialize, Serialize};

use crate::Model;

/// A send AhaChat accepted (shape inferred from the Chatfuel API).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[pushspec(name = "AhachatSuccessResponse")]
pub struct SuccessResponse {
    /// `true`.
    pub success: bool,
    /// A short status text, when AhaChat sends one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}

/// A send AhaChat rejected (shape inferred from the Chatfuel API).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[pushspec(name = "AhachatErrorResponse")]
pub struct ErrorResponse {
    /// `false`.
    pub success: bool,
    /// Why the send failed, when AhaChat says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}
