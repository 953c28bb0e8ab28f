//! A scanner for the HTML that Trunk writes (minified or not), shared by
//! the build helpers in `examples/`: the single-file packer and the
//! Content-Security-Policy hook. It finds start tags and the text of
//! `<script>` and `<style>` elements; it is not a full HTML parser.

/// A start tag found in the HTML: `start..end` covers the tag and, for
/// `<script>` and `<style>`, its contents and end tag (kept in `body`).
pub struct Tag {
    /// The element's name, lower case.
    pub name: String,
    /// Its attributes in order, names lower case, `&amp;` in values decoded.
    pub attrs: Vec<(String, String)>,
    /// A `<script>`'s or `<style>`'s text, exactly as in the file.
    pub body: String,
    /// Where the tag starts in the HTML scanned.
    pub start: usize,
    /// Where the tag (and any body and end tag) ends.
    pub end: usize,
}

impl Tag {
    /// The value of attribute `name`, if the tag has it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// The next start tag of any kind, skipping comments, end tags and doctype.
/// Enough for the HTML Trunk writes (minified or not), not a full parser.
pub fn next_tag_any(html: &str) -> Option<Tag> {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<') {
        let start = i + lt;
        if html[start..].starts_with("<!--") {
            i = start + html[start..].find("-->").map_or(html.len() - start, |e| e + 3);
            continue;
        }
        if !bytes.get(start + 1).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1;
            continue;
        }
        let mut j = start + 1;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'-') {
            j += 1;
        }
        let name = html[start + 1..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() {
                return None;
            }
            if bytes[j] == b'>' {
                j += 1;
                break;
            }
            let k = j;
            while j < bytes.len() && !bytes[j].is_ascii_whitespace() && !b"=>/".contains(&bytes[j]) {
                j += 1;
            }
            let key = html[k..j].to_ascii_lowercase();
            let mut value = String::new();
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                match bytes.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = j + 1 + html[j + 1..].find(q as char)?;
                        value = html[j + 1..end].to_owned();
                        j = end + 1;
                    }
                    _ => {
                        let v = j;
                        while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                            j += 1;
                        }
                        value = html[v..j].to_owned();
                    }
                }
            }
            attrs.push((key, value.replace("&amp;", "&")));
        }
        let mut body = String::new();
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            let len = html[j..].to_ascii_lowercase().find(&close)?;
            body = html[j..j + len].to_owned();
            j += len + html[j + len..].find('>')? + 1;
        }
        return Some(Tag {
            name,
            attrs,
            body,
            start,
            end: j,
        });
    }
    None
}
