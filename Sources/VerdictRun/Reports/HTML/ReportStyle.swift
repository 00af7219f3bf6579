/// The HTML report's look: its style sheet and the colour of each verdict.
enum ReportStyle {
  /// Verdict colours from the mildest to the most severe, each with at least 7:1 contrast on white.
  private static let palette = ["#166534", "#1e40af", "#92400e", "#b91c1c", "#7f1d1d"]
  /// The colour of rows with errors.
  static let errorColor = "#6b21a8"
  /// The colour of the chart's aggregated tail and of its line.
  static let neutralColor = "#4b5563"

  /// The colour of the verdict of `severity` among `count` verdicts: the mildest green, the most
  /// severe dark red, those between spread over the palette.
  static func color(severity: Int?, count: Int) -> String {
    guard let severity else { return errorColor }
    guard count > 1 else { return palette[0] }
    let place = (severity * (palette.count - 1) + (count - 1) / 2) / (count - 1)
    return palette[min(palette.count - 1, max(0, place))]
  }

  /// The style sheet: one column at 360 px, cards in a grid on wider screens, tables scroll
  /// sideways inside their box, and print keeps everything.
  static let css: StaticString = """
    :root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;\
    background:#fff;line-height:1.45}
    body{margin:0}
    main{max-width:64rem;margin:0 auto;padding:1rem}
    h1{font-size:1.5rem;margin:.5rem 0}
    h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #d1d5db}
    h3{font-size:1.05rem;margin:0;overflow-wrap:anywhere}
    h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;margin:.6rem 0 .2rem;color:#374151}
    code{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
    a{color:#1e40af}
    svg{display:block;width:100%;height:auto}
    svg.stack{height:1.5rem}
    svg.timeline{width:auto;max-width:100%;height:1rem;margin:.3rem 0}
    .counts{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;margin:.5rem 0}
    .swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;vertical-align:-.05em}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.75rem}
    .card{border:1px solid #d1d5db;border-left:.4rem solid;border-radius:.4rem;padding:.6rem .8rem}
    .card p{margin:.2rem 0}
    .card ul,.card ol{margin:0;padding-left:1.2rem}
    .verdict{font-weight:600}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;font-size:.9rem;min-width:100%}
    th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
    td.num{text-align:right;font-variant-numeric:tabular-nums}
    tbody th{min-width:7rem;max-width:16rem;overflow-wrap:anywhere}
    li{overflow-wrap:anywhere}
    thead th{background:#f3f4f6;position:sticky;top:0}
    figure{margin:0}
    .histograms{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem}
    figcaption{font-size:.9rem;color:#374151}
    .note{color:#374151;font-size:.9rem}
    @media print{.scroll{overflow:visible}thead th{position:static}.card{break-inside:avoid}}
    """
}
