package import TrustLensCore

/// The evidence of one text in one readable cell: tag by tag, in order of first appearance,
/// each distinct match once with how often it occurred and the rules that changed it:
///
///     anxiety: walking on eggshells ×3; insecurity: walking on eggshells ×3, second-guessing (past)
///
/// Used by the Entries sheet and `entries.csv`; `analysis.jsonl` keeps every item with its
/// offsets.
package enum EvidenceText {
  package static func line(_ evidence: [Evidence]) -> String {
    let count = evidence.count
    guard count > 0 else { return "" }
    // Runs for every Entries row, so: no nested arrays, one output buffer. Each tag keeps a
    // chain of its distinct matches, so an item is compared with its tag's few distinct
    // matches only, and each tag name with the few before it.
    return evidence.withUnsafeBufferPointer { items in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * count) { scratch in
        let base = scratch.baseAddress!
        let tagFirst = base  // per tag, in order of first appearance: its first item
        let tagLast = base + count  // per tag: its last distinct match so far
        let nextDistinct = base + 2 * count  // per distinct match: the tag's next one, or -1
        let repeats = base + 3 * count  // per distinct match: how often it occurs
        var tags = 0
        for index in 0..<count {
          nextDistinct[index] = -1
          repeats[index] = 1
          var tag = 0
          while tag < tags && items[tagFirst[tag]].tag != items[index].tag { tag += 1 }
          if tag == tags {
            tagFirst[tag] = index
            tagLast[tag] = index
            tags += 1
            continue
          }
          var distinct = tagFirst[tag]
          while distinct >= 0 && !sameMatch(items[distinct], items[index]) { distinct = nextDistinct[distinct] }
          if distinct >= 0 {
            repeats[distinct] += 1
          } else {
            nextDistinct[tagLast[tag]] = index
            tagLast[tag] = index
          }
        }
        var line: [UInt8] = []
        line.reserveCapacity(count * 24)
        for tag in 0..<tags {
          if tag > 0 { line += "; ".utf8 }
          line += items[tagFirst[tag]].tag.utf8
          line += ": ".utf8
          var index = tagFirst[tag]
          while index >= 0 {
            if index != tagFirst[tag] { line += ", ".utf8 }
            line += items[index].match.utf8
            if repeats[index] > 1 {
              line += " ×".utf8
              appendDecimal(repeats[index], to: &line)
            }
            let rules = items[index].rules
            if !rules.isEmpty {
              line += " (".utf8
              for (number, rule) in rules.enumerated() {
                if number > 0 { line += ", ".utf8 }
                line += rule.utf8
              }
              line.append(UInt8(ascii: ")"))
            }
            index = nextDistinct[index]
          }
        }
        return String(decoding: line, as: UTF8.self)
      }
    }
  }

  /// Whether two items of one tag show the same match changed by the same rules.
  private static func sameMatch(_ a: Evidence, _ b: Evidence) -> Bool {
    a.end - a.start == b.end - b.start && a.match == b.match && a.rules == b.rules  // cheap test first
  }

  private static func appendDecimal(_ value: Int, to line: inout [UInt8]) {
    if value >= 10 { appendDecimal(value / 10, to: &line) }
    line.append(UInt8(ascii: "0") + UInt8(value % 10))
  }
}
