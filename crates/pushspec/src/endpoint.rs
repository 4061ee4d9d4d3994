//! The endpoint catalogue (spec §1): stable ids, URL templates and what each one checks.

use schemars::{Schema, SchemaGenerator};

use crate::check::{Check, Cx};
use crate::diag::Path;
use crate::json::Node;
use crate::vendors;

/// One vendor endpoint.
#[derive(Debug)]
pub struct Endpoint {
    /// The stable id, e.g. `oca.template`.
    pub id: &'static str,
    /// The vendor's display name.
    pub vendor: &'static str,
    /// The URL template of spec §1.
    pub url: &'static str,
    /// One line on what the endpoint does.
    pub summary: &'static str,
    /// Checks a whole request: the envelope tree `{method, url, path, query, headers, body}`
    /// that [`crate::request`] builds, at the root pointer.
    pub check_request: fn(&Node<'_>, &Path<'_>, &mut Cx<'_>),
    /// Checks a bare request body, at `/body`.
    pub check_body: fn(&Node<'_>, &Path<'_>, &mut Cx<'_>),
    /// The JSON Schema of the whole request model (its `path`, `query`, `headers` and
    /// `body` properties), from which OpenAPI parameters are generated.
    pub request_schema: fn(&mut SchemaGenerator) -> Schema,
    /// The JSON Schema of the request body.
    pub body_schema: fn(&mut SchemaGenerator) -> Schema,
    /// The documented responses: HTTP status (`"200"`, `"default"`), description, schema.
    pub responses: &'static [Response],
}

/// One documented response of an endpoint.
#[derive(Debug)]
pub struct Response {
    /// The HTTP status as OpenAPI writes it: `"200"`, `"4XX"`, `"default"`.
    pub status: &'static str,
    /// What the response means.
    pub description: &'static str,
    /// Its JSON Schema.
    pub schema: fn(&mut SchemaGenerator) -> Schema,
}

/// The body checker of model `T`, as a plain function pointer.
pub fn body_checker<T: Check>(node: &Node<'_>, at: &Path<'_>, cx: &mut Cx<'_>) {
    T::check(node, at, cx);
}

/// The schema of model `T`, as a plain function pointer.
pub fn schema_of<T: schemars::JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

/// Every endpoint, in spec order (§1).
pub const ALL: &[&Endpoint] = &[
    &vendors::mantago::BROADCAST,
    &vendors::mantago::TOKEN,
    &vendors::ahachat::SEND_BY_USER,
    &vendors::ahachat::SEND_BY_PHONE,
    &vendors::smax::V1_SEND,
    &vendors::smax::V2_SEND,
    &vendors::chatfuel::SEND,
    &vendors::firstline::PUSH,
    &vendors::firstline::PUSH_LINE_USER,
    &vendors::oca::TEMPLATE,
];

/// Finds an endpoint by id.
pub fn find(id: &str) -> Option<&'static Endpoint> {
    ALL.iter().copied().find(|e| e.id == id)
}
