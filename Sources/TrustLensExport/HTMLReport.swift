import TrustLensCore
import TrustLensTrends

/// `report.html`: one self-contained page (no scripts, no network assets) with each
/// subject's status, evidence and signals. Every text from input is HTML-escaped.
public enum HTMLReport {
  public static func render(_ report: Report) -> String {
    var html = """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>TrustLens · \(escape(report.pipeline))</title>
      <style>
      body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
      .subject{border:1px solid #ddd;border-radius:6px;padding:1rem;margin:1rem 0;break-inside:avoid}
      .status{display:inline-block;padding:.1rem .5rem;border-radius:4px;font-weight:600}
      .progress{background:#c6efce}.setback,.rushing{background:#ffc7ce}.avoidance{background:#ffeb9c}
      .plateau{background:#ddebf7}.insufficient-data{background:#ededed}
      </style></head><body>
      <h1>TrustLens · \(escape(report.pipeline))</h1>
      <p>As of \(report.asOf?.description ?? "—") · \(report.counts.records) records: \(report.counts.entries) entries, \(report.counts.checkIns) check-ins, \(report.counts.rejected) rejected, \(report.counts.duplicates) duplicates.</p>

      """
    for subject in report.subjects {
      let a = subject.assessment
      html += "<section class=\"subject\"><h2>\(escape(subject.displayName)) <span class=\"status \(a.status.rawValue)\">\(a.status.rawValue)</span></h2>\n"
      html += "<p>\(a.from?.description ?? "—") to \(a.to?.description ?? "—") · \(a.entries) entries · \(a.checkIns) check-ins (\(a.skippedCheckIns) skipped)</p>\n<ul>"
      for sentence in a.statusEvidence { html += "<li>\(escape(sentence))</li>" }
      html += "</ul>\n"
      for signal in a.signals {
        html += "<h3>\(escape(signal.kind)) · \(signal.from) to \(signal.to) · strength \(Int((signal.strength * 100).rounded()))%</h3><ul>"
        for sentence in signal.evidence { html += "<li>\(escape(sentence))</li>" }
        html += "</ul>\n"
      }
      html += "</section>\n"
    }
    return html + "</body></html>\n"
  }

  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }
}
