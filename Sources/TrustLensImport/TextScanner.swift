/// A cursor over the UTF-8 bytes of a date value (dates are ASCII but for literals and
/// no-break spaces, so bytes are what is compared).
struct TextScanner {
  private var bytes: Substring.UTF8View

  init(_ text: Substring) { bytes = text.utf8 }

  /// What has not been read yet.
  var rest: Substring { Substring(bytes) }

  var isAtEnd: Bool { bytes.isEmpty }

  /// True (consuming it) when `scalar` comes next. ASCII, the common case, is one byte
  /// compared.
  mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
    guard scalar.isASCII else { return consume(literal: Character(scalar)) }
    guard bytes.first == UInt8(truncatingIfNeeded: scalar.value) else { return false }
    bytes = bytes.dropFirst()
    return true
  }

  /// True (consuming it) when `character` (a pattern's literal) comes next.
  mutating func consume(literal character: Character) -> Bool {
    let wanted = character.utf8
    guard bytes.starts(with: wanted) else { return false }
    bytes = bytes.dropFirst(wanted.count)
    return true
  }

  /// Skips white space (space, tab, no-break space); true when there was some.
  @discardableResult
  mutating func skipSpaces() -> Bool {
    var skipped = false
    while let byte = bytes.first {
      if byte == 32 || byte == 9 {
        bytes = bytes.dropFirst()
      } else if byte == 0xC2, bytes.dropFirst().first == 0xA0 {
        bytes = bytes.dropFirst(2)
      } else {
        break
      }
      skipped = true
    }
    return skipped
  }

  /// A number of `digits` ASCII digits (as many as there are, up to the most).
  mutating func number(digits: ClosedRange<Int>) -> Int? {
    var value = 0, count = 0
    for byte in bytes {
      guard byte >= 48 && byte <= 57, count < digits.upperBound else { break }
      value = value * 10 + Int(byte - 48)
      count += 1
    }
    guard digits.contains(count) else { return nil }
    bytes = bytes.dropFirst(count)
    return value
  }

  /// The ASCII letters that come next, lower-cased, without consuming them.
  private func word() -> String {
    String(decoding: bytes.prefix { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }.map { $0 | 0x20 }, as: UTF8.self)
  }

  /// `st`, `nd`, `rd`, `th` after a day, if there.
  mutating func ordinalSuffix() {
    let next = word()
    if ["st", "nd", "rd", "th"].contains(next) { bytes = bytes.dropFirst(2) }
  }

  /// An English month name, long or short (`Sept` too), with an optional `.`.
  mutating func monthName() -> Int? {
    let word = word()
    guard let month = MonthNames.month(word) else { return nil }
    bytes = bytes.dropFirst(word.utf8.count)
    _ = consume(".")
    return month
  }

  /// An English weekday name, long or short, with an optional `.`.
  mutating func weekdayName() -> Bool {
    let word = word()
    guard MonthNames.isWeekday(word) else { return false }
    bytes = bytes.dropFirst(word.utf8.count)
    _ = consume(".")
    return true
  }

  /// True (consuming it) when the next word is `word` (lower-case ASCII letters) followed by
  /// a space. Compares bytes in place: this runs for every date with a time.
  mutating func consumeWord(_ wanted: StaticString) -> Bool {
    var rest = bytes
    for letter in UnsafeBufferPointer(start: wanted.utf8Start, count: wanted.utf8CodeUnitCount) {
      guard let byte = rest.first, byte | 0x20 == letter else { return false }
      rest = rest.dropFirst()
    }
    guard rest.first == 32 else { return false }
    bytes = rest
    return true
  }

  /// `AM`/`PM`/`a.m.`/`p.m.` in any case; true for PM.
  mutating func meridiem() -> Bool? {
    var next = bytes.makeIterator()
    guard let first = next.next().map({ $0 | 0x20 }), first == UInt8(ascii: "a") || first == UInt8(ascii: "p") else {
      return nil
    }
    let pm = first == UInt8(ascii: "p")
    switch next.next() {
    case let byte? where byte | 0x20 == UInt8(ascii: "m"):
      bytes = bytes.dropFirst(2)
      return pm
    case UInt8(ascii: ".")?:
      guard let m = next.next(), m | 0x20 == UInt8(ascii: "m"), next.next() == UInt8(ascii: ".") else { return nil }
      bytes = bytes.dropFirst(4)
      return pm
    default:
      return nil
    }
  }

  /// `Z`, `±HH:MM`, `±HHMM` or `±HH`, in seconds east of UTC.
  mutating func offset() -> Int? {
    if consume("Z") || consume("z") { return 0 }
    let sign: Int
    if consume("+") {
      sign = 1
    } else if consume("-") || consume("\u{2212}") {
      sign = -1
    } else {
      return nil
    }
    guard let hours = number(digits: 2...2), hours <= 14 else { return nil }
    var minutes = 0
    if consume(":") {
      guard let m = number(digits: 2...2) else { return nil }
      minutes = m
    } else if let m = number(digits: 2...2) {
      minutes = m
    }
    guard minutes < 60 else { return nil }
    return sign * (hours * 3600 + minutes * 60)
  }
}
