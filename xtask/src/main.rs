//! `cargo xtask`: code generation for the committed `schemas/` (placeholder: being written).

fn main() {}
