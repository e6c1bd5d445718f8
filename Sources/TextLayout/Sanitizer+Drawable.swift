extension Sanitizer {
    /// The most columns one cluster may take: `Frame` gives a cluster one cell or a wide pair.
    static let maxClusterColumns = 2
    /// Combining marks kept on one spacing scalar: ncurses' `cchar_t` holds a spacing character
    /// and at most four more (`CCHARW_MAX` = 5), and zalgo text would otherwise pile up without end.
    static let maxMarksPerScalar = 4
    /// The base drawn under a combining mark that has none, as Unicode's charts do.
    static let dottedCircle: Unicode.Scalar = "\u{25CC}"
    /// What ncurses is given for a scalar it cannot size, and for C1 controls.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The visible stand-in for a control scalar: the Control Pictures block for C0 (so ESC is ␛
    /// and a newline is ␊), ␡ for DEL, and U+FFFD for C1, which has no pictures of its own.
    static func placeholder(forControl scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x20 { return Unicode.Scalar(0x2400 + value) ?? replacement }
        if value == 0x7F { return "\u{2421}" }
        return replacement
    }

    /// Calls `emit` with each scalar ncurses should draw for `character` and returns their
    /// total `wcwidth`; this one walk defines both `drawable` and `TextWidth.of`, so they agree.
    ///
    /// Everything after a ZWJ is dropped (terminals and `wcwidth` disagree on joined emoji),
    /// as are variation selectors, skin-tone modifiers after a base, format characters, marks past
    /// the fourth on one scalar, and spacing scalars that would take the cluster past two columns
    /// (which loses the tail of the rare Indic conjunct that wide).
    @inline(__always)
    static func walkDrawable(_ character: Character, _ emit: (Unicode.Scalar) -> Void) -> Int {
        if character == "\r\n" {
            emit(placeholder(forControl: "\n"))
            return 1
        }
        var columns = 0
        var marks = 0
        var started = false
        scalars: for scalar in character.unicodeScalars {
            let value = scalar.value
            if value == 0x200D { break }
            if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { continue }
            if started && (0x1F3FB...0x1F3FF).contains(value) { continue }
            let kind = WidthTable.kind(of: scalar)
            switch kind {
            case .control:
                // Controls are clusters of their own (CR LF was handled above).
                if started { break scalars }
                emit(placeholder(forControl: scalar))
                return 1
            case .format:
                continue
            case .mark:
                if !started {
                    emit(dottedCircle)
                    columns = 1
                    started = true
                }
                if marks < maxMarksPerScalar {
                    emit(scalar)
                    marks += 1
                }
            case .narrow, .wide, .unprintable:
                let width = kind == .wide ? 2 : 1
                if columns + width > maxClusterColumns { break scalars }
                emit(kind == .unprintable ? replacement : scalar)
                columns += width
                marks = 0
                started = true
            }
        }
        return columns
    }
}
