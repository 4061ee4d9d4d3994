//! The derive's error messages, one file per mistake (`tests/ui/*.rs` + `.stderr`), and a
//! model that uses every attribute and must compile (`tests/ui/pass/`).
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test -p pushspec-derive`,
//! then read every changed `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
