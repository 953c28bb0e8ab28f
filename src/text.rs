//! Text matching for search: case- and accent-insensitive folding, query
//! terms, and the spans of a text to highlight.
//!
//! Folding maps every `char` to exactly one `char`, so a position in the
//! folded text is the same position in the original, and highlights can be
//! cut from the original text without a second pass.

/// Folds one character: lower case, with the accent stripped from Latin
/// letters.
///
/// Hand-written rather than `unicode-normalization` (NFD + strip marks): that
/// crate's tables cost tens of kilobytes of wasm, and the story's names and
/// a reader's queries only need Latin accents.
pub fn fold_char(c: char) -> char {
    let lower = if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    };
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        // Typographic dashes and quotes fold to what a keyboard types.
        '–' | '—' | '‐' | '‑' => '-',
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        other => other,
    }
}

/// Folds a whole string (see [`fold_char`]).
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Splits a query into folded terms; every term must match for a hit.
pub fn terms(query: &str) -> Vec<String> {
    query.split_whitespace().map(fold).collect()
}

/// A piece of a text, marked when it matched a search term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The original text of the piece.
    pub text: &'a str,
    /// Whether it matched.
    pub hit: bool,
}

/// Cuts `text` into pieces, marking every occurrence of any term.
pub fn highlight<'a>(text: &'a str, terms: &[String]) -> Vec<Segment<'a>> {
    if terms.is_empty() || text.is_empty() {
        return vec![Segment { text, hit: false }];
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let folded: Vec<char> = chars.iter().map(|&(_, c)| fold_char(c)).collect();
    let mut marked = vec![false; chars.len()];
    for term in terms {
        let needle: Vec<char> = term.chars().collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - needle.len() {
            if folded[start..start + needle.len()] == needle[..] {
                marked[start..start + needle.len()].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    let mut segments = Vec::new();
    let mut start = 0;
    for i in 1..=chars.len() {
        if i == chars.len() || marked[i] != marked[start] {
            let from = chars[start].0;
            let to = chars.get(i).map_or(text.len(), |&(b, _)| b);
            segments.push(Segment {
                text: &text[from..to],
                hit: marked[start],
            });
            start = i;
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Ménage À TROIS"), "menage a trois");
        assert_eq!(fold("OpenAI–Microsoft"), "openai-microsoft");
    }

    #[test]
    fn folding_keeps_one_char_per_char() {
        let text = "İstanbul Straße ÅÉÎ 中文";
        assert_eq!(fold(text).chars().count(), text.chars().count());
    }

    #[test]
    fn highlight_marks_each_occurrence_in_the_original_text() {
        let terms = terms("azure");
        let segs = highlight("Azure first, then AZURE", &terms);
        let hits: Vec<&str> = segs.iter().filter(|s| s.hit).map(|s| s.text).collect();
        assert_eq!(hits, ["Azure", "AZURE"]);
        let joined: String = segs.iter().map(|s| s.text).collect();
        assert_eq!(joined, "Azure first, then AZURE");
    }

    #[test]
    fn highlight_works_across_multibyte_text() {
        let segs = highlight("Café crème", &terms("creme"));
        assert_eq!(segs.last().map(|s| (s.text, s.hit)), Some(("crème", true)));
    }

    #[test]
    fn highlight_without_terms_is_one_plain_piece() {
        assert_eq!(highlight("x", &[]), vec![Segment { text: "x", hit: false }]);
    }
}
