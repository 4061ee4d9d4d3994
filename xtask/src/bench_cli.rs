//! `cargo xtask bench-cli`: times the release `pushspec validate` end to end on a generated
//! NDJSON file of at least a million request envelopes, at 1 and 2 threads, and the startup
//! cost of validating one small file.
//!
//! Peak RSS comes from `/usr/bin/time` (GNU time's `%M`) when it is installed; the wall times
//! are taken here. Figures are printed, not asserted: speed targets belong in benchmarks, and
//! the machine may be shared.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use pushspec_tests::corpus;

/// Lines in the generated NDJSON file.
const LINES: usize = 1_000_000;

/// Paired one- and two-thread runs per format, unless `BENCH_CLI_RUNS` says otherwise.
const RUNS: usize = 3;

/// Startup runs; the median is reported.
const STARTUP_RUNS: usize = 21;

/// Builds, generates, times; returns the process exit code.
pub(crate) fn run() -> u8 {
    match bench() {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

fn bench() -> Result<(), String> {
    let root = crate::ensure::workspace_root();
    let target = corpus::dir()
        .parent()
        .map_or_else(|| root.join("target"), Path::to_path_buf);
    eprintln!("building the release binary...");
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["build", "--release", "--quiet", "-p", "pushspec-cli"])
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("cargo build --release failed".into());
    }
    let binary = target.join("release").join("pushspec");

    let (file, valid) = ndjson_file()?;
    let size = std::fs::metadata(&file).map_err(|e| e.to_string())?.len();
    println!(
        "input: {} ({LINES} request envelopes, {:.0} MB, {:.1}% valid)",
        file.display(),
        size as f64 / 1e6,
        100.0 * valid
    );
    // This machine is shared, and the same run varies by 10% from one minute to the next.
    // So each format runs as pairs (one thread, then two, back to back), and the speed-up
    // is the median of the pairs' ratios: a slow minute slows both halves of a pair.
    let runs = std::env::var("BENCH_CLI_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(RUNS)
        .max(1);
    println!(
        "\n{runs} paired runs per format; medians (CPUs = user+sys time / wall time)\n{:<34} {:>9} {:>12} {:>9} {:>6} {:>10}",
        "command", "wall s", "lines/s", "MB/s", "CPUs", "peak RSS"
    );
    let mut speedups = Vec::new();
    for format in ["human", "json"] {
        let mut timings: [Vec<Timing>; 2] = [Vec::new(), Vec::new()];
        for _ in 0..runs {
            for (threads, into) in ["1", "2"].into_iter().zip(timings.iter_mut()) {
                let args = [
                    "validate",
                    "--input",
                    "ndjson",
                    "-j",
                    threads,
                    "--format",
                    format,
                    path_str(&file)?,
                ];
                into.push(timed(&binary, &args)?);
            }
        }
        for (threads, runs) in ["1", "2"].iter().zip(&timings) {
            let wall = median(runs.iter().map(|t| t.wall.as_secs_f64()));
            let cpus = median(runs.iter().filter_map(Timing::cpus));
            let rss = runs.iter().filter_map(|t| t.rss_kib).max();
            println!(
                "{:<34} {:>9.2} {:>12.0} {:>9.1} {:>6} {:>10}",
                format!("-j{threads} --format {format} > /dev/null"),
                wall,
                LINES as f64 / wall,
                size as f64 / 1e6 / wall,
                if cpus.is_nan() {
                    "n/a".to_owned()
                } else {
                    format!("{cpus:.2}")
                },
                rss.map_or_else(
                    || "n/a".to_owned(),
                    |kib| format!("{:.1} MiB", kib as f64 / 1024.0)
                ),
            );
        }
        let [one, two] = &timings;
        let ratios: Vec<f64> = one
            .iter()
            .zip(two)
            .map(|(a, b)| a.wall.as_secs_f64() / b.wall.as_secs_f64())
            .collect();
        let (low, high) = ratios
            .iter()
            .fold((f64::INFINITY, 0.0_f64), |(l, h), &r| (l.min(r), h.max(r)));
        speedups.push(format!(
            "{:.2}x {format} (pairs {low:.2}-{high:.2})",
            median(ratios.iter().copied())
        ));
    }
    println!(
        "\nspeed-up 1 -> 2 threads: {}   target >= 1.7x",
        speedups.join(", ")
    );

    let small = root.join("tests/fixtures/oca.template/valid/authentication-otp.json");
    let args = [
        "validate",
        "--endpoint",
        "oca.template",
        "-j",
        "1",
        path_str(&small)?,
    ];
    let startup = median_wall(&binary, &args)?;
    // Spawning any process costs something, and much more on a loaded machine: the same
    // measure of `/bin/true` shows how much of the startup is pushspec's own.
    let baseline = median_wall(Path::new("/bin/true"), &[]).ok();
    println!(
        "startup: one small file, median of {STARTUP_RUNS}: {:.2} ms   target < 10 ms{}",
        startup * 1e3,
        baseline.map_or_else(String::new, |b| format!(
            "   (/bin/true: {:.2} ms)",
            b * 1e3
        ))
    );
    Ok(())
}

/// The median wall time, in seconds, of [`STARTUP_RUNS`] runs of `binary args`.
fn median_wall(binary: &Path, args: &[&str]) -> Result<f64, String> {
    let walls: Vec<f64> = (0..STARTUP_RUNS)
        .map(|_| timed(binary, args).map(|t| t.wall.as_secs_f64()))
        .collect::<Result<_, _>>()?;
    Ok(median(walls.into_iter()))
}

fn path_str(path: &Path) -> Result<&str, String> {
    path.to_str()
        .ok_or_else(|| format!("{} is not UTF-8", path.display()))
}

/// The NDJSON file of every endpoint's request envelopes, repeated to [`LINES`] lines;
/// written once and reused. Returns its path and its share of valid lines.
fn ndjson_file() -> Result<(PathBuf, f64), String> {
    let dir = corpus::dir();
    let corpora = corpus::load_or_generate(&dir).map_err(|e| e.to_string())?;
    // Envelopes only, and only those the CLI can route by their `url`: a mutation that
    // dropped the URL leaves what `--endpoint auto` must refuse as a bare body.
    let requests: Vec<&corpus::Payload> = corpora
        .iter()
        .flat_map(|c| {
            c.payloads
                .iter()
                .filter(|p| p.envelope && routable(&p.bytes))
        })
        .collect();
    if requests.is_empty() {
        return Err("the corpora hold no request envelopes".into());
    }
    // Interleaved round-robin over the endpoints' payloads, so every stretch of the file
    // mixes vendors the way a campaign export of several channels would.
    let lines: Vec<&corpus::Payload> = (0..LINES)
        .map(|i| requests[(i * 7919) % requests.len()])
        .collect();
    let valid = lines.iter().filter(|p| p.valid).count() as f64 / LINES as f64;
    let path = dir.join("bench-cli.ndjson");
    let expected: usize = lines.iter().map(|p| p.bytes.len() + 1).sum();
    let fresh = std::fs::metadata(&path).is_ok_and(|m| m.len() == expected as u64);
    if !fresh {
        eprintln!("writing {}...", path.display());
        let file = std::fs::File::create(&path).map_err(|e| e.to_string())?;
        let mut out = std::io::BufWriter::new(file);
        for p in &lines {
            out.write_all(&p.bytes)
                .and_then(|()| out.write_all(b"\n"))
                .map_err(|e| e.to_string())?;
        }
        out.flush().map_err(|e| e.to_string())?;
    }
    Ok((path, valid))
}

/// Whether a line is JSON with a string `url` member, which the CLI reads as an envelope.
fn routable(line: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(line)
        .is_ok_and(|v| v.get("url").is_some_and(serde_json::Value::is_string))
}

/// One run's measures.
struct Timing {
    wall: Duration,
    /// User plus system CPU time, in seconds, and peak RSS in KiB, from GNU time.
    cpu: Option<f64>,
    rss_kib: Option<u64>,
}

impl Timing {
    /// How many CPUs the run kept busy on average.
    fn cpus(&self) -> Option<f64> {
        Some(self.cpu? / self.wall.as_secs_f64())
    }
}

/// The median of `values`; NaN when there are none.
fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Runs `binary args` with its output to `/dev/null`; returns the wall time and, when GNU
/// time is installed, the child's CPU time and peak RSS.
fn timed(binary: &Path, args: &[&str]) -> Result<Timing, String> {
    let gnu_time = Path::new("/usr/bin/time");
    let measures = corpus::dir().join("bench-cli.time");
    let mut command = if gnu_time.exists() {
        let mut c = Command::new(gnu_time);
        c.arg("-f")
            .arg("%U %S %M")
            .arg("-o")
            .arg(&measures)
            .arg(binary);
        c
    } else {
        Command::new(binary)
    };
    command
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let start = Instant::now();
    let status = command
        .status()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let wall = start.elapsed();
    // Exit 1 means "problems found", which a corpus with invalid lines must give.
    if !matches!(status.code(), Some(0 | 1)) {
        return Err(format!("{} {args:?} failed: {status}", binary.display()));
    }
    let text = gnu_time
        .exists()
        .then(|| std::fs::read_to_string(&measures).ok())
        .flatten()
        .unwrap_or_default();
    // GNU time writes "Command exited with non-zero status 1" first for exit 1.
    let fields: Vec<&str> = text
        .lines()
        .last()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    let number = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    Ok(Timing {
        wall,
        cpu: number(0).zip(number(1)).map(|(user, system)| user + system),
        rss_kib: fields.get(2).and_then(|f| f.parse().ok()),
    })
}
