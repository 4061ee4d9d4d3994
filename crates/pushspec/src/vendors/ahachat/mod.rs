//! AhaChat (Vietnam): send a block to one subscriber, by Messenger user id
//! (`ahachat.send-by-user`, spec §3.3) or by phone number (`ahachat.send-by-phone`, §3.4),
//! with the responses (§6).
//!
//! AhaChat clones Chatfuel's Broadcasting API; the rules it shares with Chatfuel and Smax V1
//! live in [`crate::vendors::chatfuel::rules`], configured in [`rules`].

mod model;
mod response;
pub mod rules;

pub use model::{
    BotPath, Params, PhoneBody, PhoneQuery, SendByPhoneRequest, SendByUserRequest, UserBody,
    UserPath, UserQuery,
};
pub use response::{ErrorResponse, SuccessResponse};

use crate::endpoint::{Endpoint, Response, body_checker, schema_of};

/// AhaChat's responses: undocumented, inferred from the Chatfuel API it clones.
const RESPONSES: &[Response] = &[
    Response {
        status: "200",
        description: "Accepted (undocumented; shape inferred from the Chatfuel API).",
        schema: schema_of::<SuccessResponse>,
    },
    Response {
        status: "default",
        description: "Rejected (undocumented; shape inferred from the Chatfuel API).",
        schema: schema_of::<ErrorResponse>,
    },
];

/// `ahachat.send-by-user`.
pub const SEND_BY_USER: Endpoint = Endpoint {
    id: "ahachat.send-by-user",
    vendor: "AhaChat",
    url: "https://ahachat.com/api/bots/{BOT_ID}/users/{USER_ID}/send",
    summary: "Send a block to one subscriber by Messenger user id",
    check_request: body_checker::<SendByUserRequest>,
    check_body: body_checker::<UserBody>,
    request_schema: schema_of::<SendByUserRequest>,
    body_schema: schema_of::<UserBody>,
    responses: RESPONSES,
};

/// `ahachat.send-by-phone`.
pub const SEND_BY_PHONE: Endpoint = Endpoint {
    id: "ahachat.send-by-phone",
    vendor: "AhaChat",
    url: "https://ahachat.com/api/bots/{BOT_ID}/phones/send",
    summary: "Send a block to one subscriber by phone number",
    check_request: body_checker::<SendByPhoneRequest>,
    check_body: body_checker::<PhoneBody>,
    request_schema: schema_of::<SendByPhoneRequest>,
    body_schema: schema_of::<PhoneBody>,
    responses: RESPONSES,
};
