//! `cargo xtask corpus`: writes the benchmark corpora under `target/corpus/` and says what is
//! in them. The generator itself lives in `pushspec_tests::corpus`, shared with the benchmarks.

use pushspec_tests::corpus;

/// Writes the corpora; returns the process exit code.
pub(crate) fn run() -> u8 {
    let dir = corpus::dir();
    let written = match corpus::write(&dir) {
        Ok(written) => written,
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", dir.display());
            return 2;
        }
    };
    let corpora = match corpus::load_or_generate(&dir) {
        Ok(corpora) => corpora,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", dir.display());
            return 2;
        }
    };
    println!(
        "{:<26} {:>8} {:>8} {:>10}",
        "endpoint", "payloads", "valid", "bytes"
    );
    for c in &corpora {
        let bytes: usize = c.payloads.iter().map(|p| p.bytes.len()).sum();
        println!(
            "{:<26} {:>8} {:>7.1}% {:>10}",
            c.endpoint.id,
            c.payloads.len(),
            100.0 * c.valid_share(),
            bytes
        );
    }
    println!("\ninvalid payloads with an error of each rule family:");
    for (family, count) in corpus::families(&corpora) {
        println!("  {family:<12} {count}");
    }
    println!("\nwrote {} files to {}", written.len(), dir.display());
    0
}
