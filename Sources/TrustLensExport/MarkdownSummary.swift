import TrustLensCore
import TrustLensTrends

/// `summary.md`: a short Markdown summary for a CI job's summary page, from the
/// `summary.md.mustache` template. Text from input is escaped for Markdown.
package struct MarkdownSummary: Sendable {
  package var templates: Templates

  package init(templates: Templates) {
    self.templates = templates
  }

  /// A status that changed since the previous run shows in bold with the one it was
  /// (`**needs-attention** (was steady)`), a signal new since then in bold with `(new)`, and
  /// a line above the table counts both — for a nightly job's summary page. Without a
  /// previous run (no run state, or the first run) nothing is marked.
  package func render(_ report: Report) -> String {
    var statusChanges = 0, newSignals = 0
    let subjects = report.subjects.map { subject -> [String: Any] in
      let a = subject.assessment
      var status = a.status.rawValue
      if let before = subject.previousStatus, before != status {
        status = "**\(status)** (was \(before))"
        statusChanges += 1
      }
      let new = Set(subject.newSignals ?? [])
      newSignals += new.count
      let signals = a.signals.map { new.contains($0.kind) ? "**\($0.kind)** (new)" : $0.kind }
      return [
        "name": MarkdownSummary.escape(subject.displayName), "status": status,
        "signals": signals.joined(separator: ", "), "lastEntry": a.lastEntry?.description ?? "—",
        "why": MarkdownSummary.escape(a.statusEvidence.first ?? ""),
      ]
    }
    let changes = [
      statusChanges > 0 ? NumberText.count(statusChanges, "status change") : nil,
      newSignals > 0 ? NumberText.count(newSignals, "new signal") : nil,
    ].compactMap { $0 }
    let model = Templates.headerModel(report, escape: MarkdownSummary.escape).merging([
      "subjects": subjects, "hasChanges": !changes.isEmpty, "changes": changes.joined(separator: ", "),
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
