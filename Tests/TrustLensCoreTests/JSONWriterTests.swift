import Testing
@testable import TrustLensCore

/// The writer's own spelling of numbers and strings must be the one Swift's `description` and
/// the escaping rules give: outputs are byte-stable across the fast paths.
@Suite struct JSONWriterTests {
  private func written(_ number: Double) -> String {
    var json = JSONWriter()
    json.value(number)
    return json.text
  }

  private func expected(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? "\(Int(number)).0" : "\(number)"
  }

  @Test func thousandthsAreSpelledAsSwiftSpellsThem() {
    for millis in stride(from: -20_000, through: 20_000, by: 1) {
      let number = Double(millis) / 1000
      #expect(written(number) == expected(number), "\(millis)")
    }
    for number in [0.1 + 0.2, 123_456.789, 999_999_999.999, 1e9 + 0.5, 0.0005, 1e-7, 3.14159, -0.0, 1e300, 2.5e-5] {
      #expect(written(number) == expected(number), "\(number)")
    }
  }

  @Test func roundedAnalysisValuesKeepTheirSpelling() {
    // Values as the analyzer makes them: (x · 1000).rounded() / 1000.
    var generator = SplitMix(seed: 42)
    for _ in 0..<50_000 {
      let raw = Double(generator.next() % 4_000_001) / 1_000_000 - 2
      let rounded = (raw * 1000).rounded() / 1000
      #expect(written(rounded) == expected(rounded))
      #expect(written(raw) == expected(raw))
    }
  }

  @Test func integersAreSpelledAsStringDoes() {
    for number in [0, 7, -7, 10, 99, 100, 12_345, -12_345, Int.max, Int.min] {
      var json = JSONWriter()
      json.value(number)
      #expect(json.text == String(number))
    }
  }

  @Test func plainStringsAndEscapedStringsAgree() {
    var json = JSONWriter()
    json.beginArray()
    for text in ["plain words", "", "é and 🙂", "tab\there", "quote\"", "back\\slash", "\u{7F}", "a\u{2028}b", "€ sign"] {
      json.value(text)
    }
    json.endArray()
    #expect(json.text == #"["plain words","","é and 🙂","tab\there","quote\"","back\\slash","\u007f","a\u2028b","€ sign"]"#)
  }

  /// Commas are kept per level on a bit stack that spills every 64 levels: nesting deeper than
  /// that, and back out, must still put a comma between every two items and nowhere else.
  @Test func deepNestingKeepsEveryLevelsCommas() {
    for depth in [1, 2, 63, 64, 65, 127, 128, 129, 200] {
      var json = JSONWriter()
      var expected = ""
      for level in 0..<depth {
        json.beginArray()
        json.value(level)
        expected += "[\(level),"
      }
      json.beginObject()
      json.field("k", 1)
      json.field("l", 2)
      json.endObject()
      expected += #"{"k":1,"l":2}"#
      for level in (0..<depth).reversed() {
        json.value(-level)
        json.endArray()
        expected += ",\(-level)]"
      }
      #expect(json.text == expected, "depth \(depth)")
    }
  }

  @Test func namesAreWrittenAsTheirKeys() {
    let name = JSONWriter.Name("quote\"key")
    var json = JSONWriter()
    json.beginObject()
    json.field(name, 1)
    json.field(name, "x")
    json.endObject()
    #expect(json.text == #"{"quote\"key":1,"quote\"key":"x"}"#)
  }
}
