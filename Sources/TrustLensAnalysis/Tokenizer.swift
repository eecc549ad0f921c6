/// Splits messy real text into tokens and sentences, on UTF-8 bytes with an ASCII fast path.
///
/// Handles curly and straight apostrophes, contractions with and without apostrophes, case,
/// accents (letters of any script are word characters), emoji and emoticons, repeated
/// letters and punctuation, list markers and Markdown remnants (`#`, `*`, `_`, `>` are
/// ignored). A sentence ends at `.`, `!`, `?` (runs count once) and at every line end.
///
/// One pass per word: the lower-cased bytes, their hash and letter-run detection are
/// computed together as the word is scanned; a known word then takes its stems from the
/// vocabulary's table, an unknown one walks the stem trie.
struct Tokenizer: Sendable {
  let lexicon: CompiledLexicon

  /// The most UTF-8 bytes of one text that are analysed (offsets are 32-bit); the rest of a
  /// longer text is ignored.
  static let maximumBytes = 1 << 30

  /// Emoticons read as tokens (`xD` starts with a letter, so it is scanned as a word).
  static let emoticons: [[UInt8]] = [
    ":-)", ":)", ":-(", ":(", ":-d", ":d", ";-)", ";)", ":'(", ":/", ":-/", ":p", ":-p", "<3",
    "</3", ":|", ":-|", ":o", "=)", "=(",
  ].map { Array($0.utf8) }

  /// ASCII letters and digits: the word bytes of the fast path.
  @inline(__always)
  private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
    let folded = byte | 0x20
    return (folded >= 0x61 && folded <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
  }

  /// The word being scanned: its lower-cased bytes and what is computed along the way.
  struct WordScan: ~Copyable {
    private var buffer = UnsafeList<UInt8>(capacity: 64)
    var hash = Vocabulary.hashSeed
    var hasRun = false
    var letters = 0
    var upper = 0
    private var runLength = 0

    init() {}

    var bytes: UnsafeBufferPointer<UInt8> { buffer.elements }

    mutating func reset() {
      buffer.removeAll()
      hash = Vocabulary.hashSeed
      runLength = 0
      hasRun = false
      letters = 0
      upper = 0
    }

    /// Appends one lower-cased byte, stepping the hash and the run count.
    @inline(__always)
    mutating func push(_ byte: UInt8) {
      if byte >= 0x61 && byte <= 0x7A, buffer.last == byte {
        runLength += 1
        if runLength >= 3 { hasRun = true }
      } else {
        runLength = 1
      }
      buffer.append(byte)
      hash = Vocabulary.hashStep(hash, byte)
    }

    /// Empties the word and gives room for ``plainCapacity`` bytes, which the caller
    /// writes and then keeps with ``keepPlain(_:hash:hasRun:letters:upper:)``.
    @inline(__always)
    mutating func plainStorage() -> UnsafeMutablePointer<UInt8> {
      buffer.removeAll()
      return buffer.appendUninitialized(count: WordScan.plainCapacity)
    }

    /// Keeps the first `count` bytes written to ``plainStorage()``, with what was computed
    /// over them.
    @inline(__always)
    mutating func keepPlain(_ count: Int, hash: UInt64, hasRun: Bool, letters: Int, upper: Int) {
      buffer.removeLast(WordScan.plainCapacity &- count)
      self.hash = hash
      self.hasRun = hasRun
      self.letters = letters
      self.upper = upper
    }

    /// The longest word ``Tokenizer/scanPlainWord(_:from:into:)`` reads.
    static let plainCapacity = 64
  }

  /// Splits `text` into `result` (emptied first), scanning words with `word`.
  func tokenize(_ text: UnsafeBufferPointer<UInt8>, into result: inout TokenizedText, word: inout Tokenizer.WordScan) {
    var end = min(text.count, Tokenizer.maximumBytes)
    while end < text.count, end > 0, text[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
    let bytes = UnsafeBufferPointer(rebasing: text[0..<end])
    result.reset()
    result.tokens.reserveCapacity(bytes.count / 5 + 4)
    result.stems.reserveCapacity(bytes.count / 8 + 4)
    var sentence: Int32 = 0, clause: Int32 = 0
    var sentenceHasContent = false
    var index = 0  // byte offset
    var scalarIndex = 0

    func endSentence() {
      guard sentenceHasContent else { return }
      sentence += 1
      clause += 1
      result.sentences.append(SentenceInfo())
      sentenceHasContent = false
    }
    func appendToken(id: Int32, start: Int, end: Int, byteStart: Int, byteEnd: Int, stemStart: Int, shouted: Bool, isWord: Bool) {
      let classes = lexicon.classes(of: id)
      if !sentenceHasContent { result.sentences[Int(sentence)].firstToken = Int32(result.tokens.count) }
      if isWord, classes.contains(.startsClause), sentenceHasContent { clause += 1 }
      if classes.contains(.contrast) { result.sentences[Int(sentence)].contrastClause = clause }
      // Offsets fit 32 bits: a text is read up to `maximumBytes` (2³⁰) bytes.
      result.tokens.append(
        Token(
          id: id, stemStart: Int32(truncatingIfNeeded: stemStart), start: Int32(truncatingIfNeeded: start),
          end: Int32(truncatingIfNeeded: end), byteStart: Int32(truncatingIfNeeded: byteStart),
          byteEnd: Int32(truncatingIfNeeded: byteEnd), sentence: sentence, clause: clause, classes: classes,
          stemCount: UInt8(min(result.stems.count - stemStart, 255)), isShouted: shouted))
      sentenceHasContent = true
    }

    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: " ") {  // the commonest byte: nothing to do
        index += 1
        scalarIndex += 1
        continue
      }
      let (scalar, length) = byte < 0x80 ? (Unicode.Scalar(byte), 1) : Tokenizer.decode(bytes, at: index)
      if byte < 0x80 ? Tokenizer.isASCIIWordByte(byte) : Tokenizer.isWordScalar(scalar) {
        let stemStart = result.stems.count
        let (end, scalars) =
          (byte < 0x80 ? scanPlainWord(bytes, from: index, into: &word) : nil) ?? scanWord(bytes, from: index, into: &word)
        let id = lookup(word.bytes, hash: word.hash, hasRun: word.hasRun)
        // A word spelled as the vocabulary has it takes its stems from the vocabulary's table;
        // others (unknown, or with letter runs shortened for the lookup) walk the stem trie.
        if id.written >= 0 {
          lexicon.vocabulary.appendStems(ofWord: id.written, to: &result.stems)
        } else {
          lexicon.vocabulary.stems(of: word.bytes, into: &result.stems)
        }
        appendToken(
          id: id.meant, start: scalarIndex, end: scalarIndex + scalars, byteStart: index, byteEnd: end,
          stemStart: stemStart, shouted: word.letters >= 2 && word.upper == word.letters, isWord: true)
        result.wordCount += 1
        index = end
        scalarIndex += scalars
        continue
      }
      if Tokenizer.mayStartEmoticon(byte), let emoticon = emoticon(bytes, at: index) {
        let pattern = Tokenizer.emoticons[emoticon]
        appendToken(
          id: lexicon.vocabulary.id(bytes: pattern[...]), start: scalarIndex, end: scalarIndex + pattern.count, byteStart: index,
          byteEnd: index + pattern.count, stemStart: result.stems.count, shouted: false, isWord: false)
        index += pattern.count
        scalarIndex += pattern.count
        continue
      }
      if byte >= 0x80, Tokenizer.isEmoji(scalar) {
        appendToken(
          id: lexicon.vocabulary.id(String(scalar)) ?? -1, start: scalarIndex, end: scalarIndex + 1, byteStart: index,
          byteEnd: index + length, stemStart: result.stems.count, shouted: false, isWord: false)
        index += length
        scalarIndex += 1
        continue
      }
      switch scalar {
      case "!":
        result.sentences[Int(sentence)].exclamations += 1
        let next = nextScalar(bytes, after: index + length)
        if next != "!" && next != "?" { endSentence() }
      case "?":
        result.sentences[Int(sentence)].isQuestion = true
        let next = nextScalar(bytes, after: index + length)
        if next != "!" && next != "?" { endSentence() }
      case ".", "…":
        if !(nextScalar(bytes, after: index + length).map(Tokenizer.isWordScalar) ?? false) { endSentence() }
      case "\n", "\r", "\u{2028}", "\u{2029}":
        endSentence()
      case ",", ";", ":", "(", ")", "—", "–", "\"", "“", "”":
        clause += 1
      case "-" where nextScalar(bytes, after: index + length) == " ":
        clause += 1
      default:
        break
      }
      index += length
      scalarIndex += 1
    }
    if !sentenceHasContent && result.sentences.count > 1 { result.sentences.removeLast() }
  }

  /// ``scanWord(_:from:into:)`` for the commonest word: ASCII letters and digits only, at
  /// most ``WordScan/plainCapacity`` of them, ended by the text's end or by an ASCII byte
  /// that cannot join it to more (not an apostrophe or a hyphen). Returns nil, with `word`
  /// in no defined state, for every other word. Its state stays in registers until the word
  /// ends, which the general scanner's byte-at-a-time pushes cannot do.
  @inline(__always)
  func scanPlainWord(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into word: inout WordScan
  ) -> (end: Int, scalars: Int)? {
    let limit = min(bytes.count, start &+ WordScan.plainCapacity)
    let out = word.plainStorage()
    var hash = Vocabulary.hashSeed, previous: UInt8 = 0, runLength = 0, hasRun = false
    var letters = 0, upper = 0
    var end = start
    while end < limit {
      let byte = bytes[end]
      let isUpper = byte &- 0x41 < 26
      let lower = isUpper ? byte | 0x20 : byte
      let isLetter = lower &- 0x61 < 26
      guard isLetter || byte &- 0x30 < 10 else { break }
      if isLetter { letters &+= 1 }
      if isUpper { upper &+= 1 }
      if isLetter && lower == previous {
        runLength &+= 1
        if runLength >= 3 { hasRun = true }
      } else {
        runLength = 1
      }
      previous = lower
      out[end &- start] = lower
      hash = Vocabulary.hashStep(hash, lower)
      end &+= 1
    }
    if end < bytes.count {
      let next = bytes[end]
      guard end < limit, next < 0x80, next != UInt8(ascii: "'"), next != UInt8(ascii: "-") else { return nil }
    }
    word.keepPlain(end &- start, hash: hash, hasRun: hasRun, letters: letters, upper: upper)
    return (end, end &- start)
  }

  /// Scans the word starting at `start`: word scalars, joined by apostrophes or hyphens
  /// between them. Fills `word`; returns the byte offset after the word and its length in
  /// scalars.
  @inline(__always)
  func scanWord(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into word: inout WordScan
  ) -> (end: Int, scalars: Int) {
    word.reset()
    var end = start, scalars = 0
    while end < bytes.count {
      let byte = bytes[end]
      if byte < 0x80 {
        if byte >= 0x61 && byte <= 0x7A {
          word.letters += 1
          word.push(byte)
          end += 1
          scalars += 1
          continue
        }
        if byte >= 0x41 && byte <= 0x5A {
          word.letters += 1
          word.upper += 1
          word.push(byte | 0x20)
          end += 1
          scalars += 1
          continue
        }
        if byte >= 0x30 && byte <= 0x39 {
          word.push(byte)
          end += 1
          scalars += 1
          continue
        }
        guard byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-"), scalars > 0,
          let after = nextScalar(bytes, after: end + 1), Tokenizer.isWordScalar(after)
        else { break }
        word.push(byte)
        end += 1
        scalars += 1
        continue
      }
      let (scalar, length) = Tokenizer.decode(bytes, at: end)
      if Tokenizer.isWordScalar(scalar) {
        if scalar.value >= 0xC0 && scalar.value <= 0xFF {
          // Latin-1 letters: upper case is À–Þ, its lower case 0x20 above.
          let isUpper = scalar.value <= 0xDE
          let lowered = isUpper ? scalar.value + 0x20 : scalar.value
          word.letters += 1
          if isUpper { word.upper += 1 }
          word.push(UInt8(0xC0 | lowered >> 6))
          word.push(UInt8(0x80 | lowered & 0x3F))
          end += length
          scalars += 1
          continue
        }
        let lowered = Tokenizer.lowered(scalar)
        if lowered.isLetter { word.letters += 1 }
        if lowered.isUpper { word.upper += 1 }
        for index in 0..<lowered.count {
          word.push(UInt8(truncatingIfNeeded: lowered.bytes >> (8 * UInt64(index))))
        }
        end += length
        scalars += 1
        continue
      }
      guard Tokenizer.isJoiner(scalar), scalars > 0, let after = nextScalar(bytes, after: end + length),
        Tokenizer.isWordScalar(after)
      else { break }
      word.push(scalar == "‐" ? UInt8(ascii: "-") : UInt8(ascii: "'"))
      end += length
      scalars += 1
    }
    return (end, scalars)
  }

  @inline(__always)
  private func nextScalar(_ bytes: UnsafeBufferPointer<UInt8>, after index: Int) -> Unicode.Scalar? {
    guard index < bytes.count else { return nil }
    return bytes[index] < 0x80 ? Unicode.Scalar(bytes[index]) : Tokenizer.decode(bytes, at: index).0
  }

  /// The id of a scanned word: letter runs of three or more are shortened to two, or to one
  /// when only that is a known word (`soooo` → `so`); contractions are redirected.
  ///
  /// - Returns: `meant`, the id the word stands for (or -1), and `written`, the id of the
  ///   word exactly as scanned (-1 when unknown or when a run had to be shortened).
  ///
  /// Takes the word's parts rather than the word, which would be copied whole for the call.
  private func lookup(
    _ written: UnsafeBufferPointer<UInt8>, hash: UInt64, hasRun: Bool
  ) -> (meant: Int32, written: Int32) {
    var id: Int32
    if hasRun {
      let bytes = Array(written)
      id = lexicon.vocabulary.id(bytes: Tokenizer.shortenRuns(bytes, keep: 2)[...])
      if id < 0 { id = lexicon.vocabulary.id(bytes: Tokenizer.shortenRuns(bytes, keep: 1)[...]) }
      return (id >= 0 ? lexicon.redirectTable[Int(id)] : id, -1)
    }
    id = lexicon.vocabulary.id(hash: Vocabulary.finish(hash), bytes: written)
    return (id >= 0 ? lexicon.redirectTable[Int(id)] : id, id)
  }

  /// Runs of three or more equal ASCII letters shortened to `keep` letters.
  static func shortenRuns(_ word: [UInt8], keep: Int) -> [UInt8] {
    var result: [UInt8] = []
    var run = 0
    for (i, byte) in word.enumerated() {
      run = i > 0 && word[i - 1] == byte ? run + 1 : 1
      if run <= keep || !(byte >= 0x61 && byte <= 0x7A) { result.append(byte) }
    }
    return result
  }

  /// A non-ASCII word scalar lower-cased (straight apostrophes and hyphens): its UTF-8
  /// bytes packed little-endian, and its case.
  struct LoweredScalar {
    var bytes: UInt64 = 0
    var count = 0
    var isLetter = false
    var isUpper = false
  }

  /// Kept out of line: Unicode properties are resilient types, and inlined they would cost
  /// every word scan a metadata lookup, even in ASCII text.
  @inline(never)
  static func lowered(_ scalar: Unicode.Scalar) -> LoweredScalar {
    var result = LoweredScalar()
    func add(_ byte: UInt8) {
      guard result.count < 8 else { return }  // no lower-case mapping is that long
      result.bytes |= UInt64(byte) << (8 * UInt64(result.count))
      result.count += 1
    }
    switch scalar {
    case "’", "‘", "ʼ": add(UInt8(ascii: "'"))
    case "‐": add(UInt8(ascii: "-"))
    default:
      let properties = scalar.properties
      result.isLetter = properties.isAlphabetic
      result.isUpper = result.isLetter && properties.isUppercase
      if !properties.changesWhenLowercased {
        for byte in UTF8.encode(scalar)! { add(byte) }
      } else {
        for byte in properties.lowercaseMapping.utf8 { add(byte) }
      }
    }
    return result
  }

  /// The scalar starting at `index` of valid UTF-8 and its length in bytes.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
    let b0 = UInt32(bytes[index])
    if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
    if b0 < 0xE0 {
      return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F) ?? "\u{FFFD}", 2)
    }
    if b0 < 0xF0 {
      let value = (b0 & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2]) & 0x3F
      return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
    }
    let value =
      (b0 & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12 | (UInt32(bytes[index + 2]) & 0x3F) << 6
      | UInt32(bytes[index + 3]) & 0x3F
    return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
  }

  /// Whether an emoticon can start with `byte` (`x` and `X` start words, read as words).
  @inline(__always)
  private static func mayStartEmoticon(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "=")
  }

  private func emoticon(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    for (number, candidate) in Tokenizer.emoticons.enumerated() {
      let count = candidate.count
      guard index + count <= bytes.count else { continue }
      var same = true
      for offset in 0..<count {
        var byte = bytes[index + offset]
        if byte >= 65 && byte <= 90 { byte += 32 }
        if byte != candidate[offset] {
          same = false
          break
        }
      }
      guard same else { continue }
      // An emoticon must stand alone: not glued to a following letter (":desk").
      if let next = nextScalar(bytes, after: index + count), Tokenizer.isWordScalar(next) { continue }
      return number
    }
    return nil
  }

  @inline(__always)
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (value >= 97 && value <= 122) || (value >= 65 && value <= 90) || (value >= 48 && value <= 57)
    }
    // Fast answers for the blocks journals use most (checked against the properties):
    // Latin-1 and Latin Extended letters, and General Punctuation (dashes, curly quotes).
    if value >= 0xC0 && value <= 0x24F { return value != 0xD7 && value != 0xF7 }
    if value >= 0x2000 && value <= 0x206F { return false }
    return hasWordProperties(scalar)
  }

  /// Out of line for the same reason as ``lowered(_:)``.
  @inline(never)
  private static func hasWordProperties(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
  }

  /// Whether a non-word, non-ASCII scalar is read as an emoji token.
  @inline(__always)
  static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value >= 0x2000 && value <= 0x206F { return value == 0x203C || value == 0x2049 }  // ‼ ⁉
    return hasEmojiProperties(scalar)
  }

  @inline(never)
  private static func hasEmojiProperties(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isEmojiPresentation || (scalar.properties.isEmoji && scalar.value > 0x2000)
  }

  /// Apostrophes and hyphens join two word parts (`don't`, `self-care`).
  @inline(__always)
  static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "'", "’", "‘", "ʼ", "-", "‐": return true
    default: return false
    }
  }

  static func normalizeApostrophes(_ text: String) -> String {
    // ASCII text (nearly every lexicon pattern) has none of them: a byte check, not a scalar walk.
    if !text.utf8.contains(where: { $0 >= 0x80 }) { return text }
    guard text.unicodeScalars.contains(where: { $0 == "’" || $0 == "‘" || $0 == "ʼ" || $0 == "‐" }) else {
      return text
    }
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "’", "‘", "ʼ": result.unicodeScalars.append("'")
      case "‐": result.unicodeScalars.append("-")
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
