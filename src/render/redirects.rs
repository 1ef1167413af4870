//! Old addresses: a redirect page at every alias (`aliases:` in front matter) and one
//! `_redirects` file in the syntax Netlify and Cloudflare Pages read, listing each alias with a
//! 301 to its article. Hosts that read `_redirects` answer with a real 301; every other host
//! serves the page, which sends readers (meta refresh, and a link) and search engines
//! (`canonical`, `noindex`) to the new address.

use crate::model::{Redirect, Site};

use super::view::{self, link, permalink};

pub const FILE: &str = "_redirects";

/// The template context of `redirect.html`.
pub fn context(site: &Site, r: &Redirect) -> crate::render::view::Ctx {
    let cfg = &site.config;
    let doc = &site.documents[r.target];
    let lang = view::language(site, &doc.lang);
    let target = site.url_of(r.target);
    let mut ctx = crate::render::view::Ctx::new();
    ctx.insert("lang", &lang.code);
    ctx.insert("dir", lang.direction.as_str());
    ctx.insert("site", &view::site_view(site, lang));
    ctx.insert("title", &doc.title);
    ctx.insert("target", &link(cfg, target));
    ctx.insert("canonical", &permalink(cfg, target));
    ctx.insert("from", &link(cfg, &r.alias.from));
    ctx
}

/// `/old/path/ /new/path/ 301`, one line per alias, sorted.
pub fn netlify(site: &Site) -> String {
    let cfg = &site.config;
    let mut out = String::from("# Made by nashra: every alias of every article, with 301.\n");
    for r in &site.redirects {
        out.push_str(&link(cfg, &r.alias.from));
        out.push(' ');
        out.push_str(&link(cfg, site.url_of(r.target)));
        out.push_str(" 301\n");
    }
    out
}
