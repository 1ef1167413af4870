//! TOML front matter (`+++` … `+++`, as Hugo and Zola write it), read by turning it into YAML
//! with every top-level key on the line it has in the file: the YAML reader, every check after
//! it and every message's line work as for YAML front matter. Values are written as JSON, which
//! is YAML too; TOML dates become strings in RFC 3339, as YAML dates are read.

use std::collections::BTreeMap;

/// The TOML text between the `+++` lines as YAML of as many lines, or where (byte offset in
/// `toml`) and why it is not TOML.
pub(super) fn as_yaml(toml: &str) -> Result<String, (usize, String)> {
    let table: BTreeMap<String, toml::Spanned<toml::Value>> =
        toml::from_str(toml).map_err(|e| {
            (
                e.span().map_or(0, |s| s.start),
                e.message().trim().to_string(),
            )
        })?;
    let mut lines: Vec<String> = vec![String::new(); toml.lines().count().max(1)];
    for (key, value) in table {
        let start = value.span().start.min(toml.len());
        let line = toml[..start].matches('\n').count();
        let entry = format!(
            "{}: {}",
            serde_json::Value::String(key),
            to_json(value.into_inner())
        );
        match lines.get_mut(line) {
            Some(l) if l.is_empty() => *l = entry,
            // two keys reported on one line (dotted keys): the next free line keeps them apart
            _ => match lines.iter_mut().skip(line).find(|l| l.is_empty()) {
                Some(l) => *l = entry,
                None => lines.push(entry),
            },
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    Ok(out)
}

fn to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => J::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_their_lines() {
        let toml = "title = \"Hello: world\"\ndate = 2025-11-27T10:30:00+03:00\ntags = [\n  \"a\",\n  \"b\"\n]\ndraft = false\n\n[extra]\nx = 1\n";
        let yaml = as_yaml(toml).unwrap_or_else(|e| panic!("{e:?}"));
        let lines: Vec<&str> = yaml.lines().collect();
        assert_eq!(lines[0], "\"title\": \"Hello: world\"");
        assert_eq!(lines[1], "\"date\": \"2025-11-27T10:30:00+03:00\"");
        assert_eq!(lines[2], "\"tags\": [\"a\",\"b\"]");
        assert_eq!(lines[6], "\"draft\": false");
        assert_eq!(lines[8], "\"extra\": {\"x\":1}");
        assert_eq!(lines.len(), toml.lines().count());
    }

    #[test]
    fn errors_say_where() {
        let (at, message) = as_yaml("title = \"x\ndate = 1\n").err().unwrap_or_default();
        assert_eq!(at, 10);
        assert!(message.contains("string"), "{message}");
    }
}
