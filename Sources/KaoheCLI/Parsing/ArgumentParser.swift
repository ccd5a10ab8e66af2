import KaoheKit
/// Splits a command line by a command's option table: `--name value`, `--name=value` and
/// `--flag` are options, anything else is a positional argument.
enum ArgumentParser {
    /// The positional arguments and the options with their values, in command-line order.
    struct Parsed<Target> {
        var positionals: [String] = []
        var options: [(option: Option<Target>, value: String)] = []
    }

    /// Reads `arguments` by `options`; an option missing from the table is the error
    /// `undeclared` gives for its name.
    static func parse<Target>(_ arguments: [String], options: [Option<Target>],
                              undeclared: (String) -> UsageError) throws(UsageError) -> Parsed<Target> {
        var parsed = Parsed<Target>()
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            guard argument.hasPrefix("--") else {
                parsed.positionals.append(argument)
                continue
            }
            let (name, attached) = split(argument)
            guard let option = options.first(where: { $0.spec.name == name }) else { throw undeclared(name) }
            if !option.spec.takesValue {
                if attached != nil { throw UsageError(zh: "选项 \(name) 不带值", en: "option \(name) takes no value") }
                parsed.options.append((option, ""))
            } else if let attached {
                parsed.options.append((option, attached))
            } else {
                guard i < arguments.count else { throw UsageError(zh: "选项 \(name) 需要一个值", en: "option \(name) needs a value") }
                parsed.options.append((option, arguments[i]))
                i += 1
            }
        }
        return parsed
    }

    /// The positional arguments with their places, skipping the values of the options named
    /// in `valued`, and never failing: finds the command before its table is known.
    static func positionals(_ arguments: [String], valued: Set<String>) -> [(index: Int, text: String)] {
        var found: [(index: Int, text: String)] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if !argument.hasPrefix("--") {
                found.append((i, argument))
            } else if split(argument).value == nil && valued.contains(argument) {
                i += 1
            }
            i += 1
        }
        return found
    }

    /// The language asked for, read before anything else so usage errors are in it too.
    static func language(in arguments: [String]) -> Language {
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang", i + 1 < arguments.count, arguments[i + 1] == "en" { return .en }
            if argument == "--lang=en" { return .en }
        }
        return .zh
    }

    /// `--name=value` as its name and value; `--name` with no value.
    private static func split(_ argument: String) -> (name: String, value: String?) {
        guard let eq = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
    }
}
