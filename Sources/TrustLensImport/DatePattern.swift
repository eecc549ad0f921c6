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
package struct DatePattern: Sendable, Equatable, CustomStringConvertible {
  enum Token: Equatable {
    case year4, year2, month, monthName, day, weekday, hour24, hour12, minute, second, meridiem, offset
    case literal(Character)
    case space
  }

  let tokens: [Token]
  /// The pattern as written.
  package let description: String

  /// Parses a pattern.
  /// - Throws: ``DatePatternError`` naming what is wrong (no year, month or day; `h` without `A`).
  package init(_ text: String) throws(DatePatternError) {
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
