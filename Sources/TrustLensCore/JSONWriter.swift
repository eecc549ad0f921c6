/// Builds JSON text with keys in the order they are written and numbers in their shortest
/// exact form, so outputs are byte-stable. Non-finite numbers become `null`.
///
/// Works on UTF-8 bytes: plain runs of a string are copied at once, only `"`, `\` and
/// control characters (and U+2028/U+2029) are escaped.
package struct JSONWriter {
  private var bytes: [UInt8] = []
  private var needsComma = [false]

  package init() {
    bytes.reserveCapacity(1024)
  }

  /// The JSON built so far.
  package var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The JSON built since the last call, handed over and forgotten (nesting is kept): for
  /// writing a large document in pieces.
  package mutating func takeBytes() -> [UInt8] {
    defer { bytes.removeAll(keepingCapacity: true) }
    return bytes
  }

  package mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
  package mutating func endObject() { needsComma.removeLast(); bytes.append(UInt8(ascii: "}")) }
  package mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
  package mutating func endArray() { needsComma.removeLast(); bytes.append(UInt8(ascii: "]")) }

  /// An object key encoded once (`"key":` as bytes), for keys written many times.
  package struct Name: Sendable {
    fileprivate let bytes: [UInt8]

    package init(_ key: String) {
      var bytes: [UInt8] = []
      JSONWriter.appendString(key, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      self.bytes = bytes
    }
  }

  /// Writes a pre-encoded `"key":` — the next value belongs to it.
  package mutating func key(_ name: Name) {
    separate()
    bytes.append(contentsOf: name.bytes)
    needsComma[needsComma.count - 1] = false
  }

  package mutating func field(_ name: Name, _ string: String?) { key(name); value(string) }
  package mutating func field(_ name: Name, _ number: Double?) { key(name); value(number) }
  package mutating func field(_ name: Name, _ number: Int) { key(name); value(number) }

  /// Ends a line of JSON Lines (a newline, outside any value).
  package mutating func lineEnd() { bytes.append(UInt8(ascii: "\n")) }

  /// Writes `"key":` — the next value belongs to it.
  package mutating func key(_ key: String) {
    separate()
    JSONWriter.appendString(key, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    needsComma[needsComma.count - 1] = false
  }

  package mutating func value(_ string: String?) {
    separate()
    if let string { JSONWriter.appendString(string, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
  }

  package mutating func value(_ number: Double?) {
    separate()
    guard let number, number.isFinite else {
      bytes.append(contentsOf: "null".utf8)
      return
    }
    if number == number.rounded() && abs(number) < 1e15 {
      JSONWriter.appendDigits(Int(number), to: &bytes)
      bytes.append(contentsOf: ".0".utf8)
    } else if !JSONWriter.appendMillis(number, to: &bytes) {
      bytes.append(contentsOf: "\(number)".utf8)
    }
  }

  package mutating func value(_ number: Int) { separate(); JSONWriter.appendDigits(number, to: &bytes) }

  /// Appends the decimal digits of `number` (a `-` first when negative), as `String(number)` spells it.
  static func appendDigits(_ number: Int, to bytes: inout [UInt8]) {
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = number.magnitude
    var divisor: UInt = 1
    while divisor <= magnitude / 10 { divisor *= 10 }
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
      magnitude %= divisor
      divisor /= 10
    } while divisor > 0
  }

  /// Appends a number that is a whole number of thousandths, 0.001 ≤ |x| < 10⁹ and not whole
  /// (every intensity, weight and valence, rounded to 3 decimals), as `"\(number)"` spells it:
  /// the shortest decimal that reads back as the same double is then the thousandths with
  /// trailing zeros dropped. Returns false, appending nothing, for any other number.
  static func appendMillis(_ number: Double, to bytes: inout [UInt8]) -> Bool {
    let magnitude = abs(number)
    guard magnitude >= 0.001, magnitude < 1e9 else { return false }
    let millis = (magnitude * 1000).rounded()
    guard millis / 1000 == magnitude else { return false }
    let whole = Int(millis) / 1000
    var fraction = Int(millis) % 1000
    guard fraction != 0 else { return false }
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDigits(whole, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    var divisor = 100
    while fraction > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
      fraction %= divisor
      divisor /= 10
    }
    return true
  }
  package mutating func value(_ flag: Bool) { separate(); bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
  package mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }

  package mutating func field(_ name: String, _ string: String?) { key(name); value(string) }
  package mutating func field(_ name: String, _ number: Double?) { key(name); value(number) }
  package mutating func field(_ name: String, _ number: Int) { key(name); value(number) }

  /// `"name":[{…},…]`: one object per item, its members written by `members`.
  package mutating func objects<Item>(_ name: String, _ items: some Sequence<Item>, members: (inout JSONWriter, Item) -> Void) {
    key(name)
    beginArray()
    for item in items {
      beginObject()
      members(&self, item)
      endObject()
    }
    endArray()
  }

  private mutating func separate() {
    if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
  }

  /// Appends `string` as a JSON string literal to `text`.
  package static func appendString(_ string: String, to text: inout String) {
    var bytes: [UInt8] = []
    appendString(string, to: &bytes)
    text += String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `string` as a JSON string literal: quotes, backslashes and control characters
  /// escaped, U+2028/U+2029 as `\u` escapes, everything else as UTF-8.
  static func appendString(_ string: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      // Most strings (keys, tag names, most matched words) need no escape: one scan, one copy.
      if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F || $0 == 0xE2 }) {
        bytes.append(contentsOf: utf8)
        return
      }
      var runStart = 0
      var index = 0
      func flush() {
        if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
      }
      while index < utf8.count {
        let byte = utf8[index]
        var escape: String?
        switch byte {
        case UInt8(ascii: "\""): escape = "\\\""
        case UInt8(ascii: "\\"): escape = "\\\\"
        case 0x0A: escape = "\\n"
        case 0x0D: escape = "\\r"
        case 0x09: escape = "\\t"
        case 0x00..<0x20, 0x7F:
          let hex = String(byte, radix: 16)
          escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
          flush()
          bytes.append(contentsOf: (utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
          index += 3
          runStart = index
          continue
        default: break
        }
        if let escape {
          flush()
          bytes.append(contentsOf: escape.utf8)
          index += 1
          runStart = index
        } else {
          index += 1
        }
      }
      flush()
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
