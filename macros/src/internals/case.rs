//! `rename_all`: serde's case names and serde's exact conversions of variant names.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

pub const NAMES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::Lower),
    ("UPPERCASE", RenameRule::Upper),
    ("PascalCase", RenameRule::Pascal),
    ("camelCase", RenameRule::Camel),
    ("snake_case", RenameRule::Snake),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ("kebab-case", RenameRule::Kebab),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
];

impl RenameRule {
    pub fn from_name(name: &str) -> Option<Self> {
        NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, rule)| rule)
    }

    /// Converts a PascalCase variant name the way serde's `rename_all` does.
    pub fn apply(self, variant: &str) -> String {
        match self {
            Self::Lower => variant.to_ascii_lowercase(),
            Self::Upper => variant.to_ascii_uppercase(),
            Self::Pascal => variant.to_owned(),
            Self::Camel => {
                let mut chars = variant.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_ascii_lowercase().to_string() + chars.as_str()
                })
            }
            Self::Snake => {
                let mut snake = String::with_capacity(variant.len() + 4);
                for (i, ch) in variant.char_indices() {
                    if i > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
            Self::ScreamingSnake => Self::Snake.apply(variant).to_ascii_uppercase(),
            Self::Kebab => Self::Snake.apply(variant).replace('_', "-"),
            Self::ScreamingKebab => Self::ScreamingSnake.apply(variant).replace('_', "-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::RenameRule;

    #[test]
    fn converts_like_serde() {
        let cases = [
            (
                "NotFound",
                [
                    "notfound",
                    "NOTFOUND",
                    "NotFound",
                    "notFound",
                    "not_found",
                    "NOT_FOUND",
                    "not-found",
                    "NOT-FOUND",
                ],
            ),
            ("A", ["a", "A", "A", "a", "a", "A", "a", "A"]),
            (
                "HTTPError",
                [
                    "httperror",
                    "HTTPERROR",
                    "HTTPError",
                    "hTTPError",
                    "h_t_t_p_error",
                    "H_T_T_P_ERROR",
                    "h-t-t-p-error",
                    "H-T-T-P-ERROR",
                ],
            ),
        ];
        for (variant, expected) in cases {
            for ((_, rule), want) in super::NAMES.iter().zip(expected) {
                assert_eq!(rule.apply(variant), want, "{rule:?} of {variant}");
            }
        }
        assert_eq!(RenameRule::from_name("kebab-case"), Some(RenameRule::Kebab));
        assert_eq!(RenameRule::from_name("kebab"), None);
    }
}
