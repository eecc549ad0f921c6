import Testing
import TrustLensCore

@Suite struct LocalDayTests {
  @Test(arguments: [
    ("2026-11-25", 3), ("2026-01-05", 1), ("2024-02-29", 4), ("2000-01-01", 6), ("0001-01-01", 1),
  ])
  func weekdays(_ text: String, _ weekday: Int) throws {
    let day = try #require(LocalDay(iso: text))
    #expect(day.isoWeekday == weekday)
  }

  @Test func dayNumbersRoundTripAcrossCenturies() {
    for number in stride(from: 0, to: 3_650_000, by: 997) {
      let day = LocalDay(dayNumber: number)
      #expect(day.dayNumber == number)
      #expect(LocalDay(year: day.year, month: day.month, day: day.day) == day)
    }
  }

  @Test(arguments: [
    ("2026-01-01", 2026, 1), ("2027-01-01", 2026, 53), ("2024-12-30", 2025, 1), ("2026-11-25", 2026, 48),
  ])
  func isoWeeks(_ text: String, _ year: Int, _ week: Int) throws {
    let day = try #require(LocalDay(iso: text))
    #expect(day.isoWeek.year == year)
    #expect(day.isoWeek.week == week)
  }

  @Test func rejectsImpossibleDates() {
    #expect(LocalDay(iso: "2026-13-40") == nil)
    #expect(LocalDay(iso: "2025-02-29") == nil)
    #expect(LocalDay(iso: "0000-01-01") == nil)
    #expect(LocalDay(iso: "2026-1-01") == nil)
  }

  @Test func weekAndMonthStarts() throws {
    let day = try #require(LocalDay(iso: "2026-03-01"))  // a Sunday
    #expect(day.startOfISOWeek.description == "2026-02-23")
    #expect(day.startOfMonth.description == "2026-03-01")
    #expect(day.days(to: LocalDay(iso: "2026-03-15")!) == 14)
  }

  @Test func recordDatesPrintWithTheirOffset() throws {
    let day = try #require(LocalDay(iso: "2026-03-01"))
    #expect(RecordDate(day: day, secondsOfDay: 76_440, utcOffsetSeconds: -18_000).description == "2026-03-01T21:14:00-05:00")
    #expect(RecordDate(day: day, secondsOfDay: 0, utcOffsetSeconds: 0).description == "2026-03-01T00:00:00Z")
    #expect(RecordDate(day: day).description == "2026-03-01")
  }

  /// The byte-level spelling of days and times agrees with zero-padded decimal formatting
  /// everywhere: every day of 1999–2001 and the first and last years, times across a day,
  /// offsets on both sides of UTC.
  @Test func spellingsMatchPaddedFormatting() throws {
    func padded(_ value: Int, _ width: Int) -> String {
      String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }
    var days: [LocalDay] = []
    let start = try #require(LocalDay(iso: "1999-01-01"))
    for offset in 0..<(3 * 366) { days.append(start.adding(days: offset)) }
    days += [try #require(LocalDay(iso: "0001-01-01")), try #require(LocalDay(iso: "9999-12-31"))]
    for day in days {
      #expect(day.description == "\(padded(day.year, 4))-\(padded(day.month, 2))-\(padded(day.day, 2))")
    }
    let day = try #require(LocalDay(iso: "2026-03-01"))
    for seconds in stride(from: 0, to: 86_400, by: 3_599) {
      for offset in [-43_200, -18_000, -3_600, 0, 1_800, 19_800, 50_400] {
        let sign = offset < 0 ? "-" : "+"
        let zone = offset == 0 ? "Z" : "\(sign)\(padded(abs(offset) / 3600, 2)):\(padded(abs(offset) / 60 % 60, 2))"
        let time = "\(padded(seconds / 3600, 2)):\(padded(seconds / 60 % 60, 2)):\(padded(seconds % 60, 2))"
        #expect(RecordDate(day: day, secondsOfDay: seconds, utcOffsetSeconds: offset).description == "2026-03-01T\(time)\(zone)")
      }
    }
  }
}
