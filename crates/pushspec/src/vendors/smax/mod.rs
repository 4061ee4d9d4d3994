//! Smax.bot (Vietnam): the Chatfuel-compatible V1 send, `smax.v1.send` (spec §3.5), and the
//! JSON V2 send, `smax.v2.send` (§3.6), with their responses (§6).
//!
//! The two versions share a vendor but not a wire format: V1 is a Chatfuel clone whose
//! parameters travel in the query string ([`V1_SEND`]); V2 takes one JSON body addressed by
//! customer identifiers ([`V2_SEND`]).

pub mod rules;
mod v1;
mod v2;

// V1's module decides what it makes public; everything it does is reachable from here.
pub use v1::*;
pub use v2::{
    V2_SEND, V2Headers, V2Identifier, V2Message, V2MessageItem, V2Path, V2Request, V2Response,
    V2Send,
};
