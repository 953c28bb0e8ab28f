//! Who and what the dataset cites: source documents and public reports,
//! the parties that act in the story, and the topics events are filed under.

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    VideoSummary,
    BlogPost,
    PodcastDigest,
    NewsPost,
    AnalysisArticle,
    /// A public news report or company announcement, added to check the
    /// five documents' headline claims.
    NewsReport,
}

impl SourceKind {
    /// How the kind reads in the interface.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::VideoSummary => "Video summary",
            SourceKind::BlogPost => "Blog post",
            SourceKind::PodcastDigest => "Podcast insights digest",
            SourceKind::NewsPost => "News post",
            SourceKind::AnalysisArticle => "Analysis article",
            SourceKind::NewsReport => "Public report",
        }
    }
}

/// One source document.
#[derive(Debug)]
pub struct Source {
    /// Stable slug, used in URLs (`source=`).
    pub id: &'static str,
    /// The title as the document gives it.
    pub title: &'static str,
    /// The document's file name under `shared/sources/`; none for a public
    /// report, which is cited by its address.
    pub file: Option<&'static str>,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// The author, where the document names one.
    pub author: Option<&'static str>,
    /// The publisher, where the document names one.
    pub publisher: Option<&'static str>,
    /// An address the document names for itself or for what it reports.
    pub url: Option<&'static str>,
    /// The date as far as it is known: `undated`, `2026`, `2026-03`, …
    pub date: &'static str,
    /// What the text implies about its date.
    pub date_note: &'static str,
    /// How far to trust it, and why.
    pub reliability: &'static str,
    /// A public report from a site that republishes others' reporting.
    pub aggregator: bool,
}

/// A company, institution or government that acts in the story.
#[derive(Debug)]
pub struct Party {
    /// Stable slug, used in URLs (`party=`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Other names a reader may search for (e.g. "AWS").
    pub aliases: &'static [&'static str],
}

/// A theme events are filed under.
#[derive(Debug)]
pub struct Topic {
    /// Stable slug, used in URLs (`topic=`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
}
