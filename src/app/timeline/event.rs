//! One event: its row in the list or the table, the button that expands
//! it, and what it shows expanded (summary, figures and what public reports
//! say of them, sources, conflicts, the clause changes it caused).

use super::super::checks::{CheckList, CorroborationBadge, shows_badge};
use super::super::widgets::{CertaintyBadge, ConflictClaims, Highlighted, Link, SourceCite, SourceList};
use crate::app::{hooks, use_app};
use crate::chronology;
use crate::model::{ClaimRef, Event, EventDate, EventKind, ResolutionStatus};
use crate::share;
use crate::state::View;
use crate::text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// An event's date: a `<time>` a machine can read, or plain "Undated".
#[component]
fn DateOf(event: &'static Event) -> impl IntoView {
    match event.date.date() {
        Some(d) => view! { <time class="event-date" datetime=chronology::datetime(d)>{event.date.to_string()}</time> }
            .into_any(),
        None => view! { <span class="event-date">{event.date.to_string()}</span> }.into_any(),
    }
}

/// One event as a table row, with its details in a row below when expanded.
#[component]
pub fn EventTableRow(event: &'static Event, terms: Memo<Vec<String>>, today: u32) -> impl IntoView {
    let id = event.id;
    let expanded = expansion(id);
    let body_id = format!("event-body-{id}");
    let future = chronology::is_future(event, today);
    let parties = party_names(event);
    view! {
        <tr
            class="event-row"
            id=format!("event-{id}")
            data-testid="event"
            data-event-id=id
            class:future=future
            class:expanded=expanded
        >
            <td>
                <DateOf event />
            </td>
            <th scope="row">
                <EventToggle id expanded body_id=body_id.clone()>
                    <Highlighted text=event.title terms />
                </EventToggle>
            </th>
            <td>
                <CertaintyBadge certainty=event.certainty />
            </td>
            <td>{parties}</td>
            <td>{key_figure(event)}</td>
            // Who says it, by kind of source: the titles, in full in the
            // expanded row, would squeeze the event column.
            <td class="event-byline">{use_app().data.byline(event)}</td>
        </tr>
        <Show when=move || expanded.get()>
            <tr class="event-details-row">
                <td colspan="6">
                    <EventDetails event terms body_id=body_id.clone() />
                </td>
            </tr>
        </Show>
    }
}

/// The names of an event's parties, comma-separated.
fn party_names(event: &Event) -> String {
    let data = use_app().data;
    event
        .parties
        .iter()
        .filter_map(|p| data.party(p))
        .map(|p| p.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the event with this id is the expanded one.
fn expansion(id: &'static str) -> Memo<bool> {
    let app = use_app();
    Memo::new(move |_| app.timeline.with(|t| t.event.as_deref() == Some(id)))
}

/// The button that expands or collapses an event in place (one expanded
/// event at a time, kept in `event=`).
#[component]
fn EventToggle(id: &'static str, expanded: Memo<bool>, body_id: String, children: Children) -> impl IntoView {
    let app = use_app();
    view! {
        <button
            type="button"
            class="event-toggle"
            aria-expanded=move || expanded.get().to_string()
            aria-controls=body_id
            on:click=move |_| {
                app.edit(|s| s.timeline.toggle_event(id));
            }
        >
            {children()}
        </button>
    }
}

/// The event's key figure with what public reports say of it, so no figure
/// a report contradicts is ever shown without saying so.
fn key_figure(event: &'static Event) -> Option<impl IntoView + use<>> {
    event.figures.first().map(|f| {
        let claim = ClaimRef::Figure(event.id, 0);
        view! {
            <span class="key-figure" title=f.label>
                {f.display}
            </span>
            {shows_badge(claim).then(|| view! { " " <CorroborationBadge claim /> })}
        }
    })
}

/// One event: a heading that expands it in place; its kind, certainty and
/// byline; whether sources dispute it; and, while searching, why it matched.
#[component]
pub fn EventRow(index: usize, terms: Memo<Vec<String>>, today: u32) -> impl IntoView {
    let app = use_app();
    let event = &app.data.events[index];
    let id = event.id;
    let expanded = expansion(id);
    let body_id = format!("event-body-{id}");
    let key_figure = key_figure(event);
    let resolution = event.resolution.as_ref().map(
        |r| view! { <span class=format!("badge resolution resolution-{}", r.status.id())>{r.status.label()}</span> },
    );
    let parties = party_names(event);
    let topics = event
        .topics
        .iter()
        .filter_map(|t| app.data.topic(t))
        .map(|t| view! { <span class="tag">{t.name}</span> })
        .collect_view();
    let future = chronology::is_future(event, today);
    let commentary = event.kind == EventKind::Commentary;
    view! {
        <article
            class="event"
            id=format!("event-{id}")
            data-testid="event"
            data-event-id=id
            data-kind=event.kind.id()
            class:key=event.key
            class:commentary=commentary
            class:expanded=expanded
            class:future=future
        >
                <h4 class="event-heading">
                    <EventToggle id expanded body_id=body_id.clone()>
                        <DateOf event />
                        <span class="event-title">
                            <Highlighted text=event.title terms />
                        </span>
                    </EventToggle>
                </h4>
                <p class="event-meta">
                    {event.key.then(|| view! { <span class="badge key-badge">"★ Key event"</span> })}
                    <CertaintyBadge certainty=event.certainty />
                    <DisputedBadge event />
                    {resolution}
                    {key_figure}
                    <span class="parties">{parties}</span>
                    {topics}
                </p>
                <p class="byline" data-testid="byline">
                    <span class="kind">{event.kind.label()}</span>
                    " · "
                    {app.data.byline(event)}
                </p>
                <SearchReason index terms expanded />
                <Show when=move || expanded.get()>
                    <EventDetails event terms body_id=body_id.clone() />
                </Show>
        </article>
    }
}

/// A badge on a disputed event, collapsed or not, that opens the event at
/// the sources' disagreement.
#[component]
fn DisputedBadge(event: &'static Event) -> impl IntoView {
    let data = use_app().data;
    let count = data.conflicts_of_event(event.id).count();
    let id = event.id;
    (count > 0).then(|| {
        view! {
            <Link
                to=move |s| s.timeline.event = Some(id.to_string())
                class="badge disputed"
                testid="disputed-badge"
                anchor=format!("conflicts-{id}")
            >
                {if count == 1 { "⚠ Disputed".to_string() } else { format!("⚠ Disputed ({count})") }}
            </Link>
        }
    })
}

/// While searching, what a collapsed card shows of why the event matched:
/// the summary's matching words in context, or the party or topic name it
/// matched through.
#[component]
fn SearchReason(index: usize, terms: Memo<Vec<String>>, expanded: Memo<bool>) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let summary = data.events[index].summary;
    let reason = Memo::new(move |_| {
        terms.with(|terms| {
            if terms.is_empty() {
                return None;
            }
            let why = app.index.why(data, index, terms)?;
            let via = why.via.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            let snippet = text::snippet(summary, terms, SNIPPET_CHARS)
                .map(|segments| segments.into_iter().map(|seg| (seg.text, seg.hit)).collect::<Vec<_>>());
            Some((via, snippet))
        })
    });
    move || {
        let (via, snippet) = reason.get()?;
        let snippet = snippet.filter(|_| !expanded.get()).map(|segments| {
            view! {
                <p class="snippet" data-testid="snippet">
                    {segments
                        .into_iter()
                        .map(|(text, hit)| if hit { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() })
                        .collect_view()}
                </p>
            }
        });
        let via =
            (!via.is_empty()).then(|| view! { <p class="matched-via" data-testid="matched-via">"Matched: " {via}</p> });
        Some(view! { {via} {snippet} })
    }
}

/// How much of the summary a collapsed card shows around a match.
const SNIPPET_CHARS: usize = 160;

/// The expanded part of an event: summary, figures, sources, conflicts and
/// the clause changes it caused.
#[component]
fn EventDetails(event: &'static Event, terms: Memo<Vec<String>>, body_id: String) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let figures = (!event.figures.is_empty()).then(|| {
        view! {
            <div class="detail">
                <h5>"Figures"</h5>
                <ul class="figures">
                    {event
                        .figures
                        .iter()
                        .enumerate()
                        .map(|(i, f)| {
                            let claim = ClaimRef::Figure(event.id, i);
                            view! {
                                <li>
                                    <strong>{f.display}</strong>
                                    " — "
                                    {f.label}
                                    {shows_badge(claim).then(|| view! { " " <CorroborationBadge claim /> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    let conflicts: Vec<_> = data.conflicts_of_event(event.id).collect();
    let conflicts = (!conflicts.is_empty()).then(|| {
        view! {
            <div class="detail conflicts" id=format!("conflicts-{}", event.id) tabindex="-1">
                <h5>"Sources disagree"</h5>
                {conflicts
                    .into_iter()
                    .map(|c| {
                        view! {
                            <div class="conflict">
                                <p><strong>{c.title}</strong> " " {c.summary}</p>
                                <ConflictClaims conflict=c />
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        }
    });
    let clause_links = (!event.clause_changes.is_empty()).then(|| {
        view! {
            <div class="detail">
                <h5>"Clause changes it caused"</h5>
                <ul>
                    {event
                        .clause_changes
                        .iter()
                        .filter_map(|c| {
                            let clause = data.clause(c.clause)?;
                            let set = c.version;
                            // Compare the version it set with the one before;
                            // the first version, with the latest.
                            let (a, b) = match data.version_index(set).and_then(|i| i.checked_sub(1)) {
                                Some(prev) => (Some(data.versions[prev].id), Some(set)),
                                None => (Some(set), None),
                            };
                            let cid = clause.id;
                            Some(view! {
                                <li>
                                    <Link
                                        to=move |s| {
                                            s.view = View::Clauses;
                                            s.comparison.clause = Some(cid.to_string());
                                            s.comparison.a = a.map(str::to_string);
                                            s.comparison.b = b.map(str::to_string);
                                        }
                                        class="clause-link"
                                        testid="event-clause-link"
                                        anchor=format!("clause-{cid}")
                                    >
                                        {format!("{} — {} terms", clause.name, set)}
                                    </Link>
                                </li>
                            })
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    let resolves = event.resolves_by.map(|d: EventDate| {
        view! { <p class="resolves">"Prediction; resolves by " {d.to_string()} "."</p> }
    });
    let resolution = event.resolution.as_ref().map(|r| {
        let status = match r.status {
            ResolutionStatus::Unresolved => format!("Unresolved as of {}: ", r.as_of),
            _ => format!("{} (checked {}): ", r.status.label(), r.as_of),
        };
        view! {
            <p class="resolution" data-testid="resolution">
                <strong>{status}</strong>
                {r.text}
                {(!r.sources.is_empty()).then(|| view! { " — " <SourceList ids=r.sources.to_vec() /> })}
            </p>
        }
    });
    let note = event.date.note().map(|n| {
        let lead = if event.date.date().is_some() {
            "Date: "
        } else {
            "Why undated: "
        };
        view! { <p class="date-note">{lead} {n}</p> }
    });
    let figure_claims = (0..event.figures.len()).map(|i| ClaimRef::Figure(event.id, i));
    let checked: Vec<ClaimRef> = std::iter::once(ClaimRef::Event(event.id))
        .chain(figure_claims)
        .collect();
    view! {
        <div class="event-body" id=body_id>
            <p class="summary">
                <Highlighted text=event.summary terms />
            </p>
            {resolves}
            {resolution}
            {note}
            {figures}
            <CheckList claims=checked label=figure_label level=5 />
            <div class="detail">
                <h5>"Sources"</h5>
                <ul class="sources">
                    {event.sources.iter().map(|s| view! { <li><SourceCite id=s /></li> }).collect_view()}
                </ul>
            </div>
            {conflicts}
            {clause_links}
            {share::corrections_address().map(|address| {
                let query = app.href(|s| s.timeline.event = Some(event.id.to_string()));
                let link = move |about: &str| share::error_report_link(address, data.version, Some(about));
                view! {
                    <p class="report-error">
                        <a
                            href=link(&query)
                            on:click=move |ev| {
                                // The page's full address is the browser's to
                                // tell, so it goes in as the link is followed.
                                let about = format!("{}{query}", share::page_url(&hooks::location_href()));
                                if let Some(a) = ev
                                    .current_target()
                                    .and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok())
                                {
                                    a.set_href(&link(&about));
                                }
                            }
                        >
                            "Report an error in this event"
                        </a>
                    </p>
                }
            })}
        </div>
    }
}

/// Names a checked claim of an event in its list of checks: the figure, or
/// the event as a whole.
fn figure_label(claim: ClaimRef) -> Option<String> {
    let data = use_app().data;
    match claim {
        ClaimRef::Figure(id, i) => data
            .event(id)
            .and_then(|e| e.figures.get(i))
            .map(|f| f.display.to_string()),
        _ => Some("what happened and when".to_string()),
    }
}
