package io.natprobe.report.support;

/** The report's only style sheet, inlined (system fonts; nothing to load). No '<' or '&' so the page stays XML. */
final class ReportCss {
    private ReportCss() {}

    static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
                   color: #1f2328; background: #ffffff; margin: 24px auto; max-width: 1360px; padding: 0 20px; line-height: 1.45; }
            h1 { font-size: 24px; margin: 0 0 4px 0; }
            h2 { font-size: 18px; margin: 28px 0 10px 0; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
            h3 { font-size: 15px; margin: 8px 0 6px 0; }
            code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
            .meta { color: #57606a; font-size: 13px; margin: 2px 0; }
            .verdict { border: 1px solid #d0d7de; border-left: 8px solid #8c959f; border-radius: 6px; padding: 6px 18px 10px 18px;
                       background: #f6f8fa; margin-top: 16px; }
            .verdict h2 { border: none; margin: 6px 0 2px 0; font-size: 13px; text-transform: uppercase; color: #57606a; letter-spacing: 0.05em; }
            .verdict.ok { border-left-color: #1a7f37; background: #f0fbf3; }
            .verdict.fail { border-left-color: #cf222e; background: #fff5f5; }
            .headline { font-size: 19px; font-weight: 600; margin: 2px 0 6px 0; }
            .verdict ul { margin: 4px 0; padding-left: 22px; }
            .cols { display: flex; gap: 20px; flex-wrap: wrap; }
            .side { flex: 1 1 520px; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 14px 10px 14px; }
            table.facts { border-collapse: collapse; width: 100%; font-size: 13.5px; }
            table.facts th { text-align: left; vertical-align: top; white-space: nowrap; padding: 4px 12px 4px 0; color: #57606a; font-weight: 600; }
            table.facts td { padding: 4px 0; border-bottom: 1px solid #eaeef2; }
            .ev { color: #57606a; font-size: 12px; }
            .missing { color: #57606a; font-style: italic; }
            .warn-title { font-weight: 600; color: #9a6700; margin: 10px 0 2px 0; }
            ul.warnings { color: #9a6700; font-size: 13px; margin: 0; padding-left: 20px; }
            .legend { font-size: 13px; color: #444c56; }
            .k { font-weight: 600; }
            .k.server { color: #6e7781; } .k.peer { color: #0969da; } .k.keep { color: #1a7f37; }
            .k.lost { color: #cf222e; } .k.icmp { color: #bc4c00; }
            .svgwrap { overflow-x: auto; border: 1px solid #d0d7de; border-radius: 6px; background: #ffffff; }
            svg.ladder { display: block; font-family: system-ui, "DejaVu Sans", Arial, sans-serif; }
            svg .head { fill: #f6f8fa; stroke: #8c959f; }
            svg .head.nat { fill: #fff8e6; stroke: #d4a72c; }
            svg .lane-title { font-size: 14px; font-weight: 700; text-anchor: middle; fill: #1f2328; }
            svg .lane-addr { font-size: 11px; text-anchor: middle; fill: #57606a; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
            svg .life { stroke: #8c959f; stroke-width: 1.2; stroke-dasharray: 4 4; }
            svg .life.nat { stroke: #d4a72c; stroke-width: 6; stroke-dasharray: none; opacity: 0.35; }
            svg .t { font-size: 10px; fill: #8c959f; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
            svg .gap rect { fill: #f6f8fa; stroke: #d0d7de; stroke-dasharray: 3 3; }
            svg .gap text { font-size: 11px; fill: #57606a; font-style: italic; }
            svg .arrow line { stroke-width: 1.6; }
            svg .arrow.unconfirmed line { stroke-dasharray: 6 4; }
            svg .arrow.icmp line { stroke-dasharray: 3 3; stroke-width: 1.8; }
            svg .arrow.lost line { stroke-width: 1.8; }
            svg line.c-server { stroke: #6e7781; } svg line.c-peer { stroke: #0969da; } svg line.c-keep { stroke: #1a7f37; }
            svg line.c-lost { stroke: #cf222e; } svg line.c-icmp { stroke: #bc4c00; } svg line.c-other { stroke: #8250df; }
            svg .drop { stroke: #cf222e; stroke-width: 3; stroke-linecap: round; }
            svg .icmp-origin { fill: #bc4c00; }
            svg .lbl { font-size: 11px; text-anchor: middle; paint-order: stroke; stroke: #ffffff; stroke-width: 3.5px; stroke-linejoin: round; }
            svg text.c-server { fill: #57606a; } svg text.c-peer { fill: #0550ae; } svg text.c-keep { fill: #116329; }
            svg text.c-lost { fill: #a40e26; } svg text.c-icmp { fill: #953800; } svg text.c-other { fill: #6639ba; }
            svg .note rect { fill: #f6f8fa; stroke: #8c959f; }
            svg .note circle { fill: #8c959f; }
            svg .note.timeout rect { fill: #fff1e5; stroke: #bc4c00; }
            svg .note.timeout circle { fill: #bc4c00; }
            svg .note text { font-size: 11px; fill: #1f2328; }
            table.packets { border-collapse: collapse; font-size: 12px; width: 100%;
                            font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
            table.packets th { text-align: left; background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 4px 8px; }
            table.packets td { padding: 3px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
            table.packets tr.lost td { background: #fff0f0; }
            table.packets tr.icmp td { background: #fff4e8; }
            table.packets tr.timeout td { background: #fffbe6; }
            table.packets tr.state td { color: #57606a; }
            details { margin: 6px 0; font-size: 13px; }
            details ul { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
            footer { margin: 32px 0 8px 0; color: #8c959f; font-size: 12px; }
            """;
}
