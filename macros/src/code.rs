//! Generated code written as its own source text. `q!` keeps a template as one string
//! (`stringify!`), parsed and filled in at run time; `quote!` compiles a statement per
//! token, which made a quarter of this crate's own compile time.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use proc_macro2::{Delimiter, Group, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;

/// `q!([name, other = expression, …] tokens with #name and #other)`: `quote!` without its
/// repetitions (pass [`join`] or [`terminated`] as an argument instead). Every `#name`
/// in the tokens must be listed in the brackets; an unlisted one stays as written.
macro_rules! q {
    ([$($arg:ident $(= $value:expr)?),* $(,)?] $($tokens:tt)*) => {
        $crate::code::fill(
            ::core::stringify!($($tokens)*),
            &[$((::core::stringify!($arg), &q!(@arg $arg $(= $value)?) as &dyn ::quote::ToTokens)),*],
        )
    };
    (@arg $arg:ident) => { $arg };
    (@arg $arg:ident = $value:expr) => { $value };
}

/// The template's tokens, each `#name` replaced by its argument's.
pub fn fill(template: &'static str, args: &[(&str, &dyn ToTokens)]) -> TokenStream {
    let key = (template.as_ptr() as usize, template.len());
    let pieces = PIECES.with(|pieces| {
        let mut pieces = pieces.borrow_mut();
        // Two sites with the same text may share its address: their pieces are the same
        // only if they name the same arguments in the same order.
        if let Some(found) = pieces.get(&key)
            && found
                .names
                .iter()
                .map(String::as_str)
                .eq(args.iter().map(|(name, _)| *name))
        {
            return Rc::clone(&found.pieces);
        }
        let made: Rc<[Piece]> = match parse(template) {
            Some(tokens) => pieces_of(tokens, args).into(),
            // Templates are this crate's own source, so this is a bug here, never the user's.
            None => Rc::new([Piece::Tree(TokenTree::Group(Group::new(
                Delimiter::None,
                quote::quote!(::core::compile_error!(
                    "apifault-macros: a code template does not parse; please report this bug"
                );),
            )))]),
        };
        let names = args.iter().map(|(name, _)| (*name).to_owned()).collect();
        let template = Template {
            names,
            pieces: Rc::clone(&made),
        };
        pieces.insert(key, template);
        made
    });
    let mut out = TokenStream::new();
    write(&pieces, args, &mut out);
    out
}

/// A template cut where its arguments go: tokens as they are, arguments by their index
/// in the call's list (a `q!` site always lists the same names), and the groups that hold
/// an argument, to rebuild around it.
enum Piece {
    Tree(TokenTree),
    /// Several trees in a row, added in one step: cheaper than one by one from two on.
    Run(TokenStream),
    Arg(usize),
    Group(Delimiter, Span, Vec<Piece>),
}

/// A template's address and length: the same for every call of one `q!` site.
type TemplateKey = (usize, usize);

/// A template's pieces, and the argument names they were cut for.
struct Template {
    names: Vec<String>,
    pieces: Rc<[Piece]>,
}

thread_local! {
    /// Each template's pieces, made at its first use in an expansion. A compiler's tokens
    /// are valid only during the macro call that made them, even to drop: [`Expansion`]
    /// empties this before the call returns.
    static PIECES: RefCell<HashMap<TemplateKey, Template>> = RefCell::default();
}

/// The templates' pieces of one expansion, forgotten when it is dropped, which every
/// derive does before it returns its tokens.
pub struct Expansion(());

impl Expansion {
    pub fn begin() -> Self {
        // Pieces left from another call could not even be dropped: leak them (never seen:
        // the guard empties the table).
        PIECES.with(|pieces| std::mem::forget(pieces.take()));
        Expansion(())
    }
}

impl Drop for Expansion {
    fn drop(&mut self) {
        PIECES.with(|pieces| drop(pieces.take()));
    }
}

/// Inside a compiler, its own lexer: `proc_macro2`'s `FromStr` first checks the text with
/// its own parser, which at the derive's opt-level cost more than all the rest of `fill`.
/// A template is the `stringify!` of tokens that already parsed, so it needs no check.
fn parse(template: &str) -> Option<TokenStream> {
    if proc_macro::is_available() {
        let tokens: proc_macro::TokenStream = template.parse().ok()?;
        Some(tokens.into())
    } else {
        template.parse().ok()
    }
}

/// The one argument name whose value is the same in every call of an expansion: the
/// runtime's path (`::apifault::__private`, or the `crate = …` path's).
const CONSTANT: &str = "private";

fn pieces_of(tokens: TokenStream, args: &[(&str, &dyn ToTokens)]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Punct(ref hash) if hash.as_char() == '#' => {
                let arg = match trees.peek() {
                    Some(TokenTree::Ident(name)) => {
                        let name = name.to_string();
                        args.iter().position(|(arg, _)| name == *arg)
                    }
                    _ => None,
                };
                match arg {
                    // The runtime's path, the same throughout an expansion, and in most
                    // templates: written in once, it joins the runs around it.
                    Some(index) if args[index].0 == CONSTANT => {
                        trees.next();
                        let tokens = args[index].1.to_token_stream();
                        pieces.extend(tokens.into_iter().map(Piece::Tree));
                    }
                    Some(index) => {
                        trees.next();
                        pieces.push(Piece::Arg(index));
                    }
                    None => pieces.push(Piece::Tree(tree)),
                }
            }
            TokenTree::Group(group) => {
                let inner = pieces_of(group.stream(), args);
                if inner
                    .iter()
                    .any(|piece| matches!(piece, Piece::Arg(_) | Piece::Group(..)))
                {
                    pieces.push(Piece::Group(group.delimiter(), group.span(), inner));
                } else {
                    // Filled now, with the constant argument if it is inside.
                    let mut stream = TokenStream::new();
                    write(&inner, &[], &mut stream);
                    let mut filled = Group::new(group.delimiter(), stream);
                    filled.set_span(group.span());
                    pieces.push(Piece::Tree(TokenTree::Group(filled)));
                }
            }
            tree => pieces.push(Piece::Tree(tree)),
        }
    }
    runs(pieces)
}

/// `pieces` with each row of two or more trees made one [`Piece::Run`].
fn runs(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut joined = Vec::with_capacity(pieces.len());
    let mut row: Vec<TokenTree> = Vec::new();
    for piece in pieces.into_iter().map(Some).chain([None]) {
        match piece {
            Some(Piece::Tree(tree)) => row.push(tree),
            other => {
                if row.len() >= 2 {
                    joined.push(Piece::Run(row.drain(..).collect()));
                } else {
                    joined.extend(row.drain(..).map(Piece::Tree));
                }
                joined.extend(other);
            }
        }
    }
    joined
}

fn write(pieces: &[Piece], args: &[(&str, &dyn ToTokens)], out: &mut TokenStream) {
    for piece in pieces {
        match piece {
            Piece::Tree(tree) => out.extend([tree.clone()]),
            Piece::Run(trees) => out.extend([trees.clone()]),
            Piece::Arg(index) => {
                if let Some((_, value)) = args.get(*index) {
                    value.to_tokens(out);
                }
            }
            Piece::Group(delimiter, span, inner) => {
                let mut stream = TokenStream::new();
                write(inner, args, &mut stream);
                let mut group = Group::new(*delimiter, stream);
                group.set_span(*span);
                out.extend([TokenTree::Group(group)]);
            }
        }
    }
}

/// `quote!`'s `#(#items)*`, or `#(#items),*` with a `separator` (`,` or `|`): the items'
/// tokens one after another. Added in one step: a compiler joins many streams at once
/// for the cost of joining two.
pub fn join<T: ToTokens>(
    items: impl IntoIterator<Item = T>,
    separator: Option<char>,
) -> TokenStream {
    let mut streams: Vec<TokenStream> = Vec::new();
    for item in items {
        if let (Some(separator), Some(last)) = (separator, streams.last_mut()) {
            last.extend([TokenTree::Punct(Punct::new(separator, Spacing::Alone))]);
        }
        streams.push(item.into_token_stream());
    }
    let mut out = TokenStream::new();
    out.extend(streams);
    out
}

/// `quote!`'s `#(#items,)*`: each item's tokens followed by `terminator`.
pub fn terminated<T: ToTokens>(
    items: impl IntoIterator<Item = T>,
    terminator: char,
) -> TokenStream {
    let mut streams: Vec<TokenStream> = Vec::new();
    for item in items {
        let mut stream = item.into_token_stream();
        stream.extend([TokenTree::Punct(Punct::new(terminator, Spacing::Alone))]);
        streams.push(stream);
    }
    let mut out = TokenStream::new();
    out.extend(streams);
    out
}

#[cfg(test)]
mod tests {
    use quote::quote;

    #[test]
    fn templates_fill_in_as_quote_would() {
        let arms = quote!(Self::A => 1,);
        let name = quote!(Named);
        let cases = [
            (
                q!([arms, name] impl #name { fn f(&self) -> u8 { match self { #arms _ => 0 } } }),
                quote!(impl Named { fn f(&self) -> u8 { match self { Self::A => 1, _ => 0 } } }),
            ),
            // Brackets in literals, an attribute's `#`, lifetimes, and groups with nothing
            // to fill before and after one with something.
            (
                q!([name] #[doc = "{ ( ["] fn g<'a>(x: &'a str) -> [char; 2] { ['{', '\''] } struct #name(u8);),
                quote!(
                    #[doc = "{ ( ["]
                    fn g<'a>(x: &'a str) -> [char; 2] {
                        ['{', '\'']
                    }
                    struct Named(u8);
                ),
            ),
            (
                q!([name, items = crate::code::join([quote!(a), quote!(b)], Some(','))] (x) { [#items] } (#name)),
                quote!((x) { [a, b] } (Named)),
            ),
            // A brace in a char literal is no group: the group after it is still filled.
            (q!([name] { ['{'] } (#name)), quote!({ ['{'] }(Named))),
            (
                q!([items = crate::code::terminated([quote!(a), quote!(b)], ';')] { #items }),
                quote!({
                    a;
                    b;
                }),
            ),
        ];
        // One text (at one address) whose arguments two sites list in other orders.
        static TEXT: &str = "# first # second";
        let (first, second) = (quote!(First), quote!(Second));
        let in_order = super::fill(TEXT, &[("first", &first), ("second", &second)]);
        let swapped = super::fill(TEXT, &[("second", &second), ("first", &first)]);
        assert_eq!(texts(in_order), texts(swapped));
        for (filled, expected) in cases {
            assert_eq!(texts(filled), texts(expected));
        }
    }

    /// The tokens' texts, groups as their delimiters: what the compiler reads, without the
    /// spacing of punctuation (`<'a` and `< 'a` are the same tokens).
    fn texts(tokens: proc_macro2::TokenStream) -> Vec<String> {
        let mut out = Vec::new();
        for tree in tokens {
            match tree {
                proc_macro2::TokenTree::Group(group) => {
                    out.push(format!("{:?}", group.delimiter()));
                    out.extend(texts(group.stream()));
                    out.push("end".to_owned());
                }
                tree => out.push(tree.to_string()),
            }
        }
        out
    }
}
