//! The link-preview tags in the page's head.

#[test]
fn link_previews_name_the_app_and_add_the_image_only_where_the_address_is_known() {
    let bare = pactline::preview::social_meta(None);
    assert!(
        bare.contains(
            "<meta property=\"og:title\" content=\"Pactline — how the Microsoft–OpenAI partnership changed\">"
        )
    );
    assert!(bare.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    assert!(!bare.contains("og:image") && !bare.contains("og:url"));
    let deployed = pactline::preview::social_meta(Some("https://example.org/pactline"));
    assert!(
        deployed.contains("<meta property=\"og:image\" content=\"https://example.org/pactline/icons/icon-512.png\">")
    );
    assert!(deployed.contains("<meta property=\"og:url\" content=\"https://example.org/pactline/\">"));
    // Only a web address can be a preview's address.
    assert!(!pactline::preview::social_meta(Some("javascript:alert(1)")).contains("og:url"));
}
