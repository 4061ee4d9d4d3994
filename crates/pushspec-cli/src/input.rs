//! Reading inputs: which files the command line names (folders walked, globs expanded),
//! requests from files or standard input, what kind of input each one is, and the template
//! registry.
//!
//! The library does no I/O; this module is where bytes come from. Errors are returned as
//! messages ready for `error: ...`, naming the file, so the caller only decides whether the
//! run goes on (an unreadable body) or stops (an unusable registry).
//!
//! Every input goes through [`open`], which decompresses gzip transparently, and is then read
//! either whole ([`read_all`]) or line by line ([`read_line`]), both bounded by
//! `max_input_bytes`, so that neither a huge file nor a zip bomb can exhaust memory.

use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;

use pushspec::json::Limits;
use pushspec::vendors::oca::Registry;
use pushspec::vendors::oca::registry::Format;

/// Where one input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// Standard input, written `-` on the command line.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The name reports use: the path as given, or `-` for standard input.
    pub(crate) fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_owned(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// The extensions a folder walk picks up; a file named on the command line is validated
/// whatever its name.
const WALKED: &[&str] = &["json", "ndjson", "jsonl", "http", "rest", "har"];

/// The first bytes of every gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// An input opened for reading.
pub(crate) struct Opened<'a> {
    /// The bytes, decompressed.
    pub(crate) reader: Box<dyn BufRead + 'a>,
    /// Whether they were gzip-compressed, which changes what a read error means.
    gzip: bool,
}

impl<'a> Opened<'a> {
    /// The same input with `head` put back in front of what is left.
    pub(crate) fn prepend(self, head: Vec<u8>) -> Opened<'a> {
        Opened {
            reader: Box::new(io::Cursor::new(head).chain(self.reader)),
            gzip: self.gzip,
        }
    }

    /// The message for a read error on input `name`.
    pub(crate) fn error(&self, name: &str, e: &io::Error) -> String {
        if self.gzip {
            format!("cannot read {name} as gzip: {e}")
        } else {
            format!("cannot read {name}: {e}")
        }
    }
}

/// Opens `reader`, decompressing it when it starts with the gzip magic bytes or when
/// `gzip` says it must be compressed (a `.gz` file, so that a damaged one is reported as
/// such). Concatenated gzip members are read as one stream, as `gzip -d` does.
pub(crate) fn open<'a>(mut reader: Box<dyn Read + 'a>, gzip: bool) -> io::Result<Opened<'a>> {
    let mut head = [0u8; 2];
    let mut n = 0;
    while n < head.len() {
        match reader.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let gzip = gzip || head[..n] == GZIP_MAGIC;
    let whole = io::Cursor::new(head[..n].to_vec()).chain(reader);
    let reader: Box<dyn BufRead + 'a> = if gzip {
        Box::new(BufReader::new(MultiGzDecoder::new(whole)))
    } else {
        Box::new(BufReader::new(whole))
    };
    Ok(Opened { reader, gzip })
}

/// Opens `source`'s file (standard input is opened by the caller, once).
pub(crate) fn open_file(path: &Path) -> Result<Opened<'static>, String> {
    let name = path.display();
    let file = fs::File::open(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    open(Box::new(file), is_gz(path)).map_err(|e| format!("cannot read {name}: {e}"))
}

/// The message for an input over `max_input_bytes`.
pub(crate) fn over_limit(name: &str, limit: usize) -> String {
    format!(
        "{name} is over the input limit of {limit} bytes (`max_input_bytes`); \
         raise it with --max-input-bytes or `max_input_bytes` under [limits] in pushspec.toml"
    )
}

/// Reads the rest of `opened` (named `name`), at most `limit` bytes.
pub(crate) fn read_all(
    mut opened: Opened<'_>,
    name: &str,
    limit: usize,
) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    match (&mut opened.reader).take(cap).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() > limit => Err(over_limit(name, limit)),
        Ok(_) => Ok(bytes),
        Err(e) => Err(opened.error(name, &e)),
    }
}

/// How [`read_line`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// A line is in the buffer, without its `\n` or `\r\n`.
    Read,
    /// The line was longer than the limit: the buffer holds its first bytes, and the rest of
    /// it was read and dropped.
    TooLong,
    /// The input has ended.
    End,
}

/// Reads one line into `line` (cleared first), keeping at most `limit` bytes of it, so that
/// one endless line cannot exhaust memory.
pub(crate) fn read_line(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    line.clear();
    let mut seen = false;
    let mut too_long = false;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            break;
        }
        seen = true;
        // `memchr` finds the line end with SIMD: this runs on the printing thread, for every
        // line of a file of any size.
        let (part, used, done) = match memchr::memchr(b'\n', buffer) {
            Some(i) => (&buffer[..i], i + 1, true),
            None => (buffer, buffer.len(), false),
        };
        let room = limit.saturating_sub(line.len());
        if part.len() > room {
            too_long = true;
        }
        line.extend_from_slice(&part[..part.len().min(room)]);
        reader.consume(used);
        if done {
            break;
        }
    }
    if !seen {
        return Ok(Line::End);
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(if too_long { Line::TooLong } else { Line::Read })
}

/// Whether `path` ends in `.gz`.
fn is_gz(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// The extension that tells `path`'s kind, lowercased: the one before `.gz` for a
/// compressed file.
fn kind_extension(path: &Path) -> String {
    let path = if is_gz(path) {
        Path::new(path.file_stem().unwrap_or_default())
    } else {
        path
    };
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The command line's inputs.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    /// Each input, or why an argument gave none.
    pub(crate) sources: Vec<Result<Source, String>>,
    /// Files in walked folders that are not inputs by their extension.
    pub(crate) ignored: usize,
}

/// Turns the command line's paths into sources, in order: `-` is standard input, a folder
/// is walked recursively (honouring `.gitignore`, sorted by name, only [`WALKED`]
/// extensions, compressed or not; the others are counted as ignored), an argument with `*`,
/// `?` or `[` that names no file is expanded as a glob (so unexpanded Windows-style globs
/// work). A folder or glob that yields nothing, or a broken glob, is an error message; the
/// other arguments still count.
pub(crate) fn resolve(args: &[PathBuf]) -> Resolved {
    let mut resolved = Resolved::default();
    let out = &mut resolved.sources;
    for arg in args {
        if arg.as_os_str() == "-" {
            out.push(Ok(Source::Stdin));
            continue;
        }
        let text = arg.to_string_lossy();
        if !arg.exists() && text.contains(['*', '?', '[']) {
            let before = out.len();
            match glob::glob(&text) {
                Ok(paths) => {
                    let mut paths: Vec<PathBuf> = paths.filter_map(Result::ok).collect();
                    paths.sort();
                    for path in paths {
                        resolved.ignored += push_path(out, &path);
                    }
                    if out.len() == before {
                        out.push(Err(format!("no files match {text}")));
                    }
                }
                Err(e) => out.push(Err(format!("invalid glob {text}: {e}"))),
            }
            continue;
        }
        resolved.ignored += push_path(out, arg);
    }
    resolved
}

/// Adds `path`: a folder's walked files, or the path itself. Returns the number of walked
/// files that were not inputs.
fn push_path(out: &mut Vec<Result<Source, String>>, path: &Path) -> usize {
    if !path.is_dir() {
        out.push(Ok(Source::File(path.to_owned())));
        return 0;
    }
    let before = out.len();
    let mut ignored = 0;
    let walk = ignore::WalkBuilder::new(path)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walk {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                if WALKED.contains(&kind_extension(entry.path()).as_str()) {
                    out.push(Ok(Source::File(entry.into_path())));
                } else {
                    ignored += 1;
                }
            }
            Err(e) => out.push(Err(format!("cannot walk {}: {e}", path.display()))),
        }
    }
    if out.len() == before {
        out.push(Err(format!(
            "no inputs in {} (looked for {})",
            path.display(),
            WALKED
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    ignored
}

/// How a file is validated, as far as its name tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// One body or envelope per line, streamed.
    Ndjson,
    /// A `.http` file of requests.
    Http,
    /// A HAR capture.
    Har,
    /// One JSON document: a HAR, an envelope or a body, by content ([`Kind::of`]).
    Json,
}

impl FileKind {
    /// The kind `source` has by its extension; standard input is JSON.
    pub(crate) fn of(source: &Source) -> Self {
        let Source::File(path) = source else {
            return FileKind::Json;
        };
        match kind_extension(path).as_str() {
            "ndjson" | "jsonl" => FileKind::Ndjson,
            "http" | "rest" => FileKind::Http,
            "har" => FileKind::Har,
            _ => FileKind::Json,
        }
    }
}

/// What an input holds, which decides how it is validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A HAR capture: a JSON object with an array at `log.entries`.
    Har,
    /// A request envelope `{"method", "url", "headers", "body"}`: a JSON object with a
    /// string `url` member.
    Envelope,
    /// Any other JSON: a bare request body.
    Body,
    /// Not JSON at all (or over the input limits). It is still validated, so that the
    /// syntax error is reported with its position.
    NotJson,
}

impl Kind {
    /// Classifies `bytes` by parsing them with the library's own parser and limits, so that
    /// the classification and the validation that follows agree on what is JSON. No vendor
    /// body has a top-level `url` member, so the test cannot mistake a body for an envelope.
    pub(crate) fn of(bytes: &[u8], limits: &Limits) -> Self {
        pushspec::json::Arena::with(|arena| match pushspec::json::parse(bytes, arena, limits) {
            Ok(root)
                if root
                    .get("log")
                    .and_then(|l| l.get("entries"))
                    .is_some_and(|e| e.as_array().is_some()) =>
            {
                Kind::Har
            }
            Ok(root) if root.get("url").is_some_and(|url| url.as_str().is_some()) => Kind::Envelope,
            Ok(_) => Kind::Body,
            Err(_) => Kind::NotJson,
        })
    }
}

/// Reads and parses the template registry at `path`, choosing YAML or JSON by extension.
/// The error names the file, and the line and column where the registry went wrong; the
/// position is formatted here, as `path:line:column`, rather than taken from the error's
/// `Display`, so that editors and terminals can follow it.
pub(crate) fn read_registry(path: &Path) -> Result<Registry, String> {
    let Some(format) = Format::from_path(path) else {
        return Err(format!(
            "cannot tell the format of template registry {}: name it `.yaml`, `.yml` or `.json`",
            path.display()
        ));
    };
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Registry::parse(&text, format).map_err(|e| {
        let at = match (e.line, e.column) {
            (Some(line), Some(column)) => format!(":{line}:{column}"),
            (Some(line), None) => format!(":{line}"),
            _ => String::new(),
        };
        format!(
            "invalid template registry {}{at}: {}",
            path.display(),
            e.message
        )
    })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::Compression;
    use flate2::write::GzEncoder;

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn read(bytes: Vec<u8>, gz: bool, limit: usize) -> Result<Vec<u8>, String> {
        read_all(
            open(Box::new(io::Cursor::new(bytes)), gz).unwrap(),
            "x",
            limit,
        )
    }

    #[test]
    fn gzip_is_recognised_by_its_magic_bytes() {
        assert_eq!(read(gzip(b"{}"), false, 10).unwrap(), b"{}");
        assert_eq!(read(b"{}".to_vec(), false, 10).unwrap(), b"{}");
        assert_eq!(read(vec![0x1f], false, 10).unwrap(), [0x1f]);
        assert_eq!(read(Vec::new(), false, 10).unwrap(), b"");
    }

    #[test]
    fn corrupt_gzip_is_an_error_naming_the_input() {
        let mut bytes = gzip(b"{\"a\": 1}");
        let n = bytes.len();
        bytes[n / 2] ^= 0xff;
        bytes.truncate(n - 4);
        let err = read(bytes, false, 100).unwrap_err();
        assert!(err.starts_with("cannot read x as gzip: "), "{err}");
        let err = read(b"{}".to_vec(), true, 100).unwrap_err();
        assert!(err.starts_with("cannot read x as gzip: "), "{err}");
    }

    #[test]
    fn decompression_stops_at_the_limit() {
        // 64 MiB of zeros compress to about 64 KiB; only the limit's worth is inflated.
        let bomb = gzip(&vec![0u8; 64 << 20]);
        let err = read(bomb, false, 1 << 20).unwrap_err();
        assert!(
            err.contains("`max_input_bytes`") && err.contains("--max-input-bytes"),
            "{err}"
        );
    }

    #[test]
    fn lines_are_bounded() {
        let mut reader = io::Cursor::new(b"ab\r\n0123456789\n\nlast".to_vec());
        let mut line = Vec::new();
        let mut next = || {
            let r = read_line(&mut reader, &mut line, 4).unwrap();
            (r, String::from_utf8(line.clone()).unwrap())
        };
        assert_eq!(next(), (Line::Read, "ab".to_owned()));
        assert_eq!(next(), (Line::TooLong, "0123".to_owned()));
        assert_eq!(next(), (Line::Read, String::new()));
        assert_eq!(next(), (Line::Read, "last".to_owned()));
        assert_eq!(next().0, Line::End);
    }

    #[test]
    fn envelopes_are_objects_with_a_string_url() {
        let kind = |s: &str| Kind::of(s.as_bytes(), &Limits::default());
        assert_eq!(
            kind(r#"{"url": "https://x.test/a", "body": {}}"#),
            Kind::Envelope
        );
        assert_eq!(kind(r#"{"method": "POST", "url": ""}"#), Kind::Envelope);
        assert_eq!(kind(r#"{"url": 1}"#), Kind::Body);
        assert_eq!(kind(r#"{"phone_number": "62812"}"#), Kind::Body);
        assert_eq!(kind(r#"[{"url": "https://x.test/a"}]"#), Kind::Body);
        assert_eq!(kind(r#"{"body": {"url": "https://x.test/a"}}"#), Kind::Body);
        assert_eq!(kind(r#"{"url": "https://x.test/a",}"#), Kind::NotJson);
        assert_eq!(kind(""), Kind::NotJson);
        assert_eq!(kind(r#"{"log": {"entries": []}}"#), Kind::Har);
        assert_eq!(kind(r#"{"log": {"entries": {}}}"#), Kind::Body);
    }

    #[test]
    fn file_kinds_follow_extensions() {
        let kind = |s: &str| FileKind::of(&Source::File(PathBuf::from(s)));
        assert_eq!(kind("a.ndjson"), FileKind::Ndjson);
        assert_eq!(kind("a.JSONL"), FileKind::Ndjson);
        assert_eq!(kind("a.rest"), FileKind::Http);
        assert_eq!(kind("a.http"), FileKind::Http);
        assert_eq!(kind("a.har"), FileKind::Har);
        assert_eq!(kind("a.json"), FileKind::Json);
        assert_eq!(kind("a"), FileKind::Json);
        assert_eq!(kind("a.ndjson.gz"), FileKind::Ndjson);
        assert_eq!(kind("a.HAR.GZ"), FileKind::Har);
        assert_eq!(kind("a.gz"), FileKind::Json);
        assert_eq!(FileKind::of(&Source::Stdin), FileKind::Json);
    }
}
