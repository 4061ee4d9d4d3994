//! Builds the HTTP request a vendor expects from a typed request model: one mechanism for
//! every endpoint, because every request model has the same shape, `{path, query, headers,
//! body}`. Path parameters fill the URL template, the query is percent-encoded, headers are
//! sent as named, and the body is serialised as JSON.

use serde::Serialize;
use serde_json::Value;

use super::Request;
use super::url::encode;
use crate::endpoint::Endpoint;

/// A typed request model that knows its endpoint, and so can become a [`Request`].
///
/// ```
/// use pushspec::vendors::oca::{TemplateRequest, TemplatePush};
/// use pushspec::request::EndpointRequest;
///
/// let body: TemplatePush = serde_json::from_str(r#"{"phone_number": "6281298765432",
///     "message": {"type": "template", "template": {"template_code_id": "marketing:promo", "payload": []}}}"#).unwrap();
/// let request = TemplateRequest::new(pushspec::Secret::new("eyJhbGciOiJIUzI1NiJ9.e30.c2ln"), body).to_request().unwrap();
/// assert_eq!(request.url, "https://wa01.ocatelkom.co.id/api/v2/push/message");
/// assert!(pushspec::validate_request(&request, &Default::default()).is_valid());
/// ```
pub trait EndpointRequest: Serialize {
    /// The endpoint this request is for.
    const ENDPOINT: &'static Endpoint;

    /// The request to send: method, URL with its query, headers and body.
    fn to_request(&self) -> Result<Request, BuildError> {
        build(Self::ENDPOINT, self)
    }

    /// The request to send to `host`, for endpoints whose host is the tenant's own
    /// (`{API_HOST}` in the URL template, as FIRST LINE's).
    fn to_request_on(&self, host: &str) -> Result<Request, BuildError> {
        build_from(&Self::ENDPOINT.url.replace("{API_HOST}", host), self)
    }
}

/// Why a model could not become a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError(String);

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// Builds the request for `endpoint` from a serialisable request model.
pub fn build<M: Serialize + ?Sized>(endpoint: &Endpoint, model: &M) -> Result<Request, BuildError> {
    build_from(endpoint.url, model)
}

/// Builds the request from a URL template and a serialisable request model.
fn build_from<M: Serialize + ?Sized>(template: &str, model: &M) -> Result<Request, BuildError> {
    let value = serde_json::to_value(model)
        .map_err(|e| BuildError(format!("the request does not serialise: {e}")))?;
    let part = |name: &str| value.get(name).and_then(Value::as_object);
    let base = template.split('?').next().unwrap_or(template);
    let mut url = String::with_capacity(base.len() + 64);
    let mut rest = base;
    while let Some(open) = rest.find('{') {
        let close = rest
            .get(open..)
            .and_then(|r| r.find('}'))
            .map(|c| open + c)
            .ok_or_else(|| BuildError("bad URL template".into()))?;
        let name = rest.get(open + 1..close).unwrap_or_default();
        let value = part("path")
            .and_then(|p| p.get(name))
            .and_then(scalar)
            .ok_or_else(|| match name {
                "API_HOST" => BuildError(
                    "the endpoint's host is the tenant's own: use `to_request_on(host)`".into(),
                ),
                _ => BuildError(format!("path parameter `{name}` is not set")),
            })?;
        url.push_str(rest.get(..open).unwrap_or_default());
        url.push_str(&encode(&value));
        rest = rest.get(close + 1..).unwrap_or_default();
    }
    url.push_str(rest);
    let mut sep = '?';
    for (name, value) in part("query").into_iter().flatten() {
        if let Some(value) = scalar(value) {
            url.push(sep);
            url.push_str(&encode(name));
            url.push('=');
            url.push_str(&encode(&value));
            sep = '&';
        }
    }
    let headers = part("headers")
        .into_iter()
        .flatten()
        .filter_map(|(name, value)| scalar(value).map(|v| (name.clone(), v)))
        .collect();
    let body = match value.get("body") {
        None | Some(Value::Null) => None,
        Some(body) => Some(serde_json::to_vec(body).map_err(|e| BuildError(e.to_string()))?),
    };
    Ok(Request {
        method: "POST".into(),
        url,
        headers,
        body,
    })
}

/// A path, query or header value as text; `None` for null (an absent optional value).
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}
