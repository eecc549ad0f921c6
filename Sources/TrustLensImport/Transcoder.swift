/// Turns bytes of one encoding into UTF-8, chunk by chunk (a character split between two
/// chunks is carried over). Code units that cannot be decoded (a lone UTF-16 surrogate, an
/// odd final byte) become U+FFFD.
struct Transcoder {
  private enum Kind { case utf16(bigEndian: Bool), singleByte(windows1252: Bool) }
  private let kind: Kind
  /// A first byte of a UTF-16 code unit waiting for its second.
  private var carry: UInt8?
  /// A high surrogate waiting for its low half.
  private var high: UInt32?

  /// `nil` for UTF-8, which needs no transcoding.
  init?(_ encoding: TextEncoding) {
    switch encoding {
    case .utf8: return nil
    case .utf16LE: kind = .utf16(bigEndian: false)
    case .utf16BE: kind = .utf16(bigEndian: true)
    case .windows1252: kind = .singleByte(windows1252: true)
    case .latin1: kind = .singleByte(windows1252: false)
    }
  }

  /// Decodes `input` into `output` from `start`; returns the new end. `output` has room for
  /// three bytes per input byte (plus four). With `final`, anything carried over is flushed.
  mutating func decode(
    _ input: UnsafeBufferPointer<UInt8>, final: Bool, into output: UnsafeMutableBufferPointer<UInt8>, at start: Int
  ) -> Int {
    var end = start
    func put(_ scalar: UInt32) {
      let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
      for byte in UTF8.encode(value)! {
        output[end] = byte
        end += 1
      }
    }
    switch kind {
    case .singleByte(let windows1252):
      for byte in input {
        if byte < 0x80 {
          output[end] = byte
          end += 1
        } else if windows1252 && byte < 0xA0 {
          put(Transcoder.windows1252High[Int(byte - 0x80)])
        } else {
          put(UInt32(byte))
        }
      }
    case .utf16(let bigEndian):
      var index = 0
      while index < input.count {
        let first: UInt8
        if let carried = carry {
          first = carried
          carry = nil
        } else {
          first = input[index]
          index += 1
        }
        guard index < input.count else {
          carry = first
          break
        }
        let second = input[index]
        index += 1
        let unit = bigEndian ? UInt32(first) << 8 | UInt32(second) : UInt32(second) << 8 | UInt32(first)
        if let pendingHigh = high {
          high = nil
          if (0xDC00...0xDFFF).contains(unit) {
            put(0x10000 + ((pendingHigh - 0xD800) << 10) + (unit - 0xDC00))
            continue
          }
          put(0xFFFD)
        }
        if (0xD800...0xDBFF).contains(unit) {
          high = unit
        } else if (0xDC00...0xDFFF).contains(unit) {
          put(0xFFFD)
        } else {
          put(unit)
        }
      }
      if final {
        if carry != nil { put(0xFFFD) }
        if high != nil { put(0xFFFD) }
        carry = nil
        high = nil
      }
    }
    return end
  }

  /// Windows-1252's characters for 0x80–0x9F (the five unassigned bytes keep their C1 code
  /// point, as browsers decode them).
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
    0x017E, 0x0178,
  ]
}
