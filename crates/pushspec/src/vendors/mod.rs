//! One module per vendor: its models, its rules and its responses.

pub mod ahachat;
pub mod chatfuel;
pub mod firstline;
pub mod mantago;
pub mod oca;
pub mod smax;
