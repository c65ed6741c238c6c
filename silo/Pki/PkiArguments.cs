namespace KMN.Orleans.Silo.Pki;

/// <summary>The pki command line: a command, positional values and --name value options.</summary>
public sealed record PkiArguments(string? Command, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options)
{
    public string Folder => Options.GetValueOrDefault("folder") ?? Path.Combine(Environment.CurrentDirectory, ".kmn", "pki");

    public string Required(string name) =>
        Options.GetValueOrDefault(name) ?? throw new ArgumentException($"--{name} is required.");

    public static PkiArguments Parse(string[] args)
    {
        string? command = null;
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Length > 2)
            {
                var name = args[i][2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                    options[name[..eq]] = name[(eq + 1)..];
                else if (i + 1 < args.Length)
                    options[name] = args[++i];
                else
                    throw new ArgumentException($"--{name} needs a value.");
            }
            else if (command is null)
                command = args[i];
            else
                positional.Add(args[i]);
        }
        return new PkiArguments(command, positional, options);
    }
}
