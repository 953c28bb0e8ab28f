//! Native tests of Pactline's pure logic: data checks, filtering, search,
//! clause comparison, word diff and URL state. One test binary, so the
//! suite links once.

mod checks;
mod cite;
mod compare;
mod diff;
mod embed;
mod export;
mod filtering;
mod fixture;
mod keyboard;
mod search;
mod share;
mod state;
mod summary;
mod synthetic;
mod url_state;
mod validation;
