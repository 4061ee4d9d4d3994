//! OCA (Telkom, Indonesia): the WhatsApp template push, `oca.template` (spec §3.10), with
//! the template registry (§5) and the responses (§6).

mod model;
pub mod registry;
mod response;
pub mod rules;

pub use model::{
    BodyParameter, ButtonIndex, ButtonParameter, ButtonParameters, ButtonSubType, Component,
    HeaderParameter, Headers, Media, Message, MessageType, Template, TemplatePush, TemplateRequest,
};
pub use registry::Registry;
pub use response::{ErrorCode, ErrorEntry, ErrorResponse, SuccessResponse};

use crate::endpoint::{Endpoint, Response, body_checker, schema_of};

/// `oca.template`.
pub const TEMPLATE: Endpoint = Endpoint {
    id: "oca.template",
    vendor: "OCA",
    url: "https://wa01.ocatelkom.co.id/api/v2/push/message",
    summary: "WhatsApp template push via OCA (Telkom)",
    check_request: body_checker::<TemplateRequest>,
    check_body: body_checker::<TemplatePush>,
    request_schema: schema_of::<TemplateRequest>,
    body_schema: schema_of::<TemplatePush>,
    responses: &[
        Response {
            status: "200",
            description: "Accepted: the message id.",
            schema: schema_of::<SuccessResponse>,
        },
        Response {
            status: "default",
            description: "Rejected: 401 (token), 404 (data not found), 406 (malformed request or template mismatch), 429 (rate limited), 500.",
            schema: schema_of::<ErrorResponse>,
        },
    ],
};
