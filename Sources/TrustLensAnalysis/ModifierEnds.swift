extension Analyzer {
  /// Marks on every token the rule modifiers that end at it (``Token/modifierEnds``).
  ///
  /// A modifier's words and clause do not depend on the match after it, so each is verified
  /// once per text here, and the checks before a match (its context, the scaling of hand
  /// weights and of valence words) read one set of bits per token instead of walking every
  /// modifier chain again for every match.
  func markModifierEnds(_ tokens: UnsafeMutableBufferPointer<Token>) {
    let read = UnsafeBufferPointer(tokens)
    for index in tokens.indices where tokens[index].classes.contains(.endsModifier) {
      // One call per set: an array of the sets would copy (retain) their arrays for every text.
      var kinds: CompiledLexicon.ModifierKinds = []
      func mark(_ set: CompiledLexicon.ModifierSet) {
        if set.factor(endingAt: index, tokens: read) != nil { kinds.insert(set.kind) }
      }
      mark(compiled.intensifiers)
      mark(compiled.softeners)
      mark(compiled.hedges)
      mark(compiled.past)
      mark(compiled.doubts)
      tokens[index].modifierEnds = kinds
    }
  }

  /// The kinds of modifier that end within their window before `position`, in its clause.
  func modifiers(before position: Int, tokens: UnsafeBufferPointer<Token>) -> CompiledLexicon.ModifierKinds {
    let clause = tokens[position].clause
    var found: CompiledLexicon.ModifierKinds = []
    var end = position - 1
    while end >= 0, position - end <= CompiledLexicon.ModifierKinds.widestWindow, tokens[end].clause == clause {
      found.formUnion(tokens[end].modifierEnds.intersection(CompiledLexicon.ModifierKinds.reaching[position - end]))
      end -= 1
    }
    return found
  }

  /// The factor of the nearest modifier of `modifiers` ending within its window before
  /// `position`, in its clause; the first of them in load order where several end there.
  func modifier(
    _ modifiers: CompiledLexicon.ModifierSet, before position: Int, tokens: UnsafeBufferPointer<Token>
  ) -> Double? {
    let clause = tokens[position].clause
    var end = position - 1
    while end >= 0, position - end <= modifiers.kind.window, tokens[end].clause == clause {
      if tokens[end].modifierEnds.contains(modifiers.kind) { return modifiers.factor(endingAt: end, tokens: tokens) }
      end -= 1
    }
    return nil
  }
}
