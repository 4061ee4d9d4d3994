//! Chatfuel: the Broadcasting API send, `chatfuel.send` (spec §3.7), and its responses (§6).
//!
//! Smax V1 and AhaChat clone this API, so the rules of the whole family live here, in
//! [`rules`], configured per vendor by a [`rules::Family`].

mod model;
mod response;
pub mod rules;

pub use model::{Body, Headers, Params, Query, SendRequest, UserPath};
pub use response::{ErrorResponse, SuccessResponse};

use crate::endpoint::{Endpoint, Response, body_checker, schema_of};

/// The documented responses of a Chatfuel-style send (Chatfuel and Smax V1).
pub const RESPONSES: &[Response] = &[
    Response {
        status: "200",
        description: "Accepted: the block or flow runs for the user.",
        schema: schema_of::<SuccessResponse>,
    },
    Response {
        status: "default",
        description: "Rejected (the HTTP status is undocumented): `result` says why.",
        schema: schema_of::<ErrorResponse>,
    },
];

/// `chatfuel.send`.
pub const SEND: Endpoint = Endpoint {
    id: "chatfuel.send",
    vendor: "Chatfuel",
    url: "https://api.chatfuel.com/bots/{BOT_ID}/users/{USER_ID}/send",
    summary: "Run a block or flow for one user, optionally setting attributes",
    check_request: body_checker::<SendRequest>,
    check_body: body_checker::<Body>,
    request_schema: schema_of::<SendRequest>,
    body_schema: schema_of::<Body>,
    responses: RESPONSES,
};
