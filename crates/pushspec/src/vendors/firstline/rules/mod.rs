//! FIRST LINE's rules that are more than one attribute, one module per family of spec §3.8,
//! §3.9 and §4:
//!
//! - [`contact`]: the shared body members whose accepted forms are wider than one JSON type
//!   (`contactable_type`, `contactable_id`, `is_force`), with their `Check`, `JsonSchema`
//!   and serde impls;
//! - [`message`]: the shape of `message` for its `type` (`firstline.message.shape`) and the
//!   members FIRST LINE lists (`firstline.message.field-missing`);
//! - [`request`]: the credential (header or query string), `Accept` and the path;
//! - [`limits`]: the LINE and Messenger limits, one table per platform, chosen by
//!   `contactable_type`.
//!
//! They read the raw JSON tree, like every check, so they still run when the payload is
//! structurally broken elsewhere.

pub mod contact;
pub mod limits;
pub mod message;
pub mod request;
