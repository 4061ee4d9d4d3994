//! What the fuzz targets share: options picked by a fuzzed byte, and the command line run
//! in-process on fuzzed standard input. The invariants themselves live in
//! `pushspec_tests::invariants`, shared with the property tests.

use std::sync::{Arc, LazyLock};

use pushspec::vendors::oca::Registry;
use pushspec::vendors::oca::registry::Format;
use pushspec::{Batch, Endpoint, Options, Profile, endpoint};

/// The OCA registry of the fixtures, so that the `oca.template.*` rules are fuzzed too.
static REGISTRY: LazyLock<Arc<Registry>> = LazyLock::new(|| {
    let text = include_str!("../../tests/fixtures/oca.template/registry.json");
    Arc::new(Registry::parse(text, Format::Json).expect("the fixture registry parses"))
});

/// Options chosen by the bits of `byte`: profile, registry, authentication, clock, batch.
pub fn options(byte: u8) -> Options {
    Options {
        profile: if byte & 1 == 0 {
            Profile::Default
        } else {
            Profile::Strict
        },
        templates: (byte & 2 != 0).then(|| REGISTRY.clone()),
        oca_authentication: byte & 4 != 0,
        now: (byte & 8 != 0).then_some(1_750_000_000),
        batch: (byte & 16 != 0).then(|| Arc::new(Batch::new())),
        ..Options::default()
    }
}

/// The endpoint `byte` picks, or `None` (find it from the URL) for one value in eleven.
pub fn endpoint(byte: u8) -> Option<&'static Endpoint> {
    endpoint::ALL
        .get(usize::from(byte) % (endpoint::ALL.len() + 1))
        .copied()
}

/// Runs `pushspec ARGS -` in-process with `stdin` as standard input; the exit status, stdout
/// and stderr.
pub fn cli(args: &[&str], stdin: &[u8]) -> (pushspec_cli::Status, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = pushspec_cli::run_with(
        std::iter::once("pushspec")
            .chain(args.iter().copied())
            .chain(["-"])
            .map(Into::into),
        pushspec_cli::Streams {
            stdin: &mut &*stdin,
            stdout: &mut out,
            color: false,
            stderr: &mut err,
        },
    );
    let text = |b: Vec<u8>| String::from_utf8(b).expect("the CLI writes UTF-8");
    (status, text(out), text(err))
}
