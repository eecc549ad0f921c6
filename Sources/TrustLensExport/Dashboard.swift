public import TrustLensCore
import TrustLensTrends

/// Renders the text dashboard: per subject a status badge, weekly sparklines, bars for the
/// top emotions and themes, and the signals with their evidence.
///
/// Text from input (subject ids) is stripped of control characters, so escape sequences in
/// input never reach a terminal. Lines fit `width` columns.
public struct Dashboard: Sendable {
  public var width: Int
  public var ascii: Bool

  public init(width: Int = 80, ascii: Bool = false) {
    self.width = max(width, 40)
    self.ascii = ascii
  }

  public func render(_ report: Report) -> String {
    var out: [String] = []
    let c = report.counts
    out.append(
      fit(
        "TrustLens · \(clean(report.pipeline))\(report.asOf.map { " · as of \($0)" } ?? "") · \(report.subjects.count) subjects"))
    out.append(
      fit(
        "\(c.records) records: \(c.entries) entries, \(c.checkIns) check-ins, \(c.rejected) rejected, \(c.duplicates) duplicates"))
    for subject in report.subjects {
      out.append("")
      out += renderSubject(subject)
    }
    let text = out.joined(separator: "\n") + "\n"
    return ascii ? Dashboard.asciify(text) : text
  }

  /// The text with typographic symbols spelled in ASCII and anything else non-ASCII as `?`.
  static func asciify(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "·", "—", "–": result += "-"
      case "→": result += "->"
      case "…": result += "..."
      case "━": result += "="
      case "‘", "’": result += "'"
      case "“", "”": result += "\""
      default: result += scalar.isASCII ? String(scalar) : "?"
      }
    }
    return result
  }

  func renderSubject(_ subject: SubjectReport) -> [String] {
    let a = subject.assessment
    var lines: [String] = []
    let badge = "[ \(a.status.rawValue.uppercased()) ]"
    let name = clean(subject.displayName)
    let rule = ascii ? "=" : "━"
    let fill = max(2, width - name.count - badge.count - 8)
    lines.append(fit("\(rule)\(rule) \(name) \(String(repeating: rule, count: fill)) \(badge) \(rule)\(rule)"))
    var facts = "\(a.from?.description ?? "?") → \(a.to?.description ?? "?") · \(a.entries) entries · \(a.checkIns) check-ins"
    if a.skippedCheckIns > 0 { facts += " (\(a.skippedCheckIns) skipped)" }
    if let previous = subject.previousStatus, previous != a.status.rawValue { facts += " · was \(previous)" }
    lines.append(fit("  " + (ascii ? facts.replacingAll("→", with: "->") : facts)))
    for sentence in a.statusEvidence { lines += wrap(sentence, indent: "  · ") }

    let sparkWidth = max(8, min(subject.weekly.count, width - 30))
    let weeks = Array(subject.weekly.suffix(sparkWidth))
    for name in ["trust", "safety", "communication", "self_care", "mood"] {
      let values = weeks.map { $0.bucket.rating(name) }
      guard values.contains(where: { $0 != nil }) else { continue }
      lines.append(fit("  \(pad(name, 13)) \(spark(values, range: 0...10))  \(range(values))"))
    }
    let valence = weeks.map { $0.bucket.texts > 0 ? $0.bucket.valenceSum / Double($0.bucket.texts) : nil }
    if valence.contains(where: { $0 != nil }) {
      lines.append(fit("  \(pad("valence", 13)) \(spark(valence, range: -1...1))  \(range(valence))"))
    }
    for (label, kind) in [("emotions", TagKind.emotion), ("themes", .theme)] {
      let top = subject.topTags(kind: kind, limit: 4)
      for (index, item) in top.enumerated() {
        let bar = self.bar(item.share, width: 20)
        lines.append(fit("  \(pad(index == 0 ? label : "", 9)) \(pad(item.tag, 15)) \(bar) \(Int((item.share * 100).rounded()))%"))
      }
    }
    if a.signals.isEmpty {
      lines.append("  signals: none")
    } else {
      lines.append("  signals:")
      for signal in a.signals {
        let isNew = subject.newSignals.map { $0.contains(signal.kind) } ?? false
        let arrow = ascii ? "->" : "→"
        lines.append(
          fit("   \(signal.kind == "progress" ? "+" : "!") \(signal.kind)\(isNew ? " (new)" : "") \(signal.from) \(arrow) \(signal.to), strength \(Int((signal.strength * 100).rounded()))%"))
        for sentence in signal.evidence { lines += wrap(ascii ? sentence.replacingAll("→", with: "->") : sentence, indent: "       ") }
      }
    }
    return lines
  }

  // MARK: Drawing

  func spark(_ values: [Double?], range: ClosedRange<Double>) -> String {
    let levels: [Character] = ascii ? Array("_.-=^#") : Array("▁▂▃▄▅▆▇█")
    return String(values.map { value -> Character in
      guard let value else { return " " }
      let t = (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / (range.upperBound - range.lowerBound)
      return levels[min(levels.count - 1, Int(t * Double(levels.count - 1) + 0.5))]
    })
  }

  func bar(_ share: Double, width: Int) -> String {
    let filled = Int((min(max(share, 0), 1) * Double(width)).rounded())
    return String(repeating: ascii ? "#" : "█", count: filled)
      + String(repeating: ascii ? "." : "░", count: width - filled)
  }

  private func range(_ values: [Double?]) -> String {
    let present = values.compactMap { $0 }
    guard let first = present.first, let last = present.last else { return "" }
    return "\(short(first)) \(ascii ? "->" : "→") \(short(last))"
  }

  private func short(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  private func pad(_ text: String, _ count: Int) -> String {
    text.count >= count ? text : text + String(repeating: " ", count: count - text.count)
  }

  /// Cuts a line to the width (with `…`).
  func fit(_ line: String) -> String {
    line.count <= width ? line : String(line.prefix(width - 1)) + (ascii ? "~" : "…")
  }

  /// Wraps a sentence at spaces to the width, with `indent` on the first line and spaces
  /// of the same length after.
  func wrap(_ text: String, indent: String) -> [String] {
    let available = max(10, width - indent.count)
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty, current.count + 1 + word.count > available {
        lines.append(current)
        current = ""
      }
      current += current.isEmpty ? String(word) : " " + word
    }
    if !current.isEmpty { lines.append(current) }
    let continuation = String(repeating: " ", count: indent.count)
    return lines.enumerated().map { fit(($0.offset == 0 ? indent : continuation) + $0.element) }
  }

  /// Text from input without control characters (escape sequences cannot reach a terminal).
  func clean(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }))
  }
}
