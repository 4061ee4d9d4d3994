//! The responses of the Chatfuel Broadcasting API, which Smax V1 shares (spec §6):
//! `{"success": true, "result"?: string}`, or `{"success": false, "result": string}`.
//! The HTTP status of a failure is undocumented; tell them apart by `success`.

use serde::{Deserialize, Serialize};

use crate::Model;

/// A send the vendor accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[pushspec(name = "ChatfuelSuccessResponse")]
pub struct SuccessResponse {
    /// `true`.
    pub success: bool,
    /// A short status text, when the vendor sends one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
}

/// A send the vendor rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Model)]
#[pushspec(name = "ChatfuelErrorResponse")]
pub struct ErrorResponse {
    /// `false`.
    pub success: bool,
    /// Why the send failed, in the vendor's words (never match on the wording).
    pub result: String,
}
