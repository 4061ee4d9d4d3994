//! pushspec: typed models, validation and schemas for chat-marketing push APIs.
//!
//! The library does no I/O and never panics on input: hand it bytes and [`Options`], get a
//! [`Report`] back.
//!
//! ```
//! use pushspec::{Options, endpoint, validate_body};
//!
//! let oca = endpoint::find("oca.template").unwrap();
//! let body = br#"{"phone_number":"081298765432","message":{"type":"template",
//!     "template":{"template_code_id":"marketing:promo","payload":[]}}}"#;
//! let report = validate_body(oca, body, &Options::default());
//! assert!(!report.is_valid());
//! assert_eq!(report.diagnostics[0].rule.code, "phone.country-code-missing");
//! assert_eq!(report.diagnostics[0].pointer, "/body/phone_number");
//! ```
//!
//! A service builds its request from the typed models, validates it, then sends it (the
//! README's example):
//!
//! ```
//! use pushspec::request::EndpointRequest;
//! use pushspec::vendors::smax::{V2Request, V2Send};
//! use pushspec::{Options, Secret, validate_request};
//!
//! let body: V2Send = serde_json::from_str(r#"{"customer_fbid": "6029384756102938", "block_id": "64a1f0c2e3b4d5a6f7081921"}"#)?;
//! let request = V2Request::new("64a1f0c2e3b4d5a6f7081920", &Secret::new("smx-demo-bot-token-8840"), body).to_request()?;
//! let report = validate_request(&request, &Options::default());
//! assert!(report.is_valid(), "{:?}", report.diagnostics);
//! assert_eq!(request.url, "https://api.smax.bot/public/bots/64a1f0c2e3b4d5a6f7081920/send");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

// Generated code names this crate `::pushspec`, inside it too.
extern crate self as pushspec;

pub mod catalog;
mod check;
pub mod detect;
pub mod diag;
pub mod endpoint;
pub mod explain;
pub mod json;
pub mod request;
pub mod rules;
pub mod schema;
mod secret;
mod validate;
pub mod vendors;

pub use check::{Batch, Check, Cx, Members, Options, describe};
pub use diag::{Diagnostic, Path, Profile, Report, Rule, Severity};
pub use endpoint::Endpoint;
pub use pushspec_derive::Model;
pub use request::{Request, validate_envelope, validate_http, validate_request};
pub use secret::{Secret, scan as find_credentials};
pub use validate::validate_body;

/// What `#[derive(Model)]` expands to; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::catalog;
    pub use crate::check::{Check, Cx, Members, concat_keys, has_duplicate};
    pub use crate::diag::{Path, Rule};
    pub use crate::json::{Member, Node, Span, Value};
    pub use crate::rules;
    pub use crate::schema;
    pub use schemars;
    pub use serde_json;
}
