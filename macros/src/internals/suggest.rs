//! "Did you mean" for misspelt names.

/// The candidate closest to `typo`, if close enough to be what was meant.
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typo_lower = typo.to_ascii_lowercase();
    let candidates: Vec<&str> = candidates.into_iter().collect();
    near(&typo_lower, &candidates).or_else(|| {
        // A truncated name (`rename` for `rename_all`) is far in edits but plainly meant.
        candidates.iter().copied().find(|candidate| {
            typo_lower.len() >= 4 && candidate.to_ascii_lowercase().starts_with(&typo_lower)
        })
    })
}

/// The candidate fewest edits away, if few enough.
fn near<'a>(typo_lower: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let typo = typo_lower;
    candidates
        .iter()
        .copied()
        .map(|candidate| {
            (
                distance(typo_lower, &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .filter(|&(d, candidate)| d <= (candidate.len().max(typo.len()) / 3).max(1))
        .min_by_key(|&(d, _)| d)
        .map(|(_, candidate)| candidate)
}

/// ": did you mean `x`?", to follow a message, or nothing.
pub fn hint<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(typo, candidates).map_or_else(String::new, |c| format!(": did you mean `{c}`?"))
}

/// Levenshtein distance over chars, one row at a time.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}
