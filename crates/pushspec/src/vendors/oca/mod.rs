//! OCA (Telkom, Indonesia): the WhatsApp template push, `oca.template` (spec §3.10).

mod registry;

pub use registry::Registry;

use crate::endpoint::Endpoint;

/// `oca.template`.
pub const TEMPLATE: Endpoint = Endpoint {
    id: "oca.template",
    vendor: "OCA",
    url: "https://wa01.ocatelkom.co.id/api/v2/push/message",
    summary: "WhatsApp template push via OCA (Telkom)",
    check_body: |_, _, _| {},
    body_schema: crate::endpoint::schema_of::<serde_json::Value>,
    responses: &[],
};
