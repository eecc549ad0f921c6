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
    let model = Templates.headerModel(report, escape: MarkdownSummary.escape).merging([
      "subjects": report.subjects.map { subject -> [String: Any] in
        let a = subject.assessment
        return [
          "name": MarkdownSummary.escape(subject.displayName), "status": a.status.rawValue,
          "signals": a.signals.map(\.kind).joined(separator: ", "), "lastEntry": a.lastEntry?.description ?? "—",
          "why": MarkdownSummary.escape(a.statusEvidence.first ?? ""),
        ]
      },
    ]) { $1 }
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
