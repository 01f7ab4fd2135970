//! Parses thiserror-style interpolation: `"case {id} not found"`, `"{0}"`, `"{name:?}"`.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::{Ident, LitStr};

#[derive(Clone)]
pub struct Template {
    pub lit: LitStr,
    pub pieces: Vec<Piece>,
}

#[derive(Clone)]
pub enum Piece {
    Text(String),
    /// `{name:spec}`, and the trait the spec formats with.
    Arg {
        name: ArgName,
        spec: String,
        format: FormatTrait,
    },
}

/// The `core::fmt` trait a `{field:spec}` formats with, told by the spec's last character
/// as `format_args!` does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FormatTrait {
    Display,
    Debug,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
    Pointer,
}

impl FormatTrait {
    fn of_spec(spec: &str) -> Self {
        match spec.chars().last() {
            Some('?') => Self::Debug,
            Some('x') => Self::LowerHex,
            Some('X') => Self::UpperHex,
            Some('o') => Self::Octal,
            Some('b') => Self::Binary,
            Some('e') => Self::LowerExp,
            Some('E') => Self::UpperExp,
            Some('p') => Self::Pointer,
            _ => Self::Display,
        }
    }
}

impl ToTokens for FormatTrait {
    /// `::core::fmt::Display` and so on.
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let name = match self {
            Self::Display => "Display",
            Self::Debug => "Debug",
            Self::LowerHex => "LowerHex",
            Self::UpperHex => "UpperHex",
            Self::Octal => "Octal",
            Self::Binary => "Binary",
            Self::LowerExp => "LowerExp",
            Self::UpperExp => "UpperExp",
            Self::Pointer => "Pointer",
        };
        let name = Ident::new(name, Span::call_site());
        tokens.extend(quote!(::core::fmt::#name));
    }
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

    /// The fields interpolated, each with the trait it is formatted with.
    pub fn args(&self) -> impl Iterator<Item = (&ArgName, FormatTrait)> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Arg { name, format, .. } => Some((name, *format)),
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
                "`{{{inner}}}` in the {what}: width and precision arguments (`$`) are not \
                    supported; write a fixed width such as `{{{name}:8}}`"
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
                "`{{{inner}}}` in the {what} is not a field: write `{{field}}`, `{{0}}` or \
                    `{{field:?}}`"
            ),
        ));
    };
    Ok(Piece::Arg {
        name,
        spec: spec.to_owned(),
        format: FormatTrait::of_spec(spec),
    })
}
