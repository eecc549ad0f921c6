/// Finds the column separator of delimited text from its first lines (the header and up to
/// ``sampleLines`` rows in the bytes given).
///
/// For each candidate — comma, semicolon, tab, pipe — it counts the separators outside quotes
/// on each complete line. A candidate that splits the header and gives every sampled row the
/// header's count wins; among those the one giving the most columns, and on a tie the comma
/// (then semicolon, tab, pipe). Without such a candidate the one splitting the header most
/// wins, and without any the comma.
enum DelimiterSniffer {
  static let sampleLines = 20

  static func sniff(_ head: [UInt8]) -> Delimiter {
    let candidates: [Delimiter] = [.comma, .semicolon, .tab, .pipe]
    let lines = splitLines(head)
    guard !lines.isEmpty else { return .comma }
    var best: (delimiter: Delimiter, columns: Int, consistent: Bool)?
    for candidate in candidates {
      let counts = lines.map { count(candidate.byte, in: $0) }
      guard counts[0] > 0 else { continue }
      let consistent = counts.dropFirst().allSatisfy { $0 == counts[0] }
      let better: Bool
      if let current = best {
        better = consistent != current.consistent ? consistent : counts[0] > current.columns
      } else {
        better = true
      }
      if better { best = (candidate, counts[0], consistent) }
    }
    return best?.delimiter ?? .comma
  }

  /// The complete lines of `head` (a line cut at its end is left out unless it is the
  /// first), each up to its line feed; quoted line ends stay inside their line.
  private static func splitLines(_ head: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var inQuotes = false
    for (index, byte) in head.enumerated() {
      if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
      if byte == 10 && !inQuotes {
        let line = head[start..<index]
        if !line.allSatisfy({ $0 == 13 || $0 == 32 }) { lines.append(line) }
        start = index + 1
        if lines.count > sampleLines { break }
      }
    }
    if lines.isEmpty && start < head.count { lines.append(head[start...]) }
    return lines
  }

  /// Separators outside quotes on one line.
  private static func count(_ separator: UInt8, in line: ArraySlice<UInt8>) -> Int {
    var inQuotes = false
    var count = 0
    for byte in line {
      if byte == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if byte == separator && !inQuotes {
        count += 1
      }
    }
    return count
  }
}
