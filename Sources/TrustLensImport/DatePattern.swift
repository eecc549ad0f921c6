/// A pattern for dates written in a fixed non-ISO form (pipeline `date_format:`,
/// `--date-format`), in the tokens spreadsheet and JavaScript users know:
///
/// | token | matches |
/// | --- | --- |
/// | `YYYY` / `YY` | year, 4 digits / 2 digits (00–68 → 20xx, 69–99 → 19xx) |
/// | `M` `MM` | month number (1 or 2 digits) |
/// | `MMM` `MMMM` | month name in English, short or long (`Mar`, `March`; either is accepted) |
/// | `D` `DD` | day of the month (1 or 2 digits; `2nd` is read too) |
/// | `dddd` `ddd` | a weekday name, skipped |
/// | `H` `HH` / `h` `hh` | hour, 24-hour / 12-hour (with `A`) |
/// | `m` `mm`, `s` `ss` | minutes, seconds (`ss.SSS` fractions are read and dropped) |
/// | `A` `a` | `AM`/`PM` (also `a.m.`/`p.m.`, any case) |
/// | `Z` | an offset: `Z`, `+01:00`, `+0100` |
/// | `[text]` | `text` literally |
///
/// Any other character must appear as written, except that a space matches any run of white
/// space. A time after a date-only pattern is read as in ISO dates (`01.03.2026 21:14`).
/// `DD/MM/YYYY` and `MM/DD/YYYY` keep their older meaning (day/month order, any separator:
/// see ``DayOrder``).
public struct DatePattern: Sendable, Equatable, CustomStringConvertible {
  enum Token: Equatable {
    case year4, year2, month, monthName, day, weekday, hour24, hour12, minute, second, meridiem, offset
    case literal(Character)
    case space
  }

  let tokens: [Token]
  /// The pattern as written.
  public let description: String

  /// Parses a pattern.
  /// - Throws: ``DatePatternError`` naming what is wrong (no year, month or day; `h` without `A`).
  public init(_ text: String) throws(DatePatternError) {
    var tokens: [Token] = []
    var characters = Array(text)[...]
    func run(of character: Character) -> Int { characters.prefix { $0 == character }.count }
    while let character = characters.first {
      let count = run(of: character)
      var consumed = count
      switch character {
      case "Y":
        guard count == 4 || count == 2 else { throw DatePatternError("\(text): the year is YYYY or YY") }
        tokens.append(count == 4 ? .year4 : .year2)
      case "M": tokens.append(count >= 3 ? .monthName : .month)
      case "D": tokens.append(.day)
      case "d": tokens.append(.weekday)
      case "H": tokens.append(.hour24)
      case "h": tokens.append(.hour12)
      case "m": tokens.append(.minute)
      case "s": tokens.append(.second)
      case "S": break  // fractions of seconds follow `ss` as `.SSS`
      case "A", "a":
        consumed = 1
        tokens.append(.meridiem)
      case "Z":
        consumed = 1
        tokens.append(.offset)
      case "[":
        guard let close = characters.firstIndex(of: "]") else {
          throw DatePatternError("\(text): a [ without its ]")
        }
        tokens += characters[characters.index(after: characters.startIndex)..<close].map(Token.literal)
        consumed = characters.distance(from: characters.startIndex, to: close) + 1
      default:
        if character.isWhitespace {
          consumed = characters.prefix(while: \.isWhitespace).count
          tokens.append(.space)
        } else {
          consumed = 1
          tokens.append(.literal(character))
        }
      }
      characters = characters.dropFirst(consumed)
    }
    // A fraction written `ss.SSS` leaves a literal `.` at the end of the seconds.
    if let dot = tokens.lastIndex(of: .literal(".")), dot > 0, tokens[dot - 1] == .second, dot == tokens.count - 1 {
      tokens.remove(at: dot)
    }
    let has = { (wanted: [Token]) in tokens.contains { wanted.contains($0) } }
    guard has([.year4, .year2]), has([.month, .monthName]), has([.day]) else {
      throw DatePatternError("\(text): a date pattern needs the year (YYYY), month (MM or MMM) and day (DD)")
    }
    if has([.hour12]) && !has([.meridiem]) {
      throw DatePatternError("\(text): a 12-hour hour (h) needs AM/PM (A); use H for 24-hour times")
    }
    self.tokens = tokens
    self.description = text
  }

  /// The parts a value holds, or `nil` when it does not match. `rest` is what follows the
  /// pattern (a time after a date-only pattern).
  func match(_ text: Substring) -> (year: Int, month: Int, day: Int, secondsOfDay: Int?, offset: Int?, rest: Substring)? {
    var scanner = TextScanner(text)
    var year = 0, month = 0, day = 0
    var hour: Int?, minute = 0, second = 0
    var twelveHour = false
    var meridiem: Bool?  // true for PM
    var offset: Int?
    for token in tokens {
      switch token {
      case .year4:
        guard let value = scanner.number(digits: 4...4) else { return nil }
        year = value
      case .year2:
        guard let value = scanner.number(digits: 2...2) else { return nil }
        year = value < 69 ? 2000 + value : 1900 + value
      case .month:
        guard let value = scanner.number(digits: 1...2) else { return nil }
        month = value
      case .monthName:
        guard let value = scanner.monthName() else { return nil }
        month = value
      case .day:
        guard let value = scanner.number(digits: 1...2) else { return nil }
        day = value
        scanner.ordinalSuffix()
      case .weekday:
        guard scanner.weekdayName() else { return nil }
      case .hour24, .hour12:
        guard let value = scanner.number(digits: 1...2) else { return nil }
        hour = value
        twelveHour = token == .hour12
      case .minute:
        guard let value = scanner.number(digits: 2...2) else { return nil }
        minute = value
      case .second:
        guard let value = scanner.number(digits: 2...2) else { return nil }
        second = min(value, 59)
        if scanner.consume(".") || scanner.consume(",") {
          guard scanner.number(digits: 1...9) != nil else { return nil }
        }
      case .meridiem:
        scanner.skipSpaces()
        guard let pm = scanner.meridiem() else { return nil }
        meridiem = pm
      case .offset:
        scanner.skipSpaces()
        guard let value = scanner.offset() else { return nil }
        offset = value
      case .literal(let character):
        guard scanner.consume(literal: character) else { return nil }
      case .space:
        guard scanner.skipSpaces() else { return nil }
      }
    }
    var secondsOfDay: Int?
    if var hour {
      if twelveHour || meridiem != nil {
        guard (1...12).contains(hour), let meridiem else { return nil }
        hour = hour % 12 + (meridiem ? 12 : 0)
      }
      guard hour < 24, minute < 60 else { return nil }
      secondsOfDay = hour * 3600 + minute * 60 + second
    }
    return (year, month, day, secondsOfDay, offset, scanner.rest)
  }
}

/// Why a `date_format:` pattern cannot be used.
public struct DatePatternError: Error, Sendable, Equatable, CustomStringConvertible {
  public let message: String
  init(_ message: String) { self.message = message }
  public var description: String { message }
}

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

/// English month and weekday names, the ones dates in exports use.
enum MonthNames {
  private static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]
  private static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

  /// The month (1–12) of a full name or a three-letter abbreviation (lower case).
  static func month(_ lowered: String) -> Int? {
    guard lowered.count >= 3 else { return nil }
    if lowered == "sept" { return 9 }
    return months.firstIndex { $0 == lowered || ($0.hasPrefix(lowered) && lowered.count == 3) }.map { $0 + 1 }
  }

  /// True for a weekday's full name or a three- or four-letter abbreviation (lower case).
  static func isWeekday(_ lowered: String) -> Bool {
    guard lowered.count >= 3 else { return false }
    return weekdays.contains { $0 == lowered || ($0.hasPrefix(lowered) && (3...4).contains(lowered.count)) }
  }
}
