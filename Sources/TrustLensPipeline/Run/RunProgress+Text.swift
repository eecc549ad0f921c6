import Foundation

extension RunProgress {
  /// The progress line after `elapsed` seconds of the run, with a bar when `bar` (a terminal).
  public func text(elapsed: Double, bar: Bool) -> String {
    switch self {
    case .reading(let records, let bytes, let total):
      let rate = elapsed > 0 ? Double(bytes) / elapsed : 0
      var text = "reading: \(records) records, \(Self.size(bytes))"
      if let total, total > 0 {
        let share = min(1, Double(bytes) / Double(total))
        text = (bar ? RunProgress.bar(share) + " " : "") + text + " of \(Self.size(total)) (\(Int(share * 100))%)"
        text += ", \(Self.size(Int(rate)))/s"
        if rate > 0, share > 0.01 { text += ", " + Self.duration(Double(total - min(bytes, total)) / rate) + " left" }
      } else {
        text += ", \(Self.size(Int(rate)))/s"
      }
      return text
    case .writing(let outputs, let part, let parts):
      let names = outputs.count > 3 ? outputs.prefix(3).joined(separator: ", ") + ", …" : outputs.joined(separator: ", ")
      let share = parts > 0 ? Double(part) / Double(parts) : 1
      return (bar ? RunProgress.bar(share) + " " : "") + "writing outputs (\(part) of \(parts)): \(names)"
    }
  }

  /// A bar `share` full.
  static func bar(_ share: Double) -> String {
    let width = 20, filled = Int((share * Double(width)).rounded(.down))
    return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
  }

  /// `bytes` in B, KB, MB or GB (powers of 1,000, one decimal from MB).
  static func size(_ bytes: Int) -> String {
    let value = Double(bytes)
    if value >= 1e9 { return String(format: "%.1f GB", value / 1e9) }
    if value >= 1e6 { return String(format: "%.1f MB", value / 1e6) }
    if value >= 1e3 { return "\(Int(value / 1e3)) KB" }
    return "\(bytes) B"
  }

  /// `seconds` as `0:07` or `1:02:03`.
  static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    let hours = total / 3600, minutes = (total % 3600) / 60, rest = total % 60
    return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
  }
}
