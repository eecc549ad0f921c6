import Testing
import TrustLensCore

/// `SpillReader` reads are bounds-checked: a truncated or corrupted frame throws, never traps.
@Suite struct SpillReaderTests {
  static func frameFields() -> [UInt8] {
    var writer = SpillWriter()
    writer.string("subject ü")
    writer.tags(["betrayal": 0.9, "anger": 0.25])
    writer.int(-5)
    writer.double(0.5)
    return writer.buffer
  }

  static func read(_ bytes: [UInt8]) throws -> (String, [String: Double], Int, Double) {
    try bytes.withUnsafeBufferPointer { buffer in
      var reader = SpillReader(buffer)
      return (try reader.string(), try reader.tags(), try reader.int(), try reader.double())
    }
  }

  @Test func wholeFieldsReadBack() throws {
    let (subject, tags, number, value) = try Self.read(Self.frameFields())
    #expect(subject == "subject ü" && tags == ["betrayal": 0.9, "anger": 0.25] && number == -5 && value == 0.5)
  }

  /// Every cut of the fields, at every byte, throws.
  @Test func everyTruncationThrows() {
    let bytes = Self.frameFields()
    for length in 0..<bytes.count {
      #expect(throws: SpillReader.CorruptFrame.self, "cut at \(length)") { _ = try Self.read(Array(bytes.prefix(length))) }
    }
  }

  /// A string length or a tag count that is negative or larger than the frame throws.
  @Test(arguments: [Int64(-1), Int64.min, Int64.max, 1 << 40, 30])
  func impossibleLengthsAndCountsThrow(_ value: Int64) {
    var asLength = SpillWriter()
    asLength.int(Int(value))
    asLength.int(7)
    #expect(throws: SpillReader.CorruptFrame.self) {
      _ = try asLength.buffer.withUnsafeBufferPointer { buffer in
        var reader = SpillReader(buffer)
        return try reader.string()
      }
    }
    #expect(throws: SpillReader.CorruptFrame.self) {
      _ = try asLength.buffer.withUnsafeBufferPointer { buffer in
        var reader = SpillReader(buffer)
        return try reader.tags()
      }
    }
  }
}
