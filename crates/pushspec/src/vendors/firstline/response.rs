//! FIRST LINE's responses (spec §6): `200 {}` on success. Error bodies are undocumented;
//! tell the outcome by the HTTP status (400 invalid request, 401 bad key, 403, 404, 405).
//!
//! Both are open objects, so they are plain maps with a hand-written schema rather than
//! derived models.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// A push FIRST LINE accepted: documented as `{}`. Members a later version adds are kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SuccessResponse(pub BTreeMap<String, serde_json::Value>);

/// A push FIRST LINE rejected. The body is undocumented (Laravel's `{"message": "..."}` is
/// common); never match on it, read the HTTP status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ErrorResponse(pub BTreeMap<String, serde_json::Value>);

impl JsonSchema for SuccessResponse {
    fn schema_name() -> Cow<'static, str> {
        "FirstlineSuccessResponse".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "A push FIRST LINE accepted: documented as `{}`; tolerate members a later version adds.",
            "additionalProperties": true
        })
    }
}

impl JsonSchema for ErrorResponse {
    fn schema_name() -> Cow<'static, str> {
        "FirstlineErrorResponse".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": "A push FIRST LINE rejected. The body is undocumented: read the HTTP status, never the wording.",
            "additionalProperties": true
        })
    }
}
