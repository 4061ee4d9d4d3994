//! The rules, one module each. Every rule is applied the same way by generated code:
//! `rules::<name>::apply(node, at, cx, &args)`. A rule ignores nodes of a JSON kind it does
//! not apply to; the type check has already reported those.
