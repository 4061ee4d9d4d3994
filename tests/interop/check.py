"""Python's tools against the published schemas, run by tests/interop/run:

    check.py jsonschema SCHEMAS MANIFEST   Draft202012Validator: every schema is a valid 2020-12
                                           schema and gives the Rust verdict on every fixture
    check.py openapi SCHEMAS               openapi-spec-validator: no error in any document
    check.py pydantic SCHEMAS MODELS MANIFEST
                                           the package of models datamodel-code-generator wrote
                                           from the request schemas (one module per endpoint)
                                           imports, accepts every valid fixture and rejects
                                           the invalid ones

MANIFEST is `cargo xtask manifest`: each fixture body with `expect` = accept, reject or either
(the schema may catch it or not; see xtask/src/manifest.rs). Only accept and reject are checked.
"""

import importlib
import json
import sys
from pathlib import Path


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def compared(manifest):
    return [e for e in manifest if e["expect"] != "either"]


def report(tool, checked, what, failures, problems="disagreements"):
    print(f"{tool}: {checked} {what}, {len(failures)} {problems}")
    if failures:
        print("\n".join(failures), file=sys.stderr)
        sys.exit(1)


def check_jsonschema(schemas, manifest):
    from jsonschema import Draft202012Validator

    validators = {}
    for path in sorted(Path(schemas).glob("*/*.schema.json")):
        schema = load(path)
        Draft202012Validator.check_schema(schema)
        validators[f"{path.parent.name}/{path.name}"] = Draft202012Validator(
            schema, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
    failures = []
    entries = compared(load(manifest))
    for entry in entries:
        errors = [e.message for e in validators[entry["schema"]].iter_errors(entry["body"])]
        if (not errors) != (entry["expect"] == "accept"):
            failures.append(f"{entry['fixture']}: Rust says {entry['expect']} {entry['errors']}, jsonschema says {errors or 'valid'}")
    report("jsonschema", len(validators), f"schemas checked, {len(entries)} fixtures compared", failures)


def check_openapi(schemas):
    from openapi_spec_validator import validate

    documents = sorted(Path(schemas, "openapi").glob("*.openapi.json"))
    failures = []
    for path in documents:
        try:
            validate(load(path))
        except Exception as error:  # the validator raises one error type per problem kind
            failures.append(f"{path}: {error}")
    report("openapi-spec-validator", len(documents), "documents validated", failures, "errors")


def check_pydantic(schemas, models, manifest):
    """Pydantic models are types: they hold each field's type, presence, enum, bounds and
    pattern, but datamodel-code-generator drops constraints across fields (`allOf` entries
    such as "`fbTag` when `platform` is `facebook`"). The schemas name the rules those
    entries express (`x-pushspec-expresses`), so a fixture rejected only by such rules may
    be accepted; it is counted and listed, never silently skipped. Every other verdict must
    match. Bodies are validated as JSON in strict mode, as a server would parse them:
    lax mode would turn `"true"` into `True`."""
    from pydantic import ValidationError

    # The package's modules import each other by package name, so it is imported as a package.
    sys.path.insert(0, str(Path(models).parent))
    classes, cross_field = {}, {}
    for path in sorted(Path(schemas).glob("*/request.schema.json")):
        endpoint, schema = path.parent.name, load(path)
        module = importlib.import_module(f"{Path(models).name}.{module_name(endpoint)}")
        # The root model is named after the schema's `title`.
        classes[endpoint] = getattr(module, schema["title"])
        cross_field[endpoint] = set(expressed_across_fields(schema))
    failures, dropped = [], []
    entries = compared(load(manifest))
    for entry in entries:
        endpoint = entry["schema"].split("/")[0]
        try:
            classes[endpoint].model_validate_json(json.dumps(entry["body"]), strict=True)
            accepted, why = True, "accepts"
        except ValidationError as error:
            first = error.errors()[0]
            accepted, why = False, f"rejects: {first['msg']} at {first['loc']}"
        if accepted == (entry["expect"] == "accept"):
            continue
        if accepted and set(entry["expressed"]) <= cross_field[endpoint]:
            dropped.append(f"{entry['fixture']} ({', '.join(entry['expressed'])})")
        else:
            failures.append(f"{entry['fixture']}: Rust says {entry['expect']} {entry['errors']}, Pydantic {why}")
    print(f"pydantic: {len(dropped)} rejections need a constraint across fields, which the models drop:")
    print("".join(f"  {d}\n" for d in dropped), end="")
    report("pydantic", len(classes), f"models imported, {len(entries)} fixtures compared", failures)


def expressed_across_fields(schema):
    """The rule codes in every `x-pushspec-expresses` of `schema`."""
    if isinstance(schema, dict):
        yield from schema.get("x-pushspec-expresses", [])
        for value in schema.values():
            yield from expressed_across_fields(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from expressed_across_fields(value)


def module_name(endpoint):
    """`smax.v1.send` -> `smax_v1_send`: the module the generated models are written to."""
    return endpoint.replace(".", "_").replace("-", "_")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"jsonschema": check_jsonschema, "openapi": check_openapi, "pydantic": check_pydantic}[command](*args)
