import Foundation
import Testing
import TrustLensCore
import TrustLensImport

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
  ])
  func accepted(_ text: String, _ expected: String) throws {
    let parsed = try berlin.parse(text).get()
    #expect(parsed.description == expected)
  }

  @Test(arguments: ["2026-13-40", "2026-02-30", "yesterday", "2026-03-01T25:00", "2026-03-01T10:00+25:00", ""])
  func rejected(_ text: String) {
    guard case .failure(let failure) = berlin.parse(text) else {
      Issue.record("\(text) parsed")
      return
    }
    #expect(failure.message == "invalid date \"\(text)\"")
  }
}
