#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the fixtures, the examples and the CLI's test inputs.
# Each target reads selector bytes before its input (see fuzz_targets/*.rs), so every seed
# is written once per selector that makes sense for it. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus
mkdir -p "$corpus"/{validate,detect,inputs,url,render}

# `seed TARGET NAME BYTES... FILE`: FILE prefixed with the selector BYTES (decimal).
seed() {
    local target=$1 name=$2 file=${*: -1} prefix=""
    for byte in "${@:3:$#-3}"; do prefix+=$(printf '\\%03o' "$byte"); done
    { printf "$prefix"; cat "$file"; } > "$corpus/$target/$name"
}

# The order of `pushspec::endpoint::ALL` (`pushspec endpoints`), which the selector indexes.
endpoints=(mantago.broadcast mantago.token ahachat.send-by-user ahachat.send-by-phone smax.v1.send
    smax.v2.send chatfuel.send firstline.push firstline.push-line-user oca.template)
for i in "${!endpoints[@]}"; do
    for file in tests/fixtures/"${endpoints[$i]}"/*/*.json; do
        name=$(echo "$file" | tr / _)
        case $file in
            *.request.json)
                cp "$file" "$corpus/detect/$name"
                seed inputs "$name" 0 10 0 "$file"
                seed render "$name" $((RANDOM % 5)) 0 10 "$file" ;;
            */responses/*) ;;
            *)
                seed validate "$name" "$i" 0 "$file"
                seed render "$name" $((RANDOM % 5)) 1 "$i" "$file" ;;
        esac
    done
done
for file in examples/*.request.json; do
    cp "$file" "$corpus/detect/examples_$(basename "$file")"
    seed inputs "examples_$(basename "$file")" 0 10 0 "$file"
done
inputs=crates/pushspec-cli/tests/inputs
for file in tests/fixtures/*/*/*.http "$inputs"/requests.http; do
    seed inputs "$(echo "$file" | tr / _)" 1 10 0 "$file"
    seed render "$(echo "$file" | tr / _)" 0 2 10 "$file"
done
seed inputs capture.har 2 10 0 "$inputs"/capture.har
seed render capture.har 1 3 10 "$inputs"/capture.har
seed inputs lines.ndjson 3 10 0 "$inputs"/lines.ndjson
for format in 0 1 2 3 4; do seed render "lines-$format.ndjson" "$format" 4 10 "$inputs"/lines.ndjson; done
# Every URL the envelopes hold, one per seed.
grep -ho '"url": *"[^"]*"' tests/fixtures/*/*/*.json examples/*.json "$inputs"/*.har \
    | sed 's/^"url": *"//; s/"$//' | sort -u | while read -r url; do
    printf '%s' "$url" > "$corpus/url/$(printf '%s' "$url" | cksum | cut -d' ' -f1)"
done
du -sh "$corpus"/*
