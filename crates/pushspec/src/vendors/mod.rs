//! One module per vendor: its models, its rules and its responses.

pub mod oca;
