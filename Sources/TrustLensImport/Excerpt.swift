/// How reject reasons and notices show a field's bad value: a short, cleaned excerpt, or only
/// its length when values must not be quoted (pseudonymised runs). A field may hold journal
/// text (a CSV with swapped columns puts a sentence in the date column), so a reason never
/// carries more than ``maximumLength`` characters of it.
struct Excerpt {
  /// The most characters of a value a message quotes.
  static let maximumLength = 30

  /// Whether values may be quoted at all.
  let quoting: Bool

  /// `"2026-13-40"` (at most 30 characters, control and format characters removed, `…`
  /// where it was cut), or `(52 characters)` when not quoting.
  func quote(_ value: some StringProtocol) -> String {
    guard quoting else { return "(\(value.count) \(value.count == 1 ? "character" : "characters"))" }
    return "\"\(Excerpt.clean(value))\""
  }

  /// At most `maximumLength` characters of `value` with control, format (bidi, zero-width)
  /// and line-separator characters removed, `…` where it was cut.
  static func clean(_ value: some StringProtocol, maximumLength: Int = Excerpt.maximumLength) -> String {
    var result = ""
    var kept = 0
    for character in value {
      guard !character.unicodeScalars.contains(where: isHidden) else { continue }
      if kept == maximumLength {
        result.append("…")
        break
      }
      result.append(character)
      kept += 1
    }
    return result
  }

  private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
    default: false
    }
  }
}
