import KaoheKit
/// How an option is written and described: its name, the value it takes (none for a flag),
/// its help, and what to say when a command that does not take it is given it.
struct OptionSpec: Sendable {
    /// With the dashes: `--quarter`.
    var name: String
    /// The value's name in help and usage (`N`, `文件`/`FILE`); nil for a flag.
    var valueName: LocalizedText?
    var help: LocalizedText
    /// The message when a command that does not declare this option is given it; nil for
    /// the general one that names the command.
    var misplaced: LocalizedText?

    var takesValue: Bool { valueName != nil }

    /// `--quarter N`, as help lists it.
    func synopsis(_ language: Language) -> String {
        valueName.map { "\(name) \($0.text(language))" } ?? name
    }
}

/// One row of a command's option table: the option's spec and how its value is stored into
/// `Target` (the command, or a group of options it includes).
struct Option<Target> {
    var spec: OptionSpec
    /// Converts and stores the value (empty for a flag); a bad value is a usage error.
    var store: (inout Target, String) throws(UsageError) -> Void

    /// An option that takes a value: `--month N`.
    static func value(_ name: String, _ valueName: LocalizedText, help: LocalizedText, misplaced: LocalizedText? = nil,
                      store: @escaping (inout Target, String) throws(UsageError) -> Void) -> Option {
        Option(spec: OptionSpec(name: name, valueName: valueName, help: help, misplaced: misplaced), store: store)
    }

    /// An option without a value: `--annual`.
    static func flag(_ name: String, help: LocalizedText, misplaced: LocalizedText? = nil,
                     store: @escaping (inout Target) throws(UsageError) -> Void) -> Option {
        Option(spec: OptionSpec(name: name, valueName: nil, help: help, misplaced: misplaced)) { (target: inout Target, _: String) throws(UsageError) in
            try store(&target)
        }
    }

    /// The same option, storing into the `Target` held at `path` of a larger value.
    func lifted<Outer>(_ path: WritableKeyPath<Outer, Target>) -> Option<Outer> {
        let store = self.store
        return Option<Outer>(spec: spec) { (outer: inout Outer, value: String) throws(UsageError) in
            try store(&outer[keyPath: path], value)
        }
    }
}
