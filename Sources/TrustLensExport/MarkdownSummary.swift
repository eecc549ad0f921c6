import TrustLensCore
import TrustLensTrends

/// `summary.md`: a short Markdown summary for a CI job's summary page, from the
/// `summary.md.mustache` template. Text from input is escaped for Markdown.
public struct MarkdownSummary: Sendable {
  public var templates: Templates

  public init(templates: Templates) {
    self.templates = templates
  }

  public func render(_ report: Report) -> String {
    let c = report.counts
    let model: [String: Any] = [
      "pipeline": MarkdownSummary.escape(report.pipeline), "asOf": report.asOf?.description ?? "—",
      "records": c.records, "entries": c.entries, "checkins": c.checkIns, "rejected": c.rejected,
      "duplicates": c.duplicates, "hasAlerts": !report.alerts.isEmpty,
      "alerts": report.alerts.map(MarkdownSummary.escape).joined(separator: ", "),
      "subjects": report.subjects.map { subject -> [String: Any] in
        let a = subject.assessment
        return [
          "name": MarkdownSummary.escape(subject.displayName), "status": a.status.rawValue,
          "signals": a.signals.map(\.kind).joined(separator: ", "), "lastEntry": a.lastEntry?.description ?? "—",
          "why": MarkdownSummary.escape(a.statusEvidence.first ?? ""),
        ]
      },
    ]
    return templates.render(.markdown, model)
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
