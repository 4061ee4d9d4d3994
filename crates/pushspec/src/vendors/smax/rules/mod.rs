//! Smax's rules that are more than one attribute: one module per family of §3.6.
//!
//! They read the raw JSON tree, like every check, so they still run when the body is
//! structurally broken elsewhere.

pub mod messages;
pub mod priority;
pub mod token;
