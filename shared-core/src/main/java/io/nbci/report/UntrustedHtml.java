package io.nbci.report;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns a notebook's {@code text/html} output into the document of a sandboxed iframe.
 *
 * <p>Two layers: the markup is cleaned to tables, text and data: images (no scripts,
 * event handlers, forms, frames, or style {@code url()}s that would fetch), and the
 * result is rendered only inside {@code <iframe sandbox srcdoc>} with its own
 * Content-Security-Policy. Cleaning keeps the browser console quiet (a sandbox that
 * blocks a script logs an error); the sandbox holds even if cleaning missed something.
 */
final class UntrustedHtml {

    /** The policy the iframe document declares itself (it also inherits the report's). */
    static final String FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final Pattern CSS_FETCH = Pattern.compile(
            "(?i)(url\\s*\\(|@import|image-set\\s*\\(|expression\\s*\\()");

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("style", "hr", "center", "font", "tt", "kbd", "samp", "var", "abbr", "mark", "small", "big",
                    "del", "ins", "s", "figure", "figcaption", "section", "article", "header", "footer", "main",
                    "nav", "aside", "details", "summary")
            .addAttributes(":all", "class", "style", "title", "align", "valign", "dir", "lang")
            .addAttributes("table", "border", "cellpadding", "cellspacing", "width", "frame", "rules")
            .addAttributes("td", "bgcolor", "nowrap", "height")
            .addAttributes("th", "bgcolor", "nowrap", "height")
            .addAttributes("font", "color", "size", "face")
            .addAttributes("style", "type")
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "data");

    private UntrustedHtml() {
    }

    /** Cleaned markup (a body fragment) for the iframe. */
    static String clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html);
        // <style> survives (pandas tables bring "<style scoped>"), its url()s do not (see below)
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        for (Element element : clean.select("[style]")) {
            element.attr("style", neutraliseCss(element.attr("style")));
        }
        for (Element style : clean.select("style")) {
            String css = style.data();
            style.empty().appendChild(new org.jsoup.nodes.DataNode(neutraliseCss(css)));
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    /** The whole iframe document: own CSP, a readable default style, then the markup. */
    static String frameDocument(String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + FRAME_CSP + "\">"
                + "<style>body{margin:6px;font:13px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328}"
                + "table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:2px 6px;text-align:right}"
                + "th{background:#f6f8fa}</style></head><body>" + body + "</body></html>";
    }

    private static String neutraliseCss(String css) {
        return CSS_FETCH.matcher(css).replaceAll("blocked-");
    }
}
