//! Parses thiserror-style interpolation: `"case {id} not found"`, `"{0}"`, `"{name:?}"`,
//! nested fields (`"{range.start}"`, `"{0.1}"`) and extra format arguments after the string
//! (`"{}", .items.len()`, `"{n}", n = .items.len()`), where `.field` names a field as in
//! thiserror. What a name refers to (a field, an argument, `{code}`, `{status}`) is
//! `internals::reference`'s.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::ParseStream;
use syn::{Ident, LitStr, Token};

#[derive(Clone)]
pub struct Template {
    pub lit: LitStr,
    pub pieces: Vec<Piece>,
    /// The format arguments after the string, in order.
    pub extra: Vec<ExtraArg>,
}

#[derive(Clone)]
pub enum Piece {
    Text(String),
    /// `{name.path:spec}`, and the trait the spec formats with.
    Arg {
        name: ArgName,
        /// The members reached through the field, in order: `{range.start}` has `start`.
        path: Vec<ArgName>,
        spec: String,
        format: FormatTrait,
    },
}

/// One format argument after the string: `.items.len()` or `n = .items.len()`.
#[derive(Clone)]
pub struct ExtraArg {
    /// `n` of `n = …`, without `r#`.
    pub name: Option<String>,
    pub expr: Vec<ExprToken>,
    /// The first token, where errors about the argument point.
    pub span: Span,
}

/// A token of an extra argument, with thiserror's `.field` shorthand picked out.
#[derive(Clone)]
pub enum ExprToken {
    Tree(TokenTree),
    Group(Delimiter, Span, Vec<ExprToken>),
    /// `.name` or `.0` where an expression begins: a field of the variant.
    Field(ArgName, Span),
}

impl ExprToken {
    /// The fields the tokens name through the shorthand, with where each is written.
    pub fn fields(tokens: &[Self]) -> Vec<(&ArgName, Span)> {
        let mut fields = Vec::new();
        for token in tokens {
            match token {
                Self::Field(name, span) => fields.push((name, *span)),
                Self::Group(_, _, inner) => fields.extend(Self::fields(inner)),
                Self::Tree(_) => {}
            }
        }
        fields
    }
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
        tokens.extend(q!([name] ::core::fmt::#name));
    }
}

#[derive(Clone, PartialEq, Eq)]
pub enum ArgName {
    Named(String),
    Index(usize),
    /// An extra format argument, by its position among them (`{}`, or `{n}` with `n = …`).
    Extra(usize),
}

impl ArgName {
    pub fn describe(&self) -> String {
        match self {
            Self::Named(name) => format!("{{{name}}}"),
            Self::Index(index) => format!("{{{index}}}"),
            Self::Extra(_) => "{}".to_owned(),
        }
    }

    /// The name as it is written in a path: `range`, `0`.
    pub fn segment(&self) -> String {
        match self {
            Self::Named(name) => name.clone(),
            Self::Index(index) | Self::Extra(index) => index.to_string(),
        }
    }
}

impl Template {
    pub fn span(&self) -> Span {
        self.lit.span()
    }

    /// The names interpolated (the first segment of a nested one), each with the trait it
    /// is formatted with.
    pub fn args(&self) -> impl Iterator<Item = (&ArgName, FormatTrait)> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Arg { name, format, .. } => Some((name, *format)),
            Piece::Text(_) => None,
        })
    }

    /// The names interpolated whole (`{id}`, not `{id.len}`), each with its trait: what a
    /// generic field's bound is written from.
    pub fn whole_args(&self) -> impl Iterator<Item = (&ArgName, FormatTrait)> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Arg {
                name, path, format, ..
            } if path.is_empty() => Some((name, *format)),
            _ => None,
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

/// A template without extra arguments: `type = "…"`, `pointer = "…"`.
pub fn parse(lit: LitStr, what: &str) -> syn::Result<Template> {
    build(lit, Vec::new(), what)
}

/// A string and, as thiserror takes them, its extra format arguments:
/// `"{}: {n}", .0.len(), n = .name`. The caller checks nothing follows.
pub fn parse_with_args(input: ParseStream, what: &str) -> syn::Result<Template> {
    let lit: LitStr = input.parse()?;
    let extra = parse_extra(input)?;
    build(lit, extra, what)
}

/// A string already parsed, with its extra format arguments.
pub fn with_args(lit: LitStr, extra: Vec<ExtraArg>, what: &str) -> syn::Result<Template> {
    build(lit, extra, what)
}

/// `, arg, name = arg` up to the end of `input` or up to a string followed by `=` (the
/// next `"Name" = "value"` of a `header(…)`, which its parser reports).
pub fn parse_extra(input: ParseStream) -> syn::Result<Vec<ExtraArg>> {
    let mut extra = Vec::new();
    while input.peek(Token![,]) {
        if input.peek2(LitStr) && next_is_string_then_eq(input) {
            break;
        }
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            break;
        }
        let span = input.span();
        let name = if (input.peek(Ident) || input.peek(Token![type]))
            && input.peek2(Token![=])
            && !input.peek2(Token![==])
        {
            let ident: Ident = syn::ext::IdentExt::parse_any(input)?;
            input.parse::<Token![=]>()?;
            Some(crate::internals::ast::unraw(&ident))
        } else {
            None
        };
        let mut trees = Vec::new();
        while !input.is_empty() && !input.peek(Token![,]) {
            trees.push(input.parse::<TokenTree>()?);
        }
        if trees.is_empty() {
            return Err(syn::Error::new(
                span,
                "expected a format argument: write `\"{}\", .field.len()` or `\"{n}\", n = \
                    .field.len()`, `.field` naming a field",
            ));
        }
        extra.push(ExtraArg {
            name,
            expr: shorthand(&trees),
            span,
        });
    }
    Ok(extra)
}

fn next_is_string_then_eq(input: ParseStream) -> bool {
    let fork = input.fork();
    fork.parse::<Token![,]>().is_ok() && fork.parse::<LitStr>().is_ok() && fork.peek(Token![=])
}

/// The tokens of an argument with thiserror's shorthand picked out: `.name`, `.0` and
/// `.0.1` where an expression begins (at the start, after an operator, inside a group).
fn shorthand(trees: &[TokenTree]) -> Vec<ExprToken> {
    let mut tokens = Vec::new();
    let mut begins = true;
    let mut index = 0;
    while let Some(tree) = trees.get(index) {
        index += 1;
        if begins
            && let TokenTree::Punct(dot) = tree
            && dot.as_char() == '.'
        {
            match trees.get(index) {
                Some(TokenTree::Ident(ident)) => {
                    index += 1;
                    let name = crate::internals::ast::unraw(ident);
                    tokens.push(ExprToken::Field(ArgName::Named(name), ident.span()));
                    begins = false;
                    continue;
                }
                Some(TokenTree::Literal(literal)) => {
                    let text = literal.to_string();
                    let (first, rest) = text.split_once('.').unwrap_or((&text, ""));
                    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
                    if let (true, Ok(first)) = (digits(first), first.parse::<usize>())
                        && (rest.is_empty() || digits(rest))
                    {
                        index += 1;
                        tokens.push(ExprToken::Field(ArgName::Index(first), literal.span()));
                        if !rest.is_empty() {
                            let mut dot = proc_macro2::Punct::new('.', proc_macro2::Spacing::Alone);
                            dot.set_span(literal.span());
                            tokens.push(ExprToken::Tree(TokenTree::Punct(dot)));
                            let mut member = proc_macro2::Literal::usize_unsuffixed(
                                rest.parse().unwrap_or_default(),
                            );
                            member.set_span(literal.span());
                            tokens.push(ExprToken::Tree(TokenTree::Literal(member)));
                        }
                        begins = false;
                        continue;
                    }
                }
                _ => {}
            }
        }
        begins = match tree {
            TokenTree::Punct(punct) => !matches!(punct.as_char(), '.' | '?' | '\''),
            // Keywords after which an expression begins.
            TokenTree::Ident(ident) => ["return", "in", "if", "else", "match", "move", "mut"]
                .iter()
                .any(|keyword| ident == keyword),
            TokenTree::Group(_) | TokenTree::Literal(_) => false,
        };
        if let TokenTree::Group(group) = tree {
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            tokens.push(ExprToken::Group(
                group.delimiter(),
                group.span(),
                shorthand(&inner),
            ));
        } else {
            tokens.push(ExprToken::Tree(tree.clone()));
        }
    }
    tokens
}

fn build(lit: LitStr, extra: Vec<ExtraArg>, what: &str) -> syn::Result<Template> {
    let source = lit.value();
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = source.chars().peekable();
    let mut implicit = 0;
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
                pieces.push(parse_arg(&inner, &lit, what, &extra, &mut implicit)?);
            }
            _ => text.push(ch),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(Template { lit, pieces, extra })
}

fn parse_arg(
    inner: &str,
    lit: &LitStr,
    what: &str,
    extra: &[ExtraArg],
    implicit: &mut usize,
) -> syn::Result<Piece> {
    let (name, spec) = inner.split_once(':').unwrap_or((inner, ""));
    let name = name.trim();
    if spec.contains('$') {
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "`{{{inner}}}` in the {what}: width and precision arguments (`$`) are not \
                    supported; write a fixed width such as `{{{name}:8}}`"
            ),
        ));
    }
    let positional: Vec<usize> = extra
        .iter()
        .enumerate()
        .filter(|(_, arg)| arg.name.is_none())
        .map(|(index, _)| index)
        .collect();
    if name.is_empty() {
        let Some(&position) = positional.get(*implicit) else {
            let message = if extra.is_empty() {
                format!("`{{}}` in the {what} names no field: write `{{field}}` or `{{0}}`")
            } else {
                format!(
                    "`{{}}` in the {what} has no argument left: add one after the string \
                        (`.field`, `.field.len()`), or name a field as `{{field}}`"
                )
            };
            return Err(syn::Error::new(lit.span(), message));
        };
        *implicit += 1;
        return Ok(piece(ArgName::Extra(position), Vec::new(), spec));
    }
    let mut segments = name.split('.');
    let root = segment(segments.next().unwrap_or_default(), inner, lit, what)?;
    let path = segments
        .map(|part| segment(part, inner, lit, what))
        .collect::<syn::Result<Vec<_>>>()?;
    // A named argument wins over a field of that name, as in `format_args!`.
    let root = match &root {
        ArgName::Named(name) => extra
            .iter()
            .position(|arg| arg.name.as_deref() == Some(name.as_str()))
            .map_or(root, ArgName::Extra),
        _ => root,
    };
    if let (ArgName::Extra(_), Some(_)) = (&root, path.first()) {
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "`{{{inner}}}` in the {what} reaches into an argument: write the whole \
                    expression as the argument instead"
            ),
        ));
    }
    Ok(piece(root, path, spec))
}

fn piece(name: ArgName, path: Vec<ArgName>, spec: &str) -> Piece {
    Piece::Arg {
        name,
        path,
        spec: spec.to_owned(),
        format: FormatTrait::of_spec(spec),
    }
}

/// A member name as an identifier, raw if it is a keyword; `None` for what no member is
/// called (`self`, `_`).
pub fn member(name: &str) -> Option<Ident> {
    syn::parse_str::<Ident>(name)
        .or_else(|_| syn::parse_str::<Ident>(&format!("r#{name}")))
        .ok()
}

/// One segment of `{a.b.0}`: a name or an index.
fn segment(part: &str, inner: &str, lit: &LitStr, what: &str) -> syn::Result<ArgName> {
    let part = part.strip_prefix("r#").unwrap_or(part);
    if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(index) = part.parse::<usize>() {
            return Ok(ArgName::Index(index));
        }
    } else if !part.is_empty()
        && part.chars().all(|c| c == '_' || c.is_alphanumeric())
        && !part.starts_with(|c: char| c.is_ascii_digit())
        && (!inner.contains('.') || member(part).is_some())
    {
        return Ok(ArgName::Named(part.to_owned()));
    }
    let fix = if inner.contains('.') {
        "write a field and its members, such as `{field}`, `{range.start}` or `{0.1}`"
    } else {
        "write `{field}`, `{0}` or `{field:?}`"
    };
    Err(syn::Error::new(
        lit.span(),
        format!("`{{{inner}}}` in the {what} is not a field: {fix}"),
    ))
}

impl Template {
    /// The extra argument a numbered `{n}` names when no field has that index: the `n`th
    /// positional one, by its position among all of them.
    pub fn positional(&self, n: usize) -> Option<usize> {
        self.extra
            .iter()
            .enumerate()
            .filter(|(_, arg)| arg.name.is_none())
            .nth(n)
            .map(|(index, _)| index)
    }
}
