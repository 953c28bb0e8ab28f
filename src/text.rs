//! Text matching for search: case- and accent-insensitive folding, query
//! terms (words and quoted phrases), where a term occurs (numbers whole),
//! and the pieces of a text to highlight or to show as a snippet.
//!
//! Folding maps every `char` to exactly one `char`, so the n-th character
//! of the folded text is the n-th of the original: a match found in the
//! folded text is highlighted in the original at the same characters.

use std::ops::Range;

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
///
/// Words are split at whitespace. Text between double quotes (`"`, or the
/// typographic `“ ”`) is one term, a phrase, with its words joined by single
/// spaces; a quoted single word is just that word. A quote left open runs
/// to the end of the query, so typing the closing quote changes nothing,
/// and empty quotes are dropped: no query is malformed.
pub fn terms(query: &str) -> Vec<String> {
    let mut terms = Vec::new();
    // Every other piece between quotes is inside a pair of them.
    for (k, piece) in fold(query).split('"').enumerate() {
        if k % 2 == 1 {
            let phrase = piece.split_whitespace().collect::<Vec<_>>().join(" ");
            if !phrase.is_empty() {
                terms.push(phrase);
            }
        } else {
            terms.extend(piece.split_whitespace().map(str::to_owned));
        }
    }
    terms
}

/// Where `term` (one of [`terms`]) occurs in `folded`, a text already
/// [folded](fold): byte ranges, left to right, not overlapping.
///
/// A term matches as a substring, so `invest` finds "invests", with two
/// rules on top:
/// - **Phrases:** each space of a phrase matches any run of whitespace (a
///   line break, two spaces, a no-break space) and nothing else, so
///   `first refusal` finds "first\nrefusal" but not "first-refusal".
/// - **Numbers:** a match is never a piece of a larger number. Where the
///   term starts with a digit, the text just before the match may not be a
///   digit, nor a `.` or `,` that follows a digit; where the term ends with
///   a digit, the text just after it may not be a digit, nor a `.` or `,`
///   followed by a digit. So `10` finds "10", "$10B" and "10 billion" but
///   not "100", "2010", "2.10" or "10.5"; `$10` finds "$10B" and "$10
///   billion" but not "$100B" or "$10,000"; `27%` does not find "127%";
///   `o1` finds "o1-preview" but not "o10". Numbers are matched as written:
///   `1,500` does not find "1500".
pub fn occurrences<'a>(folded: &'a str, term: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    let first = term.split_whitespace().next().unwrap_or("");
    let number_start = term.starts_with(|c: char| c.is_ascii_digit());
    let number_end = term.ends_with(|c: char| c.is_ascii_digit());
    let mut from = 0;
    std::iter::from_fn(move || {
        if first.is_empty() {
            return None;
        }
        while let Some(found) = folded.get(from..).and_then(|rest| rest.find(first)) {
            let start = from + found;
            // The next try starts one character on, so "a a b" finds "a b".
            from = start + folded[start..].chars().next().map_or(1, char::len_utf8);
            let Some(end) = phrase_end(folded, start + first.len(), term.split_whitespace().skip(1)) else {
                continue;
            };
            let before = folded[..start].chars().rev();
            let after = folded[end..].chars();
            if (number_start && extends_number(before)) || (number_end && extends_number(after)) {
                continue;
            }
            from = end;
            return Some(start..end);
        }
        None
    })
}

/// Whether `term` occurs in `folded` (see [`occurrences`]).
pub fn occurs(folded: &str, term: &str) -> bool {
    Needle::new(term).occurs(folded)
}

/// A term made ready to be looked for in many texts, as the search does in
/// every event's text on every keystroke: [`occurs`], with the work that
/// depends on the term alone done once.
pub(crate) struct Needle<'t> {
    term: &'t str,
    /// The term's first word.
    first: &'t str,
    /// Whether the term is one word that neither starts nor ends with a
    /// digit, so that any substring match is a match.
    plain: bool,
}

impl<'t> Needle<'t> {
    pub(crate) fn new(term: &'t str) -> Needle<'t> {
        let digit = |c: char| c.is_ascii_digit();
        Needle {
            term,
            first: term.split_whitespace().next().unwrap_or(""),
            plain: !term.contains(char::is_whitespace) && !term.starts_with(digit) && !term.ends_with(digit),
        }
    }

    /// Whether the term occurs in `folded`.
    pub(crate) fn occurs(&self, folded: &str) -> bool {
        // `contains` has a vectorised path that `find` lacks, and most
        // texts hold no term at all, so it rules those out first.
        folded.contains(self.first) && (self.plain || occurrences(folded, self.term).next().is_some())
    }
}

/// Where a phrase whose first word ends at `at` ends, if its other `words`
/// follow there, each after a run of whitespace.
fn phrase_end<'a>(text: &str, mut at: usize, words: impl Iterator<Item = &'a str>) -> Option<usize> {
    for word in words {
        let rest = &text[at..];
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 || !rest[gap..].starts_with(word) {
            return None;
        }
        at += gap + word.len();
    }
    Some(at)
}

/// Whether the characters next to a number, read away from it, continue
/// it: a digit, or a decimal or thousands separator and then a digit.
fn extends_number(mut away: impl Iterator<Item = char>) -> bool {
    match (away.next(), away.next()) {
        (Some(c), _) if c.is_ascii_digit() => true,
        (Some('.' | ','), Some(d)) => d.is_ascii_digit(),
        _ => false,
    }
}

/// A piece of a text, marked when it matched a search term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    /// The original text of the piece (or [`ELLIPSIS`], in a [`snippet`]).
    pub text: &'a str,
    /// Whether it matched.
    pub hit: bool,
}

/// What a [`snippet`] shows where it leaves text out.
pub const ELLIPSIS: &str = "…";

/// A text with the characters the terms match marked, found in its folded
/// form and kept at the original's character positions.
struct Marked<'a> {
    text: &'a str,
    /// Where each character starts in `text`, then `text.len()`.
    starts: Vec<usize>,
    /// Per character, whether a term matched it.
    hit: Vec<bool>,
    /// The characters of the match that starts first.
    first: Option<Range<usize>>,
}

impl<'a> Marked<'a> {
    fn new(text: &'a str, terms: &[String]) -> Marked<'a> {
        let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let chars = starts.len() - 1;
        let mut marked = Marked {
            text,
            starts,
            hit: vec![false; chars],
            first: None,
        };
        if terms.is_empty() || text.is_empty() {
            return marked;
        }
        // Folding keeps one character per character but not its length in
        // bytes ("É" is two, "e" one), so matches are mapped back by index.
        let folded = fold(text);
        let folded_starts: Vec<usize> = folded.char_indices().map(|(b, _)| b).chain([folded.len()]).collect();
        let char_at = |byte: usize| folded_starts.binary_search(&byte).unwrap_or_else(|k| k);
        for term in terms {
            for found in occurrences(&folded, term) {
                let chars = char_at(found.start)..char_at(found.end);
                marked.hit[chars.clone()].iter_mut().for_each(|h| *h = true);
                if marked.first.as_ref().is_none_or(|f| chars.start < f.start) {
                    marked.first = Some(chars);
                }
            }
        }
        marked
    }

    /// How many characters the text has.
    fn len(&self) -> usize {
        self.hit.len()
    }

    /// Whether character `k` is whitespace.
    fn is_space(&self, k: usize) -> bool {
        self.text[self.starts[k]..self.starts[k + 1]].starts_with(char::is_whitespace)
    }

    /// The characters `chars` as pieces, each wholly marked or unmarked.
    fn segments(&self, chars: Range<usize>, into: &mut Vec<Segment<'a>>) {
        let mut start = chars.start;
        for k in chars.start + 1..=chars.end {
            if k == chars.end || self.hit[k] != self.hit[start] {
                into.push(Segment {
                    text: &self.text[self.starts[start]..self.starts[k]],
                    hit: self.hit[start],
                });
                start = k;
            }
        }
    }
}

/// Cuts `text` into pieces, marking every occurrence of any term as
/// [`occurrences`] finds it: phrases whole, numbers only where they are not
/// part of a larger number. The pieces put together are `text`.
pub fn highlight<'a>(text: &'a str, terms: &[String]) -> Vec<Segment<'a>> {
    let marked = Marked::new(text, terms);
    if marked.len() == 0 {
        return vec![Segment { text, hit: false }];
    }
    let mut segments = Vec::new();
    marked.segments(0..marked.len(), &mut segments);
    segments
}

/// A short excerpt of `text` around its first match, for a card that shows
/// no more than a line or two: at most `max_chars` characters of the text,
/// with a third of the room before the match, cut after and before a space
/// where the words allow, with [`ELLIPSIS`] pieces where text is left out,
/// and the matches marked as [`highlight`] marks them. The whole text when
/// it fits; `None` when no term occurs in it.
pub fn snippet<'a>(text: &'a str, terms: &[String], max_chars: usize) -> Option<Vec<Segment<'a>>> {
    let marked = Marked::new(text, terms);
    let first = marked.first.clone()?;
    let n = marked.len();
    let (mut start, mut end) = (0, n);
    if n > max_chars {
        let room = max_chars - first.len().min(max_chars);
        start = first.start.saturating_sub(room / 3).min(n - max_chars);
        end = start + max_chars;
        // Whole words where the match leaves room: start after a space and
        // end before one, unless that would cut into the match.
        if start > 0
            && let Some(k) = (start..=first.start).find(|&k| marked.is_space(k - 1))
        {
            start = k;
        }
        if end < n
            && let Some(k) = (first.end.max(start)..=end).rev().find(|&k| marked.is_space(k))
        {
            end = k;
        }
    }
    let (cut_before, cut_after) = (start > 0, end < n);
    while start < end && marked.is_space(start) {
        start += 1;
    }
    while end > start && marked.is_space(end - 1) {
        end -= 1;
    }
    let mut segments = Vec::new();
    let ellipsis = Segment {
        text: ELLIPSIS,
        hit: false,
    };
    if cut_before {
        segments.push(ellipsis.clone());
    }
    marked.segments(start..end, &mut segments);
    if cut_after {
        segments.push(ellipsis);
    }
    Some(segments)
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
