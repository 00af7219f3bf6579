/// A comparison's fact as the line writes it, laid out once per plan node: its constant bytes
/// (names, operators, literals, the words between them), escaped as the line is, with places for
/// the values the client gives it. `payment_delay_days 42 > 30` is `payment_delay_days `, the
/// field's value, ` > 30`.
///
/// ``ExplanationLineWriter/held(_:)`` and ``ExplanationLineWriter/missed(_:)`` otherwise put a
/// fact together operand by operand (``LinePlan/Detail``, ``LinePlan/Style``), each a switch and
/// a few short appends: about 150 instructions a fact more on the shared benchmark. The pieces
/// are made with the writer's own appends, so the bytes are the same.
struct FactTemplates {
  /// A piece of a fact: bytes of ``bytes``, or the value of an operand (``LinePlan/operands``).
  enum Piece {
    case bytes(Int32, Int32)
    case value(Int32)
  }

  /// The constant bytes of every template, escaped as the line is.
  let bytes: UnsafeMutableBufferPointer<UInt8>
  /// Every template's pieces, one after another.
  let pieces: [Piece]
  /// For each plan node, by whether the fact is inverted (seen through a `not`): where its pieces
  /// are in ``pieces`` when it held, and when it kept its rule from matching; `nil` for a node
  /// that is not a comparison, or has an aggregate among its operands (whose origin the line
  /// names).
  let held: [(plain: Range<Int>?, inverted: Range<Int>?)]
  let missed: [(plain: Range<Int>?, inverted: Range<Int>?)]

  /// The templates of `plan`'s comparisons, their texts taken through `text` and written as
  /// `escaping` says.
  init(plan: LinePlan, escaping: LineEscaping, text: (Range<Int>) -> UnsafeBufferPointer<UInt8>) {
    let made = LineBytes(escaping: escaping)
    var pieces: [Piece] = []
    var open = 0
    func cut() {
      if made.count > open { pieces.append(.bytes(Int32(open), Int32(made.count))) }
      open = made.count
    }
    // ``ExplanationLineWriter``'s `operand(_:of:)`; `false` for an aggregate.
    func operand(_ number: Int32) -> Bool {
      let operand = plan.operands[Int(number)]
      made.append(text(operand.written))
      switch operand.style {
      case .constant: return true
      case .named: made.append(" ")
      case .parenthesized: made.append(" (")
      case .aggregate: return false
      }
      cut()
      pieces.append(.value(number))
      if case .parenthesized = operand.style { made.append(")") }
      return true
    }
    // The pieces that `write` appends, or `nil` (and none kept) when an operand is an aggregate.
    func template(_ write: () -> Bool) -> Range<Int>? {
      let (start, bytesStart) = (pieces.count, made.count)
      open = made.count
      guard write() else {
        pieces.removeLast(pieces.count - start)
        made.truncate(to: bytesStart)
        return nil
      }
      cut()
      return start..<pieces.count
    }
    var held: [(plain: Range<Int>?, inverted: Range<Int>?)] = []
    var missed: [(plain: Range<Int>?, inverted: Range<Int>?)] = []
    for node in plan.nodes {
      guard node.kind == .comparison,
        case .comparison(let comparison, let left, let right, let flipped, _) = node.detail
      else {
        held.append((nil, nil))
        missed.append((nil, nil))
        continue
      }
      let (subject, other) = flipped ? (right, left) : (left, right)
      // `detail`, `subject` and `requirement`, word for word.
      func requirement(_ words: StaticString) -> Bool {
        guard operand(subject) else { return false }
        made.append(words)
        made.append(flipped ? comparison.flipped : comparison)
        made.append(" ")
        return operand(other)
      }
      let detail = template {
        guard operand(left) else { return false }
        made.append(" ")
        made.append(comparison)
        made.append(" ")
        return operand(right)
      }
      held.append((detail, template { requirement(", not ") }))
      missed.append((template { requirement(", needs ") }, template { requirement(", needs not ") }))
    }
    self.bytes = .allocate(capacity: max(1, made.count))
    _ = self.bytes.initialize(from: made.bytes)
    self.pieces = pieces
    self.held = held
    self.missed = missed
  }

  /// Gives the bytes back: by the writer that holds the templates, when it goes.
  func deallocate() {
    bytes.deallocate()
  }
}

extension ExplanationLineWriter {
  /// Writes the fact of plan node `node` from the template `pieces` of ``templates``: its bytes
  /// as they are, its operands' values as `shown(_:of:)` writes them.
  func write(template pieces: Range<Int>, of node: Int32) {
    for position in pieces {
      switch templates.pieces[position] {
      case .bytes(let start, let end):
        out.append(UnsafeBufferPointer(rebasing: templates.bytes[Int(start)..<Int(end)]))
      case .value(let operand):
        shown(plan.operands[Int(operand)], of: node)
      }
    }
  }
}
