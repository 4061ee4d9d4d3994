//! URL splitting and query-string percent-decoding: every piece's range holds its text as
//! written, decoding is total, and `encode` is undone by `decode`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pushspec::json::Arena;
use pushspec::request::url::{decode, encode, split};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let arena = Arena::new();
    let encoded = encode(text);
    assert_eq!(
        decode(&encoded, &arena),
        text,
        "encode is not undone by decode"
    );
    assert!(decode(text, &arena).len() <= text.len() * 3);
    let Some(url) = split(text, &arena) else {
        return;
    };
    let raw = |(start, end): (usize, usize)| text.get(start..end).expect("a range inside the URL");
    for segment in url.segments {
        assert_eq!(raw(segment.range), segment.text, "segment range");
    }
    for (name, value) in url.query {
        assert_eq!(decode(raw(name.range), &arena), name.text, "query name range");
        assert_eq!(decode(raw(value.range), &arena), value.text, "query value range");
    }
});
