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
    let count = evidence.count
    guard count > 0 else { return "" }
    // Runs for every Entries row, so: no nested arrays, one output buffer. A text has a few
    // dozen items at most, so comparing each with the earlier ones is cheap.
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * count) { scratch in
      let tagLeader = scratch.baseAddress!, sameLeader = tagLeader + count, repeats = sameLeader + count
      for index in 0..<count {
        let item = evidence[index]
        tagLeader[index] = index
        sameLeader[index] = index
        repeats[index] = 0
        for earlier in 0..<index where tagLeader[earlier] == earlier && evidence[earlier].tag == item.tag {
          tagLeader[index] = earlier
          break
        }
        guard tagLeader[index] != index else { continue }
        for earlier in tagLeader[index]..<index
        where sameLeader[earlier] == earlier && tagLeader[earlier] == tagLeader[index]
          && evidence[earlier].end - evidence[earlier].start == item.end - item.start  // cheap test first
          && evidence[earlier].match == item.match && evidence[earlier].rules == item.rules
        {
          sameLeader[index] = earlier
          break
        }
      }
      for index in 0..<count { repeats[sameLeader[index]] += 1 }
      var line: [UInt8] = []
      line.reserveCapacity(count * 24)
      for tag in 0..<count where tagLeader[tag] == tag {
        if !line.isEmpty { line += "; ".utf8 }
        line += evidence[tag].tag.utf8
        line += ": ".utf8
        var first = true
        for index in tag..<count where tagLeader[index] == tag && sameLeader[index] == index {
          if !first { line += ", ".utf8 }
          first = false
          line += evidence[index].match.utf8
          if repeats[index] > 1 { line += " ×\(repeats[index])".utf8 }
          let rules = evidence[index].rules
          if !rules.isEmpty {
            line += " (".utf8
            for (number, rule) in rules.enumerated() {
              if number > 0 { line += ", ".utf8 }
              line += rule.utf8
            }
            line.append(UInt8(ascii: ")"))
          }
        }
      }
      return String(decoding: line, as: UTF8.self)
    }
  }
}
