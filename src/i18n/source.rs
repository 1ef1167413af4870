//! Positions in a `.ftl` source: where each message is written, found in one pass over the
//! file (a locale file of 100,000 messages costs one scan, not one per message).

use rustc_hash::FxHashMap;

/// The line (1-based) on which each message or term (`-name`) is first defined: `id =` at the
/// start of a line.
pub(super) fn id_lines(text: &str) -> FxHashMap<&str, usize> {
    let mut out = FxHashMap::default();
    for (i, line) in text.lines().enumerate() {
        if !line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-') {
            continue;
        }
        let Some((id, _)) = line.split_once('=') else {
            continue;
        };
        out.entry(id.trim_end()).or_insert(i + 1);
    }
    out
}

/// Where to report a Fluent syntax error: `(offset, message)`. The parser finds a missing `}`
/// only where the next token does not fit, often lines later (`x = { ` at the end of line 2 is
/// reported on line 3); such an error is reported at the `{` that was left open.
pub(super) fn error_at(text: &str, e: &fluent_syntax::parser::ParserError) -> (usize, String) {
    use fluent_syntax::parser::ErrorKind;
    let at = e.pos.start.min(text.len());
    let plain = (at, format!("invalid Fluent: {}", e.kind));
    if !matches!(
        e.kind,
        ErrorKind::ExpectedToken('}') | ErrorKind::ExpectedInlineExpression
    ) {
        return plain;
    }
    let from = e.slice.as_ref().map_or(0, |s| s.start).min(at);
    let Some(region) = text.get(from..at) else {
        return plain;
    };
    let mut open = Vec::new();
    let mut in_string = false;
    for (i, c) in region.char_indices() {
        match c {
            '"' if !open.is_empty() => in_string = !in_string,
            '{' if !in_string => open.push(from + i),
            '}' if !in_string => {
                open.pop();
            }
            '\n' => in_string = false,
            _ => {}
        }
    }
    match open.last() {
        // the parser noticed on a later line, or at the end of the file
        Some(&brace) if text[brace..at].contains('\n') || text[at..].trim().is_empty() => (
            brace,
            "invalid Fluent: this `{` is not closed with `}`".to_string(),
        ),
        _ => plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_terms_at_their_lines() {
        let text = "# comment\nhello = Hi\n    .title = x\n-brand = N\n\nbye=Bye\nhello = again\n";
        let lines = id_lines(text);
        assert_eq!(lines.get("hello"), Some(&2));
        assert_eq!(lines.get("-brand"), Some(&4));
        assert_eq!(lines.get("bye"), Some(&6));
        assert_eq!(lines.get("title"), None);
    }

    fn reported(text: &str) -> Vec<(usize, usize, String)> {
        let Err((_, errors)) = fluent_syntax::parser::parse(text) else {
            return Vec::new();
        };
        errors
            .iter()
            .map(|e| {
                let (at, message) = error_at(text, e);
                let p = crate::diagnostics::Pos::from_offset(text, at);
                (p.line, p.column, message)
            })
            .collect()
    }

    #[test]
    fn an_open_brace_is_reported_where_it_is() {
        let open = "invalid Fluent: this `{` is not closed with `}`".to_string();
        assert_eq!(
            reported("hello = Hi\n  = broken {\nnext = ok\n"),
            [(2, 12, open.clone())]
        );
        assert_eq!(
            reported("hello = { $n ->\n   [one] x\n  *[other] y\n"),
            [(1, 9, open.clone())]
        );
        // issue 29.8: left open at the end of a line, at the end of the file (it was reported on
        // the next line, or past the end of the line)
        assert_eq!(reported("a = b\nhello = Hi {\n"), [(2, 12, open.clone())]);
        assert_eq!(reported("a = b\nhello = Hi {"), [(2, 12, open.clone())]);
        assert_eq!(reported("hello = Hi { $x"), [(1, 12, open)]);
        // on its own line, a missing `}` is reported where the parser found it
        let same_line = reported("hello = { $n x }\n");
        assert_eq!(same_line.len(), 1);
        assert_eq!((same_line[0].0, same_line[0].1), (1, 14));
        // other errors are unchanged
        assert_eq!(
            reported("garbage\nnext = ok\n"),
            [(
                1,
                8,
                "invalid Fluent: Expected a token starting with \"=\"".to_string()
            )]
        );
    }
}
