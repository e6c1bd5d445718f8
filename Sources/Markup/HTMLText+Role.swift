extension HTMLText {
    /// What an element kept on the converter's stack does when it ends.
    enum Role {
        case quote, list, code, link
        /// `s`, `del`, `strike`: `[struck: text]`, as Markdown's `~~text~~` shows, since dropping the strike
        /// reverses what "<s>Old</s> New" means.
        case struck
        /// A table: its cells are gathered and shown as aligned code lines when it ends.
        case table
        /// Its text is not shown (`script`, an image's caption, anything inside a stand-in).
        case hidden
        /// A media element or embed, shown as one line `[kind: title <address>]` when it ends.
        case standIn
    }
}
