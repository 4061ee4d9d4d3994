//! `pushspec endpoints`: the endpoint catalogue (spec §1) as aligned columns or a JSON
//! array.
//!
//! Everything printed comes from [`pushspec::endpoint::ALL`]; this module only lays it out.

use std::io::{self, Write};

use pushspec::Endpoint;
use pushspec::endpoint::ALL;
use serde::Serialize;

use crate::args::ListFormat;

/// Writes the endpoint catalogue to `out` in `format`.
pub(crate) fn write(out: &mut dyn Write, format: ListFormat) -> io::Result<()> {
    match format {
        ListFormat::Human => human(out)?,
        ListFormat::Json => {
            let endpoints: Vec<EndpointOut> = ALL.iter().map(|e| EndpointOut::from(*e)).collect();
            serde_json::to_writer_pretty(&mut *out, &endpoints)?;
            writeln!(out)?;
        }
    }
    out.flush()
}

/// One endpoint per line: id, vendor, URL template and summary, in aligned columns.
fn human(out: &mut dyn Write) -> io::Result<()> {
    let width = |f: fn(&Endpoint) -> &str| ALL.iter().map(|e| f(e).chars().count()).max();
    let id_width = width(|e| e.id).unwrap_or(0);
    let vendor_width = width(|e| e.vendor).unwrap_or(0);
    let url_width = width(|e| e.url).unwrap_or(0);
    for e in ALL {
        writeln!(
            out,
            "{:<id_width$}  {:<vendor_width$}  {:<url_width$}  {}",
            e.id, e.vendor, e.url, e.summary
        )?;
    }
    writeln!(
        out,
        "\n{} endpoints, all POST. In a URL template, `{{NAME}}` is one path segment and \
         `{{API_HOST}}` any host;\n`validate --endpoint auto` matches a request envelope's URL \
         against them (the query string is ignored).",
        ALL.len()
    )
}

/// One endpoint in `--format json`. The field names are a contract with other tools.
#[derive(Debug, Serialize)]
struct EndpointOut {
    id: &'static str,
    vendor: &'static str,
    /// The URL template of spec §1.
    url: &'static str,
    summary: &'static str,
}

impl From<&'static Endpoint> for EndpointOut {
    fn from(e: &'static Endpoint) -> Self {
        EndpointOut {
            id: e.id,
            vendor: e.vendor,
            url: e.url,
            summary: e.summary,
        }
    }
}
