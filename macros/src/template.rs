//! Parses thiserror-style interpolation: `"case {id} not found"`, `"{0}"`, `"{name:?}"`.

use proc_macro2::Span;
use syn::LitStr;

#[derive(Clone)]
pub struct Template {
    pub lit: LitStr,
    pub pieces: Vec<Piece>,
}

#[derive(Clone)]
pub enum Piece {
    Text(String),
    Arg { name: ArgName, spec: String },
}

#[derive(Clone, PartialEq, Eq)]
pub enum ArgName {
    Named(String),
    Index(usize),
}

impl ArgName {
    pub fn describe(&self) -> String {
        match self {
            Self::Named(name) => format!("{{{name}}}"),
            Self::Index(index) => format!("{{{index}}}"),
        }
    }
}

impl Template {
    pub fn span(&self) -> Span {
        self.lit.span()
    }

    pub fn args(&self) -> impl Iterator<Item = (&ArgName, &str)> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Arg { name, spec } => Some((name, spec.as_str())),
            Piece::Text(_) => None,
        })
    }

    /// The text when nothing is interpolated.
    pub fn constant(&self) -> Option<String> {
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(part) => text.push_str(part),
                Piece::Arg { .. } => return None,
            }
        }
        Some(text)
    }

    /// The literal parts, for checks that apply to the fixed text (header values).
    pub fn fixed_text(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Text(text) => Some(text.as_str()),
            Piece::Arg { .. } => None,
        })
    }
}

pub fn parse(lit: LitStr, what: &str) -> syn::Result<Template> {
    let source = lit.value();
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = source.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => {
                return Err(syn::Error::new(
                    lit.span(),
                    format!("unmatched `}}` in the {what}: write `}}}}` for a literal brace"),
                ));
            }
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for ch in chars.by_ref() {
                    if ch == '}' {
                        closed = true;
                        break;
                    }
                    inner.push(ch);
                }
                if !closed {
                    return Err(syn::Error::new(
                        lit.span(),
                        format!("unmatched `{{` in the {what}: write `{{{{` for a literal brace"),
                    ));
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(parse_arg(&inner, &lit, what)?);
            }
            _ => text.push(ch),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(Template { lit, pieces })
}

fn parse_arg(inner: &str, lit: &LitStr, what: &str) -> syn::Result<Piece> {
    let (name, spec) = inner.split_once(':').unwrap_or((inner, ""));
    let name = name.trim();
    let name = name.strip_prefix("r#").unwrap_or(name);
    if spec.contains('$') {
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "`{{{inner}}}` in the {what}: width and precision arguments (`$`) are not supported; write a fixed width such as `{{{name}:8}}`"
            ),
        ));
    }
    let name = if name.is_empty() {
        return Err(syn::Error::new(
            lit.span(),
            format!("`{{}}` in the {what} names no field: write `{{field}}` or `{{0}}`"),
        ));
    } else if let Ok(index) = name.parse::<usize>() {
        ArgName::Index(index)
    } else if name.chars().all(|c| c == '_' || c.is_alphanumeric())
        && !name.starts_with(|c: char| c.is_ascii_digit())
    {
        ArgName::Named(name.to_owned())
    } else {
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "`{{{inner}}}` in the {what} is not a field: write `{{field}}`, `{{0}}` or `{{field:?}}`"
            ),
        ));
    };
    Ok(Piece::Arg {
        name,
        spec: spec.to_owned(),
    })
}
