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

  /// Escapes Markdown table and inline syntax in text (`~` too: strikethrough), keeps GFM
  /// from autolinking bare URLs and e-mail addresses (`http\://`, `www\.`, `@` followed by
  /// U+2060 WORD JOINER; checked with cmark-gfm), and drops C0/C1 controls and bidirectional
  /// controls (line ends and tabs become spaces).
  static func escape(_ text: String) -> String {
    var result = ""
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      if character.unicodeScalars.contains(where: { TerminalText.isBidiControl($0) }) { continue }
      if character.unicodeScalars.contains(where: { TerminalText.needsEscape($0) }) {
        if character == "\n" || character == "\r\n" || character == "\r" || character == "\t" { result += " " }
        continue
      }
      switch character {
      case "|", "\\", "*", "_", "`", "<", ">", "[", "]", "#", "~": result += "\\\(character)"
      // GFM links any `local@domain` however `@` is escaped; an invisible word joiner after it
      // is what keeps the address plain text.
      case "@": result += "@\u{2060}"
      case ":" where characters[(index + 1)...].starts(with: "//"): result += "\\:"
      case "." where index >= 3 && characters[(index - 3)..<index].map { $0.lowercased() }.joined() == "www": result += "\\."
      default: result.append(character)
      }
    }
    return result
  }
}
