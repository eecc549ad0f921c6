public import TrustLensCore

/// The evidence of one text in one readable cell: tag by tag, in order of first appearance,
/// each distinct match once with how often it occurred and the rules that changed it:
///
///     anxiety: walking on eggshells ×3; insecurity: walking on eggshells ×3, second-guessing (past)
///
/// Used by the Entries sheet and `entries.csv`; `analysis.jsonl` keeps every item with its
/// offsets.
public enum EvidenceText {
  public static func line(_ evidence: [Evidence]) -> String {
    guard !evidence.isEmpty else { return "" }
    // Few items per text: linear searches beat hashing here.
    var tags: [String] = []
    var matches: [[(match: String, rules: [String], count: Int)]] = []
    for item in evidence {
      let tag: Int
      if let found = tags.firstIndex(of: item.tag) {
        tag = found
      } else {
        tags.append(item.tag)
        matches.append([])
        tag = tags.count - 1
      }
      if let same = matches[tag].firstIndex(where: { $0.match == item.match && $0.rules == item.rules }) {
        matches[tag][same].count += 1
      } else {
        matches[tag].append((item.match, item.rules, 1))
      }
    }
    var line = ""
    for (index, tag) in tags.enumerated() {
      if index > 0 { line += "; " }
      line += tag + ": "
      for (number, match) in matches[index].enumerated() {
        if number > 0 { line += ", " }
        line += match.match
        if match.count > 1 { line += " ×\(match.count)" }
        if !match.rules.isEmpty { line += " (" + match.rules.joined(separator: ", ") + ")" }
      }
    }
    return line
  }
}
