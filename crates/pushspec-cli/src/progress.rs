//! The progress bar of `validate`: files and requests so far, and requests (NDJSON lines)
//! per second, on stderr.
//!
//! It is only ever drawn when stderr is a terminal, `CI` is not set and `--quiet` is not
//! given, and only once a run has lasted [`DELAY`], so short runs and logs never see it. The
//! counters are atomic because workers count as they validate; the bar is cleared while the
//! report is written (see [`Progress::suspend`]), so it never mixes with stdout.

use std::io::IsTerminal;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// The run's progress.
#[derive(Debug)]
pub(crate) struct Progress {
    /// Whether the bar may be drawn at all.
    enabled: bool,
    start: Instant,
    files: AtomicU64,
    requests: AtomicU64,
    bar: OnceLock<ProgressBar>,
}

impl Progress {
    /// A progress report that draws only where it may (see the module documentation).
    pub(crate) fn new(quiet: bool) -> Self {
        let enabled = !quiet && std::env::var_os("CI").is_none() && std::io::stderr().is_terminal();
        Progress {
            enabled,
            start: Instant::now(),
            files: AtomicU64::new(0),
            requests: AtomicU64::new(0),
            bar: OnceLock::new(),
        }
    }

    /// Counts `files` more files and `requests` more requests.
    pub(crate) fn add(&self, files: usize, requests: usize) {
        if !self.enabled {
            return;
        }
        let files = self.files.fetch_add(files as u64, Ordering::Relaxed) + files as u64;
        let requests =
            self.requests.fetch_add(requests as u64, Ordering::Relaxed) + requests as u64;
        if self.bar.get().is_none() && self.start.elapsed() < DELAY {
            return;
        }
        let elapsed = self.start.elapsed();
        let bar = self.bar.get_or_init(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
                .with_elapsed(elapsed);
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        // The rate over the whole run, computed here: indicatif's estimator would count the
        // work done before the bar appeared as one instant burst.
        let per_second = requests as f64 / elapsed.as_secs_f64().max(0.001);
        bar.set_message(format!(
            "{}, {} ({per_second:.0}/s)",
            super::output::plural(files as usize, "file"),
            super::output::plural(requests as usize, "request"),
        ));
    }

    /// Runs `write` with the bar cleared, so that what it writes never mixes with the bar.
    pub(crate) fn suspend<R>(&self, write: impl FnOnce() -> R) -> R {
        match self.bar.get() {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    /// Clears the bar for good.
    pub(crate) fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}
