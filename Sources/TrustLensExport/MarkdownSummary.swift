import TrustLensCore
import TrustLensTrends

/// `summary.md`: a short Markdown summary for a CI job's summary page.
public enum MarkdownSummary {
  public static func render(_ report: Report) -> String {
    let c = report.counts
    var lines = [
      "# TrustLens · \(escape(report.pipeline))", "",
      "As of \(report.asOf?.description ?? "—"): \(c.records) records = \(c.entries) entries + \(c.checkIns) check-ins + \(c.rejected) rejected + \(c.duplicates) duplicates.",
      "",
    ]
    if !report.alerts.isEmpty {
      lines.append("**Alerts:** " + report.alerts.map(escape).joined(separator: ", "))
      lines.append("")
    }
    lines += ["| Subject | Status | Signals | Why |", "| --- | --- | --- | --- |"]
    for subject in report.subjects {
      let a = subject.assessment
      lines.append(
        "| \(escape(subject.displayName)) | \(a.status.rawValue) | \(a.signals.map(\.kind).joined(separator: ", ")) | \(escape(a.statusEvidence.first ?? "")) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Escapes Markdown table and inline syntax in text.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "|", "\\", "*", "_", "`", "<", ">", "[", "]", "#": result += "\\\(character)"
      case "\n", "\r": result += " "
      default: result.append(character)
      }
    }
    return result
  }
}
