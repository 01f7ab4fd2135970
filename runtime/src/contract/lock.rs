//! The lock file: one object per code the catalogue answers with, written and read back.

use std::fmt::Write as _;

use serde_json::Value;

use crate::Catalogue;

/// The version of the lock file's layout, written in it and checked on reading.
const VERSION: u64 = 1;

/// What the lock file records of one code of one variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Locked {
    pub code: String,
    pub variant: String,
    pub status: u16,
    pub title: Option<String>,
    pub type_uri: Option<String>,
    pub grpc_code: Option<String>,
    pub members: Vec<String>,
    pub flattens: bool,
    pub shared: bool,
    pub runtime_status: bool,
    pub statuses: Vec<u16>,
    pub runtime_code: bool,
    pub codes: Vec<String>,
}

/// The catalogue's codes as the lock file records them: sorted by code then variant, each
/// variant listed twice (nested under two transparent variants) once.
pub(crate) fn of(catalogue: &'static Catalogue) -> Vec<Locked> {
    // The gRPC code of every entry when the type speaks gRPC, as `to_markdown` decides it.
    let grpc = catalogue
        .entries()
        .any(|e| e.grpc_domain.is_some() || e.grpc_code.is_some());
    let mut locked: Vec<Locked> = catalogue
        .entries()
        .map(|entry| Locked {
            code: entry.code.to_owned(),
            variant: entry.name.to_owned(),
            status: entry.status.as_u16(),
            title: entry.title.map(str::to_owned),
            type_uri: entry.type_uri.map(str::to_owned),
            grpc_code: grpc.then(|| entry.grpc().name().to_owned()),
            members: entry.members.iter().map(|&m| m.to_owned()).collect(),
            flattens: entry.flattens,
            shared: entry.shared_code,
            runtime_status: entry.runtime_status,
            statuses: entry.runtime_statuses.iter().map(|s| s.as_u16()).collect(),
            runtime_code: entry.runtime_code,
            codes: entry.runtime_codes.iter().map(|&c| c.to_owned()).collect(),
        })
        .collect();
    locked.sort_by(|a, b| (&a.code, &a.variant).cmp(&(&b.code, &b.variant)));
    locked.dedup();
    locked
}

/// The lock file's text: one object per line group, a field per line, fields that say
/// nothing (no title, a `false` flag, an empty list) left out, so a change is a line.
pub(crate) fn write(locked: &[Locked]) -> String {
    let mut out = String::new();
    out.push_str("{\n");
    let _ = writeln!(
        out,
        "  \"about\": \"The error codes clients depend on (apifault). Regenerate deliberately: \
         APIFAULT_ACCEPT_CONTRACT=1 cargo test\","
    );
    let _ = writeln!(out, "  \"version\": {VERSION},");
    out.push_str("  \"codes\": [");
    for (index, item) in locked.iter().enumerate() {
        out.push_str(if index == 0 { "\n" } else { ",\n" });
        out.push_str("    {\n");
        let mut fields = vec![
            format!("\"code\": {}", string(&item.code)),
            format!("\"variant\": {}", string(&item.variant)),
            format!("\"status\": {}", item.status),
        ];
        if let Some(title) = &item.title {
            fields.push(format!("\"title\": {}", string(title)));
        }
        if let Some(type_uri) = &item.type_uri {
            fields.push(format!("\"type\": {}", string(type_uri)));
        }
        if let Some(grpc_code) = &item.grpc_code {
            fields.push(format!("\"grpc_code\": {}", string(grpc_code)));
        }
        fields.push(format!("\"members\": [{}]", strings(&item.members)));
        for (name, flag) in [
            ("flattens", item.flattens),
            ("shared", item.shared),
            ("runtime_status", item.runtime_status),
        ] {
            if flag {
                fields.push(format!("\"{name}\": true"));
            }
        }
        if !item.statuses.is_empty() {
            let statuses: Vec<String> = item.statuses.iter().map(u16::to_string).collect();
            fields.push(format!("\"statuses\": [{}]", statuses.join(", ")));
        }
        if item.runtime_code {
            fields.push("\"runtime_code\": true".to_owned());
        }
        if !item.codes.is_empty() {
            fields.push(format!("\"codes\": [{}]", strings(&item.codes)));
        }
        for (index, field) in fields.iter().enumerate() {
            let comma = if index + 1 == fields.len() { "" } else { "," };
            let _ = writeln!(out, "      {field}{comma}");
        }
        out.push_str("    }");
    }
    out.push_str(if locked.is_empty() { "]\n" } else { "\n  ]\n" });
    out.push_str("}\n");
    out
}

fn string(text: &str) -> String {
    Value::from(text).to_string()
}

fn strings(texts: &[String]) -> String {
    texts
        .iter()
        .map(|t| string(t))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a lock file back; the error says what is wrong and where.
pub(crate) fn read(text: &str) -> Result<Vec<Locked>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let object = value
        .as_object()
        .ok_or("the file is not a JSON object with `version` and `codes`")?;
    match object.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(other) => {
            return Err(format!(
                "`version` is {other}, this apifault reads version {VERSION}"
            ));
        }
        None => return Err("`version` is missing or not a number".to_owned()),
    }
    let codes = object
        .get("codes")
        .and_then(Value::as_array)
        .ok_or("`codes` is missing or not an array")?;
    codes
        .iter()
        .enumerate()
        .map(|(index, item)| read_item(item).map_err(|e| format!("`codes[{index}]`: {e}")))
        .collect()
}

fn read_item(item: &Value) -> Result<Locked, String> {
    let object = item.as_object().ok_or("not an object")?;
    let text = |name: &str| -> Result<Option<String>, String> {
        match object.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(format!("`{name}` is not a string")),
        }
    };
    let flag = |name: &str| -> Result<bool, String> {
        match object.get(name) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(format!("`{name}` is not `true` or `false`")),
        }
    };
    let texts = |name: &str| -> Result<Vec<String>, String> {
        match object.get(name) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|i| {
                    i.as_str()
                        .map(str::to_owned)
                        .ok_or(format!("`{name}` holds a value that is not a string"))
                })
                .collect(),
            Some(_) => Err(format!("`{name}` is not an array of strings")),
        }
    };
    let status = |value: Option<&Value>, name: &str| -> Result<u16, String> {
        value
            .and_then(Value::as_u64)
            .and_then(|n| u16::try_from(n).ok())
            .filter(|n| (100..600).contains(n))
            .ok_or(format!("`{name}` is missing or not an HTTP status"))
    };
    let required = |name: &str| text(name)?.ok_or(format!("`{name}` is missing"));
    let statuses = match object.get("statuses") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|s| status(Some(s), "statuses"))
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("`statuses` is not an array of statuses".to_owned()),
    };
    Ok(Locked {
        code: required("code")?,
        variant: required("variant")?,
        status: status(object.get("status"), "status")?,
        title: text("title")?,
        type_uri: text("type")?,
        grpc_code: text("grpc_code")?,
        members: texts("members")?,
        flattens: flag("flattens")?,
        shared: flag("shared")?,
        runtime_status: flag("runtime_status")?,
        statuses,
        runtime_code: flag("runtime_code")?,
        codes: texts("codes")?,
    })
}
