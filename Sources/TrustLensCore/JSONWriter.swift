/// Builds JSON text with keys in the order they are written and numbers in their shortest
/// exact form, so outputs are byte-stable. Non-finite numbers become `null`.
///
/// Works on UTF-8 bytes in a buffer of its own (grown by doubling, freed with the writer):
/// plain runs of a string are copied at once, only `"`, `\` and control characters (and
/// U+2028/U+2029) are escaped. Noncopyable, so a writer is never shared by accident; pass
/// it `inout`.
package struct JSONWriter: ~Copyable {
  private var buffer: UnsafeMutablePointer<UInt8>
  private var count = 0
  private var capacity: Int
  /// Whether the next item of each open object or array needs a comma first, as a bit stack:
  /// bit 0 for the innermost (the document itself at depth 0); levels deeper than 63 spill
  /// into `outerCommas`. A stack of bits costs no array access per value.
  private var commas: UInt64 = 0
  private var depth = 0
  private var outerCommas: [UInt64] = []

  package init() {
    capacity = 1024
    buffer = .allocate(capacity: capacity)
  }

  deinit { buffer.deallocate() }

  /// The JSON built so far.
  package var text: String { String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self) }

  /// The JSON built since the last call, handed over and forgotten (nesting is kept): for
  /// writing a large document in pieces.
  package mutating func takeBytes() -> [UInt8] {
    defer { count = 0 }
    return Array(UnsafeBufferPointer(start: buffer, count: count))
  }

  // MARK: Structure

  package mutating func beginObject() { separate(); append(UInt8(ascii: "{")); push() }
  package mutating func endObject() { pop(); append(UInt8(ascii: "}")) }
  package mutating func beginArray() { separate(); append(UInt8(ascii: "[")); push() }
  package mutating func endArray() { pop(); append(UInt8(ascii: "]")) }

  /// Opens a level whose first item needs no comma. The register holds levels
  /// 64·k … depth, so it is full when `depth % 64 == 63`.
  private mutating func push() {
    if depth % 64 == 63 {
      outerCommas.append(commas)
      commas = 0
    } else {
      commas <<= 1
    }
    depth += 1
  }

  /// Closes the innermost level.
  private mutating func pop() {
    precondition(depth > 0, "JSONWriter: end without begin")
    depth -= 1
    if depth % 64 == 63 { commas = outerCommas.removeLast() } else { commas >>= 1 }
  }

  @inline(__always)
  private mutating func separate() {
    if commas & 1 != 0 { append(UInt8(ascii: ",")) }
    commas |= 1
  }

  /// Ends a line of JSON Lines (a newline, outside any value).
  package mutating func lineEnd() { append(UInt8(ascii: "\n")) }

  // MARK: Keys

  /// An object key encoded once (`"key":` as bytes), for keys written many times.
  ///
  /// The bytes live in a buffer that is never freed: names are made once, as static
  /// constants, and writing one then copies bytes and retains nothing.
  package struct Name: @unchecked Sendable {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>

    package init(_ key: String) {
      var json = JSONWriter()
      json.appendString(key)
      json.append(UInt8(ascii: ":"))
      let stored = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: json.count)
      stored.baseAddress!.initialize(from: json.buffer, count: json.count)
      bytes = UnsafeBufferPointer(stored)
    }
  }

  /// Writes a pre-encoded `"key":` — the next value belongs to it.
  package mutating func key(_ name: Name) {
    separate()
    append(name.bytes)
    commas &= ~1
  }

  /// Writes `"key":` — the next value belongs to it.
  package mutating func key(_ key: String) {
    separate()
    appendString(key)
    append(UInt8(ascii: ":"))
    commas &= ~1
  }

  package mutating func field(_ name: Name, _ string: String?) { key(name); value(string) }
  package mutating func field(_ name: Name, _ number: Double?) { key(name); value(number) }
  package mutating func field(_ name: Name, _ number: Int) { key(name); value(number) }
  package mutating func field(_ name: String, _ string: String?) { key(name); value(string) }
  package mutating func field(_ name: String, _ number: Double?) { key(name); value(number) }
  package mutating func field(_ name: String, _ number: Int) { key(name); value(number) }

  // MARK: Values

  package mutating func value(_ string: String?) {
    separate()
    if let string { appendString(string) } else { appendASCII("null") }
  }

  package mutating func value(_ number: Double?) {
    separate()
    guard let number, number.isFinite else {
      appendASCII("null")
      return
    }
    if number == number.rounded() && abs(number) < 1e15 {
      appendDigits(Int(number))
      appendASCII(".0")
    } else if !appendMillis(number) {
      appendASCII("\(number)")
    }
  }

  package mutating func value(_ number: Int) { separate(); appendDigits(number) }
  package mutating func value(_ flag: Bool) { separate(); appendASCII(flag ? "true" : "false") }
  package mutating func null() { separate(); appendASCII("null") }

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

  // MARK: Bytes

  /// Room for `extra` more bytes.
  @inline(__always)
  private mutating func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  private mutating func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.initialize(from: buffer, count: count)
    buffer.deallocate()
    buffer = grown
    capacity = newCapacity
  }

  @inline(__always)
  private mutating func append(_ byte: UInt8) {
    reserve(1)
    buffer[count] = byte
    count += 1
  }

  @inline(__always)
  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    reserve(bytes.count)
    (buffer + count).initialize(from: base, count: bytes.count)
    count += bytes.count
  }

  private mutating func appendASCII(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  private mutating func appendASCII(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends the decimal digits of `number` (a `-` first when negative), as `String(number)` spells it.
  private mutating func appendDigits(_ number: Int) {
    reserve(20)
    if number < 0 {
      buffer[count] = UInt8(ascii: "-")
      count += 1
    }
    var magnitude = number.magnitude
    var length = 1
    var rest = magnitude / 10
    while rest > 0 {
      length += 1
      rest /= 10
    }
    var index = count + length - 1
    repeat {
      buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
      magnitude /= 10
      index -= 1
    } while magnitude > 0
    count += length
  }

  /// Appends a number that is a whole number of thousandths, 0.001 ≤ |x| < 10⁹ and not whole
  /// (every intensity, weight and valence, rounded to 3 decimals), as `"\(number)"` spells it:
  /// the shortest decimal that reads back as the same double is then the thousandths with
  /// trailing zeros dropped. Returns false, appending nothing, for any other number.
  private mutating func appendMillis(_ number: Double) -> Bool {
    let magnitude = abs(number)
    guard magnitude >= 0.001, magnitude < 1e9 else { return false }
    let millis = (magnitude * 1000).rounded()
    guard millis / 1000 == magnitude else { return false }
    let whole = Int(millis) / 1000
    var fraction = Int(millis) % 1000
    guard fraction != 0 else { return false }
    if number < 0 { append(UInt8(ascii: "-")) }
    appendDigits(whole)
    reserve(4)
    buffer[count] = UInt8(ascii: ".")
    count += 1
    var divisor = 100
    while fraction > 0 {
      buffer[count] = UInt8(ascii: "0") + UInt8(fraction / divisor)
      count += 1
      fraction %= divisor
      divisor /= 10
    }
    return true
  }

  /// Appends `string` as a JSON string literal to `text`.
  package static func appendString(_ string: String, to text: inout String) {
    var json = JSONWriter()
    json.appendString(string)
    text += json.text
  }

  /// Appends `string` as a JSON string literal: quotes, backslashes and control characters
  /// escaped, U+2028/U+2029 as `\u` escapes, everything else as UTF-8.
  private mutating func appendString(_ string: String) {
    append(UInt8(ascii: "\""))
    if string.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
      var string = string  // not contiguous UTF-8 (bridged): made native once
      string.withUTF8 { appendEscaped($0) }
    }
    append(UInt8(ascii: "\""))
  }

  /// The body of a string literal (no quotes).
  private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    // Most strings (keys, tag names, most matched words) need no escape: one scan, one copy.
    var plain = true
    for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xE2 {
      plain = false
      break
    }
    if plain {
      append(utf8)
      return
    }
    var runStart = 0
    var index = 0
    func flush(_ json: inout JSONWriter) {
      if runStart < index { json.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
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
        flush(&self)
        let escaped: StaticString = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
        appendASCII(escaped)
        index += 3
        runStart = index
        continue
      default: break
      }
      if let escape {
        flush(&self)
        appendASCII(escape)
        index += 1
        runStart = index
      } else {
        index += 1
      }
    }
    flush(&self)
  }
}
