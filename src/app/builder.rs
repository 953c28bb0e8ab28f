//! The Embed and Cite dialogs' contents: an embed builder (what to show,
//! theme, height, a live preview at a chosen width, three snippets) and
//! citations of the view, the expanded event or the selected clause, in
//! text and BibTeX.

use super::share::CopyField;
use super::{AppState, hooks};
use crate::cite::{self, Target};
use crate::embed::{self, Options};
use crate::share;
use crate::state::{Preset, Theme, View, ViewState};
use leptos::prelude::*;

/// Today as `YYYY-MM-DD`, for "accessed" dates.
fn today_iso() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// The widths a blogger can preview at: a phone, a blog's column, a wide page.
const WIDTHS: [(&str, u32); 3] = [("Phone", 360), ("Column", 640), ("Wide", 1000)];

/// The presets the current view offers: a stretch of the timeline and the
/// scoreboard always; one event, one clause or one conflict when the view
/// names one (an expanded event, a selected clause) or has some.
fn offered(data: &crate::model::Dataset, state: &ViewState) -> Vec<Preset> {
    Preset::ALL
        .into_iter()
        .filter(|p| match p {
            Preset::Event => state.timeline.event.is_some(),
            Preset::Clause => state.comparison.clause.is_some(),
            Preset::Conflict => !data.conflicts.is_empty(),
            Preset::Range | Preset::Scoreboard => true,
        })
        .collect()
}

/// Builds an embed: what it shows, its theme and height, a live preview,
/// and the three snippets to paste. From a file on disk nothing can be
/// embedded, so it says so and offers the link text only.
#[component]
pub fn EmbedBuilder(app: AppState) -> impl IntoView {
    let data = app.data;
    let href = hooks::location_href();
    let base = app.view.get_untracked().without_extra();
    let presets = offered(data, &base);
    let preset = RwSignal::new(base.preset.filter(|p| presets.contains(p)));
    let conflict = RwSignal::new(
        base.conflict
            .clone()
            .or_else(|| data.conflicts.first().map(|c| c.id.to_string())),
    );
    let theme = RwSignal::new(base.theme);
    let height = RwSignal::new(None::<u32>);
    let width = RwSignal::new(640u32);
    let chosen = Memo::new(move |_| {
        let mut s = ViewState {
            embed: false,
            ..base.clone()
        };
        s.preset = preset.get();
        if let Some(p) = s.preset {
            s.view = p.view();
        }
        if s.preset == Some(Preset::Conflict) {
            s.conflict = conflict.get();
        }
        s
    });
    let page = href.clone();
    let snippets = Memo::new(move |_| {
        let options = Options {
            theme: theme.get(),
            height: height.get(),
        };
        embed::snippets(data, &page, &chosen.get(), options)
    });
    let preview = {
        let page = share::page_url(&href).to_string();
        move || {
            let s = ViewState {
                embed: true,
                theme: theme.get(),
                ..chosen.get()
            };
            format!("{page}{}", s.to_query())
        }
    };
    let local = hooks::opened_from_file();
    let what = presets
        .into_iter()
        .map(|p| {
            view! {
                <label>
                    <input
                        type="radio"
                        name="embed-preset"
                        data-testid=format!("embed-preset-{}", p.id())
                        prop:checked=move || preset.get() == Some(p)
                        on:change=move |_| preset.set(Some(p))
                    />
                    {p.label()}
                </label>
            }
        })
        .collect_view();
    let conflicts = data
        .conflicts
        .iter()
        .map(|c| view! { <option value=c.id selected=conflict.get_untracked().as_deref() == Some(c.id)>{c.title}</option> })
        .collect_view();
    let themes = [(None, "Follow the reader"), (Some(Theme::Light), "Light"), (Some(Theme::Dark), "Dark")]
        .into_iter()
        .map(|(t, label)| {
            view! {
                <label>
                    <input type="radio" name="embed-theme" prop:checked=move || theme.get() == t on:change=move |_| theme.set(t) />
                    {label}
                </label>
            }
        })
        .collect_view();
    let widths = WIDTHS
        .into_iter()
        .map(|(label, w)| {
            view! {
                <label>
                    <input
                        type="radio"
                        name="embed-width"
                        data-testid=format!("embed-width-{w}")
                        prop:checked=move || width.get() == w
                        on:change=move |_| width.set(w)
                    />
                    {format!("{label} ({w} px)")}
                </label>
            }
        })
        .collect_view();
    view! {
        <h2 id="share-title">"Embed in a post"</h2>
        {if local {
            view! {
                <p class="note" data-testid="embed-local">
                    "This copy of Pactline was opened from a file. Embedding needs Pactline on a web server (publish the "
                    <code>"dist/"</code>
                    " folder); until then, here is a link text to paste."
                </p>
                <CopyField label="Link with a one-line summary" text=Signal::derive(move || snippets.get().link) testid="embed-link-snippet" />
            }
            .into_any()
        } else {
            view! {
                <div class="builder" data-testid="embed-builder">
                    <fieldset>
                        <legend>"Show"</legend>
                        <label>
                            <input
                                type="radio"
                                name="embed-preset"
                                data-testid="embed-preset-view"
                                prop:checked=move || preset.get().is_none()
                                on:change=move |_| preset.set(None)
                            />
                            "This whole view, with its controls"
                        </label>
                        {what}
                        <label class="builder-conflict" class:hidden=move || preset.get() != Some(Preset::Conflict)>
                            "Which conflict "
                            <select data-testid="embed-conflict" on:change=move |ev| conflict.set(Some(event_target_value(&ev)))>
                                {conflicts}
                            </select>
                        </label>
                    </fieldset>
                    <fieldset>
                        <legend>"Theme"</legend>
                        {themes}
                    </fieldset>
                    <fieldset>
                        <legend>"Height"</legend>
                        <label>
                            <input type="radio" name="embed-height" prop:checked=move || height.get().is_none() on:change=move |_| height.set(None) />
                            "Fit the content (up to 1,200 px for a part of a view)"
                        </label>
                        <label>
                            <input
                                type="radio"
                                name="embed-height"
                                prop:checked=move || height.get().is_some()
                                on:change=move |_| height.set(Some(embed::fixed_height(&chosen.get_untracked())))
                            />
                            "Fixed: "
                            <input
                                type="number"
                                min="200"
                                max="3000"
                                step="20"
                                aria-label="Fixed height in pixels"
                                prop:value=move || height.get().map(|h| h.to_string()).unwrap_or_default()
                                disabled=move || height.get().is_none()
                                on:change=move |ev| {
                                    if let Ok(h) = event_target_value(&ev).parse::<u32>() {
                                        height.set(Some(h.clamp(200, 3000)));
                                    }
                                }
                            />
                            " px"
                        </label>
                    </fieldset>
                    <fieldset>
                        <legend>"Preview width"</legend>
                        {widths}
                    </fieldset>
                    <div class="builder-preview">
                        <iframe
                            data-testid="embed-preview"
                            title="Preview of the embed"
                            src=preview
                            width=move || width.get().to_string()
                            height=move || height.get().unwrap_or(480).to_string()
                        ></iframe>
                    </div>
                    <CopyField
                        label="Script embed (fits its content; shows a readable fallback where scripts are off)"
                        text=Signal::derive(move || snippets.get().script)
                        testid="embed-script-snippet"
                    />
                    <CopyField
                        label="Plain iframe (no script needed)"
                        text=Signal::derive(move || snippets.get().iframe)
                        testid="embed-iframe-snippet"
                    />
                    <CopyField
                        label="Link with a one-line summary (newsletters and feed readers)"
                        text=Signal::derive(move || snippets.get().link)
                        testid="embed-link-snippet"
                    />
                </div>
            }
            .into_any()
        }}
    }
}

/// Cites the view, the expanded event or the selected clause, in text and
/// BibTeX, with the dataset version, today's date and the sources.
#[component]
pub fn CitePanel(app: AppState) -> impl IntoView {
    let data = app.data;
    let href = hooks::location_href();
    let state = app.view.get_untracked();
    let accessed = today_iso();
    let event = state.timeline.event.clone().filter(|_| state.view == View::Timeline);
    let clause = state.comparison.clause.clone().filter(|_| state.view == View::Clauses);
    let version = state.comparison.versions(data).map(|(_, b)| b.to_string());
    let mut targets: Vec<(&'static str, String)> = vec![("view", "This view".to_string())];
    if let Some(e) = event.as_deref().and_then(|id| data.event(id)) {
        targets.push(("event", format!("The event: {}", e.title)));
    }
    if let (Some(c), Some(v)) = (clause.as_deref().and_then(|id| data.clause(id)), &version) {
        targets.push(("clause", format!("The clause: {} ({v} terms)", c.name)));
    }
    let target = RwSignal::new(targets.last().map_or("view", |t| t.0));
    let citation = Memo::new(move |_| {
        let t = match target.get() {
            "event" => event.as_deref().map_or(Target::View, Target::Event),
            "clause" => match (clause.as_deref(), version.as_deref()) {
                (Some(c), Some(v)) => Target::Clause(c, v),
                _ => Target::View,
            },
            _ => Target::View,
        };
        cite::cite(data, &href, &state, t, &accessed)
    });
    let choices = targets
        .into_iter()
        .map(|(id, label)| {
            view! {
                <label>
                    <input
                        type="radio"
                        name="cite-target"
                        data-testid=format!("cite-{id}")
                        prop:checked=move || target.get() == id
                        on:change=move |_| target.set(id)
                    />
                    {label}
                </label>
            }
        })
        .collect_view();
    view! {
        <h2 id="share-title">"Cite"</h2>
        <fieldset>
            <legend>"What to cite"</legend>
            {choices}
        </fieldset>
        <CopyField label="Citation" text=Signal::derive(move || citation.get().text) testid="citation" />
        <CopyField label="BibTeX" text=Signal::derive(move || citation.get().bibtex) testid="citation-bibtex" />
    }
}
