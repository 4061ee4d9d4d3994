//! `Secret`: a credential that prints as `<redacted>` everywhere except on the wire.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::check::{Check, Cx};
use crate::diag::Path;
use crate::json::Node;

/// A token, key or JWT. `Debug` and `Display` print `<redacted>`; only serialisation to the
/// wire emits the value (spec §2.1).
#[derive(Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The raw value, for building the request that is sent. Do not log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl Check for Secret {
    const EXPECTED: &'static str = String::EXPECTED;

    fn check(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) -> bool {
        cx.secret(node.span);
        String::check(node, at, cx)
    }
}

impl schemars::JsonSchema for Secret {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Secret".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // `writeOnly` tells generators and documentation tools that the value is sent, never
        // echoed back; `x-pushspec-secret` tells them to redact it.
        schemars::json_schema!({ "type": "string", "writeOnly": true, "x-pushspec-secret": true })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_the_value() {
        let s = Secret::new("sk-live-4242");
        assert_eq!(
            format!("{s} {s:?} {:?}", Some(&s)),
            "<redacted> <redacted> Some(<redacted>)"
        );
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"sk-live-4242\"");
    }
}
