import Foundation
import Testing
import TrustLensCore
@testable import TrustLensImport

@Suite struct DateParserTests {
  let berlin = DateParser(timeZone: TimeZone(identifier: "Europe/Berlin")!)

  @Test(arguments: [
    ("2026-03-01", "2026-03-01"),
    ("2026-03-01T21:14", "2026-03-01T21:14:00+01:00"),
    ("2026-03-01 21:14:05.250", "2026-03-01T21:14:05+01:00"),
    ("2026-07-01 09:00", "2026-07-01T09:00:00+02:00"),
    ("2026-03-01T21:14:00Z", "2026-03-01T21:14:00Z"),
    ("2026-03-01T21:14:00-0500", "2026-03-01T21:14:00-05:00"),
    ("2026/03/01 08:30", "2026-03-01T08:30:00+01:00"),
    ("2026-03-29 03:30", "2026-03-29T03:30:00+02:00"),
    // 12-hour clocks, `at`, offsets in each spelling, a minus sign.
    ("2026-03-01 9:14 PM", "2026-03-01T21:14:00+01:00"),
    ("2026-03-01 9:14pm", "2026-03-01T21:14:00+01:00"),
    ("2026-03-01 12:05 a.m.", "2026-03-01T00:05:00+01:00"),
    ("2026-03-01 12:05 P.M.", "2026-03-01T12:05:00+01:00"),
    ("2026-03-01 at 9:14 AM", "2026-03-01T09:14:00+01:00"),
    ("2026-03-01, AT 9:14", "2026-03-01T09:14:00+01:00"),
    ("2026-03-01T21:14:00z", "2026-03-01T21:14:00Z"),
    ("2026-03-01T21:14:00+05:30", "2026-03-01T21:14:00+05:30"),
    ("2026-03-01T21:14:00\u{2212}03", "2026-03-01T21:14:00-03:00"),
  ])
  func accepted(_ text: String, _ expected: String) throws {
    let parsed = try berlin.parse(text).get()
    #expect(parsed.description == expected)
  }

  @Test(arguments: [
    "2026-13-40", "2026-02-30", "yesterday", "2026-03-01T25:00", "2026-03-01T10:00+25:00", "",
    "2026-03-01 13:14 PM", "2026-03-01 9:14 a.m", "2026-03-01 9:14 PMX", "2026-03-01 atx 9:14", "2026-03-01 at9:14",
  ])
  func rejected(_ text: String) {
    guard case .failure(let failure) = berlin.parse(text) else {
      Issue.record("\(text) parsed")
      return
    }
    #expect(failure.message == "invalid date \"\(text)\"")
  }

  /// A year alone is rejected, not read as an Excel serial day of 1905; serials take five
  /// digits (1927 on).
  @Test func aYearAloneIsNotADay() throws {
    guard case .failure(let failure) = berlin.parse("2026") else {
      Issue.record("2026 parsed")
      return
    }
    #expect(failure.message == "invalid date \"2026\": a year alone is not a date")
    for small in ["99", "9999"] {
      if case .success(let date) = berlin.parse(small) { Issue.record("\(small) parsed as \(date)") }
    }
    #expect(try berlin.parse("46083").get().description == "2026-03-02")
  }

  /// The byte-level fast path for ISO times gives, for every time it reads, what the general
  /// clock rule gives, and leaves every other time to it.
  @Test func theISOFastPathAgreesWithTheClockRule() throws {
    var checked = 0
    for separator in ["T", " ", "  ", ",", " at "] {
      for hour in ["00", "9", "09", "23", "24"] {
        for minute in ["00", "59", "60", "5"] {
          for second in ["", ":05", ":60", ":05.250", ":05,1", ":05.", ":5"] {
            for zone in ["", "Z", "z", "+05:30", "-0500", "+14", "+15", "-05:3", " -05:00", "+05:60", "x", " PM", "\u{2212}02"] {
              let time = separator + hour + ":" + minute + second + zone
              let reference = DateParser.clock(Substring(time))
              let parsed = try? berlin.parse("2026-03-01" + time).get()
              #expect((reference == nil) == (parsed == nil), "\(time.debugDescription)")
              if let reference, let parsed {
                #expect(parsed.secondsOfDay == reference.secondsOfDay, "\(time.debugDescription)")
                if let offset = reference.offset { #expect(parsed.utcOffsetSeconds == offset, "\(time.debugDescription)") }
              }
              checked += 1
            }
          }
        }
      }
    }
    #expect(checked == 5 * 5 * 4 * 7 * 13)
  }
}
