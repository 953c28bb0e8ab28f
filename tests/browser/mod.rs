//! The browser scenarios, one module per area of the app, and the list the
//! runner executes.
//!
//! To add a scenario: write `pub async fn name(page: &Page) -> Result<(), String>`
//! in the module for its view (create `tests/browser/<view>.rs` and declare it
//! below if it is new), then add `scenario!(module::name)` to [`all`]. It runs
//! on every engine in `PACTLINE_BROWSERS`, on a clean page (a new session, or
//! the previous scenario's after a reset: one window, no service workers,
//! caches or storage, the standard window size), and is followed by the
//! harness's own checks (no off-origin requests, no page errors).

mod a11y;
mod appearance;
mod checks;
mod clauses;
mod downloads;
mod embed;
mod fallbacks;
mod faults;
mod first_screen;
mod harness;
mod hostile;
mod html_validity;
mod keyboard;
mod offline;
mod presets;
mod responsive;
mod share_dialog;
mod shell;
mod sources;
mod timeline;

use std::future::Future;
use std::pin::Pin;

use crate::support::engines::Engine;
use crate::support::page::Page;

/// What a running scenario is: a future borrowing its page.
pub type ScenarioFuture<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + 'a>>;

/// A named scenario.
pub struct Scenario {
    /// `module::function`, as printed and as matched by the filter.
    pub name: &'static str,
    /// Starts the scenario on a page.
    pub run: for<'a> fn(&'a Page) -> ScenarioFuture<'a>,
    /// Engines that do not run the scenario, with the reason: their
    /// WebDriver cannot do what it needs, or another engine's run stands
    /// for theirs. The runner reports these as skipped, never as passed.
    pub unsupported: &'static [(Engine, &'static str)],
}

/// Turns `module::async_fn` into a [`Scenario`] named after it.
macro_rules! scenario {
    ($module:ident :: $function:ident $(, unsupported: $($unsupported:expr),+)?) => {{
        fn run(page: &Page) -> ScenarioFuture<'_> {
            Box::pin($module::$function(page))
        }
        Scenario {
            name: concat!(stringify!($module), "::", stringify!($function)),
            run,
            unsupported: &[$($($unsupported),+)?],
        }
    }};
}

/// Why WebKit cannot run the print scenarios.
const NO_PRINT: (Engine, &str) = (
    Engine::Webkit,
    "WebKitWebDriver 2.50 has no WebDriver Print command (\"Unknown command: /session/{id}/print\")",
);

/// Why WebKit cannot run the forced-colours scenario.
const NO_FORCED_COLORS: (Engine, &str) = (
    Engine::Webkit,
    "WebKit has no forced-colours mode: forced-colors never matches there, so there is nothing to check",
);

/// Why WebKit cannot run the touch-screen scenario.
const NO_TOUCH: (Engine, &str) = (
    Engine::Webkit,
    "WebKitGTK reports a coarse pointer only with a touch screen plugged in, and MiniBrowser has no switch to pretend one",
);

/// Why Firefox and WebKit do not run the HTML check: the markup is built by
/// the same wasm on every engine, so one engine's stands for all. The three
/// engines' serialised documents were compared when the check was written
/// (`test-artifacts/html/`): the same, but for the server's port in the
/// print header's URL and, where the page had scrolled to an expanded
/// event, how many pages of events infinite scroll had added.
const SAME_MARKUP: &str = "checked on Chromium only: every engine renders the same markup (the wasm builds it)";

/// Every scenario, in the order they run.
pub fn all() -> Vec<Scenario> {
    vec![
        scenario!(shell::renders_under_sub_path),
        scenario!(shell::views_reachable_by_url),
        scenario!(shell::views_reachable_by_clicking),
        scenario!(shell::back_and_forward_restore_views),
        scenario!(shell::assets_served_from_sub_path),
        scenario!(shell::stays_on_loopback_without_errors),
        scenario!(timeline::deep_link_shows_exactly_the_matching_events),
        scenario!(timeline::typing_a_search_narrows_in_place_without_history),
        scenario!(timeline::back_and_forward_restore_view_and_filters),
        scenario!(timeline::expanded_event_links_to_its_clause_and_back),
        scenario!(timeline::facet_counts_match_the_filter),
        scenario!(timeline::ignored_url_values_are_named_and_dismissable),
        scenario!(timeline::empty_results_offer_to_remove_each_filter),
        scenario!(timeline::markup_in_the_search_stays_text),
        scenario!(timeline::markup_in_event_titles_stays_text),
        scenario!(timeline::ten_thousand_events_render_a_page_at_a_time),
        scenario!(timeline::key_events_alone),
        scenario!(timeline::alias_matches_are_labelled_after_direct_ones),
        scenario!(timeline::collapsed_disputed_card_shows_its_badge),
        scenario!(timeline::a_source_links_to_its_events),
        scenario!(timeline::the_table_sorts_by_a_column),
        scenario!(timeline::facet_groups_are_one_tab_stop),
        scenario!(timeline::j_starts_from_the_event_in_view),
        scenario!(timeline::a_long_search_is_cut_in_the_address_and_says_so),
        scenario!(timeline::options_that_match_nothing_stay_compact),
        scenario!(timeline::drawing_shows_milestones_and_a_mark_per_matching_event),
        scenario!(timeline::drawing_shows_density_past_the_threshold),
        scenario!(timeline::a_filter_fades_the_marks_that_no_longer_match),
        scenario!(timeline::dragging_across_the_drawing_sets_the_date_range),
        scenario!(timeline::only_a_year_with_matching_events_can_be_chosen),
        scenario!(timeline::range_sliders_set_the_dates_by_keyboard),
        scenario!(timeline::a_mark_opens_its_event_by_click_and_by_keyboard),
        scenario!(timeline::pointing_at_a_mark_rings_its_copies),
        scenario!(timeline::drawing_screenshots_at_desktop_and_phone),
        scenario!(clauses::summary_and_change_kinds_match_the_comparison),
        scenario!(clauses::only_changed_keeps_changed_clauses),
        scenario!(clauses::n_and_p_step_through_changed_clauses),
        scenario!(clauses::inline_and_side_by_side_modes),
        scenario!(clauses::unknown_versions_fall_back_with_a_notice),
        scenario!(clauses::picking_versions_never_moves_the_other_picker),
        scenario!(clauses::scoreboard_cells_open_their_pair_and_clause),
        scenario!(clauses::event_link_opens_the_timeline_and_back_returns),
        scenario!(sources::every_source_backs_claims),
        scenario!(sources::event_source_link_lands_on_the_source),
        scenario!(checks::contradicted_figure_shows_status_and_leads_to_report),
        scenario!(checks::corroborated_figure_reaches_its_report_by_keyboard),
        scenario!(checks::sources_count_headline_claims_and_list_reports),
        scenario!(keyboard::keyboard_only_walk_from_search_to_clause_and_back),
        scenario!(keyboard::tab_reaches_every_timeline_control),
        scenario!(keyboard::skip_links_reach_first_event_filters_and_content),
        scenario!(offline::unvisited_deep_link_filters_offline),
        scenario!(offline::new_deploy_replaces_cached_one),
        scenario!(offline::single_file_works_from_disk),
        scenario!(offline::single_file_dialogs_offer_no_file_address),
        scenario!(embed::embed_script_grows_iframe_to_content),
        scenario!(embed::embed_ignores_hostile_height_messages),
        scenario!(embed::embed_fits_320px_column),
        scenario!(embed::embeds_work_sandboxed_under_a_strict_csp),
        scenario!(presets::presets_embed_both_ways_within_their_height),
        scenario!(presets::the_fallback_shows_when_the_script_never_runs),
        scenario!(downloads::csv_download_holds_the_filtered_events),
        scenario!(downloads::json_download_is_the_dataset_with_its_version),
        scenario!(share_dialog::embed_dialog_gives_snippets_for_the_view),
        scenario!(share_dialog::cite_dialog_names_version_and_today),
        scenario!(share_dialog::embed_builder_snippets_and_preview_follow_the_choices),
        scenario!(share_dialog::copy_link_gives_the_view_link),
        scenario!(share_dialog::share_menu_opens_by_keyboard_and_closes_with_escape_or_outside),
        scenario!(a11y::timeline_light_meets_wcag),
        scenario!(a11y::timeline_dark_meets_wcag),
        scenario!(a11y::timeline_table_light_meets_wcag),
        scenario!(a11y::timeline_table_dark_meets_wcag),
        scenario!(a11y::timeline_event_light_meets_wcag),
        scenario!(a11y::timeline_event_dark_meets_wcag),
        scenario!(a11y::clauses_light_meet_wcag),
        scenario!(a11y::clauses_dark_meet_wcag),
        scenario!(a11y::clauses_inline_light_meet_wcag),
        scenario!(a11y::clauses_inline_dark_meet_wcag),
        scenario!(a11y::sources_light_meet_wcag),
        scenario!(a11y::sources_dark_meet_wcag),
        scenario!(a11y::presets_meet_wcag),
        scenario!(a11y::embed_builder_meets_wcag),
        scenario!(a11y::share_menu_light_meets_wcag),
        scenario!(a11y::share_menu_dark_meets_wcag),
        scenario!(a11y::axe_reports_planted_violations),
        scenario!(a11y::views_have_landmarks_and_one_h1),
        scenario!(a11y::event_count_is_a_live_status),
        scenario!(a11y::keyboard_focus_is_visible),
        scenario!(
            html_validity::rendered_views_are_valid_html,
            unsupported: (Engine::Firefox, SAME_MARKUP),
            (Engine::Webkit, SAME_MARKUP)
        ),
        scenario!(responsive::phone_360x740_has_no_sideways_scroll),
        scenario!(responsive::tablet_768x1024_has_no_sideways_scroll),
        scenario!(responsive::desktop_1440x900_has_no_sideways_scroll),
        scenario!(responsive::clause_scoreboard_scrolls_inside_itself_on_a_phone),
        scenario!(responsive::phone_360x740_shows_content_in_the_first_screen),
        scenario!(responsive::zoom_200_percent_has_no_sideways_scroll),
        scenario!(responsive::touch_screen_hides_keyboard_hints, unsupported: NO_TOUCH),
        scenario!(appearance::theme_follows_system_unless_set_in_url),
        scenario!(appearance::theme_follows_a_dark_system),
        scenario!(appearance::theme_toggle_flips_theme_and_url),
        scenario!(appearance::printed_timeline_names_filter_version_and_sources, unsupported: NO_PRINT),
        scenario!(appearance::printed_comparison_names_versions_and_sources, unsupported: NO_PRINT),
        scenario!(appearance::printed_timeline_lists_every_matching_event, unsupported: NO_PRINT),
        scenario!(appearance::printed_dark_theme_uses_the_light_palette, unsupported: NO_PRINT),
        scenario!(appearance::forced_colors_keep_controls_badges_and_focus_visible, unsupported: NO_FORCED_COLORS),
        scenario!(first_screen::the_first_screen_comes_before_the_wasm_and_the_app_keeps_its_events),
        scenario!(first_screen::text_typed_before_the_app_starts_is_searched_for),
        scenario!(first_screen::a_deep_link_with_filters_never_shows_unfiltered_events),
        scenario!(first_screen::the_clauses_screen_shows_what_is_above_the_fold_and_the_app_builds_the_rest),
        scenario!(first_screen::the_sources_screen_gets_its_sections_and_a_linked_one_comes_into_view),
        scenario!(fallbacks::without_webassembly_shows_every_screen_and_why),
        scenario!(fallbacks::without_javascript_shows_every_event_and_the_comparison),
        scenario!(faults::a_missing_wasm_leaves_the_first_screen_and_says_so),
        scenario!(faults::a_truncated_wasm_leaves_the_first_screen_and_says_so),
        scenario!(faults::a_missing_js_glue_leaves_the_first_screen_and_says_so),
        scenario!(faults::the_app_works_when_storage_throws),
        scenario!(hostile::hostile_links_run_nothing_and_raise_no_error),
        scenario!(harness::offorigin_attempt_is_recorded),
        scenario!(harness::unparseable_request_is_recorded),
        scenario!(harness::page_error_is_recorded),
        scenario!(harness::app_records_an_error_after_start),
        scenario!(harness::app_records_a_failed_start),
        scenario!(harness::csp_violations_are_recorded),
        scenario!(harness::keys_reach_the_page),
        scenario!(harness::reset_leaves_nothing_of_the_app),
    ]
}
