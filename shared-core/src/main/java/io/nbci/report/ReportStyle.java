package io.nbci.report;

/** The report's only style sheet, inlined into the page (no external asset). */
final class ReportStyle {

    private ReportStyle() {
    }

    static final String CSS = """
            :root{--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--bg:#f6f8fa;--pass:#1a7f37;--pass-bg:#dafbe1;\
            --fail:#cf222e;--fail-bg:#ffebe9;--err:#bc4c00;--err-bg:#fff1e5;--skip:#6e7781;--skip-bg:#eaeef2}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
            color:var(--fg);background:#fff}
            header.summary{padding:18px 28px 8px;border-bottom:1px solid var(--line);background:var(--bg)}
            header.summary.failed{border-top:6px solid var(--fail)}
            header.summary.passed{border-top:6px solid var(--pass)}
            h1{margin:0 0 4px;font-size:22px}
            h2{font-size:18px;margin:0 0 8px}
            h3{font-size:15px;margin:14px 0 6px}
            h4{font-size:13px;margin:10px 0 4px}
            main{padding:8px 28px 28px}
            footer{padding:12px 28px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}
            code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
            pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
            a{color:#0969da;text-decoration:none}
            a:hover{text-decoration:underline}
            .muted,.meta{color:var(--muted)}
            .meta{margin:2px 0 10px}
            .badge{display:inline-block;font-size:13px;padding:2px 10px;border-radius:12px;vertical-align:middle;\
            color:#fff;text-transform:uppercase;letter-spacing:.03em}
            .badge.passed{background:var(--pass)}
            .badge.failed{background:var(--fail)}
            .counts{display:flex;gap:10px;flex-wrap:wrap;margin:8px 0 12px}
            .count{min-width:96px;padding:8px 14px;border:1px solid var(--line);border-radius:8px;background:#fff}
            .count .n{display:block;font-size:24px;font-weight:600}
            .count .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            .count.passed .n{color:var(--pass)}
            .count.failed.nonzero{border-color:var(--fail);background:var(--fail-bg)}
            .count.failed.nonzero .n{color:var(--fail)}
            .count.errors.nonzero{border-color:var(--err);background:var(--err-bg)}
            .count.errors.nonzero .n{color:var(--err)}
            #problems h2{color:var(--fail);font-size:16px}
            ol.problems{margin:0 0 12px;padding-left:22px}
            li.problem{margin:4px 0}
            .problem-message{color:var(--muted);margin-left:2px}
            .status{display:inline-block;font-size:11px;font-weight:600;text-transform:uppercase;padding:1px 7px;\
            border-radius:10px;letter-spacing:.03em;vertical-align:1px}
            .status.passed{color:var(--pass);background:var(--pass-bg)}
            .status.failed{color:var(--fail);background:var(--fail-bg)}
            .status.error{color:var(--err);background:var(--err-bg)}
            .status.not-run,.status.unknown{color:var(--skip);background:var(--skip-bg)}
            details>summary{cursor:pointer;color:var(--muted);margin:6px 0}
            table{border-collapse:collapse;margin:4px 0 10px}
            th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
            th{background:var(--bg);font-weight:600}
            td.num{text-align:right;white-space:nowrap}
            table.suites{width:100%;background:#fff}
            section.suite{margin:22px 0;padding:14px 18px;border:1px solid var(--line);border-radius:8px}
            section.suite.failed{border-left:5px solid var(--fail)}
            section.suite.error{border-left:5px solid var(--err)}
            section.suite.passed{border-left:5px solid var(--pass)}
            .chart{margin:8px 0 12px}
            .chart figcaption{font-weight:600;margin-bottom:4px}
            svg.duration-chart{max-width:100%;height:auto;font:11px system-ui,sans-serif}
            svg .bar text{fill:var(--fg)}
            svg .bar text.value{fill:var(--muted)}
            svg .bar rect{fill:#54aeff}
            svg .bar.passed rect{fill:#4ac26b}
            svg .bar.failed rect{fill:var(--fail)}
            svg .bar.error rect{fill:#fb8f44}
            svg .bar.skipped rect{fill:#afb8c1}
            svg a:hover rect{opacity:.75}
            .cell{margin:8px 0;border:1px solid var(--line);border-radius:6px;overflow:hidden;scroll-margin-top:12px}
            .cell.text{border-style:dashed}
            .cell.failed{border:2px solid var(--fail);box-shadow:0 0 0 3px var(--fail-bg)}
            .cell.error{border:2px solid var(--err);box-shadow:0 0 0 3px var(--err-bg)}
            .cell.not-run{opacity:.6}
            .cell:target,.case:target{outline:3px solid #0969da;outline-offset:2px}
            .cell-head,.case-head{padding:3px 8px;background:var(--bg);border-bottom:1px solid var(--line);font-size:12px}
            .cell.failed .cell-head{background:var(--fail-bg)}
            .prompt{font-family:ui-monospace,monospace;color:#0550ae}
            .cell-no{font-weight:600}
            .duration{color:var(--muted);float:right}
            .tag{font-size:11px;background:#ddf4ff;color:#0550ae;border-radius:8px;padding:0 6px;margin-left:4px}
            pre.source{padding:6px 10px;background:#fbfbfc}
            pre.markdown{padding:6px 10px;color:#424a53;font-family:inherit}
            .outputs{padding:4px 10px 8px;border-top:1px solid var(--line)}
            .outputs>*{margin-top:4px}
            pre.stderr{background:#fff8c5}
            .outputs pre.stream,.case-output pre.stream{max-height:36em;overflow:auto}
            pre.traceback{color:#82071e;background:var(--fail-bg);padding:6px}
            .failure-banner{padding:4px 10px;background:var(--fail-bg);color:var(--fail);font-weight:600}
            img.output-image{max-width:100%;display:block}
            iframe.html-output{width:100%;border:1px solid var(--line);border-radius:4px;background:#fff;resize:vertical}
            p.truncated{margin:4px 0;padding:3px 8px;font-size:12px;color:#6f4e00;background:#fff8c5;border-left:3px solid #d4a72c}
            .case{margin:8px 0;border:1px solid var(--line);border-radius:6px;scroll-margin-top:12px}
            .case.compact{border-style:dotted}
            .case.failed{border:2px solid var(--fail)}
            .case.error{border:2px solid var(--err)}
            .case>*:not(.case-head){margin-left:10px;margin-right:10px}
            .case-name{font-weight:600}
            .failure{margin:6px 10px;padding:6px 8px;background:var(--fail-bg);border-radius:4px}
            .failure.error{background:var(--err-bg)}
            .failure-type{font-weight:600}
            .expected-actual{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:6px 0}
            .expected-actual .label,.checks th{font-size:11px;text-transform:uppercase;color:var(--muted)}
            .expected pre.value{background:var(--pass-bg);padding:4px 6px}
            .actual pre.value{background:var(--fail-bg);padding:4px 6px}
            .check.passed .actual pre.value{background:var(--pass-bg)}
            table.checks{width:calc(100% - 20px)}
            table.checks td.expected,table.checks td.actual{width:30%}
            .check-message{color:var(--fail);font-size:12px;margin-top:2px}
            .kind{font-size:11px;font-weight:600;text-transform:uppercase;color:var(--muted)}
            .row-diff-caption{font-size:12px;margin-bottom:2px}
            .row-diff-caption .missing{color:var(--fail)}
            .row-diff-caption .unexpected{color:#0550ae}
            table.row-diff tr.missing td{background:var(--fail-bg)}
            table.row-diff tr.unexpected td{background:#ddf4ff}
            table.row-diff td.mark{font-weight:700;text-align:center;width:1.5em}
            table.row-diff,table.fixture-rows{font:12px ui-monospace,monospace}
            ul.fixture-list,ul.artifacts{margin:4px 0;padding-left:20px}
            table.kv th{width:1%;white-space:nowrap}
            """;
}
