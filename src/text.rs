//! Text matching for search: case- and accent-insensitive folding, query
//! terms (words and quoted phrases), where a term occurs (numbers whole),
//! and the pieces of a text to highlight or to show as a snippet.
//!
//! Folding maps every `char` to exactly one `char`, so the n-th character
//! of the folded text is the n-th of the original. The search compares
//! texts in a form that is folded and has each number's ends marked (so
//! that `10` never matches inside "100"); a highlight maps a match in that
//! form back to the characters of the original it covers.

use std::ops::Range;

/// Lower case for the Latin letters of ASCII, Latin-1 Supplement and Latin
/// Extended-A (up to U+017F), as the first character of
/// `char::to_lowercase` gives it (`İ` becomes `i`); any other character is
/// returned as it is.
///
/// Hand-written rather than `char::to_lowercase`, for the only letters the
/// search needs (see [`fold_char`]): Unicode's case tables, with
/// `str::to_lowercase` (the labels use `to_ascii_lowercase`), cost the wasm
/// 6.9 KB brotli (17.9 KB raw, measured). The mapping is regular: Latin-1's
/// capitals sit 0x20 below their small letters, and Extended-A pairs each
/// capital with the small letter after it. A native test checks it against
/// `char::to_lowercase` for every character up to U+017F.
pub fn lower_latin(c: char) -> char {
    let next = |by: u32| char::from_u32(u32::from(c) + by).unwrap_or(c);
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => next(0x20),
        // Its lower case is `i` and a combining dot above.
        'İ' => 'i',
        // Ÿ is in Extended-A, its small letter in Latin-1.
        'Ÿ' => 'ÿ',
        // Pairs start on an even code point, but from Ĺ to ň and from Ź to
        // ž, after the caseless ĸ and ŉ, on an odd one.
        '\u{100}'..='\u{137}' | '\u{14A}'..='\u{177}' if u32::from(c) % 2 == 0 => next(1),
        '\u{139}'..='\u{148}' | '\u{179}'..='\u{17E}' if u32::from(c) % 2 == 1 => next(1),
        _ => c,
    }
}

/// Folds one character: lower case, with the accent stripped, for Latin
/// letters ([`lower_latin`]); other scripts are left as they are.
///
/// Hand-written rather than `unicode-normalization` (NFD + strip marks): that
/// crate's tables cost tens of kilobytes of wasm, and the story's names and
/// a reader's queries only need Latin accents.
pub fn fold_char(c: char) -> char {
    match lower_latin(c) {
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
///
/// A term matches a text, both folded, as a substring, so `invest` finds
/// "invests", with two rules on top:
/// - **Phrases:** each space of a phrase matches any run of whitespace (a
///   line break, two spaces, a no-break space) and nothing else, so
///   `first refusal` finds "first\nrefusal" but not "first-refusal".
/// - **Numbers:** a number, a run of digits with single `.` or `,` between
///   two digits ("1,500", "2.5"), matches only a whole number of the text.
///   So `10` finds "10", "$10B", "10 billion" and "10, then" but not "100",
///   "2010", "2.10", "10.5" or "1,100"; `$10` finds "$10B" and "$10
///   billion" but not "$100B" or "$10,000"; `27%` does not find "127%";
///   `o1` finds "o1-preview" but not "o10". Numbers match as written:
///   `1,500` does not find "1500", nor `1.5` "1.50".
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

/// Put before each number in a text's [search form](search_form).
const NUMBER_START: char = '\u{2}';

/// Put after each number in a text's search form.
const NUMBER_END: char = '\u{3}';

/// Folds `text` and marks each number in it, giving `out` each character
/// of the result with the position of the character of `text` it folds
/// (`None` for a mark).
///
/// Marking both ends of every number, in the texts and in the terms alike,
/// makes a plain substring search match numbers whole: `10` becomes
/// `⟨10⟩`, which `⟨100⟩b` does not contain. Done once per text when the
/// search index is built, so a number costs a keystroke no more than a
/// word does.
fn search_chars(text: &str, mut out: impl FnMut(char, Option<usize>)) {
    let chars: Vec<char> = text.chars().map(fold_char).collect();
    let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
    let mut in_number = false;
    for (k, &c) in chars.iter().enumerate() {
        if !in_number && c.is_ascii_digit() {
            out(NUMBER_START, None);
            in_number = true;
        }
        out(c, Some(k));
        // A number runs on through a digit, or a separator between digits.
        let runs_on = digit(k + 1) || (matches!(chars.get(k + 1), Some('.' | ',')) && digit(k + 2));
        if in_number && !runs_on {
            out(NUMBER_END, None);
            in_number = false;
        }
    }
}

/// `text` as the search compares it: [folded](fold), with its numbers
/// marked. Terms and the texts they are looked for in must both be in this
/// form.
pub(crate) fn search_form(text: &str) -> String {
    let mut form = String::with_capacity(text.len() + 8);
    search_chars(text, |c, _| form.push(c));
    form
}

/// Where `term` occurs in `text`, both in [search form](search_form): byte
/// ranges, left to right, not overlapping. A substring match, except that
/// each space of a phrase matches any run of whitespace.
fn occurrences<'a>(text: &'a str, term: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    let first = term.split_whitespace().next().unwrap_or("");
    let phrase = term.contains(char::is_whitespace);
    let mut from = 0;
    std::iter::from_fn(move || {
        if first.is_empty() {
            return None;
        }
        while let Some(found) = text.get(from..).and_then(|rest| rest.find(first)) {
            let start = from + found;
            if !phrase {
                from = start + first.len();
                return Some(start..from);
            }
            // The next try starts one character on, so "a a b" finds "a b".
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
            if let Some(end) = phrase_end(text, start + first.len(), term.split_whitespace().skip(1)) {
                from = end;
                return Some(start..end);
            }
        }
        None
    })
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

/// A term (one of [`terms`]) made ready to be looked for in many texts in
/// [search form](search_form), as the search does in every event's text
/// on every keystroke.
pub(crate) struct Needle {
    /// The term in search form.
    form: String,
    /// For a phrase, how long its first word is; `None` for one word.
    phrase: Option<usize>,
}

impl Needle {
    pub(crate) fn new(term: &str) -> Needle {
        let form = search_form(term);
        Needle {
            phrase: form.find(char::is_whitespace),
            form,
        }
    }

    /// Whether the term occurs in `text`, which is in search form.
    pub(crate) fn occurs(&self, text: &str) -> bool {
        match self.phrase {
            None => contains(text, &self.form),
            // Most texts hold not even the first word.
            Some(first) => contains(text, &self.form[..first]) && occurrences(text, &self.form).next().is_some(),
        }
    }
}

/// Whether `needle` occurs in `haystack`, as `str::contains` answers, and
/// faster for the short needles a search box gets. `str::contains` sets up
/// a two-way searcher on every call, and on wasm32 has no vectorised path:
/// at 10,000 events a keystroke searches 10,000 texts, and the set-up cost
/// more than the search (a third of the keystroke's script, in Chromium's
/// profile). Finding the first byte and comparing the rest is as correct
/// on UTF-8, where no character's bytes start inside another's; a long
/// needle keeps the two-way searcher and its linear worst case.
fn contains(haystack: &str, needle: &str) -> bool {
    const SHORT: usize = 16;
    if needle.len() > SHORT {
        return haystack.contains(needle);
    }
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    haystack
        .iter()
        .enumerate()
        .any(|(at, &byte)| byte == first && haystack[at + 1..].starts_with(rest))
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
        // The search form has marks the text lacks, and a folded character
        // may differ in length from its original ("É" is two bytes, "e"
        // one), so each of its characters notes where it starts and which
        // character of the text it stands for.
        let mut form = String::with_capacity(text.len() + 8);
        let mut origin: Vec<(usize, Option<usize>)> = Vec::with_capacity(chars + 8);
        search_chars(text, |c, k| {
            origin.push((form.len(), k));
            form.push(c);
        });
        for term in terms {
            for found in occurrences(&form, &search_form(term)) {
                let from = origin.partition_point(|&(b, _)| b < found.start);
                let to = origin.partition_point(|&(b, _)| b < found.end);
                let mut chars = origin[from..to].iter().filter_map(|&(_, k)| k);
                let Some(start) = chars.next() else {
                    continue;
                };
                let end = chars.next_back().unwrap_or(start) + 1;
                marked.hit[start..end].iter_mut().for_each(|h| *h = true);
                if marked.first.as_ref().is_none_or(|f| start < f.start) {
                    marked.first = Some(start..end);
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

/// Cuts `text` into pieces, marking every occurrence of any term as the
/// search finds it (see [`terms`]): phrases whole, numbers only where they
/// are whole numbers. The pieces put together are `text`.
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
    fn contains_answers_as_str_contains() {
        let texts = [
            "",
            "a",
            "chip",
            "chips and chipmakers",
            "aab",
            "ménage à trois",
            "中文 chip",
            "$100b $10b",
        ];
        let needles = [
            "",
            "a",
            "ab",
            "aab",
            "chip",
            "chipm",
            "hip ",
            "à",
            "à t",
            "中",
            "文 c",
            "$10b",
            "x",
            "chips and chipmakers!",
            "ps and chipmakers",
        ];
        for text in texts {
            for needle in needles {
                assert_eq!(contains(text, needle), text.contains(needle), "{needle:?} in {text:?}");
            }
        }
    }

    proptest::proptest! {
        /// Short needles take the new path, long ones the old: both agree
        /// with `str::contains`, on texts of one- to three-byte characters.
        #[test]
        fn contains_agrees_with_str_contains(text in "[ab à中]{0,40}", needle in "[ab à中]{0,12}") {
            proptest::prop_assert_eq!(contains(&text, &needle), text.contains(needle.as_str()));
        }
    }

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
