//! The variants' static entries, the `entry()` match over them, and the catalogue.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::format_ident;

use crate::code::join;
use crate::expand::cx::Cx;
use crate::expand::interpolate;
use crate::internals::code;
use crate::internals::props::{TypeUri, mentions};

/// The parts of the impl built from the entries.
pub struct Entries {
    pub statics: TokenStream,
    pub lookup: TokenStream,
    pub catalogue: TokenStream,
    /// The `const` failing the build when a code of the type's own clashes with one of a
    /// nested type's, or two nested types' clash; empty when nothing is nested.
    pub unique_codes: TokenStream,
}

impl Cx<'_> {
    /// The variants' static entries, the `entry()` match over them, and the catalogue:
    /// the entries in declaration order, transparent variants nesting the inner type's.
    pub fn entries(&self) -> Entries {
        let private = self.private;
        let mut entries = Vec::new();
        let mut catalogue = Vec::new();
        // The nested catalogue items the duplicate check compares, each with the inner
        // type its message names.
        let mut checked: Vec<(TokenStream, String)> = Vec::new();
        // A `const` outside the impl cannot name the generic parameters.
        let generic = self.input.generic_params();
        let mut overridden = Vec::new();
        // The first entry of the run not yet in the catalogue: each run of variants between
        // transparent ones is one catalogue item.
        let mut run_start = 0;
        let total = self
            .input
            .variants
            .iter()
            .filter(|variant| !self.input.transparent(variant))
            .count();
        // With entries of its own, `entry()` indexes the static once with the variant's
        // index (transparent variants return their inner entry): an arm of an integer
        // costs the compiler far less than an arm indexing the static.
        let indexed = total > 0;
        let delegate = if indexed {
            q!([] return)
        } else {
            TokenStream::new()
        };
        let arms = self.input.variants.iter().map(|variant| {
            if self.input.transparent(variant)
                && let Some((pattern, inner)) = self.inner(variant)
            {
                if run_start < entries.len() {
                    catalogue.push(self.run(run_start, entries.len(), total));
                    run_start = entries.len();
                }
                let via = self.via(variant);
                // An inner type that mentions the generic parameters is left out of the
                // check: a `const` outside the impl cannot name it.
                let label = variant
                    .fields
                    .first()
                    .map(|field| field.delegate().ty)
                    .filter(|ty| !mentions(ty, &generic))
                    .map(|ty| type_name(&q!([ty] #ty)));
                let attrs = self.input.variant_attrs(variant);
                // The enum's `type_base`, which the inner entries without a type of their
                // own take, as the body does; not for an inner type that answers as itself
                // (`inner_format`), nor one that mentions the generic parameters, whose
                // catalogue a static outside the impl cannot name.
                let answers_as_enum = !self.input.inner_format(variant) && label.is_some();
                let base = self
                    .input
                    .attrs
                    .type_base
                    .as_ref()
                    .filter(|_| answers_as_enum);
                // Likewise the enum's `code_in_body = false` when it is every variant's,
                // which is when the body follows it (`code_in_body()` is then `false`).
                let without_code = answers_as_enum
                    && !self.input.code_in_body_per_variant()
                    && self
                        .input
                        .attrs
                        .code_in_body
                        .as_ref()
                        .is_some_and(|flag| !flag.value);
                if self.input.overrides(variant) || base.is_some() || without_code {
                    // The inner catalogue rewritten with this variant's status, code, type
                    // URIs and `code_in_body`, at compile time; `entry()` of an overriding variant
                    // answers from it.
                    let index = overridden.len();
                    let name = if self.input.overrides(variant) {
                        format_ident!("__APIFAULT_OVERRIDDEN_{}", index)
                    } else {
                        format_ident!("__APIFAULT_ANSWERED_{}", index)
                    };
                    let status = match attrs.status {
                        Some(_) => {
                            let status = self.status_constant(variant, true);
                            q!([private, status] #private::Some(#status))
                        }
                        None => q!([private] #private::None),
                    };
                    let code = match &attrs.code {
                        Some(code) => q!([private, code] #private::Some(#code)),
                        None => q!([private] #private::None),
                    };
                    let array = q!([private, via] [#private::Entry; #private::catalogue_len(#via::CATALOGUE)]);
                    let mut rewritten = q!([private, via, status, code] #private::overridden(#via::CATALOGUE, #status, #code));
                    if without_code {
                        rewritten = q!([private, rewritten] #private::without_code_in_body(#rewritten));
                    }
                    overridden.push(match base {
                        None => q!([name, array, rewritten] static #name: #array = #rewritten;),
                        Some(base) => {
                            let inner = format_ident!("__APIFAULT_INNER_{}", index);
                            let types = format_ident!("__APIFAULT_TYPES_{}", index);
                            let format = match self.input.own_format(variant) {
                                Some(format) => {
                                    let alias = self.format_alias(format);
                                    q!([private, alias] #private::Some(#private::VariantFormat::own::<#alias>()))
                                }
                                None => q!([private] #private::None),
                            };
                            // Every type URI in one array of bytes, which each entry's
                            // points into: a `const fn` cannot concatenate strings.
                            q! {[inner, array, rewritten, types, private, base, name, format]
                                const #inner: #array = #rewritten;
                                static #types: [u8; #private::type_uris_len(&#inner, #base)] =
                                    #private::type_uris(&#inner, #base);
                                static #name: #array = #private::based(#inner, &#types, #base, #format);
                            }
                        }
                    });
                    let item = q!([private, name] #private::CatalogueItem::Entries(&#name));
                    catalogue.push(item.clone());
                    if !self.input.overrides(variant) {
                        // The check compares codes, which the base leaves as they are.
                        if let Some(label) = label {
                            checked.push((q!([private, via] #private::CatalogueItem::Nested(#via::CATALOGUE)), label));
                        }
                        // The inner error's own entry, as it is: no search per response.
                        return q!([pattern, delegate, via, inner] #pattern => #delegate #via::entry(#inner),);
                    }
                    if let Some(label) = label {
                        checked.push((item, label));
                    }
                    return q!([pattern, delegate, private, name, via, inner] #pattern => #delegate #private::overridden_entry(&#name, #via::CATALOGUE, #via::entry(#inner)),);
                }
                let inner_catalogue = q!([via] #via::CATALOGUE);
                catalogue.push(match self.input.own_format(variant) {
                    // Each inner entry in the format the inner type answers it in.
                    _ if self.input.inner_format(variant) => {
                        q!([private, inner_catalogue, via] #private::CatalogueItem::NestedAsInner(#inner_catalogue, #private::VariantFormat::of::<#via::Format>()))
                    }
                    Some(format) => {
                        let alias = self.format_alias(format);
                        q!([private, inner_catalogue, alias] #private::CatalogueItem::NestedIn(#inner_catalogue, #private::VariantFormat::own::<#alias>()))
                    }
                    None => q!([private, inner_catalogue] #private::CatalogueItem::Nested(#inner_catalogue)),
                });
                // The check compares codes, not formats.
                if let Some(label) = label {
                    checked.push((q!([private, inner_catalogue] #private::CatalogueItem::Nested(#inner_catalogue)), label));
                }
                return q!([pattern, delegate, via, inner] #pattern => #delegate #via::entry(#inner),);
            }
            let attrs = self.input.variant_attrs(variant);
            let name = variant.name();
            let status = self.status_constant(variant, true);
            let code = code::of(self.input, variant).0;
            let doc = &attrs.doc;
            let public = self.input.public_message(variant);
            // What most variants leave at `Entry::__of`'s default is not written: each
            // argument costs the compiler per variant.
            let mut set = TokenStream::new();
            if attrs.code_shared.is_some() {
                set.extend(q!([] .__shared()));
            }
            if let Some(title) = &attrs.title {
                set.extend(q!([title] .__title(#title)));
            }
            let members = self.input.member_names(variant);
            if !members.is_empty() {
                set.extend(q!([members = join(members, Some(','))] .__members(&[#members])));
            }
            let type_uri = match self.input.type_uri(variant) {
                Some(TypeUri::Constant(text)) => Some(text),
                Some(TypeUri::Template(template)) => {
                    interpolate::constant(&self.scope(variant, true), template, private)
                }
                None => None,
            };
            if let Some(text) = type_uri {
                set.extend(q!([text] .__type_uri(#text)));
            }
            if !self.input.code_in_body(variant) {
                set.extend(q!([] .__code_not_in_body()));
            }
            let parts = self.parts(variant);
            let index = entries.len();
            let own_format = self.input.own_format(variant).map(|format| {
                let alias = self.format_alias(format);
                q!([alias] .__in_format::<#alias>())
            });
            let runtime = self.runtime_entry(variant);
            let (flattens, no_body) = (variant.flattens(), self.input.no_body(variant));
            let body = (flattens || no_body).then(|| q!([flattens, no_body] .__body(#flattens, #no_body)));
            let grpc = self.grpc_entry(variant);
            entries.push(q! {[
                private, name, status, code, doc, public, parts, set, own_format, runtime, body,
                grpc
            ]
                #private::Entry::__of(#name, #status, #code, #doc, #public, #parts) #set #own_format #runtime #body #grpc
            });
            let pattern = self.pattern(variant, []);
            if indexed {
                q!([pattern, index] #pattern => #index,)
            } else {
                q!([pattern, index] #pattern => &__APIFAULT_ENTRIES[#index],)
            }
        }).collect::<Vec<_>>();
        let count = entries.len();
        if run_start < count {
            catalogue.push(self.run(run_start, count, total));
        }
        let unique_codes = self.unique_codes(checked);
        Entries {
            statics: q! {[
                private,
                count,
                entries = join(entries, Some(',')),
                overridden = join(overridden, None),
            ]
                static __APIFAULT_ENTRIES: [#private::Entry; #count] = [#entries];
                #overridden
            },
            lookup: if indexed {
                q!([arms = join(arms, None)] &__APIFAULT_ENTRIES[match self { #arms }])
            } else {
                q!([arms = join(arms, None)] match self { #arms })
            },
            catalogue: q!([private, catalogue = join(catalogue, Some(','))] &#private::Catalogue { __items: &[#catalogue] }),
            unique_codes,
        }
    }

    /// The `const` evaluating the duplicate check of the `nested` catalogue items (with
    /// the inner types their messages name) against the type's own codes and each other,
    /// reported at the type's name; nothing when no nested type can be checked. An inner
    /// type that mentions the generic parameters is not among them: its catalogue is known
    /// only per instantiation, where `Catalogue::assert_unique_codes` checks it.
    fn unique_codes(&self, nested: Vec<(TokenStream, String)>) -> TokenStream {
        let private = self.private;
        if nested.is_empty() || (nested.len() == 1 && !self.has_own_codes()) {
            return TokenStream::new();
        }
        let several = nested.len() > 1;
        let (items, labels): (Vec<_>, Vec<_>) = nested.into_iter().unzip();
        let own = self.own_codes();
        let ident = self.input.ident;
        let owner = ident.to_string();
        // The nested codes compared with each other only when there are several nested
        // types: a table of this many slots.
        let table = if several {
            q!([private] { #private::table_len(#private::code_count(__APIFAULT_NESTED)) })
        } else {
            q!([] 0)
        };
        // Every token at the type's name: the const evaluator reports a clash at the span
        // of the whole call.
        let at = Span::call_site().located_at(ident.span());
        let check = respan(
            q! {[private, table, owner, own, labels = join(labels, Some(','))]
                const _: () = #private::assert_unique_codes::<{ #private::code_count(__APIFAULT_NESTED) }, #table>(
                    #owner,
                    &#own,
                    __APIFAULT_NESTED,
                    &[#labels],
                );
            },
            at,
        );
        q! {[private, check, items = join(items, Some(','))]
            // The codes of the nested types against the type's own and each other's, at
            // compile time: a clash fails the build naming the code and both types.
            const __APIFAULT_NESTED: &#private::Catalogue =
                &#private::Catalogue { __items: &[#items] };
            #check
        }
    }

    fn has_own_codes(&self) -> bool {
        self.input
            .variants
            .iter()
            .any(|variant| !self.input.transparent(variant))
    }

    /// The type's own codes as `OwnCodes`: each with its variant and whether it is shared,
    /// and their hash table, built here so the const evaluator only looks nested codes up.
    fn own_codes(&self) -> TokenStream {
        let private = self.private;
        let mut codes: Vec<(String, String, bool)> = Vec::new();
        for variant in &self.input.variants {
            if self.input.transparent(variant) {
                continue;
            }
            let name = variant.name();
            let shared = self.input.variant_attrs(variant).code_shared.is_some();
            codes.push((code::of(self.input, variant).0, name.clone(), shared));
            for listed in self.input.listed_codes(variant) {
                codes.push((listed.value(), name.clone(), shared));
            }
        }
        let mut table = vec![
            (0_u64, 0_usize);
            if codes.is_empty() {
                0
            } else {
                table_len(codes.len())
            }
        ];
        let mask = table.len().wrapping_sub(1);
        for (index, (code, _, _)) in codes.iter().enumerate() {
            let hash = code_hash(code);
            #[allow(clippy::cast_possible_truncation)]
            let mut slot = (hash as usize) & mask;
            loop {
                let (known, first) = table[slot];
                if first == 0 {
                    table[slot] = (hash, index + 1);
                    break;
                }
                // A code repeated (shared) keeps its first use: they agree on sharing.
                if known == hash && codes[first - 1].0 == *code {
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        let slots = table
            .iter()
            .map(|(hash, first)| q!([hash, first] (#hash, #first)));
        let names = codes.iter().map(|(_, name, _)| name);
        let shared = codes.iter().map(|(_, _, shared)| shared);
        let codes = codes.iter().map(|(code, _, _)| code);
        q! {[
            private,
            slots = join(slots, Some(',')),
            codes = join(codes, Some(',')),
            names = join(names, Some(',')),
            shared = join(shared, Some(',')),
        ]
            #private::OwnCodes {
                table: &[#slots],
                codes: &[#codes],
                names: &[#names],
                shared: &[#shared],
            }
        }
    }

    /// The catalogue item of the entries `start..end` of `total`.
    fn run(&self, start: usize, end: usize, total: usize) -> TokenStream {
        let private = self.private;
        if start == 0 && end == total {
            q!([private] #private::CatalogueItem::Entries(&__APIFAULT_ENTRIES))
        } else {
            q!([private, start, end] #private::CatalogueItem::Entries(#private::entries(&__APIFAULT_ENTRIES, #start, #end)))
        }
    }
}

/// A type as its user wrote it (`store::StoreError`, `Vec<u8>`), without the spaces token
/// printing puts around punctuation.
fn type_name(ty: &TokenStream) -> String {
    let printed = ty.to_string();
    let mut name = String::with_capacity(printed.len());
    let mut chars = printed.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        if c == ' ' {
            let next = chars.peek().copied().unwrap_or(' ');
            // A space is kept only between two words (`dyn Error`).
            let word = |c: char| c.is_alphanumeric() || c == '_';
            if !(word(previous) && word(next)) {
                continue;
            }
        }
        name.push(c);
        previous = c;
    }
    name
}

/// `tokens`, every one of them at `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut respanned = Group::new(group.delimiter(), respan(group.stream(), span));
                respanned.set_span(span);
                tree = TokenTree::Group(respanned);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}

/// The 64-bit FNV-1a hash of `code`, never 0: the runtime's `code_hash`, which the const
/// evaluator computes for the nested codes it looks up in the table built here.
fn code_hash(code: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in code.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    if hash == 0 { 1 } else { hash }
}

/// The runtime's `table_len`: a power of two at least twice `count`.
fn table_len(count: usize) -> usize {
    (count * 2).next_power_of_two()
}
